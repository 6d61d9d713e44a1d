/**
 * Claim alignment between two texts, from the matcher's answer for one of them: which sentences
 * of the other report make the same claims, how many of them come in the same order, and how
 * close the wording is character by character. Echo groups are decided from these measures, not
 * from the matcher's absolute scores, which a recalibration would move.
 */
import type { ArticleReport } from '../types';

/** One claim two texts share: a sentence of the checked text and the other report's sentence. */
export interface AlignedClaim {
  /** Offset of the checked text's sentence. */
  at: number;
  /** Offset of the other report's sentence in that report. */
  other: number;
  text: string;
  otherText: string;
}

/** What the alignment of one text with another report says about how they are related. */
export interface PairEvidence {
  /** Distinct claims shared (sentences of the other report matched). */
  claims: number;
  /** Longest run of shared claims in the same order in both texts (longest increasing subsequence). */
  run: number;
  /** Share of the shared claims that are in that run: 1 when the order is the same throughout. */
  order: number;
  /**
   * Wording overlap along the run: the mean, over its claims, of the share of the shorter
   * sentence's character 5-grams found in the other. Near 1 for copies, about 0.3 for the same
   * fact told in other words (names and numbers still agree).
   */
  overlap: number;
}

/** The claims `report` (the matcher's answer for one text) shares with each other report, by id. */
export function alignedClaims(report: ArticleReport): Map<string, AlignedClaim[]> {
  const byReport = new Map<string, AlignedClaim[]>();
  for (const sentence of report.sentences) {
    for (const match of sentence.matches) {
      let list = byReport.get(match.report);
      if (!list) byReport.set(match.report, (list = []));
      list.push({
        at: sentence.start,
        other: match.start,
        text: sentence.text,
        otherText: match.text,
      });
    }
  }
  return byReport;
}

/** Measures the alignment of a text with one other report. */
export function measure(claims: readonly AlignedClaim[]): PairEvidence {
  // One sentence of the other report matched by several of this text's counts once.
  const distinct = new Map<number, AlignedClaim>();
  for (const claim of [...claims].sort((a, b) => a.at - b.at)) {
    if (!distinct.has(claim.other)) distinct.set(claim.other, claim);
  }
  const ordered = [...distinct.values()].sort((a, b) => a.at - b.at);
  const run = longestIncreasingRun(ordered);
  const overlap =
    run.length === 0
      ? 0
      : run.reduce((sum, c) => sum + containment(c.text, c.otherText), 0) / run.length;
  return {
    claims: ordered.length,
    run: run.length,
    order: ordered.length === 0 ? 0 : run.length / ordered.length,
    overlap,
  };
}

/** The longest subsequence of `claims` (in the checked text's order) whose `other` increases. */
function longestIncreasingRun(claims: readonly AlignedClaim[]): AlignedClaim[] {
  // Patience sorting: tails[k] is the index of the smallest end of a run of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(claims.length).fill(-1);
  claims.forEach((claim, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (claims[tails[mid]!]!.other < claim.other) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const run: AlignedClaim[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) {
    run.push(claims[i]!);
  }
  return run.reverse();
}

/** Character n-gram length of the wording overlap: long enough to span more than one short word. */
export const GRAM = 5;

/**
 * Sentences whose n-grams are remembered: a page sentence is measured against several reports,
 * and echo groups measure the same reports' sentences again at every check. Bounded.
 */
const MAX_REMEMBERED = 4_000;
const remembered = new Map<string, ReadonlySet<string>>();

/** The character 5-grams of a sentence (the same set for the same sentence). */
function grams(text: string): ReadonlySet<string> {
  let found = remembered.get(text);
  if (!found) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    found = readGrams(text);
    remembered.set(text, found);
  }
  return found;
}

/** The character 5-grams of a sentence: lower case, letters and digits, single spaces. */
function readGrams(text: string): Set<string> {
  const flat = ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= flat.length; i++) out.add(flat.slice(i, i + GRAM));
  return out;
}

/** Share of the shorter sentence's character n-grams that the other has too. */
export function containment(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}
