import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import {
  chooseThreshold,
  crossValidate,
  halvesAt,
  readUnrelatedArticles,
  sweep,
} from './calibrate';
import { heldoutPredictions, readHeldout } from './heldout';
import { enginePredictions, loadDevCorpus } from './predict';
import { formatScore, readGold } from './score';

/** Predictions are made once at this floor and the threshold swept above it. */
const FLOOR = 0.05;

const corpus = loadDevCorpus();
const gold = readGold();

test('the shipped threshold is the calibrated one, and cross-validation shows the tuning gain', () => {
  const reports = enginePredictions(corpus, FLOOR);
  const unrelated = [...readUnrelatedArticles().values()].flatMap((text) =>
    corpus.matcher
      .check(text, { threshold: FLOOR })
      .sentences.flatMap((s) => s.matches.map((m) => m.score)),
  );
  const heldout = heldoutPredictions(corpus.matcher, readHeldout(), FLOOR);
  const rows = sweep(gold, corpus, reports, heldout, unrelated);
  const lines = rows
    .filter((r) => r.threshold <= 0.4)
    .map(
      (r) =>
        `${r.threshold.toFixed(2)}  gold F1 ${r.gold.f1.toFixed(3)} (P ${r.gold.precision.toFixed(2)} R ${r.gold.recall.toFixed(2)})` +
        `  extended F1 ${r.extended.f1.toFixed(3)} (P ${r.extended.precision.toFixed(2)} R ${r.extended.recall.toFixed(2)})` +
        `  held-out F1 ${r.heldout.f1.toFixed(3)}  pooled F1 ${r.pooled.f1.toFixed(3)}` +
        `  unrelated matches ${r.unrelatedMatches}`,
    );
  console.log(`threshold sweep:\n${lines.join('\n')}`);
  const chosen = chooseThreshold(rows);
  const cv = crossValidate(gold, reports);
  const halves = halvesAt(gold, reports, MATCH_THRESHOLD);
  console.log(`calibrated threshold ${chosen}; shipped MATCH_THRESHOLD ${MATCH_THRESHOLD}`);
  cv.folds.forEach((fold, k) =>
    console.log(
      `fold ${k + 1}: threshold chosen on the other half of the claims ${fold.threshold} -> ${formatScore(fold.test)}`,
    ),
  );
  console.log(`cross-validated (gold only, pooled): ${formatScore(cv.pooled)}`);
  halves.forEach((half, k) =>
    console.log(`half ${k + 1} of the claims at the shipped threshold: ${formatScore(half)}`),
  );
  // Recalibrate (and update MATCH_THRESHOLD with its reason) whenever the scoring changes.
  expect(MATCH_THRESHOLD).toBeCloseTo(chosen, 2);
}, 60_000);
