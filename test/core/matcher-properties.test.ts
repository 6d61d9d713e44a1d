import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MAX_CHECK_CHARS } from '../../src/core/matcher';
import { loadDevCorpus } from '../quality/predict';

const { matcher, inputs } = loadDevCorpus();
/** Words of the corpus mixed into random text, so the matcher's deeper paths run too. */
const words = inputs[0]!.text.split(/\s+/).slice(0, 200);

/** Any string: full Unicode, lone surrogates, controls, and corpus words. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({
    unit: fc.constantFrom(
      '\ud800',
      '\udfff',
      '\u0000',
      '\u200b',
      '\u00ad',
      '\u0301',
      '.',
      ' ',
      '\n',
      'a',
      'U.S.',
    ),
    maxLength: 200,
  }),
  fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 5 })), {
      maxLength: 120,
    })
    .map((w) => w.join(' ')),
);

test('check never throws and returns offsets inside the text', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const report = matcher.check(text);
      let previous = 0;
      for (const sentence of report.sentences) {
        expect(sentence.start).toBeGreaterThanOrEqual(previous);
        expect(sentence.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        previous = sentence.end;
        for (const match of sentence.matches) {
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a 1 MB string of random text is checked within the cap and in bounded time', () => {
  const big = fc
    .sample(fc.string({ unit: 'binary', minLength: 1000, maxLength: 1000 }), 1050)
    .join('');
  const started = performance.now();
  const report = matcher.check(big);
  const elapsed = performance.now() - started;
  expect(report.truncated).toBe(true);
  expect(Math.max(0, ...report.sentences.map((s) => s.end))).toBeLessThanOrEqual(MAX_CHECK_CHARS);
  // Bounded, not a speed target: a generous ceiling that only a runaway loop would exceed.
  expect(elapsed).toBeLessThan(20_000);
});
