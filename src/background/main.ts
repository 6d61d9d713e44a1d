/**
 * The background (a service worker in Chrome, an event page in Firefox). Every listener is
 * registered synchronously at start, as both browsers require for a worker woken by an event.
 */
import { validateCompiled, type CompiledCorpus } from '../core/corpus-format';
import { indexOfCompiled } from '../core/index/compile';
import { Matcher } from '../core/matcher';
import browser from 'webextension-polyfill';
import { Library, TextCache } from '../library/library';
import { LIBRARY_DB } from '../library/schema';
import { LibraryStore } from '../library/store';
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
import { libraryService, type LibraryService } from './library-service';
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

// Texts of library articles, read from storage when a match to one is shown.
const texts = new TextCache();
let matcher: Matcher | null = null;
const corpus = cacheCorpus(() =>
  loadCorpus(
    api.runtime.getURL(INDEX_PATH),
    async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
    (compiled) => {
      const checked = compiled as CompiledCorpus;
      validateCompiled(checked);
      // One index for the bundled reports and, once loaded, the reader's library.
      matcher = Matcher.over(indexOfCompiled(checked, texts), checked.story);
      return matcher;
    },
  ),
);

let library: Promise<LibraryService> | null = null;
/** The library, loaded into the corpus's index on first use. */
const openLibrary = (): Promise<LibraryService> =>
  (library ??= (async () => {
    const loadedCorpus = await corpus();
    if (!matcher) throw new Error('The corpus did not load');
    const store = new LibraryStore();
    const loaded = new Library(store, matcher.index, texts);
    await loaded.load();
    loaded.scheduleMerge();
    return libraryService(matcher, loaded, store, { groups: loadedCorpus.groups });
  })().catch((error: unknown) => {
    library = null;
    throw error;
  }));

/** Whether the library is in use: keeping is on, or a library was kept before. */
async function libraryInUse(): Promise<boolean> {
  if (library) return true;
  if ((await readSettings(api)).keepArticles) return true;
  try {
    const databases = await indexedDB.databases();
    return databases.some((db) => db.name === LIBRARY_DB);
  } catch {
    return true;
  }
}

/** Asks a tab's content script to send its page again, waiting a few seconds at most. */
async function refreshTab(tabId: number): Promise<void> {
  await Promise.race([
    sendToContent(api, tabId, 'report-status', {}),
    new Promise((resolve) => setTimeout(resolve, REFRESH_WAIT_MS)),
  ]);
}
/** How long a popup waits for a page to be checked again before showing what it has. */
const REFRESH_WAIT_MS = 4_000;

const handlers = createBackgroundHandlers({
  corpus,
  store,
  settings: () => readSettings(api),
  showBadge: (tabId, state) => showBadge(api, tabId, state),
  now: () => Date.now(),
  library: async (create) => (create || (await libraryInUse()) ? openLibrary() : null),
  isPrivateTab: async (tabId) => (await api.tabs.get(tabId)).incognito,
  refreshTab,
  async refreshAll() {
    const tabs = await api.tabs.query({});
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined) return;
        const state = await store.get(tab.id);
        if (state?.status === 'ready') await refreshTab(tab.id);
      }),
    );
  },
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
