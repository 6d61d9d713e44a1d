import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalize } from '../../src/core/normalize';
import { splitSentences } from '../../src/core/sentences';
import { wordSpans } from '../../src/core/tokens';

/** Pieces of news text that exercise the sentence repairs and the normaliser's special cases. */
const NEWS_PIECES = [
  'U.S.',
  'Gen.',
  'Mr.',
  'St.',
  'No.',
  'Jan.',
  'F.',
  'vs.',
  'The',
  'He',
  'Russia',
  'said',
  '. ',
  '! ',
  '? ',
  '.\u201d ',
  '\u201c',
  '\u201d',
  '\u2019',
  ', ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\u2028',
  '\u2022 ',
  '- ',
  '1. ',
  '\u2014',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\ufb01',
  '\uff21',
  'e\u0301',
  '\u0301',
  '\u05e9\u05dc\u05d5\u05dd', // Hebrew (right to left)
  '\u0627\u0644\u0633\u0644\u0627\u0645', // Arabic
  '\u202e',
  '\ud83c\uddfa\ud83c\udde6', // flag: astral pair of pairs
  '\ud83d\udc4d\ud83c\udffd', // emoji with skin tone
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '\u0000',
  '\u0007',
  '\u000b',
  '\u0085',
  '\u1100\u1161\u11a8', // Hangul jamo that compose
  '\uff76\uff9e', // half-width katakana + voicing mark
];

/** Characters normalisation folds away: upper-case ASCII, invisible ones, curly quotes, dashes. */
const FORBIDDEN_IN_OUTPUT = new Set([
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2013',
  '\u2014',
]);

/** A code unit of any value, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Text made of news pieces, arbitrary code points and arbitrary code units. */
const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NEWS_PIECES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: anyCodeUnit },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
  ),
  maxLength: 200,
});

/** Bullet markers and numbered-item markers: the only non-space text allowed between units. */
const MARKERS =
  /^(?:[\u2022\u25e6\u25aa\u25ab\u2023\u2043\u00b7\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u2219\u27a2\u2794\u2013\u2014*+-]|\d{1,3}[.)])*$/u;

function expectOffsetsValid(original: string): void {
  const { text, offsets } = normalize(original);
  expect(offsets.length).toBe(text.length + 1);
  expect(offsets[text.length]).toBe(original.length);
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i]!;
    expect(o).toBeLessThanOrEqual(original.length);
    if (i > 0) expect(o).toBeGreaterThanOrEqual(offsets[i - 1]!);
  }
}

/** Whitespace as sentence splitting sees it: JavaScript's \s plus NEL, a line break in Unicode. */
const BLANK = /[\s\u0085]+/gu;

function expectUnitsCover(original: string): void {
  const units = splitSentences(original);
  let at = 0;
  for (const u of units) {
    expect(u.start).toBeGreaterThanOrEqual(at);
    expect(u.end).toBeGreaterThan(u.start);
    expect(u.text).toBe(original.slice(u.start, u.end));
    expect(u.text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '')).toBe(u.text);
    expect(original.slice(at, u.start).replace(BLANK, '')).toMatch(MARKERS);
    at = u.end;
  }
  expect(original.slice(at).replace(BLANK, '')).toBe('');
}

describe('normalize properties', () => {
  test('offsets map every normalised position inside the original, in order', () => {
    fc.assert(
      fc.property(hostileText, (s) => expectOffsetsValid(s)),
      { numRuns: 2000 },
    );
  });

  test('the output never contains lone surrogates, upper-case ASCII or removed characters', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const { text } = normalize(s);
        // A lone surrogate: a high one not followed by a low one, or a low one not after a high one.
        expect(text).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
        expect([...text].filter((ch) => FORBIDDEN_IN_OUTPUT.has(ch))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('normalising a prefix up to any mapped offset gives the same prefix of the output', () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), (s, x) => {
        const { text, offsets } = normalize(s);
        if (text.length === 0) return;
        const i = x % text.length;
        const cut = offsets[i]!;
        expect(cut).toBeLessThan(s.length);
        const first = offsets.indexOf(cut);
        expect(normalize(s.slice(0, cut)).text).toBe(text.slice(0, first));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitSentences properties', () => {
  test('units are ordered, trimmed, never overlap, and cover the text up to whitespace and markers', () => {
    fc.assert(
      fc.property(hostileText, (s) => expectUnitsCover(s)),
      { numRuns: 2000 },
    );
  });

  test('joining paragraphs never yields a unit that spans a blank line', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 2, maxLength: 5 }), (paragraphs) => {
        const text = paragraphs.join('\n\n');
        for (const u of splitSentences(text)) expect(u.text).not.toMatch(/\n[^\S\n]*\n/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('large inputs (figures printed, not timed assertions)', () => {
  const ONE_MB = 1 << 20;
  const news =
    'Russia has presented the U.S. with a list of demands, Gen. Kellogg said. \u201cWe have seen them before.\u201d The talks\u2014held over three weeks\u2014were \u201cconstructive.\u201d\n\n';
  const cases: [string, string][] = [
    ['news prose', news.repeat(Math.ceil(ONE_MB / news.length)).slice(0, ONE_MB)],
    [
      'one paragraph of prose, no line breaks',
      news
        .replace(/\n/g, ' ')
        .repeat(Math.ceil(ONE_MB / news.length))
        .slice(0, ONE_MB),
    ],
    ['one word, no breaks', 'a'.repeat(ONE_MB)],
    ['lone surrogates and marks', '\ud800e\u0301\udc00 '.repeat(ONE_MB / 5)],
    [
      'random code units',
      (() => {
        let seed = 12345;
        const units = new Uint16Array(ONE_MB);
        for (let i = 0; i < units.length; i++) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          units[i] = seed >>> 16;
        }
        let out = '';
        for (let i = 0; i < units.length; i += 8192) {
          out += String.fromCharCode(...units.subarray(i, i + 8192));
        }
        return out;
      })(),
    ],
  ];

  test.each(cases)('%s, 1 MB: both succeed and keep their invariants', (name, text) => {
    let started = performance.now();
    const normalized = normalize(text);
    const normalizeMs = performance.now() - started;
    started = performance.now();
    const units = splitSentences(text);
    const splitMs = performance.now() - started;
    console.log(
      `${name}: normalize ${normalizeMs.toFixed(0)} ms, splitSentences ${splitMs.toFixed(0)} ms, ${units.length} units`,
    );
    expect(normalized.offsets.length).toBe(normalized.text.length + 1);
    expect(normalized.offsets[normalized.text.length]).toBe(text.length);
    let at = 0;
    for (const u of units) {
      expect(u.start >= at && u.end > u.start).toBe(true);
      at = u.end;
    }
  });
});

describe('words', () => {
  /** The regular expression the tokeniser's word scanner stands for (see src/core/tokens.ts). */
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['.\-,&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  const byExpression = (text: string): [number, number][] =>
    [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);

  test('the scanner finds the words the regular expression finds, in any text', () => {
    const pieces = fc.constantFrom(
      ...NEWS_PIECES,
      "'",
      '-',
      '&',
      ',',
      '.',
      '\u0301',
      '\u0903',
      '\ud83d\ude00',
      '\ud835\udc00',
      '\ud800',
      '\udc00',
      '\u0661',
      '\u00e9',
      'x',
      '7',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
        ),
        (text) => {
          expect(wordSpans(text)).toEqual(byExpression(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
