import { describe, expect, test } from 'vitest';
import { aliasTable, CORPUS_VERSION } from '../../src/core/corpus';
import { compileSegment } from '../../src/core/index/compile';
import {
  articleKeyUrl,
  articleMeta,
  writeCorpusFile,
  readCorpusFile,
} from '../../src/core/library-format';
import { pack, unpack } from '../../src/core/index/binary';
import { MERGE_FACTOR } from '../../src/core/index/merge-policy';
import { SEGMENT_MAGIC } from '../../src/core/index/segment';
import { libraryKey, textHash } from '../../src/library/library';
import type { ArticleRecord } from '../../src/library/schema';
import { LIBRARY_DB, MIGRATIONS, openLibraryDb, SCHEMA_VERSION } from '../../src/library/schema';
import { LibraryStore } from '../../src/library/store';
import { libraryService } from '../../src/background/library-service';
import {
  corpusGroups,
  drone,
  harbour,
  northgate,
  openLibrary,
  reportsListed,
} from './library-support';

/** Rewrites every stored segment with `change`, behind the library's back. */
async function tamper(
  name: string,
  change: (bytes: Uint8Array) => Uint8Array | void,
): Promise<void> {
  const db = await openLibraryDb(name);
  for (const record of await db.getAll('segments')) {
    const bytes = new Uint8Array(record.bytes.slice(0));
    const changed = change(bytes) ?? bytes;
    await db.put('segments', { ...record, bytes: changed.slice().buffer });
  }
  db.close();
}

/** Stores every segment again as layout 2 wrote it: every column but the spelling lists. */
async function asLayout2(name: string): Promise<void> {
  const db = await openLibraryDb(name);
  for (const record of await db.getAll('segments')) {
    const { header, columns } = unpack(new Uint8Array(record.bytes), SEGMENT_MAGIC);
    for (const column of ['spNearStart', 'spNear', 'spNearShared']) columns.delete(column);
    const { columns: _, ...rest } = header;
    const bytes = pack(SEGMENT_MAGIC, 2, rest, Object.fromEntries(columns));
    await db.put('segments', { ...record, bytes: bytes.slice().buffer });
  }
  db.close();
}

