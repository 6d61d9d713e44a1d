/**
 * The background's answers to every message of BackgroundMessages. Dependencies come in as
 * arguments so the handlers run in tests without a browser.
 */
import { checkArticle } from '../core/check-article';
import type { ArticleReport } from '../core/types';
import { hashText } from '../core/text-hash';
import type {
  BackgroundMessages,
  Handlers,
  ImportAnswer,
  KeepAnswer,
  PageStatus,
  Sender,
  TabState,
} from '../shared/messages';
import { isSiteDisabled, isSiteExcluded, type Settings } from '../shared/settings';
import type { LoadedCorpus } from './corpus-service';
import type { LibraryService } from './library-service';
import { fromBase64 } from '../shared/base64';
import type { SelectionStore } from './selection-menu';
import type { TabStore } from './tab-store';

/** What the handlers need from the rest of the background. */
export interface BackgroundDeps {
  corpus: () => Promise<LoadedCorpus>;
  store: TabStore;
  settings: () => Promise<Settings>;
  showBadge: (tabId: number, state: TabState | null) => Promise<void>;
  now: () => number;
  /**
   * The reader's library: null while it is not in use (keeping off and nothing kept), unless
   * `create` asks for it (a reader keeping an article by hand, the library page).
   */
  library?: (create: boolean) => Promise<LibraryService | null>;
  /** Whether a tab is in a private window. */
  isPrivateTab?: (tabId: number) => Promise<boolean>;
  /** Asks a tab's page to be checked again (the library changed under its report). */
  refreshTab?: (tabId: number) => Promise<void>;
  /** Asks every checked page to be checked again. */
  refreshAll?: () => Promise<void>;
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

  /** The library, if in use; a library that fails to open never stops a page being checked. */
  const libraryIfUsed = async (): Promise<LibraryService | null> =>
    deps.library ? deps.library(false).catch(() => null) : null;
  const library = async (): Promise<LibraryService> => {
    const found = deps.library ? await deps.library(true) : null;
    if (!found) throw new Error('The library is not available');
    return found;
  };
  const refused = (message: string): KeepAnswer => ({ status: 'refused', id: null, message });
  /**
   * The one check path for every text (an article, a selection, a pasted text): the engine's
   * entrance, against the bundled reports and the library when it is in use, behind a cache keyed
   * by the exact inputs (a hash chosen by a sender is never trusted for this). `url` is the page
   * the text is on, so that a kept copy of the page is not its own match; null for a pasted text.
   * `settings` are the reader's, as the caller read them (how sure a shown match must be).
   */
  const reportFor = async (
    corpus: LoadedCorpus,
    lib: LibraryService | null,
    page: {
      title: string | null;
      detected: boolean;
      text: string;
      published?: string | null;
      context?: string;
    },
    url: URL | null,
    settings: Settings,
  ): Promise<ArticleReport> => {
    const published = page.published ?? null;
    // How sure a shown match must be, and the matches marked "not the same claim": the reader's.
    const { minChance, hiddenMatches } = settings;
    const key = JSON.stringify([
      page.title,
      page.detected,
      published,
      page.text,
      page.context ?? null,
      lib?.generation ?? 0,
      lib && url ? url.href : '',
      minChance,
      hashText(hiddenMatches.join(' ')),
    ]);
    let report = cache.get(key);
    if (report === undefined) {
      const options = {
        title: page.title,
        detected: page.detected,
        threshold: minChance,
        hidden: hiddenMatches,
        // Where each claim comes from (provenance): the corpus's echo groups.
        groups: corpus.groups,
        published,
        // The answer is stored per tab or sent to a page: the groups it needs, not every group.
        matchedGroupsOnly: true,
        // A selection in an article is judged with the article around it.
        ...(page.context ? { context: page.context } : {}),
      };
      report = lib
        ? await lib.check(page.text, { ...options, url: url?.href ?? '' })
        : checkArticle(corpus.matcher, page.text, options);
      cache.set(key, report);
    }
    return report;
  };

  /** After a change the reader asked for, pages whose reports listed library articles catch up. */
  const afterChange = (): void => {
    void deps.refreshAll?.().catch(() => undefined);
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
      const settings = await deps.settings();
      if (isSiteDisabled(settings, url.hostname)) {
        return save(tabId, blank(url, 'disabled'));
      }
      let corpus: LoadedCorpus;
      try {
        corpus = await deps.corpus();
      } catch (error) {
        return save(tabId, { ...blank(url, 'error'), error: errorMessage(error) });
      }
      const lib = await libraryIfUsed();
      const generation = lib?.generation ?? 0;
      const report = await reportFor(corpus, lib, payload, url, settings);
      return save(tabId, {
        ...blank(url, 'ready'),
        hash: payload.hash,
        report,
        truncated: payload.truncated || report.truncated === true,
        echo: corpus.info.echo,
        library: generation,
        scope: payload.scope,
      });
    },

