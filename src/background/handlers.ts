/**
 * The background's answers to every message of BackgroundMessages. Dependencies come in as
 * arguments so the handlers run in tests without a browser.
 */
import { checkArticle } from '../core/check-article';
import type { ArticleReport } from '../core/types';
import type {
  BackgroundMessages,
  Handlers,
  PageStatus,
  Sender,
  TabState,
} from '../shared/messages';
import { isSiteDisabled, type Settings } from '../shared/settings';
import type { LoadedCorpus } from './corpus-service';
import type { SelectionStore } from './selection-menu';
import type { TabStore } from './tab-store';

/** What the handlers need from the rest of the background. */
export interface BackgroundDeps {
  corpus: () => Promise<LoadedCorpus>;
  store: TabStore;
  settings: () => Promise<Settings>;
  showBadge: (tabId: number, state: TabState | null) => Promise<void>;
  now: () => number;
  /** Selections kept for the check page (see selection-menu.ts). */
  selections: SelectionStore;
}

function senderTab(sender: Sender): number {
  const tabId = sender.tab?.id;
  // The dispatcher only lets content scripts in tabs send these; this guards a misconfiguration.
  if (typeof tabId !== 'number') throw new Error('Not sent from a tab');
  return tabId;
}

/**
 * The page's URL, checked against where the message came from: a content script reports its
 * own page, so a URL of another origin is refused.
 */
function pageUrl(reported: string, sender: Sender): URL {
  let url: URL;
  try {
    url = new URL(reported);
  } catch {
    throw new Error('Invalid page URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Not a web page');
  if (typeof sender.url === 'string' && new URL(sender.url).origin !== url.origin) {
    throw new Error('Page URL does not match the sender');
  }
  return url;
}

// Reports of recently checked texts. A tab that navigates within its page resends the same text;
// answering from here keeps the matcher from running twice on it (and serves two tabs of one page).
const REPORT_CACHE_SIZE = 16;

/** A small least-recently-used cache of reports, keyed by the exact request. */
class ReportCache {
  private readonly entries = new Map<string, ArticleReport>();

  get(key: string): ArticleReport | undefined {
    const report = this.entries.get(key);
    if (report !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, report);
    }
    return report;
  }

  set(key: string, report: ArticleReport): void {
    this.entries.delete(key);
    this.entries.set(key, report);
    if (this.entries.size > REPORT_CACHE_SIZE) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The background's handlers. */
export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundMessages> {
  const blank = (url: URL, status: PageStatus): TabState => ({
    status,
    url: url.href,
    host: url.hostname,
    hash: null,
    report: null,
    truncated: false,
    echo: null,
    error: null,
    updatedAt: deps.now(),
  });

  const cache = new ReportCache();

  /**
   * The one check path for every text (an article, a selection, a pasted text): the engine's
   * entrance, behind a cache keyed by the exact inputs (a hash chosen by a sender is never
   * trusted for this).
   */
  const reportOn = (
    corpus: LoadedCorpus,
    text: string,
    options: { title: string | null; detected: boolean; published: string | null },
  ): ArticleReport => {
    const key = JSON.stringify([options.title, options.detected, options.published, text]);
    let report = cache.get(key);
    if (report === undefined) {
      report = checkArticle(corpus.matcher, text, {
        ...options,
        // Where each claim comes from (provenance): the corpus's echo groups.
        groups: corpus.groups,
        // The answer is stored per tab or sent to a page: the groups it needs, not every group.
        matchedGroupsOnly: true,
      });
      cache.set(key, report);
    }
    return report;
  };

  const save = async (tabId: number, state: TabState): Promise<TabState> => {
    await deps.store.set(tabId, state);
    await deps.showBadge(tabId, state);
    return state;
  };

  return {
    async 'check-article'(payload, sender) {
      const tabId = senderTab(sender);
      const url = pageUrl(payload.url, sender);
      // The content script checks this too; a late message from before the user turned the site
      // off must not bring highlights back.
      if (isSiteDisabled(await deps.settings(), url.hostname)) {
        return save(tabId, blank(url, 'disabled'));
      }
      let corpus: LoadedCorpus;
      try {
        corpus = await deps.corpus();
      } catch (error) {
        return save(tabId, { ...blank(url, 'error'), error: errorMessage(error) });
      }
      const report = reportOn(corpus, payload.text, {
        title: payload.title,
        detected: payload.detected,
        published: payload.published ?? null,
      });
      return save(tabId, {
        ...blank(url, 'ready'),
        hash: payload.hash,
        report,
        truncated: payload.truncated || report.truncated === true,
        echo: corpus.info.echo,
        scope: payload.scope,
      });
    },

    async 'page-status'(payload, sender) {
      const tabId = senderTab(sender);
      return save(tabId, blank(pageUrl(payload.url, sender), payload.status));
    },

    async 'get-tab-state'(payload) {
      return deps.store.get(payload.tabId);
    },

    async 'get-corpus'() {
      return (await deps.corpus()).info;
    },

    async 'search-corpus'(payload) {
      return (await deps.corpus()).search(payload.query.trim());
    },

    async 'check-text'(payload) {
      const corpus = await deps.corpus();
      const report = reportOn(corpus, payload.text, {
        title: payload.title,
        detected: payload.detected,
        published: payload.published ?? null,
      });
      return { report, echo: corpus.info.echo };
    },

    async 'get-selection-text'(payload) {
      return deps.selections.get(payload.id);
    },
  };
}
