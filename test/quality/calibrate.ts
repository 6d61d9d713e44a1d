/**
 * Calibration of the match threshold: sweeps it over predictions made once at a low floor, on the
 * development gold, on the gold extended with hand labels for the sentences it leaves unjudged,
 * and on the held-out articles, under the constraint that the unrelated fixture articles match
 * nothing. The threshold is chosen on all of them pooled: about 180 labelled pairs of the corpus
 * reports alone gave a threshold fitted to how the corpus outlets echo one wire story, and the
 * held-out articles (other outlets, freer rewording) are the nearest thing to the pages the
 * matcher will meet. Choosing on them makes them development data too (see heldout.test.ts).
 * Also a two-fold cross-validation over the gold's claims, to show how much choosing the
 * threshold on the same data flatters the figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreHeldout, type PredictedUnit } from './heldout';
import type { DevCorpus } from './predict';
import {
  countReport,
  figures,
  judge,
  zeroCounts,
  type Gold,
  type Judgement,
  type Score,
  type ScoredReport,
} from './score';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Articles on other subjects that must match nothing. */
export const UNRELATED_DIR = path.join(here, '../fixtures/articles');

/** Hand labels for pairs the gold leaves unjudged (see unjudged-labels.json). */
interface UnjudgedLabels {
  pairs: { report: string; sentence: string; other: string; label: 'same' | 'partly' }[];
}

/** Reads the unrelated fixture articles (name → text). */
export function readUnrelatedArticles(): Map<string, string> {
  const articles = new Map<string, string>();
  for (const name of readdirSync(UNRELATED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    articles.set(name, readFileSync(path.join(UNRELATED_DIR, name), 'utf8'));
  }
  return articles;
}

/** Judgements of every unit: the gold's where it judges, the hand labels' elsewhere. */
export function extendedJudgements(
  gold: Gold,
  corpus: DevCorpus,
  reports: readonly ScoredReport[],
): Judgement[][] {
  const labels = JSON.parse(
    readFileSync(path.join(here, 'unjudged-labels.json'), 'utf8'),
  ) as UnjudgedLabels;
  const fileOf = new Map(corpus.inputs.map((i) => [i.meta.id, i.meta.file]));
  return reports.map((report) => {
    const id = corpus.inputs.find((i) => i.meta.file === report.file)!.meta.id;
    const judged = judge(gold, report.file, report.text, report.units);
    return report.units.map((unit, i) => {
      const fromGold = judged[i];
      if (fromGold) return fromGold;
      const text = report.text.slice(unit.start, unit.end);
      const judgement: Judgement = { gold: new Set(), maybe: new Set() };
      for (const pair of labels.pairs) {
        if (pair.report !== id || !text.startsWith(pair.sentence)) continue;
        (pair.label === 'same' ? judgement.gold : judgement.maybe).add(fileOf.get(pair.other)!);
      }
      return judgement;
    });
  });
}

/** Counts over given judgements at a threshold. */
function scoreJudged(
  reports: readonly ScoredReport[],
  judgements: readonly (Judgement | null)[][],
  threshold: number,
): Score {
  const counts = zeroCounts();
  reports.forEach((report, r) => countReport(counts, report, judgements[r]!, threshold));
  return figures(counts);
}

/** One row of the sweep. */
export interface SweepRow {
  threshold: number;
  gold: Score;
  extended: Score;
  /** The held-out articles. */
  heldout: Score;
  /** The extended gold and the held-out articles together (the counts summed). */
  pooled: Score;
  /** Matches found in the unrelated fixture articles at this threshold. */
  unrelatedMatches: number;
}

/** Thresholds swept: every hundredth from 0.05 to 0.60. */
export const SWEEP = Array.from(
  { length: 56 },
  (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100,
);

/**
 * The sweep: `reports` are the corpus reports predicted at a low floor, `heldout` the held-out
 * articles' units predicted at that floor, `unrelated` the best score of every match in the
 * unrelated fixtures at that floor.
 */
export function sweep(
  gold: Gold,
  corpus: DevCorpus,
  reports: readonly ScoredReport[],
  heldout: readonly PredictedUnit[],
  unrelated: readonly number[],
): SweepRow[] {
  const goldJudgements = reports.map((r) => judge(gold, r.file, r.text, r.units));
  const extended = extendedJudgements(gold, corpus, reports);
  return SWEEP.map((threshold) => {
    const extendedScore = scoreJudged(reports, extended, threshold);
    const heldoutScore = scoreHeldout(heldout, threshold);
    const pooled = zeroCounts();
    for (const score of [extendedScore, heldoutScore]) {
      pooled.tp += score.tp;
      pooled.fp += score.fp;
      pooled.fn += score.fn;
      pooled.judged += score.judged;
    }
    return {
      threshold,
      gold: scoreJudged(reports, goldJudgements, threshold),
      extended: extendedScore,
      heldout: heldoutScore,
      pooled: figures(pooled),
      unrelatedMatches: unrelated.filter((s) => s >= threshold).length,
    };
  });
}

/**
 * The calibrated threshold: best F1 on the extended gold and the held-out articles pooled, among
 * thresholds that leave the unrelated articles without a match; among equal F1s, the middle one.
 */
export function chooseThreshold(rows: readonly SweepRow[]): number {
  const allowed = rows.filter((r) => r.unrelatedMatches === 0);
  const best = Math.max(...allowed.map((r) => r.pooled.f1));
  const top = allowed.filter((r) => r.pooled.f1 >= best - 1e-9);
  return top[Math.floor((top.length - 1) / 2)]!.threshold;
}

/** Two-fold cross-validation over the gold's claims (odd and even claims). */
export function crossValidate(
  gold: Gold,
  reports: readonly ScoredReport[],
): { folds: { threshold: number; test: Score }[]; pooled: Score } {
  const claimIds = gold.claims.map((c) => c.id);
  const halves = [
    claimIds.filter((_, i) => i % 2 === 0),
    claimIds.filter((_, i) => i % 2 === 1),
  ].map((ids) => new Set(ids));
  const judgementsFor = (claims: ReadonlySet<string>) =>
    reports.map((r) => judge(gold, r.file, r.text, r.units, claims));
  const pooled = zeroCounts();
  const folds = [0, 1].map((k) => {
    const train = judgementsFor(halves[k]!);
    const test = judgementsFor(halves[1 - k]!);
    let threshold = SWEEP[0]!;
    let best = -1;
    for (const t of SWEEP) {
      const f1 = scoreJudged(reports, train, t).f1;
      if (f1 > best) {
        best = f1;
        threshold = t;
      }
    }
    const score = scoreJudged(reports, test, threshold);
    pooled.tp += score.tp;
    pooled.fp += score.fp;
    pooled.fn += score.fn;
    pooled.judged += score.judged;
    return { threshold, test: score };
  });
  return { folds, pooled: figures(pooled) };
}

/** Scores of the shipped threshold on each half of the claims, for comparison with the folds. */
export function halvesAt(gold: Gold, reports: readonly ScoredReport[], threshold: number): Score[] {
  const claimIds = gold.claims.map((c) => c.id);
  return [0, 1].map((k) => {
    const claims = new Set(claimIds.filter((_, i) => i % 2 === k));
    return scoreJudged(
      reports,
      reports.map((r) => judge(gold, r.file, r.text, r.units, claims)),
      threshold,
    );
  });
}
