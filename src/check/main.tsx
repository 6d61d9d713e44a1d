/** Entry of check.html: the check page, where any text is checked. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { getApi, useApi } from '../shared/browser-api';
import { uiLanguage } from '../shared/i18n';
import { CheckApp } from './check-app';
import { extensionCheckClient } from './client';

useApi(browser);
const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = uiLanguage();
  render(<CheckApp client={extensionCheckClient(getApi(), location.search)} />, root);
}