    async 'page-status'(payload, sender) {
      const tabId = senderTab(sender);
      return save(tabId, blank(pageUrl(payload.url, sender), payload.status));
    },

    async 'get-tab-state'(payload) {
      const state = await deps.store.get(payload.tabId);
      if (state?.status === 'ready' && deps.refreshTab) {
        // A report made before articles were kept or forgotten is made again first.
        const lib = await libraryIfUsed();
        if ((lib?.generation ?? 0) !== (state.library ?? 0)) {
          await deps.refreshTab(payload.tabId).catch(() => undefined);
          return deps.store.get(payload.tabId);
        }
      }
      return state;
    },

    async 'get-corpus'() {
      return (await deps.corpus()).info;
    },

    async 'search-corpus'(payload) {
      return (await deps.corpus()).search(payload.query.trim());
    },

    async 'keep-article'(payload, sender) {
      senderTab(sender);
      const url = pageUrl(payload.url, sender);
      if (sender.tab?.incognito) return refused('Articles read in private windows are never kept.');
      const settings = await deps.settings();
      if (!payload.manual && !settings.keepArticles) return refused('Keeping articles is off.');
      if (isSiteDisabled(settings, url.hostname) || isSiteExcluded(settings, url.hostname))
        return refused('Articles from this site are not kept.');
      const lib = await library();
      // The same page as a kept or bundled report (a copy, a re-rendered page) is not kept again.
      const report = await reportFor(
        await deps.corpus(),
        lib,
        { title: payload.title, detected: true, text: payload.text },
        url,
        settings,
      );
      const result = await lib.keep(
        {
          url: url.href,
          outlet: payload.outlet?.trim() || url.hostname.replace(/^www\./, ''),
          title: payload.title,
          published: payload.published,
          read: new Date(deps.now()).toISOString(),
          text: payload.text,
        },
        report.self?.report ?? null,
      );
      switch (result.status) {
        case 'kept':
          return { status: 'kept', id: result.id, message: null };
        case 'duplicate':
          return {
            status: 'duplicate',
            id: result.id,
            message:
              result.reason === 'corpus'
                ? 'This article is one of the bundled reports.'
                : 'This article is already in your library.',
          };
        case 'error':
          return { status: 'error', id: null, message: result.error, full: result.full };
      }
    },

    async 'library-page'(payload) {
      const [settings, state, lib, isPrivate] = await Promise.all([
        deps.settings(),
        deps.store.get(payload.tabId),
        library(),
        deps.isPrivateTab?.(payload.tabId).catch(() => false) ?? false,
      ]);
      const host = state ? state.host : '';
      const kept = state ? await lib.keptAt(state.url) : null;
      return {
        keeping: settings.keepArticles,
        kept,
        blocked: isPrivate
          ? 'private'
          : host && (isSiteDisabled(settings, host) || isSiteExcluded(settings, host))
            ? 'excluded'
            : state?.status === 'ready'
              ? null
              : 'not-checked',
        articles: await lib.count(),
        error: lib.lastError,
        generation: lib.generation,
      };
    },

    async 'library-forget'(payload) {
      await (await library()).forget(payload.ids);
      afterChange();
      return null;
    },

    async 'library-clear'() {
      await (await library()).clear();
      afterChange();
      return null;
    },

    async 'library-import'(payload): Promise<ImportAnswer> {
      const result = await (await library()).importArticles(payload.articles);
      if (result.added > 0) afterChange();
      return result;
    },

    async 'library-import-corpus'(payload): Promise<ImportAnswer> {
      const result = await (await library()).importCorpus(fromBase64(payload.data));
      if (result.added > 0) afterChange();
      return result;
    },

    async 'check-text'(payload) {
      const corpus = await deps.corpus();
      const report = await reportFor(
        corpus,
        await libraryIfUsed(),
        payload,
        null,
        await deps.settings(),
      );
      return { report, echo: corpus.info.echo };
    },

    async 'get-selection-text'(payload) {
      return deps.selections.get(payload.id);
    },
  };
}
