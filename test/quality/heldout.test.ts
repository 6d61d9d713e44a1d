import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import {
  heldoutCauses,
  heldoutPredictions,
  judgeArticle,
  mistakes,
  readHeldout,
  scoreHeldout,
  type PredictedUnit,
} from './heldout';
import { MODEL } from '../../src/core/verify';
import { articleCandidates, articleScored, foldModels, trainingPairs } from './fit';
import { fuseSearcher, loadDevCorpus } from './predict';
import { formatCauses, formatScore, readGold } from './score';

/**
 * Regression guard, not a target: F1 on the held-out articles must not fall below this. Set from
 * the first run on labels written before the matcher had seen these articles (2026-11-21: engine
 * P 0.951, R 0.647, F1 0.770; plain Fuse.js F1 0.678) minus a margin of 0.05: about 150 judged
 * pairs, so a handful of decisions flipping by a hair's change in scores moves F1 by that much.
 *
 * Since then these articles have become development data: the old threshold was calibrated on
 * them, and the verifier (src/core/verify) is trained on them. So the guard applies to the
 * cross-validated figure (each article scored by a model fitted without it), which is lower than
 * the shipped model's.
 */
const MIN_HELDOUT_F1 = 0.72;

const corpus = loadDevCorpus();
const articles = readHeldout();

test('every held-out unit is labelled', () => {
  const unlabelled = articles.flatMap(judgeArticle).filter((u) => u.judgement === null);
  expect(unlabelled.map((u) => u.text)).toEqual([]);
});

test('the engine matches claims in articles it was not tuned on', () => {
  // Every judged candidate (floor 0), so that a missed pair can be told retrieved or not.
  const engine = heldoutPredictions(corpus.matcher, articles, 0);
  const score = scoreHeldout(engine, MATCH_THRESHOLD);
  const search = fuseSearcher(corpus);
  const ids = corpus.inputs.map((i) => i.meta.id);
  const fuse: PredictedUnit[] = engine.map((unit) => ({
    ...unit,
    scores: new Map(search(unit.text).map((hit) => [ids[hit.report]!, 1])),
  }));
  const fold = foldModels(trainingPairs(readGold(), corpus), MODEL.platt);
  const crossValidatedScores = articleScored(corpus, articleCandidates(corpus, articles), fold);
  const crossValidated = scoreHeldout(crossValidatedScores, MATCH_THRESHOLD);
  console.log(`held-out, engine (threshold ${MATCH_THRESHOLD}): ${formatScore(score)}`);
  console.log(`held-out, engine cross-validated:     ${formatScore(crossValidated)}`);
  console.log(`held-out, plain Fuse.js (defaults):  ${formatScore(scoreHeldout(fuse, 1))}`);
  console.log(
    `held-out, engine errors by cause: ${formatCauses(heldoutCauses(engine, MATCH_THRESHOLD), score)}`,
  );
  console.log(
    `held-out, cross-validated errors by cause: ${formatCauses(heldoutCauses(crossValidatedScores, MATCH_THRESHOLD), crossValidated)}`,
  );
  console.log(`held-out mistakes:\n${mistakes(engine, MATCH_THRESHOLD).join('\n')}`);
  expect(crossValidated.f1).toBeGreaterThanOrEqual(MIN_HELDOUT_F1);
}, 120_000);
