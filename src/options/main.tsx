/** Entry of options.html. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { getApi, useApi } from '../shared/browser-api';
import { uiLanguage } from '../shared/i18n';
import { OptionsApp } from './options-app';
import { extensionOptionsClient } from './client';

useApi(browser);
const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = uiLanguage();
  render(<OptionsApp client={extensionOptionsClient(getApi())} />, root);
}
