/**
 * The reader's library: the articles they kept, stored in IndexedDB (see store.ts), and the
 * matcher's index over them, kept in segments next to the bundled corpus's (see src/core/index/).
 *
 * Keeping an article compiles it into a small segment and stores article, text and segment in one
 * transaction; the in-memory index takes the segment only once it is stored. Small segments are
 * merged in the background. After the browser restarts the extension, the stored segments are
 * loaded as they are, with the vocabulary stored for them once merges settled (see
 * src/core/index/vocabulary.ts); an article no readable segment covers (a damaged segment, or one
 * of an older format) is compiled again from its text. Every change goes through one queue, one at
 * a time.
 */
import { hashText } from '../core/text-hash';
import { articleIdOf, libraryKey } from '../shared/library-keys';
import { CORPUS_SEGMENT_KEY, compileSegment } from '../core/index/compile';
import { mergeSegments } from '../core/index/merge';
import { chooseMerge } from '../core/index/merge-policy';
import { Segment } from '../core/index/segment';
import type { SegmentedIndex, TextSource } from '../core/index/segmented-index';
import {
  decodeVocabulary,
  encodeVocabulary,
  type StoredVocabulary,
} from '../core/index/vocabulary';
import {
  articleKeyUrl,
  articleMeta,
  type CorpusFile,
  type LibraryArticle,
} from '../core/library-format';
import type { ArticleRecord } from './schema';
import { StorageError, type LibraryRecords, type NewArticle } from './store';

export { articleIdOf, libraryKey, LIBRARY_KEY_PREFIX } from '../shared/library-keys';

/** Articles compiled into one segment when many come at once (an import, a rebuild). */
export const BATCH_ARTICLES = 200;
/** Texts kept in memory for showing matches: those of the articles matched most recently. */
export const TEXT_CACHE_ARTICLES = 256;
/**
 * Terms of segments the stored vocabulary does not cover past which it is worked out and stored
 * again once merges settle. A load looks those terms up one by one (well under a microsecond
 * each), so 20,000 cost a few ms; a single kept article brings a few hundred, so the vocabulary
 * (a few MB at 10,000 articles) is written again after large merges, not after every article.
 */
export const VOCABULARY_STALE_TERMS = 20_000;

/** The hash under which the same text is kept once (white space does not count). */
export function textHash(text: string): string {
  return hashText(text.replace(/\s+/g, ' ').trim());
}

/** The texts of library articles recently needed, for the index to show matches from. */
export class TextCache implements TextSource {
  private readonly texts = new Map<string, string>();

