/**
 * Everything the popup needs from the rest of the extension, behind one small interface: the
 * views import only this type, so tests render them with a stub instead of a browser.
 */
import type { Api } from '../shared/browser-api';
import { toggleShortcut } from '../shared/commands';
import {
  sendToBackground,
  sendToContent,
  type CorpusInfo,
  type FlashSentenceRequest,
  type KeepAnswer,
  type LibraryPageState,
  type Result,
  type TabState,
  tabStateKey,
} from '../shared/messages';
import {
  readSettings,
  SETTINGS_KEY,
  parseSettings,
  updateSettings,
  type Settings,
} from '../shared/settings';

/** The popup's window onto the extension. */
export interface PopupClient {
  /** True when the view fills a tab (`popup.html?tab=<id>`) rather than the toolbar popup. */
  readonly fullPage: boolean;
  /** The tab to report on: `?tab=<id>` or the active tab; null when there is none. */
  tabId(): Promise<number | null>;
  tabState(tabId: number): Promise<Result<TabState | null>>;
  corpus(): Promise<Result<CorpusInfo>>;
  settings(): Promise<Settings>;
  updateSettings(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Asks the page to send its state again; false when no content script answers. */
  refresh(tabId: number): Promise<boolean>;
  /** "Check this page anyway"; false when no content script answers. */
  checkNow(tabId: number): Promise<boolean>;
  /** Scrolls the page to a sentence and flashes it; false when the page has changed. */
  flash(tabId: number, request: FlashSentenceRequest): Promise<boolean>;
  /** The keyboard shortcut that toggles highlights, or null when none is set. */
  shortcut(): Promise<string | null>;
  openFullReport(tabId: number): Promise<void>;
  openOptions(): Promise<void>;
  /** Whether the tab's page is in the reader's library, and whether it can be. */
  libraryPage(tabId: number): Promise<Result<LibraryPageState>>;
  /** "Keep this article": the page sends its article to the library. */
  keepArticle(tabId: number): Promise<Result<KeepAnswer>>;
  /** "Forget this article". */
  forgetArticles(ids: number[]): Promise<Result<null>>;
  /** Opens the library page in a tab. */
  openLibrary(): Promise<void>;
  /** Opens the check page (check.html), where any text can be pasted and checked. */
  openCheckPage(): Promise<void>;
  /** Calls back when the tab's state or the settings change; returns an unsubscribe. */
  subscribe(
    tabId: number,
    onTabState: (state: TabState | null) => void,
    onSettings: (settings: Settings) => void,
  ): () => void;
}

/** The tab id in a `?tab=<id>` query, or null. */
export function tabFromQuery(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

/** The client over the real extension APIs. */
export function extensionClient(api: Api, search: string): PopupClient {
  const queryTab = tabFromQuery(search);
  return {
    fullPage: queryTab !== null,
    async tabId() {
      if (queryTab !== null) return queryTab;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    tabState: (tabId) => sendToBackground(api, 'get-tab-state', { tabId }),
    corpus: () => sendToBackground(api, 'get-corpus', {}),
    settings: () => readSettings(api),
    updateSettings: (change) => updateSettings(api, change),
    async refresh(tabId) {
      return (await sendToContent(api, tabId, 'report-status', {})).ok;
    },
    async checkNow(tabId) {
      return (await sendToContent(api, tabId, 'check-now', {})).ok;
    },
    async flash(tabId, request) {
      const answer = await sendToContent(api, tabId, 'flash-sentence', request);
      if (answer.ok && answer.value && queryTab !== null) {
        // In the full-page report the article is in another tab: bring it forward.
        await api.tabs.update(tabId, { active: true }).catch(() => undefined);
      }
      return answer.ok && answer.value;
    },
    shortcut: () => toggleShortcut(api),
    async openFullReport(tabId) {
      await api.tabs.create({ url: api.runtime.getURL(`popup.html?tab=${tabId}`) });
    },
    async openOptions() {
      await api.runtime.openOptionsPage();
    },
    libraryPage: (tabId) => sendToBackground(api, 'library-page', { tabId }),
    keepArticle: (tabId) => sendToContent(api, tabId, 'keep-now', {}),
    forgetArticles: (ids) => sendToBackground(api, 'library-forget', { ids }),
    async openLibrary() {
      await api.tabs.create({ url: api.runtime.getURL('library.html') });
    },
    async openCheckPage() {
      await api.tabs.create({ url: api.runtime.getURL('check.html') });
    },
    subscribe(tabId, onTabState, onSettings) {
      const key = tabStateKey(tabId);
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'session' && Object.hasOwn(changes, key)) {
          const next = changes[key]?.newValue;
          onTabState(next === undefined ? null : (next as TabState));
        }
        if (area === 'local' && Object.hasOwn(changes, SETTINGS_KEY)) {
          onSettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
        }
      };
      api.storage.onChanged.addListener(listener);
      return () => api.storage.onChanged.removeListener(listener);
    },
  };
}
