import { expect, test } from 'vitest';
import { readLabelled, scoreAttributions, type KindScore } from './attribution-score';

/** F1 the extractor must reach on outlets and unnamed sources (issue 11). */
const MIN_F1 = 0.9;

function line(kind: string, s: KindScore): string {
  return `${kind.padEnd(10)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

test.each([
  ['development table', 'labelled'],
  ['second table', 'heldout'],
] as const)('attribution extraction on the %s', (name, table) => {
  const sentences = readLabelled(table);
  const { kinds, errors } = scoreAttributions(sentences);
  console.log(
    [
      `attributions, ${name} (${sentences.length} sentences):`,
      ...Object.entries(kinds).map(([k, s]) => line(k, s)),
      ...errors.map((e) => `  ${e}`),
    ].join('\n'),
  );
  expect(kinds.outlet.f1).toBeGreaterThanOrEqual(MIN_F1);
  expect(kinds.anonymous.f1).toBeGreaterThanOrEqual(MIN_F1);
});

test('both tables together hold at least 80 sentences', () => {
  expect(readLabelled('labelled').length + readLabelled('heldout').length).toBeGreaterThanOrEqual(
    80,
  );
  expect(readLabelled('labelled').length).toBeGreaterThanOrEqual(80);
});
