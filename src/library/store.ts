/**
 * The library's records in IndexedDB: every change is one transaction that lands whole or not at
 * all (an article, its text and its index segment together), so a full disk, a denied quota or a
 * closed browser never leaves half an article behind or loses one already kept.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  openLibraryDb,
  type ArticleRecord,
  type LibraryDb,
  type LibrarySchema,
  type PlacementRecord,
  type SegmentRecord,
} from './schema';

/** The key of the segments' stored vocabulary in the `state` store. */
const VOCABULARY_STATE = 'vocabulary';

/** Why a write failed: `full` when the browser refused more space, else `failed`. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'full' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** True for the errors browsers give when storage is full or the quota is denied. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: string; code?: number; message?: string };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    /quota|disk.*full|space/i.test(message ?? '')
  );
}

/** A failed write, as a StorageError saying whether storage is full. */
function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error))
    return new StorageError(
      'full',
      'The browser refused more storage for your library (the disk is full or the quota is used up). Nothing was lost; delete some articles or free disk space, then try again.',
    );
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    'failed',
    `The library could not be saved (${detail}). Nothing was lost.`,
  );
}

/** An article to add: its record (without id) and text. */
export interface NewArticle {
  record: Omit<ArticleRecord, 'id'>;
  text: string;
}

/** A segment to store: its bytes and counts, made once the articles' ids are known. */
export type SegmentMaker = (ids: number[]) => Omit<SegmentRecord, 'id'>;

/**
 * What the library needs of its records: IndexedDB in the browser (LibraryStore), files in the
 * benchmark. Every write lands whole or not at all.
 */
export interface LibraryRecords {
  articleIds(): Promise<number[]>;
  article(id: number): Promise<ArticleRecord | undefined>;
  count(): Promise<number>;
  byUrlKey(urlKey: string): Promise<ArticleRecord | undefined>;
  byHash(hash: string): Promise<ArticleRecord | undefined>;
  texts(ids: readonly number[]): Promise<(string | undefined)[]>;
  /** Every stored segment, in the order of their keys (the order a load takes them in). */
  segments(): Promise<SegmentRecord[]>;
  /** The stored vocabulary of the segments (see src/core/index/vocabulary.ts), if any. */
  vocabulary(): Promise<ArrayBuffer | undefined>;
  /** Stores the vocabulary of the segments in place of the one before. */
  putVocabulary(bytes: ArrayBuffer): Promise<void>;
  addArticles(
    articles: readonly NewArticle[],
    makeSegment: SegmentMaker,
  ): Promise<{ ids: number[]; segment: number }>;
  deleteArticles(ids: readonly number[], segments?: readonly number[]): Promise<void>;
  replaceSegments(
    old: readonly number[],
    merged: Omit<SegmentRecord, 'id'> | null,
  ): Promise<number | null>;
  clear(): Promise<void>;
  placements(): Promise<PlacementRecord[]>;
  putPlacements(records: readonly PlacementRecord[]): Promise<void>;
}

/** The library's records in IndexedDB. */
export class LibraryStore implements LibraryRecords {
  private db: LibraryDb | null = null;
  private opening: Promise<LibraryDb> | null = null;

  constructor(private readonly name?: string) {}

  /** The open database (opened on first use, and again after another context closed it). */
  private open(): Promise<LibraryDb> {
    if (this.db) return Promise.resolve(this.db);
    this.opening ??= openLibraryDb(this.name, undefined, () => {
      this.db = null;
      this.opening = null;
    }).then(
      (db) => {
        this.db = db;
        return db;
      },
      (error: unknown) => {
        this.opening = null;
        throw error;
      },
    );
    return this.opening;
  }

  /** Closes the database (tests, and before deleting it). */
  close(): void {
    this.db?.close();
    this.db = null;
    this.opening = null;
  }

  /** Every article record, oldest first. */
  async articles(): Promise<ArticleRecord[]> {
    return (await this.open()).getAll('articles');
  }

  /** The ids of every article. */
  async articleIds(): Promise<number[]> {
    return (await this.open()).getAllKeys('articles');
  }

  async article(id: number): Promise<ArticleRecord | undefined> {
    return (await this.open()).get('articles', id);
  }

  /** Number of articles. */
  async count(): Promise<number> {
    return (await this.open()).count('articles');
  }

  /** The article kept under this URL key, if any. */
  async byUrlKey(urlKey: string): Promise<ArticleRecord | undefined> {
    return (await this.open()).getFromIndex('articles', 'urlKey', urlKey);
  }

  /** An article of exactly this text (white space aside), if any. */
  async byHash(hash: string): Promise<ArticleRecord | undefined> {
    return (await this.open()).getFromIndex('articles', 'hash', hash);
  }

  /** The texts of these articles (undefined for one that is gone). */
  async texts(ids: readonly number[]): Promise<(string | undefined)[]> {
    const db = await this.open();
    const tx = db.transaction('texts');
    const texts = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return texts;
  }

