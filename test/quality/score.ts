/**
 * Scoring against the development gold (test/fixtures/gold/README.md), pair level: for every
 * sentence S of report A checked with A excluded, which other reports make a claim S makes.
 * Shared by the quality test, the calibration and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The gold file's shape. */
export interface Gold {
  claims: {
    id: string;
    gist: string;
    makes: Record<string, string[]>;
    partly?: Record<string, string[]>;
  }[];
  matches_nothing: Record<string, string[]>;
}

/** A character span of a text unit. */
export interface Span {
  start: number;
  end: number;
}

/** What the gold says about one unit: the reports it should be matched to, and those that may be. */
export interface Judgement {
  gold: Set<string>;
  maybe: Set<string>;
}

/** Sums over judged units. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  judged: number;
}

/** Counts with the figures computed from them. */
export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Folder of the gold fixture. */
export const GOLD_DIR = path.join(here, '../fixtures/gold');

/** Reads the development gold. */
export function readGold(): Gold {
  return JSON.parse(readFileSync(path.join(GOLD_DIR, 'dev-claims.json'), 'utf8')) as Gold;
}

/** Every span at which `quote` occurs in `text`; a quote that is not there is a broken fixture. */
function spansOf(text: string, quote: string, file: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    spans.push({ start: at, end: at + quote.length });
  }
  if (spans.length === 0) throw new Error(`gold quote not found in ${file}: ${quote}`);
  return spans;
}

/**
 * "S is, or mostly overlaps, a quote": the overlap covers at least half of the quote or at least
 * half of the sentence (a sentence holding a short quoted clause makes it; a short unit inside a
 * long quote makes it too).
 */
export function mostlyOverlaps(unit: Span, quote: Span): boolean {
  const overlap = Math.min(unit.end, quote.end) - Math.max(unit.start, quote.start);
  if (overlap <= 0) return false;
  return overlap >= 0.5 * Math.min(unit.end - unit.start, quote.end - quote.start);
}

/**
 * The judgement of each unit of report `file` (text `text`), or null for a unit the gold does not
 * judge. With `claims`, only those claims count, and a unit touching any other claim is not judged
 * (for cross-validation over halves of the claims).
 */
export function judge(
  gold: Gold,
  file: string,
  text: string,
  units: readonly Span[],
  claims?: ReadonlySet<string>,
): (Judgement | null)[] {
  const furniture = (gold.matches_nothing[file] ?? []).flatMap((q) => spansOf(text, q, file));
  const quoted = gold.claims.map((claim) => ({
    claim,
    makes: (claim.makes[file] ?? []).flatMap((q) => spansOf(text, q, file)),
    partly: (claim.partly?.[file] ?? []).flatMap((q) => spansOf(text, q, file)),
  }));
  return units.map((unit) => {
    const judgement: Judgement = { gold: new Set(), maybe: new Set() };
    let touched = furniture.some((q) => mostlyOverlaps(unit, q));
    for (const { claim, makes, partly } of quoted) {
      const fully = makes.some((q) => mostlyOverlaps(unit, q));
      const inPart = !fully && partly.some((q) => mostlyOverlaps(unit, q));
      if (!fully && !inPart) continue;
      if (claims && !claims.has(claim.id)) return null;
      touched = true;
      const makers = Object.keys(claim.makes);
      const partMakers = Object.keys(claim.partly ?? {});
      if (fully) {
        for (const other of makers) judgement.gold.add(other);
        for (const other of partMakers) if (!makers.includes(other)) judgement.maybe.add(other);
      } else {
        for (const other of [...makers, ...partMakers]) judgement.maybe.add(other);
      }
    }
    if (!touched) return null;
    judgement.gold.delete(file);
    judgement.maybe.delete(file);
    for (const report of judgement.gold) judgement.maybe.delete(report);
    return judgement;
  });
}

/** Adds one unit's outcome to `counts`. */
export function count(counts: Counts, judgement: Judgement, predicted: ReadonlySet<string>): void {
  counts.judged++;
  for (const report of predicted) {
    if (judgement.gold.has(report)) counts.tp++;
    else if (!judgement.maybe.has(report)) counts.fp++;
  }
  for (const report of judgement.gold) if (!predicted.has(report)) counts.fn++;
}

/** Empty counts. */
export function zeroCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, judged: 0 };
}

