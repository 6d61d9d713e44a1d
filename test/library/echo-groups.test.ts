// The library's echo groups after a restart: the stored placements replayed, each with the
// outlet it keeps or (stored before placements kept it) the outlet read from the article's
// report, give the groups placing the articles gave; forgetting articles gives the groups a
// restart with the others would.
import { describe, expect, test } from 'vitest';
import { EchoGroups } from '../../src/core/provenance';
import type { ReportMeta } from '../../src/core/types';
import { LibraryGroups } from '../../src/library/echo-groups';
import type { PlacementRecord } from '../../src/library/schema';
import { LIBRARY_KEY_PREFIX, libraryKey } from '../../src/shared/library-keys';
import { placeSequence, replayShape } from '../core/provenance/replay-sequence';

/** Bundled reports: a wire story that names Reuters (articles naming it join its group), one other. */
function bundled(): EchoGroups {
  const groups = new EchoGroups();
  const named = (outlets: string[]) => ({
    attributions: [],
    outlets,
    anonymous: false,
    published: null,
  });
  groups.placeAt({ id: 'wire', outlet: 'Reuters' }, named(['Reuters']), { group: null, merge: [] });
  groups.placeAt({ id: 'own', outlet: 'Courier' }, named([]), { group: null, merge: [] });
  return groups;
}

const ARTICLES = 400;

/** Articles placed one by one after the bundled reports, and their stored placements. */
function placedLibrary() {
  const placed = bundled();
  // Keyed as the library's articles 0, 1, 2, …
  const steps = placeSequence(placed, ARTICLES, 11, LIBRARY_KEY_PREFIX);
  const reports = new Map<string, ReportMeta>(steps.map((s) => [s.meta.id, s.meta]));
  const records: PlacementRecord[] = steps.map((step, k) => ({
    id: k,
    seq: k,
    group: step.decision.group,
    merge: step.decision.merge,
    sourcing: step.sourcing,
    outlet: step.meta.outlet,
  }));
  return { placed, reports, records };
}

/**
 * The library's groups after a restart with the articles `ids` kept, over `records` as stored;
 * `inIndex`: the keys whose reports the index has (all by default).
 */
async function restart(
  reports: ReadonlyMap<string, ReportMeta>,
  records: readonly PlacementRecord[],
  ids: readonly number[],
  inIndex: (key: string) => boolean = () => true,
) {
  const decoded: string[] = [];
  const groups = new LibraryGroups(bundled(), {
    meta: (key) => {
      decoded.push(key);
      return inIndex(key) ? (reports.get(key) ?? null) : null;
    },
    has: (key) => inIndex(key) && reports.has(key),
    text: () => Promise.resolve(undefined),
    // Stored placements come in the order of their article ids, not of their placing.
    placements: () => Promise.resolve([...records].reverse()),
    putPlacements: () => Promise.resolve(),
  });
  await groups.load(ids);
  return { groups, decoded };
}

const withoutOutlet = (record: PlacementRecord): PlacementRecord => {
  const { outlet: _outlet, ...rest } = record;
  return rest;
};
const all = Array.from({ length: ARTICLES }, (_, k) => k);

describe('the library among the echo groups after a restart', () => {
  test('the stored placements replayed give the groups they were placed in, reading no report', async () => {
    const { placed, reports, records } = placedLibrary();
    const { groups, decoded } = await restart(reports, records, all);
    expect(replayShape(groups.groups)).toEqual(replayShape(placed));
    expect(decoded).toEqual([]);
    expect(groups.unplaced).toBe(0);
  });

  test('placements stored without the outlet give the same groups, from the reports', async () => {
    const { placed, reports, records } = placedLibrary();
    const old = await restart(reports, records.map(withoutOutlet), all);
    expect(replayShape(old.groups.groups)).toEqual(replayShape(placed));
    expect(old.decoded).toHaveLength(ARTICLES);
    // Some with it and some without, as a library that placed articles before and after.
    const mixed = records.map((r) => (r.id % 2 === 0 ? withoutOutlet(r) : r));
    const both = await restart(reports, mixed, all);
    expect(replayShape(both.groups.groups)).toEqual(replayShape(placed));
  });

  test('articles forgotten: the groups of a restart with the others, with or without outlets', async () => {
    const { reports, records } = placedLibrary();
    const forgotten = all.filter((id) => id % 7 === 3 || id < 12);
    const kept = all.filter((id) => !forgotten.includes(id));
    for (const stored of [records, records.map(withoutOutlet)]) {
      const { groups } = await restart(reports, stored, all);
      groups.removed(forgotten);
      const fresh = await restart(reports, stored, kept);
      const shape = replayShape(groups.groups);
      expect(shape).toEqual(replayShape(fresh.groups.groups));
      for (const id of forgotten) expect(groups.groups.groupOf(libraryKey(id))).toBeNull();
      expect(groups.groups.size).toBe(2 + kept.length);
    }
  });

  test('an article the index lacks (its segment being made again) is left out either way', async () => {
    const { reports, records } = placedLibrary();
    const missing = (key: string) => key.endsWith('5');
    const inIndex = (key: string) => !missing(key);
    const withIt = await restart(reports, records, all, inIndex);
    const without = await restart(reports, records.map(withoutOutlet), all, inIndex);
    expect(replayShape(withIt.groups.groups)).toEqual(replayShape(without.groups.groups));
    for (const id of all) {
      expect(withIt.groups.groups.groupOf(libraryKey(id)) === null).toBe(missing(libraryKey(id)));
    }
  });
});