describe('the library database', () => {
  test('has a migration step for every version up to the current one', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    expect(LIBRARY_DB).toBe('crosscheck-library');
  });

  test('a new database (the version before the first) gets every store', async () => {
    const db = await openLibraryDb('migration-new');
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'placements',
      'segments',
      'state',
      'texts',
    ]);
    expect(db.version).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('from version 1 (no placements among the echo groups)', () => {
  test('every article is kept, matched as before, and placed again', async () => {
    const name = 'migration-from-1';
    // A version-1 database with two kept articles (their segments are derived data; left out
    // here, they are made again from the texts).
    const old = await openLibraryDb(name, 1);
    expect([...old.objectStoreNames]).not.toContain('placements');
    for (const article of [northgate(), drone()]) {
      const { text, ...rest } = article;
      const id = await old.add('articles', {
        ...rest,
        urlKey: articleKeyUrl(article.url),
        hash: textHash(text),
        chars: text.length,
      } as ArticleRecord);
      await old.put('texts', text, id);
    }
    old.close();
    const again = openLibrary(name);
    expect(await again.library.load()).toEqual({
      articles: 2,
      segments: 0,
      rebuilt: 2,
      vocabulary: 0,
    });
    expect(reportsListed(again.matcher.check(harbour().text)).size).toBeGreaterThan(0);
    const service = await libraryService(again.matcher, again.library, again.store, {
      groups: corpusGroups,
      placeDelayMs: null,
    });
    expect(service.unplaced).toBe(2);
    expect(await service.place()).toBe(2);
    expect(await again.store.placements()).toHaveLength(2);
  });
});

/**
 * A segment as the tokeniser and analysis of the corpus version before this one wrote it: the
 * same bytes under the earlier version number (what an update of the extension finds stored).
 */
function ofEarlierTokeniser(bytes: Uint8Array): Uint8Array {
  const { version, header, columns } = unpack(bytes, SEGMENT_MAGIC);
  const { columns: _, ...rest } = header;
  expect(rest.tokenizer).toBe(CORPUS_VERSION);
  return pack(
    SEGMENT_MAGIC,
    version,
    { ...rest, tokenizer: CORPUS_VERSION - 1 },
    Object.fromEntries(columns),
  );
}

describe('index segments that cannot be used are made again from the articles', () => {
  test.each([
    [
      'of an earlier layout version',
      (bytes: Uint8Array) => {
        bytes[4] = 0;
      },
    ],
    [
      'damaged',
      (bytes: Uint8Array) => {
        bytes.fill(0x55, 12, 80);
      },
    ],
    ['of an earlier tokeniser and analysis', ofEarlierTokeniser],
  ])('a segment %s: every article kept, matched as before', async (_name, change) => {
    const first = openLibrary();
    await first.library.load();
    await first.library.keep(northgate());
    await first.library.keep(drone());
    const before = reportsListed(first.matcher.check(harbour().text));
    first.store.close();
    await tamper(first.name, change);
    const again = openLibrary(first.name);
    expect(await again.library.load()).toEqual({
      articles: 2,
      segments: 0,
      rebuilt: 2,
      vocabulary: 0,
    });
    expect(reportsListed(again.matcher.check(harbour().text))).toEqual(before);
    // The rebuilt segments are stored: the next start loads them.
    again.store.close();
    const third = openLibrary(first.name);
    expect(await third.library.load()).toMatchObject({ rebuilt: 0 });
  });
});

describe('index segments of layout 2 (before the spelling lists)', () => {
  /** A library of two articles stored as layout 2 wrote it, and what it answered before. */
  async function layout2Library() {
    const first = openLibrary();
    await first.library.load();
    await first.library.keep(northgate());
    await first.library.keep(drone());
    const before = first.matcher.check(harbour().text);
    first.store.close();
    await asLayout2(first.name);
    return { name: first.name, before };
  }

  /** A check's answer once the texts it shows are read (they are read when a check shows them). */
  async function answer(opened: ReturnType<typeof openLibrary>) {
    opened.matcher.check(harbour().text);
    await opened.library.loadTexts(opened.index.missingTexts());
    return opened.matcher.check(harbour().text);
  }

  const unlisted = (opened: ReturnType<typeof openLibrary>) =>
    opened.index.segmentList().filter(({ segment }) => segment.spellingLists() === null).length;

  test('are loaded as they are, not rebuilt, and match as before', async () => {
    const { name, before } = await layout2Library();
    const again = openLibrary(name);
    expect(await again.library.load()).toEqual({
      articles: 2,
      segments: 2,
      rebuilt: 0,
      vocabulary: 0,
    });
    for (const { segment } of again.index.segmentList().slice(1))
      expect(segment.spellingLists()).toBeNull();
    expect(await answer(again)).toEqual(before);
  });

  test('are rewritten with their lists in the background, one at a time, answering as before', async () => {
    const { name, before } = await layout2Library();
    const again = openLibrary(name);
    await again.library.load();
    expect(unlisted(again)).toBe(2);
    expect(await again.library.mergeStep()).toBe(true);
    expect(unlisted(again)).toBe(1);
    expect(await again.library.mergeStep()).toBe(true);
    expect(await again.library.mergeStep()).toBe(false);
    expect(unlisted(again)).toBe(0);
    expect(await answer(again)).toEqual(before);
    // Stored with the lists: a restart reads them.
    again.store.close();
    const third = openLibrary(name);
    expect((await third.library.load()).segments).toBe(2);
    expect(unlisted(third)).toBe(0);
    expect(await answer(third)).toEqual(before);
  });
});

describe('merging in the background', () => {
  test('small segments are merged, the matches stay the same, and so after a restart', async () => {
    const { name, library, index, matcher, store } = openLibrary();
    await library.load();
    const texts = [northgate(), harbour(), drone()];
    // A tier full of small segments.
    for (let i = 0; i < MERGE_FACTOR; i++) {
      const base = texts[i % 3]!;
      await library.keep({
        ...base,
        url: `${base.url}-${i}`,
        text: `${base.text}\n\nUpdate ${i}: more to follow.`,
      });
    }
    expect(index.segmentKeys()).toHaveLength(MERGE_FACTOR + 1);
    const before = matcher.check(harbour().text);
    expect(await library.mergeStep()).toBe(true);
    expect(index.segmentKeys()).toHaveLength(2);
    await library.loadTexts(index.missingTexts());
    expect(matcher.check(harbour().text)).toEqual(before);
    store.close();
    const again = openLibrary(name);
    expect(await again.library.load()).toEqual({
      articles: MERGE_FACTOR,
      segments: 1,
      rebuilt: 0,
      vocabulary: 0,
    });
    expect(again.matcher.check(harbour().text).summary).toEqual(before.summary);
  });
});

describe('importing a compiled corpus file', () => {
  test('its index is taken as it is, without articles already kept', async () => {
    const { library, store, matcher } = openLibrary();
    await library.load();
    await library.keep(northgate());
    const articles = [northgate(), drone()];
    const segment = compileSegment(
      articles.map((a, i) => ({ meta: articleMeta(a, `r${i}`), text: a.text })),
      { aliases: aliasTable() },
    );
    const file = readCorpusFile(writeCorpusFile({ story: null, articles, segment }));
    const result = await library.importCorpusFile(file);
    expect(result).toMatchObject({ added: 1, duplicates: 1, failed: 0 });
    expect(await store.count()).toBe(2);
    const ids = await store.articleIds();
    // The imported article is indexed: checking its own text finds it as the page's own report.
    expect(matcher.check(drone().text).self?.report).toBe(libraryKey(ids[1]!));
    const listed = reportsListed(matcher.check(harbour().text));
    expect(listed.has(libraryKey(ids[0]!))).toBe(true);
  });
});

describe('the stored vocabulary of the segments', () => {
  /** Every page's check, with the texts of library matches read as the background reads them. */
  async function answersOf(opened: ReturnType<typeof openLibrary>) {
    const out = [];
    for (const page of [northgate(), harbour(), drone()]) {
      opened.index.missingTexts();
      opened.matcher.check(page.text);
      await opened.library.loadTexts(opened.index.missingTexts());
      out.push(opened.matcher.check(page.text));
    }
    return out;
  }
  /** Deletes the stored vocabulary, as in a library stored before there was one. */
  async function forget(name: string): Promise<void> {
    const db = await openLibraryDb(name);
    await db.delete('state', 'vocabulary');
    db.close();
  }
  // Every change makes it stale: the few articles here bring far fewer terms than a library does.
  const always = { vocabularyStaleTerms: 0 };

  test('is stored once merges settle and taken by a restart, which answers as one that looks up every term', async () => {
    const name = 'vocabulary-restart';
    const first = openLibrary(name, undefined, always);
    await first.library.load();
    for (const article of [northgate(), harbour(), drone()])
      expect((await first.library.keep(article)).status).toBe('kept');
    expect(await first.store.vocabulary()).toBeUndefined();
    expect(await first.library.mergeStep()).toBe(false);
    expect(await first.store.vocabulary()).toBeInstanceOf(ArrayBuffer);
    first.store.close();

    const taken = openLibrary(name, undefined, always);
    expect(await taken.library.load()).toMatchObject({ articles: 3, segments: 3, vocabulary: 3 });
    const answers = await answersOf(taken);
    expect(answers[1]!.summary.matched).toBeGreaterThan(0);
    taken.store.close();

    // A library stored before there was a vocabulary: loaded as before, the same answers.
    await forget(name);
    const older = openLibrary(name, undefined, always);
    expect(await older.library.load()).toMatchObject({ articles: 3, rebuilt: 0, vocabulary: 0 });
    expect(await answersOf(older)).toEqual(answers);
    // …and it gets one once merges settle.
    expect(await older.library.mergeStep()).toBe(false);
    older.store.close();
    const again = openLibrary(name, undefined, always);
    expect(await again.library.load()).toMatchObject({ vocabulary: 3 });
    expect(await answersOf(again)).toEqual(answers);
    again.store.close();
  });

  test('forgetting an article or adding one after it was stored changes nothing it answers', async () => {
    const name = 'vocabulary-changes';
    const first = openLibrary(name, undefined, always);
    await first.library.load();
    const kept = [];
    for (const article of [northgate(), drone(), harbour()])
      kept.push(((await first.library.keep(article)) as { id: number }).id);
    await first.library.mergeStep();
    await first.library.delete([kept[1]!]);
    first.store.close();

    // A fourth article kept by a library that does not store vocabularies any more.
    const second = openLibrary(name);
    await second.library.load();
    const fourth = {
      ...drone(),
      url: 'https://elsewhere.example/drones',
      text: `${drone().text}\n\nMore.`,
    };
    expect((await second.library.keep(fourth)).status).toBe('kept');
    second.store.close();

    const taken = openLibrary(name);
    // The forgotten article's segment went with it: the vocabulary serves the one before it only.
    expect(await taken.library.load()).toMatchObject({ articles: 3, segments: 3, vocabulary: 1 });
    const answers = await answersOf(taken);
    taken.store.close();
    await forget(name);
    const looked = openLibrary(name);
    expect(await looked.library.load()).toMatchObject({ articles: 3, vocabulary: 0 });
    expect(await answersOf(looked)).toEqual(answers);
    looked.store.close();
  });

  test('cut short, it is ignored: every article kept, the same answers', async () => {
    const name = 'vocabulary-damaged';
    const first = openLibrary(name, undefined, always);
    await first.library.load();
    for (const article of [northgate(), harbour()]) await first.library.keep(article);
    await first.library.mergeStep();
    const bytes = new Uint8Array((await first.store.vocabulary())!.slice(0));
    first.store.close();
    const whole = openLibrary(name);
    await whole.library.load();
    const answers = await answersOf(whole);
    whole.store.close();
    // Cut short, as a write that did not finish would leave it.
    await new LibraryStore(name).putVocabulary(bytes.slice(0, bytes.length >> 1).buffer);
    const damaged = openLibrary(name);
    expect(await damaged.library.load()).toMatchObject({ articles: 2, rebuilt: 0, vocabulary: 0 });
    expect(await answersOf(damaged)).toEqual(answers);
    damaged.store.close();
  });

  test('goes when the library is cleared', async () => {
    const { library, store } = openLibrary(undefined, undefined, always);
    await library.load();
    await library.keep(northgate());
    await library.mergeStep();
    expect(await store.vocabulary()).toBeDefined();
    await library.clear();
    expect(await store.vocabulary()).toBeUndefined();
    store.close();
  });
});
