import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Lexicon } from '../../../src/core/index/lexicon';

const encoder = new TextEncoder();

describe('Lexicon', () => {
  test('a term is found by its string as by its UTF-8 bytes, ASCII or not', () => {
    const terms = ['ukraine', 'zelenskyy', 'düsseldorf', 'киев', '東京', 'a😀b', 'ü'];
    const lexicon = new Lexicon();
    const ids = terms.map((t) => lexicon.add(t));
    expect(new Set(ids).size).toBe(terms.length);
    terms.forEach((term, k) => {
      expect(lexicon.idOf(term)).toBe(ids[k]);
      expect(lexicon.term(ids[k]!)).toBe(term);
      const bytes = encoder.encode(term);
      expect(lexicon.lookUp(bytes, 0, bytes.length, false)).toBe(ids[k]);
    });
    expect(lexicon.idOf('ukrain')).toBe(-1);
    expect(lexicon.idOf('düsseldorff')).toBe(-1);
  });

  test('any strings: add numbers each distinct one once, and idOf and term give it back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })),
        (terms) => {
          const lexicon = new Lexicon();
          const seen = new Map<string, number>();
          for (const term of terms) {
            const id = lexicon.add(term);
            if (seen.has(term)) expect(id).toBe(seen.get(term));
            else {
              expect(id).toBe(seen.size);
              seen.set(term, id);
            }
          }
          for (const [term, id] of seen) {
            expect(lexicon.idOf(term)).toBe(id);
            expect(lexicon.term(id)).toBe(term);
          }
          expect(lexicon.size).toBe(seen.size);
        },
      ),
    );
  });
});
