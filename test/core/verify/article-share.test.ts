import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../../src/core/sentences';
import {
  articleShare,
  bestProbabilities,
  correctArticle,
  corrected,
  estimatedShare,
  factorOfShare,
  MATCH_PROBABILITY,
  shareFactor,
  SHARE_MIN_SENTENCES,
  TRAINING_SHARE,
} from '../../../src/core/verify';
import { withPrior } from '../../../src/core/verify/article-share';
import { readLabelled } from '../../quality/heldout';
import { NEIGHBOURS_DIR } from '../../quality/fit';
import { loadDevCorpus } from '../../quality/predict';

const probability = fc.double({ min: 0, max: 1, noNaN: true });

/** The factor shareFactor would give if short texts were estimated too. */
function withoutBound(best: readonly number[]): number {
  const share = articleShare(best);
  const odds = (p: number) => p / (1 - p);
  return share >= TRAINING_SHARE ? 1 : odds(share) / odds(TRAINING_SHARE);
}

describe('moving a probability to another prior', () => {
  test('to the same prior it stays; to a lower one it falls, to a higher one it rises', () => {
    expect(withPrior(0.8, 0.4, 0.4)).toBeCloseTo(0.8, 12);
    expect(withPrior(0.8, 0.4, 0.1)).toBeLessThan(0.8);
    expect(withPrior(0.8, 0.4, 0.7)).toBeGreaterThan(0.8);
    // Odds 4, times the prior odds' ratio (1/9) / (2/3) = 1/6: odds 2/3, probability 0.4.
    expect(withPrior(0.8, 0.4, 0.1)).toBeCloseTo(0.4, 12);
  });

  test('certain answers stay certain', () => {
    expect(withPrior(0, 0.4, 0.9)).toBe(0);
    expect(withPrior(1, 0.4, 0.01)).toBe(1);
  });
});

describe("the article's share of claims", () => {
  test('an article whose sentences match nothing has a share near 0', () => {
    expect(articleShare([0, 0, 0.05, 0.1, 0, 0.02])).toBeLessThan(0.01);
  });

  test('an article whose sentences all match well has a share near 1', () => {
    expect(articleShare([0.95, 0.9, 0.97, 0.85, 0.99])).toBeGreaterThan(0.9);
  });

  test('the estimate is the fixed point of the EM update', () => {
    const best = [0.9, 0.8, 0.1, 0.05, 0, 0.6, 0.3, 0];
    const share = articleShare(best);
    const update = best.reduce((sum, p) => sum + withPrior(p, TRAINING_SHARE, share), 0);
    expect(update / best.length).toBeCloseTo(share, 5);
  });

  test('no sentence: the training share, and no correction', () => {
    expect(articleShare([])).toBe(TRAINING_SHARE);
    expect(shareFactor([])).toBe(1);
  });

  test('one sentence that would be shown is left as it is', () => {
    for (const p of [MATCH_PROBABILITY, 0.6, 0.8, 0.99]) expect(shareFactor([p])).toBe(1);
  });

  test('a text too short to estimate from is left as it is; from SHARE_MIN_SENTENCES on it is not', () => {
    const short = [0.7, ...new Array<number>(SHARE_MIN_SENTENCES - 2).fill(0)];
    expect(shareFactor(short)).toBe(1);
    // The same match beside one more sentence that matches nothing: now estimated, and lowered.
    expect(corrected(0.7, shareFactor([...short, 0]))).toBeLessThan(MATCH_PROBABILITY);
    // Estimated without the bound, the short text would have lost its match as well.
    expect(corrected(0.7, withoutBound(short))).toBeLessThan(MATCH_PROBABILITY);
  });

  test('a lone strong match among sentences that match nothing falls below the threshold', () => {
    const best = [0.9, ...new Array<number>(20).fill(0)];
    expect(corrected(0.9, shareFactor(best))).toBeLessThan(MATCH_PROBABILITY);
  });

  test('an article that makes corpus claims in most sentences keeps its probabilities', () => {
    const best = [0.9, 0.8, 0.95, 0.7, 0.1, 0.85, 0, 0.6];
    expect(shareFactor(best)).toBe(1);
    expect(corrected(0.55, shareFactor(best))).toBe(0.55);
  });

  test('the correction only lowers, keeps the order of probabilities and stays a probability', () => {
    fc.assert(
      fc.property(
        fc.array(probability, { maxLength: 40 }),
        probability,
        probability,
        (best, p, q) => {
          const factor = shareFactor(best);
          expect(factor).toBeGreaterThan(0);
          expect(factor).toBeLessThanOrEqual(1);
          const cp = corrected(p, factor);
          expect(cp).toBeGreaterThanOrEqual(0);
          expect(cp).toBeLessThanOrEqual(p);
          if (p < q) expect(cp).toBeLessThanOrEqual(corrected(q, factor));
        },
      ),
    );
  });

  test('the factor of an estimated share is the factor of the probabilities it was estimated from', () => {
    fc.assert(
      fc.property(fc.array(probability, { maxLength: 40 }), (best) => {
        const units = best.map((p) => ({ informative: true, candidates: [{ probability: p }] }));
        expect(factorOfShare(estimatedShare(units))).toBe(shareFactor(best));
      }),
    );
  });

  test('more matching sentences never make the correction harsher', () => {
    fc.assert(
      fc.property(
        fc.array(probability, { minLength: 1, maxLength: 30 }),
        probability,
        (best, p) => {
          const [first, ...rest] = best;
          const higher = [Math.max(first!, p), ...rest];
          // Within the EM iteration's tolerance.
          expect(shareFactor(higher)).toBeGreaterThanOrEqual(shareFactor(best) - 1e-5);
        },
      ),
    );
  });
});

