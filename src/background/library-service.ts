/**
 * The reader's library as the background uses it: each page is checked against the bundled
 * corpus and the library together (never against its own kept copy), and the library is kept,
 * forgotten, cleared and imported into from here, the one place that owns it.
 */
import { completeArticleCheck, type ArticleCheckOptions } from '../core/check-article';
import { FormatError } from '../core/index/binary';
import { parseArticle, readCorpusFile, type LibraryArticle } from '../core/library-format';
import type { CheckOptions, Matcher } from '../core/matcher';
import type { EchoGroups } from '../core/provenance';
import type { ArticleReport } from '../core/types';
import { libraryKey, type ImportResult, type KeepResult, type Library } from '../library/library';
import { LibraryGroups } from '../library/echo-groups';
import type { LibraryRecords } from '../library/store';
import type { ImportAnswer } from '../shared/messages';

/** What the background does with the library. */
export interface LibraryService {
  /** Goes up whenever articles are added or deleted: reports made before are out of date. */
  readonly generation: number;
  /** The last failed write, until one succeeds. */
  readonly lastError: { message: string; full: boolean } | null;
  /** Checks a page against the bundled corpus and the library, leaving out its own kept copy. */
  check(text: string, options: ArticleCheckOptions & { url: string }): Promise<ArticleReport>;
  keep(article: LibraryArticle, sameAs: string | null): Promise<KeepResult>;
  /** The page's article in the library, if kept. */
  keptAt(url: string): Promise<{ id: number; read: string } | null>;
  count(): Promise<number>;
  forget(ids: readonly number[]): Promise<void>;
  clear(): Promise<void>;
  /** Imports articles given as records (checked here again). */
  importArticles(records: readonly Record<string, unknown>[]): Promise<ImportAnswer>;
  /** Imports a compiled corpus file. */
  importCorpus(bytes: Uint8Array): Promise<ImportAnswer>;
  /**
   * Places every kept article not yet placed among the echo groups, and links the sentences of
   * those placed before links were kept (this runs by itself a moment after a change, or after
   * loading); returns how many placements were stored.
   */
  place(): Promise<number>;
  /** Kept articles not yet placed among the echo groups. */
  readonly unplaced: number;
}

/** Delay before articles just kept are placed among the echo groups (see LibraryGroups). */
export const PLACE_DELAY_MS = 300;

/** Options of {@link libraryService}. */
export interface LibraryServiceOptions {
  /**
   * The bundled corpus's echo groups: with them, library articles are placed among them and a
   * page's provenance counts both; without them, pages get no provenance.
   */
  groups?: EchoGroups | null;
  /** Delay before placing (default PLACE_DELAY_MS); null leaves it to {@link LibraryService.place}. */
  placeDelayMs?: number | null;
}

