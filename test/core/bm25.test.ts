import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ScoreAccumulator, topHits, type Hit } from '../../src/core/bm25';

/** The `limit` best accepted documents by a full sort: what topHits must give. */
function bySort(
  scores: Float64Array,
  touched: readonly number[],
  limit: number,
  accept: (doc: number) => boolean,
): Hit[] {
  return touched
    .filter(accept)
    .map((doc) => ({ doc, score: scores[doc]! }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit);
}

describe('topHits', () => {
  test('gives the best documents a full sort gives, ties by document number', () => {
    fc.assert(
      fc.property(
        // Few distinct scores, so that ties are common.
        fc.uniqueArray(fc.nat({ max: 300 }), { maxLength: 200 }),
        fc.array(fc.constantFrom(0.5, 1, 1.25, 2, 3.75, 7), { minLength: 301, maxLength: 301 }),
        fc.nat({ max: 40 }),
        fc.nat({ max: 4 }),
        fc.boolean(),
        (touched, values, limit, rejectEvery, mostRefused) => {
          const scores = new Float64Array(301);
          for (const doc of touched) scores[doc] = values[doc]!;
          // Most refused: more than the spare documents chosen before asking (see TOP_SPARE).
          const accept = (doc: number): boolean =>
            mostRefused ? doc % 9 === 0 : rejectEvery === 0 || doc % (rejectEvery + 1) !== 0;
          const expected = bySort(scores, touched, limit, accept);
          const found = topHits(scores, Int32Array.from(touched), touched.length, limit, accept);
          expect(found).toEqual(expected);
          // The accumulators are handed back cleared.
          expect(scores.every((s) => s === 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ScoreAccumulator', () => {
  test("adds up each document's score as an array over all documents would, in order first touched", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(
              fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 300_000 })),
              fc.double({ min: 0.001, max: 20 }),
            ),
            {
              maxLength: 3_000,
            },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (queries) => {
          const accumulator = new ScoreAccumulator();
          for (const adds of queries) {
            accumulator.clear();
            const expected = new Map<number, number>();
            for (const [doc, value] of adds) {
              accumulator.add(doc, value);
              expected.set(doc, (expected.get(doc) ?? 0) + value);
            }
            const found = new Map<number, number>();
            for (let k = 0; k < accumulator.count; k++)
              found.set(accumulator.docs[k]!, accumulator.scores[k]!);
            expect([...found]).toEqual([...expected]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
