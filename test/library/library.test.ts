import { describe, expect, test } from 'vitest';
import { exportJsonLines, readJsonLines, type LibraryArticle } from '../../src/core/library-format';
import { articleOf, libraryKey } from '../../src/library/library';
import { LibraryStore, StorageError } from '../../src/library/store';
import { drone, harbour, northgate, openLibrary, reportsListed } from './library-support';

describe('keeping articles', () => {
  test('a kept article is matched by the next one that shares its claims, with outlet, date and link', async () => {
    const { library, matcher } = openLibrary();
    await library.load();
    const kept = await library.keep(northgate());
    expect(kept.status).toBe('kept');
    const id = (kept as { id: number }).id;
    const report = matcher.check(harbour().text);
    const match = report.sentences
      .flatMap((s) => s.matches)
      .find((m) => m.report === libraryKey(id))!;
    expect(match).toBeDefined();
    expect(match.outlet).toBe('Northgate Courier');
    expect(match.read).toBe('2025-05-03T09:30:00.000Z');
    expect(match.url).toBe(northgate().url);
    expect(northgate().text.slice(match.start, match.end)).toBe(match.text);
  });

  test('the same URL, the same text or a page the matcher finds to be a copy is not kept twice', async () => {
    const { library } = openLibrary();
    await library.load();
    expect((await library.keep(northgate())).status).toBe('kept');
    expect(
      await library.keep({ ...northgate(), url: `${northgate().url}#comments` }),
    ).toMatchObject({
      status: 'duplicate',
      reason: 'url',
    });
    expect(
      await library.keep({
        ...northgate(),
        url: 'https://mirror.example/a',
        text: `  ${northgate().text}\n`,
      }),
    ).toMatchObject({ status: 'duplicate', reason: 'text' });
    expect(await library.keep(harbour(), 'cnews-live-english')).toMatchObject({
      status: 'duplicate',
      reason: 'corpus',
    });
  });

  test('the library and its matches are there after a restart, loaded not rebuilt', async () => {
    const first = openLibrary();
    await first.library.load();
    await first.library.keep(northgate());
    const before = first.matcher.check(harbour().text);
    first.store.close();
    const again = openLibrary(first.name);
    const loaded = await again.library.load();
    expect(loaded).toEqual({ articles: 1, segments: 1, rebuilt: 0, vocabulary: 0 });
    const after = again.matcher.check(harbour().text);
    // Texts are read from storage only when a match is shown.
    await again.library.loadTexts(again.index.missingTexts());
    expect(again.matcher.check(harbour().text)).toEqual(before);
    expect(after.summary).toEqual(before.summary);
  });

  test('a forgotten article is matched no more, now or after a restart', async () => {
    const { name, store, library, matcher } = openLibrary();
    await library.load();
    const kept = (await library.keep(northgate())) as { id: number };
    await library.keep(drone());
    await library.delete([kept.id]);
    expect(reportsListed(matcher.check(harbour().text)).has(libraryKey(kept.id))).toBe(false);
    expect(await store.count()).toBe(1);
    store.close();
    const again = openLibrary(name);
    await again.library.load();
    expect(reportsListed(again.matcher.check(harbour().text)).has(libraryKey(kept.id))).toBe(false);
  });

  test('export, clear and import give back the same articles and the same matches', async () => {
    const { library, store, matcher } = openLibrary();
    await library.load();
    await library.keep(northgate());
    await library.keep(drone());
    const exported: LibraryArticle[] = [];
    await store.forEachArticle((record, text) => exported.push(articleOf(record, text)));
    const jsonl = exportJsonLines(exported);
    const outlets = (r: ReturnType<typeof matcher.check>) => r.summary.outlets.map((o) => o.outlet);
    const before = outlets(matcher.check(harbour().text));
    await library.clear();
    expect(await store.count()).toBe(0);
    expect(outlets(matcher.check(harbour().text))).not.toContain('Northgate Courier');
    const lines = [...readJsonLines(jsonl)].map((l) => ('article' in l ? l.article : null));
    const result = await library.importArticles(
      lines.filter((a): a is LibraryArticle => a !== null),
    );
    expect(result).toMatchObject({ added: 2, duplicates: 0, failed: 0 });
    const reimported: LibraryArticle[] = [];
    await store.forEachArticle((record, text) => reimported.push(articleOf(record, text)));
    expect(reimported).toEqual(exported);
    expect(outlets(matcher.check(harbour().text))).toEqual(before);
  });
});

describe('storage that fails', () => {
  /** A store whose writes the browser refuses for want of space. */
  class FullStore extends LibraryStore {
    override addArticles(): never {
      throw new StorageError('full', 'The browser refused more storage for your library.');
    }
  }

  test('a full disk gives a clear message, stores nothing new and loses nothing stored', async () => {
    const { name, library, matcher, index } = openLibrary();
    await library.load();
    await library.keep(northgate());
    const docs = index.docs;
    const full = openLibrary(name, new FullStore(name));
    await full.library.load();
    const result = await full.library.keep(harbour());
    expect(result).toMatchObject({ status: 'error', full: true });
    expect(full.library.lastError?.message).toMatch(/refused more storage/);
    expect(full.index.docs).toBe(docs);
    expect(await full.store.count()).toBe(1);
    expect(matcher.check(harbour().text).summary.outlets.map((o) => o.outlet)).toContain(
      'Northgate Courier',
    );
  });

  test('a quota error in the middle of a transaction leaves no half article', async () => {
    const { name, store, library } = openLibrary();
    await library.load();
    // The segment is made inside the transaction; failing there aborts the article's record too.
    const result = await store
      .addArticles(
        [
          {
            record: {
              url: 'https://x.example/1',
              outlet: 'X',
              title: null,
              published: null,
              read: '2025-05-01',
              hash: 'h',
              chars: 4,
            },
            text: 'Text',
          },
        ],
        () => {
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        },
      )
      .catch((error: unknown) => error);
    expect(result).toBeInstanceOf(StorageError);
    expect((result as StorageError).kind).toBe('full');
    expect(await store.count()).toBe(0);
    expect(await new LibraryStore(name).texts([1])).toEqual([undefined]);
  });
});
