/** Entry of options.html. */
import { render } from 'preact';
import { getApi } from '../shared/browser-api';
import { uiLanguage } from '../shared/i18n';
import { OptionsApp } from './options-app';
import { extensionOptionsClient } from './client';

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = uiLanguage();
  render(<OptionsApp client={extensionOptionsClient(getApi())} />, root);
}
