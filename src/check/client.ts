/**
 * What the check page needs from the rest of the extension, behind one small interface, so the
 * page renders in tests with a stub.
 */
import type { Api } from '../shared/browser-api';
import {
  sendToBackground,
  type CheckTextRequest,
  type CorpusInfo,
  type KeptSelection,
  type Result,
  type TextCheck,
} from '../shared/messages';
import { readSettings, updateSettings, watchSettings, type Settings } from '../shared/settings';

/** The check page's window onto the extension. */
export interface CheckClient {
  corpus(): Promise<Result<CorpusInfo>>;
  /** Checks a text (at most MAX_CHECK_CHARS: the page cuts longer ones and says so). */
  check(request: CheckTextRequest): Promise<Result<TextCheck>>;
  /**
   * The selection this page was opened with (`?selection=<id>`, from "Cross-check selection" on a
   * page that could not check it itself): undefined when there is none, null when it is gone.
   */
  keptSelection(): Promise<KeptSelection | null | undefined>;
  /**
   * Calls `listener` with the reader's settings each time they change (how sure a match must be,
   * among them); returns the function that stops it.
   */
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** The reader's settings as stored now. */
  settings(): Promise<Settings>;
  /** Applies `change` to the stored settings (a match marked "not the same claim", say). */
  updateSettings(change: (settings: Settings) => Settings): Promise<Settings>;
}

/** The `?selection=<id>` of the page's address, or null. */
export function selectionFromQuery(search: string): string | null {
  const id = new URLSearchParams(search).get('selection');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

/** The client over the real extension APIs. */
export function extensionCheckClient(api: Api, search: string): CheckClient {
  const selection = selectionFromQuery(search);
  return {
    corpus: () => sendToBackground(api, 'get-corpus', {}),
    check: (request) => sendToBackground(api, 'check-text', request),
    async keptSelection() {
      if (selection === null) return undefined;
      const answer = await sendToBackground(api, 'get-selection-text', { id: selection });
      return answer.ok ? answer.value : null;
    },
    watchSettings: (listener) => watchSettings(api, listener),
    settings: () => readSettings(api),
    updateSettings: (change) => updateSettings(api, change),
  };
}
