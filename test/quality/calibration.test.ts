/**
 * The decision threshold on the verifier's probability. The shipped model's probabilities are
 * Platt-scaled on cross-validated predictions (verifier.test.ts), so the threshold is a choice of
 * what to show, not a fitted number: a match is shown when it is more likely the same claim than
 * not (MATCH_THRESHOLD = 0.5). The sweep shows what other choices would give, on predictions each
 * made by a model that never saw the report or article scored; and the unrelated fixture articles
 * must match nothing at the shipped threshold.
 */
import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import { MODEL } from '../../src/core/verify';
import { readUnrelatedArticles } from './calibrate';
import {
  articleCandidates,
  articleScored,
  devCandidates,
  devScored,
  foldModels,
  readNeighbours,
  trainingPairs,
} from './fit';
import { readHeldout, scoreHeldout } from './heldout';
import { loadDevCorpus } from './predict';
import { readGold, scoreAt } from './score';

const corpus = loadDevCorpus();
const gold = readGold();

test('the threshold sweep over cross-validated probabilities; unrelated articles match nothing', () => {
  const fold = foldModels(trainingPairs(gold, corpus), MODEL.platt);
  const dev = devScored(corpus, devCandidates(corpus), fold);
  const articles = articleScored(corpus, articleCandidates(corpus, readHeldout()), fold);
  const tuning = articleScored(corpus, articleCandidates(corpus, readNeighbours('tuning')), fold);
  const lines = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85].map((t) => {
    const d = scoreAt(gold, dev, t);
    const a = scoreHeldout(articles, t);
    const n = scoreHeldout(tuning, t);
    return (
      `${t.toFixed(2)}  gold F1 ${d.f1.toFixed(3)} (P ${d.precision.toFixed(2)} R ${d.recall.toFixed(2)})` +
      `  held-out articles F1 ${a.f1.toFixed(3)} (P ${a.precision.toFixed(2)} R ${a.recall.toFixed(2)})` +
      `  neighbouring (tuning) false pairs per 100 sentences ${((100 * n.fp) / tuning.length).toFixed(1)}`
    );
  });
  console.log(`threshold sweep (cross-validated):\n${lines.join('\n')}`);
  const unrelated = [...readUnrelatedArticles()].flatMap(([name, text]) =>
    corpus.matcher
      .check(text)
      .sentences.flatMap((s) => s.matches.map((m) => `${name}: ${s.text} ~ ${m.report}`)),
  );
  expect(unrelated).toEqual([]);
  expect(MATCH_THRESHOLD).toBe(0.5);
}, 120_000);
