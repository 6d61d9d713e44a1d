/** Entry of library.html. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { getApi, useApi } from '../shared/browser-api';
import { uiLanguage } from '../shared/i18n';
import { extensionLibraryClient } from './client';
import { LibraryApp } from './library-app';

useApi(browser);
const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = uiLanguage();
  render(<LibraryApp client={extensionLibraryClient(getApi())} />, root);
}
