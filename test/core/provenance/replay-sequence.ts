/**
 * A long, fixed sequence of stored placements for EchoGroups.placeAt, of every kind a library's
 * replay meets: groups joined, groups merged, groups named in a placement that no longer exist
 * (their first report forgotten) or were merged away, outlets named under several spellings, and
 * clones taken halfway. `replayShape` is what the groups come to, in a compact form a test can
 * compare with the fixture written by the implementation this one must agree with.
 */
import {
  EchoGroups,
  type PlacementDecision,
  type ReportSourcing,
} from '../../../src/core/provenance';
import type { ReportMeta } from '../../../src/core/types';

/** Outlets a report may name: spellings of one outlet among them ("The AP", "AP", …). */
const NAMED = [
  'Reuters',
  'reuters',
  "Reuters's",
  'AP',
  'The Associated Press',
  'AFP',
  'TASS',
  'Bloomberg',
];

/** A small seeded generator (mulberry32), so the sequence is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One placement of the sequence. */
export interface SequenceStep {
  meta: ReportMeta;
  sourcing: ReportSourcing;
  decision: PlacementDecision;
}

/**
 * `count` placements after `groups` (decisions read from the groups as they stand, as the
 * library's placing does), placed as they are made; returns them.
 */
export function placeSequence(groups: EchoGroups, count: number, seed: number, prefix: string) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const steps: SequenceStep[] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${i}`;
    const earlier = () => (ids.length === 0 ? null : pick(ids));
    const groupOf = (report: string | null) => (report === null ? null : groups.groupOf(report));
    const roll = next();
    // A group joined, a group that is gone (merged away, or its first report forgotten), or none.
    let group: string | null = null;
    if (roll < 0.35) group = groupOf(earlier());
    else if (roll < 0.4) group = `group-${earlier() ?? 'nobody'}`;
    else if (roll < 0.43) group = `group-forgotten-${Math.floor(next() * 20)}`;
    const merge: string[] = [];
    const merges = next() < 0.15 ? 1 + Math.floor(next() * 3) : 0;
    for (let m = 0; m < merges; m++) {
      const other =
        next() < 0.8 ? groupOf(earlier()) : `group-forgotten-${Math.floor(next() * 20)}`;
      if (other !== null && other !== group && !merge.includes(other)) merge.push(other);
    }
    const outlets: string[] = [];
    const names = next() < 0.5 ? 0 : 1 + Math.floor(next() * 2);
    for (let n = 0; n < names; n++) {
      const name = pick(NAMED);
      if (!outlets.includes(name)) outlets.push(name);
    }
    const meta: ReportMeta = {
      id,
      file: id,
      outlet: pick(['Reuters', 'AP', 'Outlet A', 'Outlet B', 'Outlet C', 'Outlet D']),
      site: '',
      url: '',
      title: null,
      published: '',
      origin: '',
    };
    const sourcing: ReportSourcing = {
      attributions: [],
      outlets,
      anonymous: next() < 0.3,
      published: next() < 0.5 ? `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` : null,
    };
    const decision = { group, merge };
    groups.placeAt(meta, sourcing, decision);
    ids.push(id);
    steps.push({ meta, sourcing, decision });
  }
  return steps;
}

/** Groups in a compact form: id, origin, and each member as report/outlet/sourcing/published. */
export function replayShape(groups: EchoGroups): string[] {
  return groups
    .list()
    .map(
      (g) =>
        `${g.id} [${g.origin}] ${g.members.map((m) => `${m.report}/${m.outlet}/${m.sourcing}/${m.published ?? '-'}`).join(' ')}`,
    );
}
