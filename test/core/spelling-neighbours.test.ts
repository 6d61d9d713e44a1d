import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  NARROW_IDS,
  SOFT_MAX_LENGTH,
  SOFT_MIN_LENGTH,
  SOFT_MIN_SIMILARITY,
  joinLists,
  SpellingNeighbours,
  trigramCodes,
  type Neighbours,
  type SpellingParts,
} from '../../src/core/spelling-neighbours';

/** The definition, term against term: Dice similarity of boundary-padded trigram sets. */
function trigramSet(term: string): Set<string> | null {
  if (term.length < SOFT_MIN_LENGTH || term.length > SOFT_MAX_LENGTH) return null;
  if (!/^\p{Ll}+$/u.test(term)) return null;
  const padded = `#${term}#`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function bruteForce(
  vocabulary: readonly string[],
  term: string,
  self: number,
): Map<number, number> {
  const mine = trigramSet(term);
  const found = new Map<number, number>();
  if (!mine) return found;
  vocabulary.forEach((other, id) => {
    const theirs = trigramSet(other);
    if (id === self || !theirs) return;
    let shared = 0;
    for (const gram of mine) if (theirs.has(gram)) shared++;
    const dice = (2 * shared) / (mine.size + theirs.size);
    if (dice >= SOFT_MIN_SIMILARITY) found.set(id, dice);
  });
  return found;
}

function asMap(neighbours: Neighbours): Map<number, number> {
  return new Map(neighbours.ids.map((id, k) => [id, neighbours.similarities[k]!]));
}

/**
 * Words from a small alphabet, so that many share most of their trigrams; a few letters outside
 * a–z and a few capitals and digits (never compared by spelling) mixed in.
 */
const word = fc
  .array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'é', 'ж', 'A', '1'), {
    minLength: 3,
    maxLength: 14,
  })
  .map((letters) => letters.join(''));
const stem = fc.constantFrom('pres', 'establ', 'negotiat', 'kre', 'aaaa');
/** Words built around a few shared stems, like the inflections and compounds of real text. */
const relatedWord = fc
  .tuple(
    fc.constantFrom('', 're', 'in', 'un', 'a'),
    stem,
    fc.constantFrom('', 'i', 'ing', 'ed', 's', 'ions'),
  )
  .map((parts) => parts.join(''));
const someWord = fc.oneof({ arbitrary: word, weight: 1 }, { arbitrary: relatedWord, weight: 3 });
const vocabularyOf = fc.uniqueArray(someWord, { minLength: 1, maxLength: 120 });