  text(key: string): string | undefined {
    const text = this.texts.get(key);
    if (text !== undefined) {
      this.texts.delete(key);
      this.texts.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    this.texts.delete(key);
    this.texts.set(key, text);
    while (this.texts.size > TEXT_CACHE_ARTICLES) {
      const oldest = this.texts.keys().next();
      if (oldest.done) break;
      this.texts.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.texts.delete(key);
  }

  clear(): void {
    this.texts.clear();
  }
}

/** What became of an article offered to the library. */
export type KeepResult =
  | { status: 'kept'; id: number }
  | { status: 'duplicate'; id: number | null; reason: 'url' | 'text' | 'corpus' }
  | { status: 'error'; error: string; full: boolean };

/** What an import did. */
export interface ImportResult {
  added: number;
  duplicates: number;
  /** Articles not stored because storage failed, with why. */
  failed: number;
  error: string | null;
  full: boolean;
}

/** What loading found. */
export interface LoadResult {
  articles: number;
  segments: number;
  /** Articles compiled again because no stored segment could be read for them. */
  rebuilt: number;
  /** Segments whose terms were numbered from the stored vocabulary, not looked up. */
  vocabulary: number;
}

/** The library over its store and the index it shares with the bundled corpus. */
export class Library {
  private queue: Promise<unknown> = Promise.resolve();
  private loading: Promise<LoadResult> | null = null;
  /** The last write that failed for want of space, until a write succeeds. */
  lastError: { message: string; full: boolean } | null = null;
  /** Keys of the segments the stored vocabulary was worked out for, in order. */
  private vocabularyKeys: number[] = [];

  /**
   * `options.mergeDelayMs`: how long after a change merges start (default MERGE_DELAY_MS); null
   * leaves merging to whoever calls {@link mergeStep} (tests, the benchmark).
   * `options.vocabularyStaleTerms`: see VOCABULARY_STALE_TERMS (the default).
   */
  constructor(
    private readonly store: LibraryRecords,
    private readonly index: SegmentedIndex,
    readonly texts: TextCache,
    private readonly options: { mergeDelayMs?: number | null; vocabularyStaleTerms?: number } = {},
  ) {}

  /** Runs `work` after every change queued before it. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Loads the stored segments into the index (once), rebuilding what cannot be read. */
  load(): Promise<LoadResult> {
    return this.loading ?? this.serial(() => this.loaded());
  }

  /** The load, started on first need; only called from work already in the queue. */
  private loaded(): Promise<LoadResult> {
    this.loading ??= this.loadNow();
    return this.loading;
  }

  private async loadNow(): Promise<LoadResult> {
    const [records, ids, vocabulary] = await Promise.all([
      this.store.segments(),
      this.store.articleIds(),
      this.store.vocabulary().then(readVocabulary, () => null),
    ]);
    const live = new Set(ids);
    const covered = new Set<number>();
    const unreadable: number[] = [];
    const decoded: { segment: Segment; key: number }[] = [];
    for (const record of records) {
      try {
        const segment = Segment.decode(new Uint8Array(record.bytes), { deferTerms: true });
        if (segment.tokenizer !== this.index.tokenizer) throw new Error('tokeniser changed');
        if (!segment.keys.every((key) => articleIdOf(key) !== null))
          throw new Error('not a library segment');
        decoded.push({ segment, key: record.id });
      } catch {
        unreadable.push(record.id);
      }
    }
    // The vocabulary's bytes of segments the stored vocabulary serves were checked when it was
    // made (it names them by a fingerprint of those bytes); the others' are checked here.
    const fits = vocabulary ? this.index.vocabularyFits(decoded, vocabulary) : 0;
    const readable = decoded.filter(({ segment, key }, i) => {
      if (i < fits) return true;
      try {
        segment.checkTerms();
        return true;
      } catch {
        unreadable.push(key);
        return false;
      }
    });
    const fromVocabulary = this.index.addSegments(readable, vocabulary);
    this.vocabularyKeys = vocabulary?.parts.map((part) => part.key) ?? [];
    let segments = readable.length;
    for (const { segment, key: segmentKey } of readable) {
      for (const key of segment.keys) {
        const id = articleIdOf(key)!;
        if (live.has(id) && !covered.has(id)) covered.add(id);
        else this.index.deleteReport(key);
      }
      if (this.index.liveKeys(segmentKey).length === 0) {
        this.index.dropSegment(segmentKey);
        unreadable.push(segmentKey);
        segments--;
      }
    }
    if (unreadable.length > 0) await this.store.replaceSegments(unreadable, null);
    // Articles no readable segment covers are compiled again from their texts.
    const missing = ids.filter((id) => !covered.has(id));
    for (let i = 0; i < missing.length; i += BATCH_ARTICLES)
      await this.reindex(missing.slice(i, i + BATCH_ARTICLES));
    this.index.adoptOrphans();
    return { articles: ids.length, segments, rebuilt: missing.length, vocabulary: fromVocabulary };
  }

  /** Compiles stored articles again into a segment and stores it. */
  private async reindex(ids: readonly number[]): Promise<void> {
    const [records, texts] = await Promise.all([
      Promise.all(ids.map((id) => this.store.article(id))),
      this.store.texts(ids),
    ]);
    const inputs = [];
    for (let i = 0; i < ids.length; i++) {
      const record = records[i];
      const text = texts[i];
      if (!record || text === undefined) continue;
      inputs.push({ meta: articleMeta(articleOf(record, text), libraryKey(record.id)), text });
    }
    if (inputs.length === 0) return;
    const segment = this.compile(inputs);
    const key = await this.store.replaceSegments([], {
      bytes: segment.encode().buffer as ArrayBuffer,
      articles: segment.articles,
      units: segment.units,
    });
    this.index.addSegment(segment, key!);
  }

  private compile(inputs: { meta: ReturnType<typeof articleMeta>; text: string }[]): Segment {
    const index = this.index;
    return compileSegment(inputs, {
      aliases: index.aliasTable,
      acronyms: index.acronyms,
      owned: (term) => !index.ownsTerm(term),
    });
  }

  /** The id of the article kept under this URL, or null. */
  async idOfUrl(url: string): Promise<number | null> {
    if (!url) return null;
    await this.load();
    const record = await this.store.byUrlKey(articleKeyUrl(url));
    return record ? record.id : null;
  }

  /**
   * Loads the texts of these report keys into the cache, so matches to them can be shown, and
   * returns them by key.
   */
  async loadTexts(keys: readonly string[]): Promise<Map<string, string>> {
    const loaded = new Map<string, string>();
    const ids = keys.map(articleIdOf).filter((id): id is number => id !== null);
    if (ids.length === 0) return loaded;
    const texts = await this.store.texts(ids);
    ids.forEach((id, i) => {
      const text = texts[i];
      if (text === undefined) return;
      this.texts.set(libraryKey(id), text);
      loaded.set(libraryKey(id), text);
    });
    return loaded;
  }

  /**
   * Keeps an article unless it is already kept (same URL or same text) or `sameAs` names the
   * report it repeats (the matcher found the page to be a copy of it).
   */
  keep(article: LibraryArticle, sameAs: string | null = null): Promise<KeepResult> {
    return this.serial(async (): Promise<KeepResult> => {
      await this.loaded();
      if (sameAs !== null)
        return {
          status: 'duplicate',
          id: articleIdOf(sameAs),
          reason: articleIdOf(sameAs) === null ? 'corpus' : 'text',
        };
      const duplicate = await this.findDuplicate(article);
      if (duplicate) return duplicate;
      try {
        const [id] = await this.addBatch([article]);
        this.scheduleMerge();
        return { status: 'kept', id: id! };
      } catch (error) {
        return this.failed(error);
      }
    });
  }

  private async findDuplicate(article: LibraryArticle): Promise<KeepResult | null> {
    if (article.url) {
      const byUrl = await this.store.byUrlKey(articleKeyUrl(article.url));
      if (byUrl) return { status: 'duplicate', id: byUrl.id, reason: 'url' };
    }
    const byText = await this.store.byHash(textHash(article.text));
    if (byText) return { status: 'duplicate', id: byText.id, reason: 'text' };
    return null;
  }

  private failed(error: unknown): KeepResult & { status: 'error' } {
    const full = error instanceof StorageError && error.kind === 'full';
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = { message, full };
    return { status: 'error', error: message, full };
  }

  /**
   * Stores articles and their segment in one transaction, then puts the segment in the index and
   * the texts in the cache. Returns the new ids. Throws a StorageError (nothing stored then).
   */
  private async addBatch(articles: readonly LibraryArticle[]): Promise<number[]> {
    const placeholder = (i: number) => `new:${i}`;
    const inputs = articles.map((article, i) => ({
      meta: articleMeta(article, placeholder(i)),
      text: article.text,
    }));
    const compiled = this.compile(inputs);
    let segment: Segment | null = null;
    const stored: NewArticle[] = articles.map((article) => ({
      record: recordOf(article),
      text: article.text,
    }));
    const { ids, segment: key } = await this.store.addArticles(stored, (newIds) => {
      segment = compiled.relabel({
        articles: articles.map((article, i) => articleMeta(article, libraryKey(newIds[i]!))),
      });
      return {
        bytes: segment.encode().buffer as ArrayBuffer,
        articles: segment.articles,
        units: segment.units,
      };
    });
    this.index.addSegment(segment!, key);
    ids.forEach((id, i) => this.texts.set(libraryKey(id), articles[i]!.text));
    this.lastError = null;
    return ids;
  }

  /**
   * Imports articles in batches, each batch stored whole or not at all. Articles already kept
   * (same URL or text, also within the import) are counted as duplicates. `progress` is told
   * how many were handled so far.
   */
  importArticles(
    articles: readonly LibraryArticle[],
    progress: (done: number) => void = () => {},
  ): Promise<ImportResult> {
    return this.serial(async () => {
      await this.loaded();
      const result: ImportResult = { added: 0, duplicates: 0, failed: 0, error: null, full: false };
      const seenUrls = new Set<string>();
      const seenTexts = new Set<string>();
      for (let i = 0; i < articles.length; i += BATCH_ARTICLES) {
        const fresh: LibraryArticle[] = [];
        for (const article of articles.slice(i, i + BATCH_ARTICLES)) {
          const urlKey = article.url ? articleKeyUrl(article.url) : null;
          const hash = textHash(article.text);
          if (
            (urlKey !== null && seenUrls.has(urlKey)) ||
            seenTexts.has(hash) ||
            (await this.findDuplicate(article))
          ) {
            result.duplicates++;
            continue;
          }
          if (urlKey !== null) seenUrls.add(urlKey);
          seenTexts.add(hash);
          fresh.push(article);
        }
        if (fresh.length > 0 && result.error === null) {
          try {
            await this.addBatch(fresh);
            result.added += fresh.length;
          } catch (error) {
            const failure = this.failed(error);
            result.error = failure.error;
            result.full = failure.full;
          }
        }
        if (result.error !== null) result.failed += fresh.length;
        progress(Math.min(articles.length, i + BATCH_ARTICLES));
      }
      this.scheduleMerge();
      return result;
    });
  }

  /**
   * Imports a compiled corpus file: its segment as it is when the tokeniser is the same (its
   * reports renamed to the new articles' ids), else its articles compiled again.
   */
  importCorpusFile(
    file: CorpusFile,
    progress: (done: number) => void = () => {},
  ): Promise<ImportResult> {
    if (!file.segment) return this.importArticles(file.articles, progress);
    const segment = file.segment;
    return this.serial(async () => {
      await this.loaded();
      const result: ImportResult = { added: 0, duplicates: 0, failed: 0, error: null, full: false };
      const fresh: number[] = [];
      const seenUrls = new Set<string>();
      const seenTexts = new Set<string>();
      for (let i = 0; i < file.articles.length; i++) {
        const article = file.articles[i]!;
        const urlKey = article.url ? articleKeyUrl(article.url) : null;
        const hash = textHash(article.text);
        if (
          (urlKey !== null && seenUrls.has(urlKey)) ||
          seenTexts.has(hash) ||
          (await this.findDuplicate(article))
        ) {
          result.duplicates++;
          continue;
        }
        if (urlKey !== null) seenUrls.add(urlKey);
        seenTexts.add(hash);
        fresh.push(i);
      }
      if (fresh.length === 0) {
        progress(file.articles.length);
        return result;
      }
      const owned = (term: string) => !this.index.ownsTerm(term);
      // Articles already kept are left out of the file's segment.
      const freshSet = new Set(fresh);
      const kept =
        fresh.length === file.articles.length
          ? segment
          : mergeSegments([{ segment, live: (a) => freshSet.has(a) }]);
      let relabelled: Segment | null = null;
      try {
        const { ids, segment: key } = await this.store.addArticles(
          fresh.map((i) => ({ record: recordOf(file.articles[i]!), text: file.articles[i]!.text })),
          (newIds) => {
            relabelled = kept.relabel({
              articles: fresh.map((i, k) => articleMeta(file.articles[i]!, libraryKey(newIds[k]!))),
              owned,
            });
            return {
              bytes: relabelled.encode().buffer as ArrayBuffer,
              articles: relabelled.articles,
              units: relabelled.units,
            };
          },
        );
        this.index.addSegment(relabelled!, key);
        ids.forEach((id, k) => this.texts.set(libraryKey(id), file.articles[fresh[k]!]!.text));
        result.added = ids.length;
        this.lastError = null;
      } catch (error) {
        const failure = this.failed(error);
        result.error = failure.error;
        result.full = failure.full;
        result.failed = fresh.length;
      }
      progress(file.articles.length);
      this.scheduleMerge();
      return result;
    });
  }

  /** Deletes articles: their records, texts and place in the index. */
  delete(ids: readonly number[]): Promise<void> {
    return this.serial(async () => {
      await this.loaded();
      const keys = ids.map(libraryKey);
      // Segments left with no live report are deleted in the same transaction.
      const emptied = this.index
        .segmentList()
        .filter(
          ({ key, segment }) =>
            key !== CORPUS_SEGMENT_KEY && segment.keys.some((k) => keys.includes(k)),
        )
        .filter(({ key }) => this.index.liveKeys(key).every((k) => keys.includes(k)))
        .map(({ key }) => key);
      await this.store.deleteArticles(ids, emptied);
      for (const key of keys) {
        this.index.deleteReport(key);
        this.texts.delete(key);
      }
      for (const key of emptied) this.index.dropSegment(key);
      this.lastError = null;
      this.scheduleMerge();
    });
  }

  /** Deletes every article of the library. */
  clear(): Promise<void> {
    return this.serial(async () => {
      await this.loaded();
      await this.store.clear();
      this.vocabularyKeys = [];
      for (const key of this.index.segmentKeys())
        if (key !== CORPUS_SEGMENT_KEY) this.index.dropSegment(key);
      this.texts.clear();
      this.lastError = null;
    });
  }

  private mergeTimer: ReturnType<typeof setTimeout> | null = null;

  /** Runs merges a little later, one at a time, so that they do not delay the work at hand. */
  scheduleMerge(): void {
    const delay =
      this.options.mergeDelayMs === undefined ? MERGE_DELAY_MS : this.options.mergeDelayMs;
    if (this.mergeTimer !== null || delay === null) return;
    this.mergeTimer = setTimeout(() => {
      this.mergeTimer = null;
      void this.mergeStep().then((merged) => {
        if (merged) this.scheduleMerge();
      });
    }, delay);
  }

  /** Merges the segments the policy picks, if any; true when it merged. */
  mergeStep(): Promise<boolean> {
    return this.serial(async () => {
      await this.loaded();
      const sizes = this.index
        .segmentList()
        .filter(({ key }) => key !== CORPUS_SEGMENT_KEY)
        .map(({ key, segment, deleted }) => ({
          key,
          reports: segment.articles,
          deleted,
          unlisted: segment.spellingLists() === null,
        }));
      const keys = chooseMerge(sizes);
      if (!keys) {
        await this.storeVocabulary();
        return false;
      }
      const merged = this.index.mergeOf(keys);
      // A large merge's spelling lists take seconds: worked out in steps, checks go between.
      await merged.completeSpellingLists(() => new Promise((resolve) => setTimeout(resolve, 0)));
      try {
        const key = await this.store.replaceSegments(keys, {
          bytes: merged.encode().buffer as ArrayBuffer,
          articles: merged.articles,
          units: merged.units,
        });
        this.index.replaceSegments(keys, merged, key!);
        return true;
      } catch (error) {
        this.failed(error);
        return false;
      }
    });
  }

  /**
   * Once merges have settled: works out the vocabulary of the stored segments as a restart would
   * and stores it, when the one stored covers too little of them (see VOCABULARY_STALE_TERMS).
   * Only called from work already in the queue.
   */
  private async storeVocabulary(): Promise<void> {
    const segments = this.index
      .segmentList()
      .filter(({ key }) => key !== CORPUS_SEGMENT_KEY)
      .sort((a, b) => a.key - b.key);
    // A load takes the stored vocabulary for the segments it was made for, from the first on.
    let fits = 0;
    while (fits < segments.length && this.vocabularyKeys[fits] === segments[fits]!.key) fits++;
    let uncovered = 0;
    for (const { segment } of segments.slice(fits)) uncovered += segment.termCount;
    if (uncovered <= (this.options.vocabularyStaleTerms ?? VOCABULARY_STALE_TERMS)) return;
    const keys = segments.map(({ key }) => key);
    const vocabulary = this.index.vocabularyOf(CORPUS_SEGMENT_KEY, keys);
    try {
      await this.store.putVocabulary(encodeVocabulary(vocabulary).buffer as ArrayBuffer);
      this.vocabularyKeys = keys;
    } catch {
      // Derived data: without it a restart works the vocabulary out, as before there was one.
    }
  }

  /** Waits for every queued change. */
  async settled(): Promise<void> {
    await this.serial(async () => undefined);
  }
}

/** Delay before merging after a change: adds come in bursts (an import, a reading session). */
export const MERGE_DELAY_MS = 2_000;

/** A stored vocabulary, or null when there is none or it cannot be read (it is then ignored). */
function readVocabulary(bytes: ArrayBuffer | undefined): StoredVocabulary | null {
  if (!bytes) return null;
  try {
    return decodeVocabulary(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** The stored record of an article. */
function recordOf(article: LibraryArticle): Omit<ArticleRecord, 'id'> {
  const record: Omit<ArticleRecord, 'id'> = {
    url: article.url,
    outlet: article.outlet,
    title: article.title,
    published: article.published,
    read: article.read,
    hash: textHash(article.text),
    chars: article.text.length,
  };
  if (article.url) record.urlKey = articleKeyUrl(article.url);
  if (article.origin) record.origin = article.origin;
  return record;
}

/** The article of a stored record and its text. */
export function articleOf(record: ArticleRecord, text: string): LibraryArticle {
  const article: LibraryArticle = {
    url: record.url,
    outlet: record.outlet,
    title: record.title,
    published: record.published,
    read: record.read,
    text,
  };
  if (record.origin) article.origin = record.origin;
  return article;
}
