/**
 * The reader's library as the background uses it: each page is checked against the bundled
 * corpus and the library together (never against its own kept copy), and the library is kept,
 * forgotten, cleared and imported into from here, the one place that owns it.
 */
import { completeArticleCheck, type ArticleCheckOptions } from '../core/check-article';
import { FormatError } from '../core/index/binary';
import { parseArticle, readCorpusFile, type LibraryArticle } from '../core/library-format';
import type { Matcher } from '../core/matcher';
import type { ArticleReport } from '../core/types';
import { libraryKey, type ImportResult, type KeepResult, type Library } from '../library/library';
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
}

/** The library service over a loaded library and the matcher whose index it shares. */
export function libraryService(
  matcher: Matcher,
  library: Library,
  store: LibraryRecords,
): LibraryService {
  let generation = 1;
  const changed = <T>(result: T): T => {
    generation++;
    return result;
  };
  const answer = (result: ImportResult, invalid: ImportAnswer['invalid'] = []): ImportAnswer => {
    if (result.added > 0) generation++;
    return { ...result, invalid };
  };
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
        groups: _groups,
        published: _published,
        matchedGroupsOnly: _only,
        ...matching
      } = options;
      matcher.index.missingTexts();
      const report = matcher.check(text, matching);
      // Texts of library articles are read from storage only for the matches found, and put in
      // before the steps after matching, which read them.
      const missing = matcher.index.missingTexts();
      if (missing.length > 0) {
        const texts = await library.loadTexts(missing);
        fillTexts(report, (key) => texts.get(key));
      }
      return completeArticleCheck(report, text, options);
    },

    async keep(article, sameAs) {
      const result = await library.keep(article, sameAs);
      return result.status === 'kept' ? changed(result) : result;
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
      changed(null);
    },

    async clear() {
      await library.clear();
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

/** Bytes of base64 text (as an import sends a corpus file through messaging). */
export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
