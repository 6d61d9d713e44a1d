import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import {
  heldoutPredictions,
  judgeArticle,
  mistakes,
  readHeldout,
  scoreHeldout,
  type PredictedUnit,
} from './heldout';
import { fuseSearcher, loadDevCorpus } from './predict';
import { formatScore } from './score';

/**
 * Regression guard, not a target: F1 on the held-out articles must not fall below this. Set from
 * the first run on labels written before the matcher had seen these articles (2026-11-21: engine
 * P 0.951, R 0.647, F1 0.770; plain Fuse.js F1 0.678) minus a margin of 0.05: about 150 judged
 * pairs, so a handful of decisions flipping by a hair's change in scores moves F1 by that much.
 *
 * Since then the match threshold has been calibrated on these articles too (pooled with the
 * development gold, see calibrate.ts), so they are development data now: the figure printed here
 * is no longer an unbiased estimate for unseen outlets. Before pooling, at the threshold chosen on
 * the corpus reports alone (0.19): P 0.935, R 0.673, F1 0.783.
 */
const MIN_HELDOUT_F1 = 0.72;

const corpus = loadDevCorpus();
const articles = readHeldout();

test('every held-out unit is labelled', () => {
  const unlabelled = articles.flatMap(judgeArticle).filter((u) => u.judgement === null);
  expect(unlabelled.map((u) => u.text)).toEqual([]);
});

test('the engine matches claims in articles it was not tuned on', () => {
  const engine = heldoutPredictions(corpus.matcher, articles);
  const score = scoreHeldout(engine, MATCH_THRESHOLD);
  const search = fuseSearcher(corpus);
  const ids = corpus.inputs.map((i) => i.meta.id);
  const fuse: PredictedUnit[] = engine.map((unit) => ({
    ...unit,
    scores: new Map(search(unit.text).map((hit) => [ids[hit.report]!, 1])),
  }));
  console.log(`held-out, engine (threshold ${MATCH_THRESHOLD}): ${formatScore(score)}`);
  console.log(`held-out, plain Fuse.js (defaults):  ${formatScore(scoreHeldout(fuse, 1))}`);
  console.log(`held-out mistakes:\n${mistakes(engine, MATCH_THRESHOLD).join('\n')}`);
  expect(score.f1).toBeGreaterThanOrEqual(MIN_HELDOUT_F1);
}, 60_000);
