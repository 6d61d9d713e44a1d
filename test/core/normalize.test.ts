import { describe, expect, test } from 'vitest';
import { normalize } from '../../src/core/normalize';

/** The original text behind normalised [from, to). */
function source(original: string, offsets: Uint32Array, from: number, to: number): string {
  return original.slice(offsets[from], offsets[to]);
}

describe('normalize', () => {
  test.each([
    { name: 'lower case', input: 'Russia Presents U.S.', expected: 'russia presents u.s.' },
    { name: 'curly apostrophe', input: 'Putin\u2019s commitment', expected: "putin's commitment" },
    { name: 'grave accent typed as an apostrophe', input: 'don`t', expected: "don't" },
    { name: 'curly double quotes', input: '\u201croot causes\u201d', expected: '"root causes"' },
    { name: 'guillemets', input: '\u00abpeace\u00bb', expected: '"peace"' },
    {
      name: 'low and reversed quotes',
      input: '\u201epeace\u201f \u201aok\u201b',
      expected: '"peace" \'ok\'',
    },
    {
      name: 'em dash',
      input: 'discussions\u2014both in person',
      expected: 'discussions-both in person',
    },
    { name: 'en dash', input: 'talks \u2013 one on', expected: 'talks - one on' },
    {
      name: 'minus sign and figure dash',
      input: '\u22125 and 555\u20121234',
      expected: '-5 and 555-1234',
    },
    { name: 'non-breaking hyphen', input: '30\u2011day', expected: '30-day' },
    {
      name: 'non-breaking spaces',
      input: 'President\u00a0Trump\u202fsaid\u2009so',
      expected: 'president trump said so',
    },
    { name: 'ideographic space', input: 'a\u3000b', expected: 'a b' },
    {
      name: 'zero-width characters',
      input: 'Zel\u200benskiy\u200c\u200d\u2060\ufeff',
      expected: 'zelenskiy',
    },
    { name: 'soft hyphen', input: 'cease\u00adfire', expected: 'ceasefire' },
    { name: 'ligatures', input: '\ufb01nal \ufb03', expected: 'final ffi' },
    {
      name: 'full-width forms',
      input: '\uff2e\uff21\uff34\uff2f \uff13\uff10',
      expected: 'nato 30',
    },
    { name: 'ellipsis', input: 'wait\u2026', expected: 'wait...' },
    {
      name: 'combining accent composes',
      input: 'Zelenskyy\u0301 caf\u0065\u0301',
      expected: 'zelenskyý café',
    },
    {
      name: 'Cyrillic lower case',
      input: '\u041a\u0418\u0415\u0412',
      expected: '\u043a\u0438\u0435\u0432',
    },
    {
      name: 'astral characters kept',
      input: 'Flag \ud83c\uddfa\ud83c\udde6!',
      expected: 'flag \ud83c\uddfa\ud83c\udde6!',
    },
    { name: 'lone surrogates replaced', input: 'a\ud800b\udc00', expected: 'a\ufffdb\ufffd' },
  ])('$name', ({ input, expected }) => {
    const { text, offsets } = normalize(input);
    expect(text).toBe(expected);
    expect(offsets.length).toBe(text.length + 1);
    expect(offsets[text.length]).toBe(input.length);
  });

  test('offsets point at the original characters across removals and expansions', () => {
    const input = 'The \ufb01rst cease\u00adfire \u2014 \u201cKyiv\u201d';
    const { text, offsets } = normalize(input);
    expect(text).toBe('the first ceasefire - "kyiv"');
    const at = (word: string): [number, number] => {
      const i = text.indexOf(word);
      return [i, i + word.length];
    };
    expect(source(input, offsets, ...at('first'))).toBe('\ufb01rst');
    expect(source(input, offsets, ...at('ceasefire'))).toBe('cease\u00adfire');
    expect(source(input, offsets, ...at('"kyiv"'))).toBe('\u201cKyiv\u201d');
    expect(source(input, offsets, ...at('-'))).toBe('\u2014');
  });

  test('a composed character maps to the start of its base letter', () => {
    const input = 'cafe\u0301 ok';
    const { text, offsets } = normalize(input);
    expect(text).toBe('caf\u00e9 ok');
    expect(offsets[3]).toBe(3);
    expect(offsets[4]).toBe(5);
  });

  test('empty text', () => {
    const { text, offsets } = normalize('');
    expect(text).toBe('');
    expect(Array.from(offsets)).toEqual([0]);
  });
});
