/**
 * The background (a service worker in Chrome, an event page in Firefox). Every listener is
 * registered synchronously at start, as both browsers require for a worker woken by an event.
 */
import { Matcher } from '../core/matcher';
import browser from 'webextension-polyfill';
import { getApi, useApi } from '../shared/browser-api';
import { TOGGLE_HIGHLIGHTS_COMMAND } from '../shared/commands';
import {
  backgroundSenders,
  backgroundValidators,
  classifySender,
  createDispatcher,
  listen,
  sendToContent,
} from '../shared/messages';
import { readSettings, updateSettings } from '../shared/settings';
import { showBadge } from './badge';
import { cacheCorpus, INDEX_PATH, loadCorpus } from './corpus-service';
import { createBackgroundHandlers } from './handlers';
import {
  createSelectionMenu,
  onSelectionMenu,
  openExtensionPage,
  sessionSelectionStore,
} from './selection-menu';
import { sessionTabStore } from './tab-store';

useApi(browser);
const api = getApi();
const store = sessionTabStore(api);
const selections = sessionSelectionStore(api);

const corpus = cacheCorpus(() =>
  loadCorpus(
    api.runtime.getURL(INDEX_PATH),
    async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
    (compiled) => Matcher.fromCompiled(compiled as Parameters<typeof Matcher.fromCompiled>[0]),
  ),
);

const handlers = createBackgroundHandlers({
  corpus,
  store,
  settings: () => readSettings(api),
  showBadge: (tabId, state) => showBadge(api, tabId, state),
  now: () => Date.now(),
  selections,
});

const ownOrigin = api.runtime.getURL('');
listen(
  api,
  createDispatcher({
    validators: backgroundValidators,
    handlers,
    acceptSender: (type, sender) =>
      classifySender(sender, api.runtime.id, ownOrigin) === backgroundSenders[type],
  }),
);

// A new document in the tab: what we knew about the old one no longer applies. Same-document
// navigations are re-checked by the content script, which sends the new state itself.
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'loading') return;
  void store.remove(tabId).then(() => showBadge(api, tabId, null));
});

api.tabs.onRemoved.addListener((tabId) => {
  void store.remove(tabId);
});

// The same setting as the popup's switch: content scripts follow it through storage.onChanged.
api.commands.onCommand.addListener((command) => {
  if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return;
  void updateSettings(api, (settings) => ({ ...settings, highlights: !settings.highlights }));
});

api.runtime.onInstalled.addListener(() => {
  void createSelectionMenu(api).catch(() => {
    // No context menus here (e.g. Firefox for Android): the check page still takes any text.
  });
});

// "Cross-check selection": the page checks and highlights its selection, or the check page does.
api.contextMenus?.onClicked.addListener((info, tab) => {
  void onSelectionMenu(
    {
      async checkInPage(tabId) {
        const answer = await sendToContent(api, tabId, 'check-selection', {});
        return answer.ok && answer.value;
      },
      selections,
      openPage: (path, opener) => openExtensionPage(api, path, opener),
    },
    info,
    tab,
  );
});