/** Precision, recall and F1 from counts (1 when nothing was predicted or expected). */
export function figures(counts: Counts): Score {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** One unit's candidate reports (by file) with the score of each, for threshold sweeps. */
export interface ScoredUnit extends Span {
  scores: Map<string, number>;
}

/** A report's units, already predicted, with its file and text. */
export interface ScoredReport {
  file: string;
  text: string;
  units: ScoredUnit[];
}

/** Adds one report's judged units to `counts`, predicting every other report scored at `threshold` or more. */
export function countReport(
  counts: Counts,
  report: ScoredReport,
  judgements: readonly (Judgement | null | undefined)[],
  threshold: number,
): void {
  report.units.forEach((unit, i) => {
    const judgement = judgements[i];
    if (!judgement) return;
    const predicted = new Set<string>();
    for (const [file, score] of unit.scores)
      if (file !== report.file && score >= threshold) predicted.add(file);
    count(counts, judgement, predicted);
  });
}

/** Scores predictions at one threshold: a report is predicted for a unit when its score ≥ threshold. */
export function scoreAt(
  gold: Gold,
  reports: readonly ScoredReport[],
  threshold: number,
  claims?: ReadonlySet<string>,
): Score {
  const counts = zeroCounts();
  for (const report of reports) {
    const judgements = judge(gold, report.file, report.text, report.units, claims);
    countReport(counts, report, judgements, threshold);
  }
  return figures(counts);
}

/** Formats a score as one line: "P 0.912  R 0.874  F1 0.893  (tp 90, fp 9, fn 13; 88 judged)". */
export function formatScore(score: Score): string {
  const f = (x: number): string => x.toFixed(3);
  return `P ${f(score.precision)}  R ${f(score.recall)}  F1 ${f(score.f1)}  (tp ${score.tp}, fp ${score.fp}, fn ${score.fn}; ${score.judged} judged)`;
}

/**
 * The errors at a threshold, by cause. A missed pair either never reached the verifier (no
 * sentence of the report passed retrieval and the rerank: a paraphrase in other words than the
 * report's, beyond the spelling and synonym tables) or was judged below the threshold. A false
 * pair stands on a sentence that makes no claim of the corpus (another event, or background,
 * that shares the story's people, places and topic words), or on one that makes a corpus claim
 * the report does not make (a related claim of the same story).
 */
export interface ErrorCauses {
  notRetrieved: number;
  rejected: number;
  claimless: number;
  otherClaim: number;
}

/** No errors yet. */
export function zeroCauses(): ErrorCauses {
  return { notRetrieved: 0, rejected: 0, claimless: 0, otherClaim: 0 };
}

/**
 * Adds one unit's errors to `causes`. `scores` must hold every report the verifier judged for the
 * unit (with its best probability), also those below the threshold: a report missing there was
 * never retrieved.
 */
export function addCauses(
  causes: ErrorCauses,
  judgement: Judgement,
  scores: ReadonlyMap<string, number>,
  threshold: number,
): void {
  for (const report of judgement.gold) {
    const score = scores.get(report);
    if (score === undefined) causes.notRetrieved++;
    else if (score < threshold) causes.rejected++;
  }
  for (const [report, score] of scores) {
    if (score < threshold || judgement.gold.has(report) || judgement.maybe.has(report)) continue;
    if (judgement.gold.size === 0 && judgement.maybe.size === 0) causes.claimless++;
    else causes.otherClaim++;
  }
}

/** The development gold's errors at a threshold, by cause (see ErrorCauses). */
export function causesAt(
  gold: Gold,
  reports: readonly ScoredReport[],
  threshold: number,
): ErrorCauses {
  const causes = zeroCauses();
  for (const report of reports) {
    const judgements = judge(gold, report.file, report.text, report.units);
    report.units.forEach((unit, i) => {
      const judgement = judgements[i];
      if (!judgement) return;
      const scores = new Map([...unit.scores].filter(([file]) => file !== report.file));
      addCauses(causes, judgement, scores, threshold);
    });
  }
  return causes;
}

/**
 * Formats error causes as one line, with the recall a perfect verifier would reach on what
 * retrieval finds (the pairs of `score` less those never retrieved).
 */
export function formatCauses(causes: ErrorCauses, score: Counts): string {
  const positives = score.tp + score.fn;
  const ceiling = positives === 0 ? 1 : (positives - causes.notRetrieved) / positives;
  return (
    `missed: ${causes.notRetrieved} never retrieved, ${causes.rejected} rejected by the verifier; ` +
    `false: ${causes.claimless} on sentences making no corpus claim, ${causes.otherClaim} on sentences making another claim; ` +
    `recall of retrieval (a perfect verifier's) ${ceiling.toFixed(3)}`
  );
}

/** A unit of a checked report with the sentences its shown matches point at. */
export interface ShownUnit extends Span {
  matches: { file: string; start: number; end: number }[];
}

/**
 * Of the shown matches the gold counts as right (the other report makes a claim the unit makes),
 * how many point at a sentence the gold quotes for that claim in that report, made in full or in
 * part: a right report shown with another of its sentences gives the reader the wrong words.
 */
export function shownSentences(
  gold: Gold,
  file: string,
  text: string,
  units: readonly ShownUnit[],
  textOf: (file: string) => string,
): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (const unit of units) {
    const claims = gold.claims.filter((c) =>
      (c.makes[file] ?? []).some((q) =>
        spansOf(text, q, file).some((s) => mostlyOverlaps(unit, s)),
      ),
    );
    for (const match of unit.matches) {
      const quotes = claims.flatMap((c) => [
        ...(c.makes[match.file] ?? []),
        ...(c.partly?.[match.file] ?? []),
      ]);
      if (quotes.length === 0) continue;
      const other = textOf(match.file);
      const found = quotes.some((q) =>
        spansOf(other, q, match.file).some((s) => mostlyOverlaps(match, s)),
      );
      if (found) right++;
      else wrong++;
    }
  }
  return { right, wrong };
}
