/**
 * Articles on neighbouring stories (test/fixtures/neighbours): the same people, places and weeks
 * as the corpus, other events. Most of their sentences make no claim of the corpus, so what counts
 * is how few false pairs the matcher lists: per 100 sentences, a report listed for a sentence whose
 * labels name it neither as making nor as partly making its claim. The tuning half is training
 * data of the verifier (its cross-validated figure is printed by verifier.test.ts); the held-out
 * half was never used for any tuning decision.
 */
import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import { readNeighbours } from './fit';
import {
  falsePairsPer100,
  heldoutCauses,
  heldoutPredictions,
  judgeArticle,
  mistakes,
  scoreHeldout,
} from './heldout';
import { loadDevCorpus } from './predict';
import { formatCauses, formatScore } from './score';

/**
 * Regression guard, not the target: false pairs per 100 sentences of the held-out half must stay
 * at or below this. The target is one; the first run of the shipped verifier gave 7.1 (the engine
 * before it: 38.1). With the correction for the article's share of claims it gave 1.2 (one pair in
 * 84 sentences), and this guard is that figure plus a margin of two false pairs.
 */
const MAX_HELDOUT_FALSE_PER_100 = 3.6;

const corpus = loadDevCorpus();

test('every neighbouring-story sentence is labelled, and each article is in one half', () => {
  const articles = readNeighbours();
  expect(articles.length).toBeGreaterThanOrEqual(10);
  // Articles written later joined the tuning half only: the held-out half stays the first six.
  expect(articles.every((a) => a.half === 'tuning' || a.half === 'heldout')).toBe(true);
  expect(articles.filter((a) => a.half === 'heldout').length).toBeGreaterThanOrEqual(6);
  const unlabelled = articles.flatMap(judgeArticle).filter((u) => u.judgement === null);
  expect(unlabelled.map((u) => u.text)).toEqual([]);
});

test('articles on neighbouring stories rarely match a claim no report makes', () => {
  const lines: string[] = [];
  let heldoutPer100 = Infinity;
  for (const half of ['tuning', 'heldout'] as const) {
    // Every judged candidate (floor 0), so that a missed pair can be told retrieved or not.
    const units = heldoutPredictions(corpus.matcher, readNeighbours(half), 0);
    const score = scoreHeldout(units, MATCH_THRESHOLD);
    const per100 = falsePairsPer100(units, MATCH_THRESHOLD);
    if (half === 'heldout') heldoutPer100 = per100;
    lines.push(
      `neighbouring stories, ${half} half (${units.length} sentences): ${per100.toFixed(2)} false pairs per 100 sentences; labelled claims ${formatScore(score)}`,
    );
    lines.push(`  errors by cause: ${formatCauses(heldoutCauses(units, MATCH_THRESHOLD), score)}`);
    // Only the tuning half's mistakes are printed: the held-out half is read as figures alone.
    if (half === 'tuning') lines.push(...mistakes(units, MATCH_THRESHOLD));
  }
  console.log(lines.join('\n'));
  expect(heldoutPer100).toBeLessThanOrEqual(MAX_HELDOUT_FALSE_PER_100);
}, 60_000);