  /** Calls `visit` with every article and its text, oldest first, a batch at a time. */
  async forEachArticle(
    visit: (record: ArticleRecord, text: string) => void,
    batch = 200,
  ): Promise<void> {
    const db = await this.open();
    let after: number | null = null;
    for (;;) {
      const range: IDBKeyRange | undefined =
        after === null ? undefined : IDBKeyRange.lowerBound(after, true);
      const records: ArticleRecord[] = await db.getAll('articles', range, batch);
      if (records.length === 0) return;
      const texts = await this.texts(records.map((r) => r.id));
      records.forEach((record, i) => {
        const text = texts[i];
        if (text !== undefined) visit(record, text);
      });
      after = records[records.length - 1]!.id;
    }
  }

  /** Every stored segment, in the order of their keys. */
  async segments(): Promise<SegmentRecord[]> {
    return (await this.open()).getAll('segments');
  }

  async vocabulary(): Promise<ArrayBuffer | undefined> {
    const value = await (await this.open()).get('state', VOCABULARY_STATE);
    return Object.prototype.toString.call(value) === '[object ArrayBuffer]'
      ? (value as ArrayBuffer)
      : undefined;
  }

  async putVocabulary(bytes: ArrayBuffer): Promise<void> {
    await this.write(['state'], (tx) => tx.objectStore('state').put(bytes, VOCABULARY_STATE));
  }

  /**
   * Adds articles and the segment indexing them in one transaction: the records first (which
   * gives their ids), then the segment `makeSegment` builds for those ids. Either all of it is
   * stored or none. Throws a StorageError.
   */
  async addArticles(
    articles: readonly NewArticle[],
    makeSegment: SegmentMaker,
  ): Promise<{ ids: number[]; segment: number }> {
    return this.write(['articles', 'texts', 'segments'], async (tx) => {
      const articleStore = tx.objectStore('articles');
      const ids: number[] = [];
      for (const { record } of articles) ids.push(await articleStore.add(record as ArticleRecord));
      const textStore = tx.objectStore('texts');
      await Promise.all(articles.map(({ text }, i) => textStore.put(text, ids[i]!)));
      const segment = await tx.objectStore('segments').add(makeSegment(ids) as SegmentRecord);
      return { ids, segment };
    });
  }

  /**
   * Runs `work` in one read-write transaction over `stores` and waits for it to commit. Any
   * failure, in a request or in `work` itself, aborts the whole transaction: nothing of it is
   * stored. Throws a StorageError.
   */
  private async write<T, S extends StoreNames<LibrarySchema>>(
    stores: S[],
    work: (tx: IDBPTransaction<LibrarySchema, S[], 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    const db = await this.open();
    let tx: IDBPTransaction<LibrarySchema, S[], 'readwrite'>;
    try {
      tx = db.transaction(stores, 'readwrite');
    } catch (error) {
      throw storageError(error);
    }
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request, or finished.
      }
      await tx.done.catch(() => undefined);
      throw storageError(error);
    }
  }

  /** Every stored placement among the echo groups. */
  async placements(): Promise<PlacementRecord[]> {
    return (await this.open()).getAll('placements');
  }

  /** Stores placements of articles still kept (one of an article deleted meanwhile is dropped). */
  async putPlacements(records: readonly PlacementRecord[]): Promise<void> {
    await this.write(['articles', 'placements'], async (tx) => {
      for (const record of records) {
        if ((await tx.objectStore('articles').getKey(record.id)) === undefined) continue;
        await tx.objectStore('placements').put(record);
      }
    });
  }

  /** Deletes every placement (they are worked out again). */
  async clearPlacements(): Promise<void> {
    await this.write(['placements'], (tx) => tx.objectStore('placements').clear());
  }

  /**
   * Deletes articles (record, text and placement) and segments no longer needed, in one
   * transaction.
   */
  async deleteArticles(ids: readonly number[], segments: readonly number[] = []): Promise<void> {
    await this.write(['articles', 'texts', 'segments', 'placements'], (tx) =>
      Promise.all([
        ...ids.map((id) => tx.objectStore('articles').delete(id)),
        ...ids.map((id) => tx.objectStore('texts').delete(id)),
        ...ids.map((id) => tx.objectStore('placements').delete(id)),
        ...segments.map((id) => tx.objectStore('segments').delete(id)),
      ]),
    );
  }

  /** Puts a merged segment in the place of others, in one transaction; returns its id. */
  async replaceSegments(
    old: readonly number[],
    merged: Omit<SegmentRecord, 'id'> | null,
  ): Promise<number | null> {
    return this.write(['segments'], async (tx) => {
      const store = tx.objectStore('segments');
      const id = merged === null ? null : await store.add(merged as SegmentRecord);
      await Promise.all(old.map((key) => store.delete(key)));
      return id;
    });
  }

  /** Deletes every article, text and segment (and their vocabulary), in one transaction. */
  async clear(): Promise<void> {
    await this.write(['articles', 'texts', 'segments', 'placements', 'state'], (tx) =>
      Promise.all([
        tx.objectStore('state').delete(VOCABULARY_STATE),
        tx.objectStore('placements').clear(),
        tx.objectStore('articles').clear(),
        tx.objectStore('texts').clear(),
        tx.objectStore('segments').clear(),
      ]),
    );
  }
}
