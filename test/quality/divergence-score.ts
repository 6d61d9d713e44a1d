/**
 * Scoring of divergence flags against the hand labels in test/fixtures/divergence/pairs.json:
 * precision and recall per kind, and the share of difference-free pairs that get any flag.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIFFERENCE_KINDS, findDifferences, type DifferenceKind } from '../../src/core/divergence';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One labelled difference: its kind and the words on each side ("" for none). */
export interface LabelledDifference {
  kind: DifferenceKind;
  page: string;
  report: string;
}

/** One labelled pair. */
export interface LabelledPair {
  id: string;
  pageFrom: string;
  reportId: string;
  page: string;
  report: string;
  differences: LabelledDifference[];
}

/** The labelled pairs. */
export function loadPairs(): LabelledPair[] {
  const file = path.join(here, '../fixtures/divergence/pairs.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/** Lower-case words of a label or flag side, for overlap. */
function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

function overlaps(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const words = wordSet(b);
  return [...wordSet(a)].some((w) => words.has(w));
}

/**
 * Whether a flag is the labelled difference: the same kind, and words that overlap on a side
 * where both have words.
 */
export function sameDifference(flag: LabelledDifference, label: LabelledDifference): boolean {
  return (
    flag.kind === label.kind &&
    (overlaps(flag.page, label.page) || overlaps(flag.report, label.report))
  );
}

/** Counts per kind. */
export interface KindScore {
  kind: DifferenceKind;
  labelled: number;
  flagged: number;
  correct: number;
  precision: number;
  recall: number;
}

/** What scoring all pairs gives. */
export interface DivergenceScore {
  kinds: KindScore[];
  /** Labelled pairs without any difference, and how many of them got a flag. */
  cleanPairs: number;
  cleanFlagged: number;
  /** Wrong and missed flags, for reading. */
  errors: { id: string; wrong: LabelledDifference[]; missed: LabelledDifference[] }[];
}

/** Flags every labelled pair with `find` and scores the flags against the labels. */
export function scoreDivergence(
  pairs: readonly LabelledPair[],
  find: (page: string, report: string) => LabelledDifference[] = findDifferences,
): DivergenceScore {
  const counts = new Map(DIFFERENCE_KINDS.map((k) => [k, { labelled: 0, flagged: 0, correct: 0 }]));
  let cleanPairs = 0;
  let cleanFlagged = 0;
  const errors: DivergenceScore['errors'] = [];
  for (const pair of pairs) {
    const flags = find(pair.page, pair.report);
    if (pair.differences.length === 0) {
      cleanPairs++;
      if (flags.length > 0) cleanFlagged++;
    }
    const unmatched = [...pair.differences];
    const wrong: LabelledDifference[] = [];
    for (const flag of flags) {
      counts.get(flag.kind)!.flagged++;
      const at = unmatched.findIndex((label) => sameDifference(flag, label));
      if (at === -1) wrong.push(flag);
      else {
        counts.get(flag.kind)!.correct++;
        unmatched.splice(at, 1);
      }
    }
    for (const label of pair.differences) counts.get(label.kind)!.labelled++;
    if (wrong.length > 0 || unmatched.length > 0) {
      errors.push({
        id: pair.id,
        wrong: wrong.map(({ kind, page, report }) => ({ kind, page, report })),
        missed: unmatched,
      });
    }
  }
  const kinds = DIFFERENCE_KINDS.map((kind) => {
    const c = counts.get(kind)!;
    return {
      kind,
      ...c,
      precision: c.flagged === 0 ? 1 : c.correct / c.flagged,
      recall: c.labelled === 0 ? 1 : c.correct / c.labelled,
    };
  });
  return { kinds, cleanPairs, cleanFlagged, errors };
}

/** The score as a small table. */
export function formatDivergence(score: DivergenceScore): string {
  const lines = ['kind         labelled flagged correct precision recall'];
  for (const k of score.kinds) {
    lines.push(
      `${k.kind.padEnd(12)} ${String(k.labelled).padStart(8)} ${String(k.flagged).padStart(7)} ${String(k.correct).padStart(7)} ${k.precision.toFixed(3).padStart(9)} ${k.recall.toFixed(3).padStart(6)}`,
    );
  }
  const share = score.cleanPairs === 0 ? 0 : score.cleanFlagged / score.cleanPairs;
  lines.push(
    `difference-free pairs flagged: ${score.cleanFlagged} of ${score.cleanPairs} (${(share * 100).toFixed(1)}%)`,
  );
  return lines.join('\n');
}
