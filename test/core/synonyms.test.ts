import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readWordNet } from '../../src/cli/wordnet';
import { SHARED_MIN_CREDIT } from '../../src/core/rerank';
import {
  mergeNeighbours,
  SYNONYM_CREDIT,
  synonymTable,
  Synonyms,
  type Lexicon,
} from '../../src/core/synonyms';

const wordnet = readWordNet();

describe('WordNet as read at build time', () => {
  test.each([
    ['truce', 'cease-fire'],
    ['ceasefire', 'truce'],
    ['demands', 'require'],
    ['talks', 'negotiation'],
  ])('"%s" has the synonym "%s"', (word, synonym) => {
    expect(wordnet.synonymsOf(word)).toContain(synonym);
  });

  test.each([
    // Only a rare sense of one of the two words makes them synonyms.
    ['conditions', 'term'],
    ['deal', 'treat'],
  ])('"%s" does not get "%s" from a rare sense', (word, synonym) => {
    expect(wordnet.synonymsOf(word)).not.toContain(synonym);
  });

  test('a word WordNet lacks has no synonyms', () => {
    expect(wordnet.synonymsOf('zelenskiy')).toEqual([]);
  });
});

describe('the synonym table', () => {
  const lexicon: Lexicon = {
    synonymsOf: (word) => ({ truce: ['cease-fire', 'armistice'], talks: ['talk'] })[word] ?? [],
  };

  test('maps a corpus term to its synonyms as the tokenizer writes them', () => {
    const vocabulary = ['truce', 'talk', 'NATO'];
    const surfaces = new Map([
      [0, new Set(['truce'])],
      [1, new Set(['talks'])],
      [2, new Set(['nato'])],
    ]);
    // "talk" is the term of "talks" itself, so it is no synonym of it.
    expect(synonymTable(vocabulary, surfaces, lexicon)).toEqual({
      truce: ['armistic', 'ceasefir'],
    });
  });

  test('lookups go both ways, at a credit below an exact or spelled-alike match', () => {
    const termIds = new Map([
      ['truce', 0],
      ['ceasefir', 1],
      ['war', 2],
    ]);
    const synonyms = new Synonyms({ truce: ['ceasefir', 'armistic'] }, termIds);
    expect(synonyms.of('ceasefir')).toEqual({ ids: [0], similarities: [SYNONYM_CREDIT] });
    expect(synonyms.of('truce')).toEqual({ ids: [1], similarities: [SYNONYM_CREDIT] });
    // A page word the corpus lacks still reaches the corpus word it is a synonym of.
    expect(synonyms.of('armistic').ids).toEqual([0]);
    expect(synonyms.of('war').ids).toEqual([]);
    expect(SYNONYM_CREDIT).toBeLessThan(SHARED_MIN_CREDIT);
  });

  test('says which vocabulary terms may have synonyms: every term that has some', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { minLength: 1 }),
        fc.dictionary(
          fc.constantFrom('a', 'b', 'c', 'x', 'y'),
          fc.array(fc.constantFrom('a', 'd', 'e', 'f', 'x', 'z')),
        ),
        (vocabulary, table) => {
          const termIds = new Map(vocabulary.map((term, id) => [term, id]));
          const synonyms = new Synonyms(table, termIds);
          vocabulary.forEach((term, id) => {
            if (!synonyms.mayHave(id)) expect(synonyms.of(term).ids).toEqual([]);
            else expect(synonyms.of(term).ids.length).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('merged neighbour lists keep the higher similarity of an id in both', () => {
    const merged = mergeNeighbours(
      { ids: [1, 2], similarities: [0.8, 0.7] },
      { ids: [2, 3], similarities: [0.9, 0.6] },
    );
    expect(Object.fromEntries(merged.ids.map((id, k) => [id, merged.similarities[k]]))).toEqual({
      1: 0.8,
      2: 0.9,
      3: 0.6,
    });
  });
});
