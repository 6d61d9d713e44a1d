/**
 * The rerank: how much two text units say the same thing, from their content terms weighted by
 * rarity (idf). Both directions count — how much of the page sentence the report sentence covers
 * and the reverse — so a list item can match the part of a long sentence that makes its claim.
 */
import type { Neighbours } from './spelling-neighbours';

/** The content terms of one unit, ready to compare. */
export interface TermBag {
  /** Distinct term ids. */
  ids: number[];
  /** Weight (idf) of each id in `ids`. */
  weights: number[];
  /** Sum of `weights`: the unit's informative mass. */
  mass: number;
  /** Term ids in text order (with repeats), for word-order evidence. */
  sequence: number[];
  /** `ids` as a set. */
  set: ReadonlySet<number>;
  /** Adjacent term pairs of `sequence`, as `a * PAIR_BASE + b`. */
  pairs: ReadonlySet<number>;
}

/** Packs two term ids into one number for pair sets (term ids stay far below this). */
export const PAIR_BASE = 2 ** 26;

/** Builds a bag from term ids in text order and a weight per term. */
export function makeBag(sequence: readonly number[], weightOf: (id: number) => number): TermBag {
  const ids = [...new Set(sequence)];
  const weights = ids.map(weightOf);
  const pairs = new Set<number>();
  for (let i = 1; i < sequence.length; i++) pairs.add(sequence[i - 1]! * PAIR_BASE + sequence[i]!);
  return {
    ids,
    weights,
    mass: weights.reduce((a, b) => a + b, 0),
    sequence: [...sequence],
    set: new Set(ids),
    pairs,
  };
}

/** How two units compare. */
export interface Similarity {
  /** Overall similarity in 0..1; the match decision compares it with a threshold. */
  score: number;
  /** Share of the page unit's mass found in the report unit. */
  forward: number;
  /** Share of the report unit's mass found in the page unit. */
  backward: number;
  /** Mass matched (the lighter side's). */
  matchedMass: number;
  /** Number of distinct terms found on both sides (soft matches count in part). */
  shared: number;
  /** Share of the page unit's adjacent term pairs found in the same order in the report unit. */
  order: number;
}

/** The terms spelled like a term, with their similarity in 0..1; supplied by the matcher. */
export type NeighboursOf = (id: number) => Neighbours;

/**
 * A containment match (a short unit inside a long one) earns at most this share of a full match:
 * the long unit also says other things, so it is never as close as a sentence saying just that.
 */
export const CONTAINMENT_WEIGHT = 0.9;
/**
 * Matched mass at which a containment match earns full credit: about two distinctive terms
 * (idf ≈ 3 each). Less shared inside a long sentence happens by chance.
 */
export const CONTAINMENT_FULL_MASS = 6;
/**
 * Share of the lighter unit that must be covered before containment earns anything: a long
 * sentence holding a fifth of a short one's words (a date, a country, "attack") is topic, not claim.
 */
export const CONTAINMENT_FLOOR = 0.2;
/** Weight of word-order evidence (shared adjacent pairs) added on top of the term overlap. */
export const ORDER_WEIGHT = 0.1;

/** Adds up the mass of `from`'s terms that `to` has (exactly, or in part through a neighbour). */
function coveredMass(from: TermBag, toSet: ReadonlySet<number>, neighbours: NeighboursOf) {
  let mass = 0;
  let shared = 0;
  for (let i = 0; i < from.ids.length; i++) {
    const id = from.ids[i]!;
    let credit = 0;
    if (toSet.has(id)) credit = 1;
    else {
      const near = neighbours(id);
      for (let k = 0; k < near.ids.length; k++) {
        const s = near.similarities[k]!;
        if (s > credit && toSet.has(near.ids[k]!)) credit = s;
      }
    }
    mass += credit * from.weights[i]!;
    shared += credit;
  }
  return { mass, shared };
}

/** Share of `a`'s adjacent term pairs that occur as adjacent pairs in `b`. */
function orderOverlap(a: TermBag, b: TermBag): number {
  if (a.pairs.size === 0) return 0;
  let found = 0;
  for (const pair of a.pairs) if (b.pairs.has(pair)) found++;
  return found / a.pairs.size;
}

/**
 * Compares a page unit with a report unit. Below `floor` the result only promises a score under
 * `floor` (word order is not looked at), which is all a caller discarding it needs.
 */
export function compareBags(
  page: TermBag,
  report: TermBag,
  neighbours: NeighboursOf,
  floor = 0,
): Similarity {
  const forwardCover = coveredMass(page, report.set, neighbours);
  const backwardCover = coveredMass(report, page.set, neighbours);
  const forward = page.mass > 0 ? forwardCover.mass / page.mass : 0;
  const backward = report.mass > 0 ? backwardCover.mass / report.mass : 0;
  const both = forward + backward > 0 ? (2 * forward * backward) / (forward + backward) : 0;
  // Containment: the lighter unit's coverage, credited in full only once enough mass is shared.
  const lighterIsPage = page.mass <= report.mass;
  const lighterCoverage = lighterIsPage ? forward : backward;
  const matchedMass = lighterIsPage ? forwardCover.mass : backwardCover.mass;
  const beyondFloor = Math.max(0, (lighterCoverage - CONTAINMENT_FLOOR) / (1 - CONTAINMENT_FLOOR));
  const containment =
    CONTAINMENT_WEIGHT * beyondFloor * Math.min(1, matchedMass / CONTAINMENT_FULL_MASS);
  const overlap = Math.max(both, containment);
  // Word order only ever scales the overlap down (by up to ORDER_WEIGHT), so below the floor it
  // cannot lift a candidate over it.
  const order =
    overlap < floor ? 0 : lighterIsPage ? orderOverlap(page, report) : orderOverlap(report, page);
  const score = Math.min(1, overlap * (1 - ORDER_WEIGHT) + ORDER_WEIGHT * order * overlap);
  return {
    score,
    forward,
    backward,
    matchedMass,
    shared: Math.min(forwardCover.shared, backwardCover.shared),
    order,
  };
}
