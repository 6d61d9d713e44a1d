import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compareBags,
  makeBag,
  PAIR_BASE,
  SHARED_MIN_CREDIT,
  type PageUnit,
  type TermBag,
} from '../../src/core/rerank';
import { SYNONYM_CREDIT } from '../../src/core/synonyms';

/** Term ids of a unit: a small vocabulary, so that random units share terms. */
const sequence = fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 1, maxLength: 14 });
const weightOf = (id: number): number => 1 + (id % 5) * 0.7;
const countOf = (id: number): number => (id % 7 === 0 ? 0.5 : 1);

/**
 * A page unit as the matcher makes one: spelling neighbours (credited from SHARED_MIN_CREDIT up)
 * and synonyms (credited below it, never counted).
 */
function pageUnit(
  bag: TermBag,
  spelling: ReadonlyMap<number, number>,
  synonyms: ReadonlySet<number>,
): PageUnit {
  const near = bag.ids.map(() => ({
    ids: [...spelling.keys(), ...synonyms],
    similarities: [...spelling.values(), ...[...synonyms].map(() => SYNONYM_CREDIT)],
  }));
  const creditOf = (id: number): number => {
    if (bag.set.has(id)) return 1;
    const soft = spelling.get(id) ?? 0;
    return synonyms.has(id) && SYNONYM_CREDIT > soft ? SYNONYM_CREDIT : soft;
  };
  const countedCreditOf = (id: number): number => (bag.set.has(id) ? 1 : (spelling.get(id) ?? 0));
  return { bag, near, creditOf, countedCreditOf };
}

describe('the rerank', () => {
  test('synonyms are credited below the shared-term count', () => {
    expect(SYNONYM_CREDIT).toBeLessThan(SHARED_MIN_CREDIT);
  });

  test('the counted credits drop exactly the pairs the full comparison drops', () => {
    fc.assert(
      fc.property(
        sequence,
        sequence,
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 24 }), fc.double({ min: SHARED_MIN_CREDIT, max: 1 })),
        ),
        fc.array(fc.integer({ min: 0, max: 24 })),
        fc.constantFrom(0, 0.1, 0.3),
        fc.constantFrom(0, 1, 2.5, 4),
        (pageTerms, reportTerms, spelling, synonyms, floor, minShared) => {
          const page = makeBag(pageTerms, weightOf, countOf);
          const report = makeBag(reportTerms, weightOf, countOf);
          const unit = pageUnit(page, new Map(spelling), new Set(synonyms));
          const { countedCreditOf: _, ...withoutCounted } = unit;
          expect(compareBags(unit, report, floor, minShared)).toEqual(
            compareBags(withoutCounted, report, floor, minShared),
          );
        },
      ),
    );
  });

  test("a bag's word pairs, made on first use, are its adjacent terms", () => {
    const bag = makeBag([3, 1, 3, 1, 2], () => 1);
    expect([...bag.pairs].sort((a, b) => a - b)).toEqual(
      [3 * PAIR_BASE + 1, 1 * PAIR_BASE + 3, 1 * PAIR_BASE + 2].sort((a, b) => a - b),
    );
    expect(bag.pairs).toBe(bag.pairs);
    expect(makeBag([4], () => 1).pairs.size).toBe(0);
  });
});
