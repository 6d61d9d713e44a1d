// The links of a kept article's sentences (src/core/verify/keyed-links.ts): made when it is
// placed, stored with its placement, read by report key and sentence number wherever merges move
// its units, and gone with it when it is forgotten.
import { describe, expect, test } from 'vitest';
import { libraryService } from '../../src/background/library-service';
import type { ArticleReport } from '../../src/core/types';
import { unpackLinks } from '../../src/core/verify';
import { libraryKey } from '../../src/library/library';
import { corpusGroups, drone, harbour, northgate, openLibrary } from './library-support';

const options = { url: harbour().url, groups: corpusGroups, published: '2025-03-15' };

/** A library with its service, placing only when a test asks (or after `placeDelayMs`). */
async function opened(name?: string, placeDelayMs: number | null = null) {
  const parts = openLibrary(name);
  await parts.library.load();
  const service = await libraryService(parts.matcher, parts.library, parts.store, {
    groups: corpusGroups,
    placeDelayMs,
  });
  return { ...parts, service };
}

/** The page sentences a check lists report `key` for by a link, with what it shows. */
function carriedTo(report: ArticleReport, key: string) {
  return report.sentences.flatMap((s) =>
    s.matches
      .filter((m) => m.report === key && m.via !== undefined)
      .map((m) => ({ page: s.start, text: m.text, start: m.start, via: m.via, score: m.score })),
  );
}

/** Every report a check lists, and every report a listed match came through. */
function named(report: ArticleReport): Set<string> {
  return new Set(
    report.sentences.flatMap((s) => s.matches.flatMap((m) => [m.report, m.via ?? m.report])),
  );
}

describe('the links of kept articles', () => {
  test('placing links its sentences, and a check carries claims to it over them', async () => {
    const { service, store, index } = await opened();
    const kept = await service.keep(northgate(), null);
    const id = (kept as { id: number }).id;
    const key = libraryKey(id);
    expect(carriedTo(await service.check(harbour().text, options), key)).toEqual([]);
    expect(await service.place()).toBe(1);
    const record = (await store.placements()).find((p) => p.id === id)!;
    const links = unpackLinks(record.links!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      // Each names a sentence of the article and one of a bundled report, both in the index.
      expect(index.unitOfReport(key, link.unit)).toBeGreaterThanOrEqual(0);
      expect(index.unitOfReport(link.report, link.sentence)).toBeGreaterThanOrEqual(0);
      expect(link.report).not.toBe(key);
      expect(link.probability).toBeGreaterThanOrEqual(0.8);
    }
    const carried = carriedTo(await service.check(harbour().text, options), key);
    expect(carried.length).toBeGreaterThan(0);
    for (const m of carried) {
      expect(northgate().text.slice(m.start).startsWith(m.text)).toBe(true);
      expect(m.via).not.toBe(key);
    }
  });

  test('its links hold when merges move its units, and after a restart, without checking it again', async () => {
    const first = await opened();
    const filler = (await first.service.keep(drone(), null)) as { id: number };
    const kept = (await first.service.keep(northgate(), null)) as { id: number };
    const key = libraryKey(kept.id);
    expect(await first.service.place()).toBe(2);
    const before = carriedTo(await first.service.check(harbour().text, options), key);
    expect(before.length).toBeGreaterThan(0);
    // The article kept before it is forgotten and the segments merged: its units move.
    const unit = first.index.unitOfReport(key, 0);
    await first.service.forget([filler.id]);
    while (await first.library.mergeStep());
    expect(first.index.unitOfReport(key, 0)).not.toBe(unit);
    expect(carriedTo(await first.service.check(harbour().text, options), key)).toEqual(before);
    first.store.close();
    const again = await opened(first.name);
    expect(await again.service.place()).toBe(0);
    expect(carriedTo(await again.service.check(harbour().text, options), key)).toEqual(before);
  });

  test('a forgotten article is reached over no link, now or after a restart', async () => {
    const first = await opened();
    const kept = (await first.service.keep(northgate(), null)) as { id: number };
    const key = libraryKey(kept.id);
    await first.service.place();
    expect(named(await first.service.check(harbour().text, options)).has(key)).toBe(true);
    await first.service.forget([kept.id]);
    expect(named(await first.service.check(harbour().text, options)).has(key)).toBe(false);
    first.store.close();
    const again = await opened(first.name);
    expect(named(await again.service.check(harbour().text, options)).has(key)).toBe(false);
  });

  test('an article placed before links were kept is checked again for them, once', async () => {
    const first = await opened();
    const kept = (await first.service.keep(northgate(), null)) as { id: number };
    const key = libraryKey(kept.id);
    await first.service.place();
    const before = carriedTo(await first.service.check(harbour().text, options), key);
    expect(before.length).toBeGreaterThan(0);
    // Its placement as a version that kept no links stored it.
    const stored = await first.store.placements();
    await first.store.putPlacements(stored.map(({ links: _links, ...record }) => record));
    first.store.close();
    const again = await opened(first.name);
    expect(carriedTo(await again.service.check(harbour().text, options), key)).toEqual([]);
    expect(again.service.unplaced).toBe(0);
    expect(await again.service.place()).toBe(1);
    const record = (await again.store.placements()).find((p) => p.id === kept.id)!;
    expect(record).toMatchObject({ ...stored[0], links: stored[0]!.links });
    expect(carriedTo(await again.service.check(harbour().text, options), key)).toEqual(before);
    expect(await again.service.place()).toBe(0);
    // Opened as the background opens it, the library links it by itself.
    await again.store.putPlacements(stored.map(({ links: _links, ...record }) => record));
    again.store.close();
    const third = await opened(first.name, 1);
    for (let wait = 0; wait < 100; wait++) {
      if ((await third.store.placements())[0]!.links) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await third.store.placements())[0]!.links).toEqual(stored[0]!.links);
  });
});