/** The library service over a loaded library and the matcher whose index it shares. */
export async function libraryService(
  matcher: Matcher,
  library: Library,
  store: LibraryRecords,
  options: LibraryServiceOptions = {},
): Promise<LibraryService> {
  let generation = 1;
  /** The matcher's answer for a text with the texts of its library matches filled in. */
  const matched = async (text: string, matching: CheckOptions): Promise<ArticleReport> => {
    matcher.index.missingTexts();
    const report = matcher.check(text, matching);
    // Texts of library articles are read from storage only for the matches found, and put in
    // before the steps after matching, which read them.
    const missing = matcher.index.missingTexts();
    if (missing.length > 0) {
      const texts = await library.loadTexts(missing);
      fillTexts(report, (key) => texts.get(key));
    }
    return report;
  };
  const groups = options.groups
    ? new LibraryGroups(options.groups, {
        meta: (key) => matcher.index.liveReport(key),
        has: (key) => matcher.index.hasLiveReport(key),
        text: async (id) => (await store.texts([id]))[0],
        placements: () => store.placements(),
        putPlacements: (records) => store.putPlacements(records),
        // The check that places an article links its sentences too (verify/keyed-links.ts).
        links: {
          of: (key, report) => matcher.linksOfChecked(key, report),
          keep: (key, links) => matcher.keepLinks(key, links),
          forget: (key) => matcher.forgetLinks(key),
          clear: () => matcher.clearKeptLinks(),
        },
      })
    : null;
  await groups?.load(await store.articleIds());
  const placeDelay = options.placeDelayMs === undefined ? PLACE_DELAY_MS : options.placeDelayMs;
  let placeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Places every article waiting, a batch at a time; reports made before are then out of date. */
  const place = async (): Promise<number> => {
    if (!groups) return 0;
    let total = 0;
    for (;;) {
      const placed = await groups
        .placePending((text, exclude) => matched(text, { exclude }))
        .catch(() => 0);
      if (placed === 0) break;
      total += placed;
      generation++;
      // Pages waiting to be checked go first: a large import is placed between them.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return total;
  };
  const placeSoon = (): void => {
    if (!groups || groups.unplaced + groups.unlinked === 0) return;
    if (placeTimer !== null || placeDelay === null) return;
    placeTimer = setTimeout(() => {
      placeTimer = null;
      void place();
    }, placeDelay);
  };
  const changed = <T>(result: T): T => {
    generation++;
    return result;
  };
  const answer = async (
    result: ImportResult,
    invalid: ImportAnswer['invalid'] = [],
  ): Promise<ImportAnswer> => {
    if (result.added > 0) {
      generation++;
      groups?.track(await store.articleIds());
      placeSoon();
    }
    return { ...result, invalid };
  };
  placeSoon();
  return {
    get generation() {
      return generation;
    },
    get lastError() {
      return library.lastError;
    },

    async check(text, { url, ...checkOptions }) {
      const id = await library.idOfUrl(url);
      const options = { ...checkOptions, exclude: id === null ? undefined : libraryKey(id) };
      const {
        groups: corpusGroups,
        published: _published,
        matchedGroupsOnly: _only,
        ...matching
      } = options;
      const report = await matched(text, matching);
      // A passage of an article is placed by the article, checked whole for that.
      const { context, ...whole } = matching;
      const placeBy = corpusGroups && context ? await matched(context, whole) : undefined;
      // The library's articles take part in the echo groups as the bundled reports do.
      return completeArticleCheck(report, text, {
        ...options,
        ...(placeBy ? { placeBy } : {}),
        groups: corpusGroups && groups ? groups.groups : corpusGroups,
        publishedOf: (key) => matcher.publishedOf(key),
      });
    },

    place,

    get unplaced() {
      return groups?.unplaced ?? 0;
    },

    async keep(article, sameAs) {
      const result = await library.keep(article, sameAs);
      if (result.status !== 'kept') return result;
      groups?.added([result.id]);
      placeSoon();
      return changed(result);
    },

    async keptAt(url) {
      const id = await library.idOfUrl(url);
      if (id === null) return null;
      const record = await store.article(id);
      return record ? { id, read: record.read } : null;
    },

    count: () => store.count(),

    async forget(ids) {
      await library.delete(ids);
      groups?.removed(ids);
      changed(null);
    },

    async clear() {
      await library.clear();
      groups?.cleared();
      changed(null);
    },

    async importArticles(records) {
      const articles: LibraryArticle[] = [];
      const invalid: ImportAnswer['invalid'] = [];
      records.forEach((record, index) => {
        const parsed = parseArticle(record);
        if ('error' in parsed) invalid.push({ index, error: parsed.error });
        else articles.push(parsed.article);
      });
      return answer(await library.importArticles(articles), invalid);
    },

    async importCorpus(bytes) {
      let file;
      try {
        file = readCorpusFile(bytes);
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        return {
          added: 0,
          duplicates: 0,
          invalid: [{ index: 0, error: `not a usable corpus file: ${error.message}` }],
          failed: 0,
          error: null,
          full: false,
        };
      }
      return answer(await library.importCorpusFile(file));
    },
  };
}

/**
 * Puts the text of every match that came without one (a library article's text was not at hand)
 * from its report's text, by the match's offsets.
 */
export function fillTexts(
  report: ArticleReport,
  textOf: (key: string) => string | undefined,
): ArticleReport {
  for (const sentence of report.sentences) {
    for (const match of sentence.matches) {
      if (match.text !== '') continue;
      const text = textOf(match.report);
      if (text !== undefined) match.text = text.slice(match.start, match.end);
    }
  }
  return report;
}
