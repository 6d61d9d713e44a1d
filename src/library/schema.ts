/**
 * The library's database in the browser (IndexedDB, through `idb`): its stores, its version, and
 * the migration steps that bring a database of any earlier version to this one.
 *
 * - `articles`: one record per kept article (metadata only), keyed by a number the database gives.
 * - `texts`: each article's text, under the same key, read only when it is shown or exported.
 * - `segments`: the matcher's index over the articles, in segments (see src/core/index/), stored
 *   in their binary form and loaded as they are after the browser restarts the extension.
 * - `state`: small facts about the library (when it was created, by which index format), and
 *   under `vocabulary` the segments' stored vocabulary (see src/core/index/vocabulary.ts): derived
 *   data a restart takes instead of working it out again; a library without it (stored before
 *   there was one) loads as before, and gets one once merges settle.
 * - `placements` (from version 2): where each article stands among the echo groups (see
 *   echo-groups.ts here), in the order they were placed, so a restart replays them instead of
 *   checking every article again. Derived data too: an article without one is placed again.
 *   A placement's `outlet` came later without a new version: records are read as they are, and
 *   one without it is replayed from the article's report in the index. So did its `links`: a
 *   placement without them keeps its place, and its article is checked again for its links.
 *
 * The articles are what the reader owns; the segments are derived from them and can always be
 * made again, so a segment that cannot be read is rebuilt, never a reason to lose an article.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { ReportSourcing } from '../core/provenance';
import type { PackedLinks } from '../core/verify';

/** The database's name. */
export const LIBRARY_DB = 'crosscheck-library';
/** The schema's version: one more than the number of migration steps. */
export const SCHEMA_VERSION = 2;

/** One kept article, without its text. */
export interface ArticleRecord {
  /** Given by the database on insert. */
  id: number;
  url: string;
  /** The URL under which it is kept once (see articleKeyUrl); absent for an article without URL. */
  urlKey?: string;
  outlet: string;
  title: string | null;
  published: string | null;
  /** When it was read (ISO 8601). */
  read: string;
  /** Hash of the text with white space collapsed: the same text is not kept twice. */
  hash: string;
  /** Length of the text in characters. */
  chars: number;
  origin?: string;
}

/** A stored segment of the index. */
export interface SegmentRecord {
  /** Given by the database on insert. */
  id: number;
  bytes: ArrayBuffer;
  /** Reports (articles) and units it holds. */
  articles: number;
  units: number;
}

/** Where an article was placed among the echo groups (see src/library/echo-groups.ts). */
export interface PlacementRecord {
  /** The article's id. */
  id: number;
  /** Placement order: placements are replayed in this order. */
  seq: number;
  /** The group it joined (null: a group of its own) and the groups merged into that one. */
  group: string | null;
  merge: string[];
  /** The outlets and unnamed sources its text names, and its publication day. */
  sourcing: ReportSourcing;
  /**
   * The article's outlet as its report in the index has it (an article is never changed once
   * kept): all else a replay needs of the report, so that a restart does not decode every
   * article's metadata. Placements stored before it was kept here lack it; their replay reads
   * the report, as before.
   */
  outlet?: string;
  /**
   * The links of the article's sentences to the sentences of other reports that make the same
   * claim, made from the check that placed it (src/core/verify/keyed-links.ts). Placements stored
   * before links were kept lack them; the article is checked again for them.
   */
  links?: PackedLinks;
}

/** The database's shape. */
export interface LibrarySchema extends DBSchema {
  articles: {
    key: number;
    value: ArticleRecord;
    indexes: { urlKey: string; hash: string; read: string };
  };
  texts: { key: number; value: string };
  segments: { key: number; value: SegmentRecord };
  state: { key: string; value: unknown };
  placements: { key: number; value: PlacementRecord };
}

/** An open library database. */
export type LibraryDb = IDBPDatabase<LibrarySchema>;
type UpgradeTransaction = IDBPTransaction<
  LibrarySchema,
  StoreNames<LibrarySchema>[],
  'versionchange'
>;

/**
 * Migration steps by the version they bring a database to: step `n` runs on a database of
 * version n − 1. Every step keeps every article; a step may drop segments (derived data).
 */
export const MIGRATIONS: Readonly<Record<number, (db: LibraryDb, tx: UpgradeTransaction) => void>> =
  {
    1: (db) => {
      const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
      articles.createIndex('urlKey', 'urlKey', { unique: true });
      articles.createIndex('hash', 'hash');
      articles.createIndex('read', 'read');
      db.createObjectStore('texts');
      db.createObjectStore('segments', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('state');
    },
    // Echo groups of the library's articles: every article is placed again, in the background.
    2: (db) => {
      db.createObjectStore('placements', { keyPath: 'id' });
    },
  };

/**
 * Opens (creating or upgrading) the library database. When another context needs a newer
 * version, this connection closes so that the upgrade can proceed; `onClosed` is told.
 */
export async function openLibraryDb(
  name = LIBRARY_DB,
  version = SCHEMA_VERSION,
  onClosed: () => void = () => {},
): Promise<LibraryDb> {
  const db = await openDB<LibrarySchema>(name, version, {
    upgrade(database, oldVersion, newVersion, transaction) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) {
        const migrate = MIGRATIONS[step];
        if (!migrate) throw new Error(`no migration to library schema ${step}`);
        migrate(database, transaction);
      }
    },
    blocking() {
      db.close();
      onClosed();
    },
    terminated() {
      onClosed();
    },
  });
  return db;
}
