/** Entry of popup.html: the popup, or the full-page report with `?tab=<id>`. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { getApi, useApi } from '../shared/browser-api';
import { uiLanguage } from '../shared/i18n';
import { App } from './app';
import { extensionClient } from './client';

useApi(browser);
const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = uiLanguage();
  render(<App client={extensionClient(getApi(), location.search)} />, root);
}
