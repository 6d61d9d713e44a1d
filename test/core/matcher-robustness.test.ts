// The matcher on hostile text: astral characters, combining-mark storms, right-to-left text and
// bidi controls, control characters, lone surrogates, invisible characters inside words, and
// 1 MB strings of each. It never throws, keeps its offsets inside the text, checks no more than
// its cap, and finishes; the time each case takes is printed as a figure (not asserted: the
// machine's speed is not the matcher's property).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_CHECK_CHARS, type Matcher } from '../../src/core/matcher';
import type { ArticleReport } from '../../src/core/types';
import { loadDevCorpus } from '../quality/predict';

const { matcher, inputs } = loadDevCorpus();
/** Lines of the first report: real prose, most of it also told by the other outlets. */
const proseLines = inputs[0]!.text.split('\n').filter((line) => line.trim() !== '');
const words = proseLines.join(' ').split(/\s+/);

/** Characters of each hostile kind. */
const KINDS = {
  astral: ['😀', '🇺🇦', '👩‍👩‍👧', '𝐀', '𝔘', '𠀀', '𓀀', '🏳️‍🌈'],
  combining: ['\u0301', '\u0308', '\u0327', '\u0489', '\u20dd', '\u1dc0', '\ufe20', '\u0336'],
  rtl: ['مرحبا', 'روسيا', 'שלום', 'אוקראינה', '\u202e', '\u202b', '\u2067', '\u2069', '\u200f'],
  control: [
    '\u0000',
    '\u0001',
    '\u0007',
    '\u001b',
    '\u007f',
    '\u0085',
    '\u009b',
    '\u2028',
    '\u2029',
    '\r',
    '\f',
    '\v',
  ],
  surrogate: ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'],
  invisible: [
    '\u200b',
    '\u200c',
    '\u200d',
    '\u2060',
    '\ufeff',
    '\u00ad',
    '\u00a0',
    '\u180e',
    '\ufe0f',
  ],
} as const;

type Kind = keyof typeof KINDS;

/** Text of one kind mixed with corpus words and sentence punctuation, so every path of the matcher runs. */
function hostileText(kind: Kind) {
  const piece = fc.oneof(
    fc.constantFrom(...KINDS[kind]),
    fc.constantFrom(...words),
    fc.constantFrom(' ', '. ', '\n', '\n\n', '"', '.', 'U.S.'),
  );
  return fc.array(piece, { maxLength: 300 }).map((parts) => parts.join(''));
}

/** The report's invariants: units in order, inside the text, their text the text's own. */
function expectSound(text: string, report: ArticleReport) {
  let previous = 0;
  for (const sentence of report.sentences) {
    expect(sentence.start).toBeGreaterThanOrEqual(previous);
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(sentence.end).toBeLessThanOrEqual(Math.min(text.length, MAX_CHECK_CHARS));
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    previous = sentence.end;
    for (const match of sentence.matches) {
      expect(Number.isFinite(match.score)).toBe(true);
      expect(typeof match.text).toBe('string');
    }
  }
  expect(report.summary.matched).toBeLessThanOrEqual(report.summary.sentences);
  expect(report.truncated === true).toBe(text.length > MAX_CHECK_CHARS);
}

/** Checks `text`, asserting soundness, and returns the time taken in milliseconds. */
function timedCheck(m: Matcher, text: string): number {
  const started = performance.now();
  const report = m.check(text, { title: text.slice(0, 200), detected: true });
  const elapsed = performance.now() - started;
  expectSound(text, report);
  return elapsed;
}

describe.each(Object.keys(KINDS) as Kind[])('text with %s characters', (kind) => {
  test('never throws and keeps its offsets inside the text', () => {
    const times: number[] = [];
    fc.assert(
      fc.property(hostileText(kind), (text) => {
        times.push(timedCheck(matcher, text));
      }),
      { numRuns: 150 },
    );
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `${kind}: ${times.length} texts, median ${median.toFixed(2)} ms, slowest ${times.at(-1)!.toFixed(1)} ms`,
    );
  });
});

/** A string of about `size` UTF-16 units made by repeating `unit`. */
const repeatTo = (unit: string, size: number) =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const ONE_MB = 1024 * 1024;

test.each<[string, () => string]>([
  [
    'corpus prose repeated (every sentence a match)',
    () => repeatTo(`${proseLines.join('\n')}\n`, ONE_MB),
  ],
  ['one word without a space', () => repeatTo('demands', ONE_MB)],
  ['combining marks on one letter', () => `a${repeatTo('\u0301\u0308\u0327', ONE_MB - 1)}`],
  ['astral characters only', () => repeatTo('😀𝐀𠀀🇺🇦', ONE_MB)],
  [
    'right-to-left text with bidi overrides',
    () => repeatTo('روسيا \u202eأوكرانيا\u202c שלום. ', ONE_MB),
  ],
  ['control characters', () => repeatTo('\u0000\u0001\u001b\u007f\u0085\u2028', ONE_MB)],
  ['lone surrogates', () => repeatTo('\ud800x\udfff \udc00\ud83d', ONE_MB)],
  ['full stops', () => repeatTo('.', ONE_MB)],
  ['initials and abbreviations', () => repeatTo('U.S. Gen. J. R. R. No. St. Mr. ', ONE_MB)],
  ['newlines', () => repeatTo('\n', ONE_MB)],
  [
    'zero-width spaces between the letters of prose',
    () => repeatTo(proseLines[0]!.split('').join('\u200b'), ONE_MB),
  ],
])('1 MB of %s: checked up to the cap without throwing', (name, make) => {
  const text = make();
  expect(text.length).toBe(ONE_MB);
  const elapsed = timedCheck(matcher, text);
  console.log(`1 MB of ${name}: ${elapsed.toFixed(0)} ms`);
});

test('invisible characters inside words do not change which outlets a sentence matches', () => {
  const plain = matcher.check(proseLines.slice(0, 4).join('\n'), { exclude: inputs[0]!.meta.id });
  const matched = plain.sentences.filter((s) => s.matches.length > 0);
  expect(matched.length).toBeGreaterThan(3);
  fc.assert(
    fc.property(
      fc.constantFrom(...matched),
      fc.constantFrom('\u200b', '\u200c', '\u2060', '\u00ad', '\ufeff'),
      fc.integer({ min: 1, max: 1_000 }),
      (sentence, invisible, seed) => {
        // Put the character inside a few words (never at a word's edge, where it could join two).
        let n = seed;
        const salted = sentence.text.replace(
          /\b([a-z]{2})([a-z]{2,})/gi,
          (all, head: string, tail: string) => {
            n = (n * 1_103_515_245 + 12_345) % 2_147_483_648;
            return n % 3 === 0 ? `${head}${invisible}${tail}` : all;
          },
        );
        const report = matcher.check(salted, { exclude: inputs[0]!.meta.id });
        expectSound(salted, report);
        const outlets = (s: { matches: { report: string }[] }) =>
          s.matches.map((m) => m.report).sort();
        const union = (r: typeof report) => [...new Set(r.sentences.flatMap(outlets))].sort();
        // Against the same sentence checked alone: the verifier weighs a sentence with the rest of
        // its article (story affinity, partner share), so only the same context compares.
        const alone = matcher.check(sentence.text, { exclude: inputs[0]!.meta.id });
        expect(union(report)).toEqual(union(alone));
      },
    ),
    { numRuns: 100 },
  );
});