describe('SpellingNeighbours', () => {
  test('finds exactly the terms at or above the Dice cut, for vocabulary terms', () => {
    fc.assert(
      fc.property(vocabularyOf, (vocabulary) => {
        const index = new SpellingNeighbours(vocabulary);
        vocabulary.forEach((term, id) => {
          expect(asMap(index.of(id))).toEqual(bruteForce(vocabulary, term, id));
        });
      }),
      { numRuns: 300 },
    );
  });

  test('finds exactly the terms at or above the Dice cut, for spellings it has not seen', () => {
    fc.assert(
      fc.property(vocabularyOf, fc.array(someWord, { maxLength: 20 }), (vocabulary, queries) => {
        const index = new SpellingNeighbours(vocabulary);
        for (const query of queries) {
          expect(asMap(index.search(query))).toEqual(bruteForce(vocabulary, query, -1));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("lists give every spelling's neighbours as a look-up finds them", () => {
    fc.assert(
      fc.property(vocabularyOf, fc.array(someWord, { maxLength: 30 }), (vocabulary, others) => {
        const index = new SpellingNeighbours(vocabulary);
        // A segment's vocabulary: the terms indexed, and terms other segments index.
        const terms = [...others, ...vocabulary];
        const lists = index.lists(terms);
        const codes: number[] = [];
        terms.forEach((term, t) => {
          const a = trigramCodes(term, codes);
          const listed = index.listed(lists, t, a);
          expect(listed).toEqual(index.neighboursOfCodes(codes, a));
          expect(asMap(listed)).toEqual(bruteForce(vocabulary, term, -1));
        });
      }),
      { numRuns: 300 },
    );
  });

  test('lists worked out a run of spellings at a time join into the lists of all', () => {
    fc.assert(
      fc.property(
        vocabularyOf,
        fc.array(fc.nat({ max: 130 }), { maxLength: 4 }),
        (vocabulary, cuts) => {
          const index = new SpellingNeighbours(vocabulary);
          const ends = [...new Set([0, ...cuts.map((c) => c % (vocabulary.length + 1))])].sort(
            (x, y) => x - y,
          );
          ends.push(vocabulary.length);
          const runs = ends.slice(1).map((to, k) => index.lists(vocabulary, ends[k]!, to));
          expect(joinLists(runs)).toEqual(index.lists(vocabulary));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a damaged list neither throws nor names a term outside the index', () => {
    fc.assert(
      fc.property(
        vocabularyOf,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (vocabulary, garbage) => {
          const index = new SpellingNeighbours(vocabulary);
          const lists = index.lists(vocabulary);
          const ids = Int32Array.from(lists.ids);
          const start = lists.start.slice();
          garbage.forEach((value, k) => {
            if (ids.length > 0) ids[k % ids.length] = value;
            start[k % start.length] = value;
          });
          const damaged = { ...lists, ids, start };
          for (let t = -1; t <= vocabulary.length + 1; t++) {
            for (const id of index.listed(damaged, t, 4).ids)
              expect(id).toBeLessThan(vocabulary.length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  test('stores its ids in 16 bits where they fit, and answers the same from 32-bit ones', () => {
    fc.assert(
      fc.property(vocabularyOf, fc.array(someWord, { maxLength: 10 }), (vocabulary, queries) => {
        const index = new SpellingNeighbours(vocabulary);
        const parts = index.parts();
        expect(parts.grams).toBeInstanceOf(Uint16Array);
        expect(parts.posts).toBeInstanceOf(Uint16Array);
        // As segments stored them before narrow columns.
        const wide: SpellingParts = {
          ...parts,
          grams: Int32Array.from(parts.grams),
          posts: Int32Array.from(parts.posts),
        };
        const loaded = new SpellingNeighbours(vocabulary, wide);
        vocabulary.forEach((_, id) => expect(loaded.of(id)).toEqual(index.of(id)));
        for (const query of queries) expect(loaded.search(query)).toEqual(index.search(query));
      }),
      { numRuns: 100 },
    );
  });

  test('keeps 32-bit term ids for a vocabulary of more than 65,536 terms', () => {
    const vocabulary = Array.from({ length: NARROW_IDS + 1 }, (_, i) => `w${i.toString(36)}`);
    const parts = new SpellingNeighbours(vocabulary).parts();
    expect(parts.posts).toBeInstanceOf(Int32Array);
  });

  test('a damaged pair index loses neighbours at most: it neither throws nor invents one', () => {
    fc.assert(
      fc.property(
        vocabularyOf,
        fc.array(fc.integer({ min: -5, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (vocabulary, garbage) => {
          const parts = new SpellingNeighbours(vocabulary).parts();
          const posts = Int32Array.from(parts.posts);
          const bucketStart = Int32Array.from(parts.bucketStart);
          garbage.forEach((value, k) => {
            if (posts.length > 0) posts[k % posts.length] = value;
            // Offsets past the end (the last one stays, as the load checks it).
            if (bucketStart.length > 2) bucketStart[1 + (k % (bucketStart.length - 2))] = value;
          });
          const damaged = new SpellingNeighbours(vocabulary, { ...parts, posts, bucketStart });
          vocabulary.forEach((term, id) => {
            const truth = bruteForce(vocabulary, term, id);
            for (const [found, similarity] of asMap(damaged.of(id)))
              expect(truth.get(found)).toBe(similarity);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  test('links inflections and compounds, and not short or unlike words', () => {
    const vocabulary = [
      'previous',
      'previou',
      'establish',
      'reestablish',
      'person',
      'attack',
      'war',
    ];
    const index = new SpellingNeighbours(vocabulary);
    expect(index.of(0).ids).toEqual([1]);
    expect(index.of(3).ids).toEqual([2]);
    expect(index.search('inperson').ids).toEqual([4]);
    expect(index.search('attach').ids).toEqual([]);
    expect(index.search('wars').ids).toEqual([]);
    // Longer runs of letters than any word are not compared by spelling.
    const long = 'a'.repeat(SOFT_MAX_LENGTH + 1);
    expect(new SpellingNeighbours([long, `${long}b`]).of(0).ids).toEqual([]);
  });
});
