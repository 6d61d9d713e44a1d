/**
 * What the options page needs from the extension, behind one interface so the page renders in
 * tests with a stub.
 */
import type { CorpusHit } from '../core/corpus-search';
import type { Api } from '../shared/browser-api';
import { toggleShortcut } from '../shared/commands';
import { sendToBackground, type CorpusInfo, type Result } from '../shared/messages';
import { readSettings, updateSettings, watchSettings, type Settings } from '../shared/settings';

/** The options page's window onto the extension. */
export interface OptionsClient {
  settings(): Promise<Settings>;
  updateSettings(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Calls back when the settings change elsewhere (popup, keyboard command); returns an unsubscribe. */
  watchSettings(listener: (settings: Settings) => void): () => void;
  corpus(): Promise<Result<CorpusInfo>>;
  /** The corpus sentences best matching `query` (trimmed, 1 to 200 characters), best first. */
  searchCorpus(query: string): Promise<Result<CorpusHit[]>>;
  /** The keyboard shortcut that toggles highlights, or null when none is set. */
  shortcut(): Promise<string | null>;
  /**
   * Asks the browser to keep the extension's storage when the disk runs low
   * (`navigator.storage.persist()`); whether it will, or null when it cannot say.
   */
  requestPersist(): Promise<boolean | null>;
}

/** The client over the real extension APIs. */
export function extensionOptionsClient(api: Api): OptionsClient {
  return {
    settings: () => readSettings(api),
    updateSettings: (change) => updateSettings(api, change),
    watchSettings: (listener) => watchSettings(api, listener),
    corpus: () => sendToBackground(api, 'get-corpus', {}),
    searchCorpus: (query) => sendToBackground(api, 'search-corpus', { query: query.trim() }),
    shortcut: () => toggleShortcut(api),
    async requestPersist() {
      try {
        return await navigator.storage.persist();
      } catch {
        return null;
      }
    },
  };
}