describe('correcting a checked article', () => {
  test('every candidate of an article that matches little is lowered by one factor', () => {
    const units = [
      { informative: true, candidates: [{ probability: 0.9 }, { probability: 0.3 }] },
      { informative: false, candidates: [] },
      ...Array.from({ length: 12 }, () => ({ informative: true, candidates: [] })),
    ];
    expect(bestProbabilities(units)).toEqual([0.9, ...new Array<number>(12).fill(0)]);
    const factor = shareFactor(bestProbabilities(units));
    correctArticle(units);
    expect(units[0]!.candidates[0]!.probability).toBeCloseTo(corrected(0.9, factor), 12);
    expect(units[0]!.candidates[1]!.probability).toBeCloseTo(corrected(0.3, factor), 12);
    expect(units[0]!.candidates[0]!.probability).toBeLessThan(0.9);
  });

  const corpus = loadDevCorpus();

  test("the engine's scores are the verifier's, corrected for the article", () => {
    const [article] = readLabelled(NEIGHBOURS_DIR).filter((a) => a.file === 'kellogg-envoy.txt');
    const texts = splitSentences(article!.text).map((u) => u.text);
    const judged = corpus.matcher.judgeUnits(texts);
    const factor = shareFactor(bestProbabilities(judged));
    expect(factor).toBeLessThan(0.5);
    const report = corpus.matcher.check(article!.text, { threshold: 0 });
    let compared = 0;
    report.sentences.forEach((sentence, i) => {
      for (const match of sentence.matches) {
        const own = Math.max(
          ...judged[i]!.candidates.filter(
            (c) => corpus.inputs[c.report]!.meta.id === match.report,
          ).map((c) => c.probability),
        );
        expect(match.score).toBeCloseTo(corrected(own, factor), 3);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(0);
  });

  test('the report says when and how an article was corrected', () => {
    const [article] = readLabelled(NEIGHBOURS_DIR).filter((a) => a.file === 'kellogg-envoy.txt');
    const texts = splitSentences(article!.text).map((u) => u.text);
    const share = articleShare(bestProbabilities(corpus.matcher.judgeUnits(texts)));
    expect(corpus.matcher.check(article!.text).claimShare).toBeCloseTo(share, 3);
    expect(corpus.matcher.check(corpus.inputs[0]!.text).claimShare).toBeUndefined();
  });

  test("a corpus report's own retelling is not corrected", () => {
    const { text } = corpus.inputs[0]!;
    const judged = corpus.matcher.judgeUnits(
      splitSentences(text).map((u) => u.text),
      0,
    );
    expect(shareFactor(bestProbabilities(judged))).toBe(1);
  });
});
