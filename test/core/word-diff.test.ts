import { describe, expect, test } from 'vitest';
import { diffWords, type DiffSegment } from '../../src/core/word-diff';

const marked = (segments: DiffSegment[]) => segments.filter((s) => s.changed).map((s) => s.text);

describe('diffWords', () => {
  test.each([
    [
      'the same sentence',
      'Moscow has presented the United States with a list of demands.',
      'Moscow has presented the United States with a list of demands.',
      [],
      [],
    ],
    [
      'one word swapped',
      'Russia has presented the U.S. with a list of demands.',
      'Moscow has presented the U.S. with a list of demands.',
      ['Russia'],
      ['Moscow'],
    ],
    [
      'neighbouring changed words marked as one run',
      'Trump awaits a response from Putin on a ceasefire.',
      'Trump is still waiting for a response from Putin on a ceasefire.',
      ['awaits'],
      ['is still waiting for'],
    ],
    [
      'case, curly apostrophes and punctuation are not differences',
      'Putin’s commitment to a truce remains in doubt',
      "putin's commitment to a truce remains in doubt!",
      [],
      [],
    ],
    [
      'reordered clauses keep the longest common run',
      'In Jeddah, Ukraine agreed to a 30-day ceasefire.',
      'Ukraine agreed to a 30-day ceasefire in Jeddah.',
      ['In Jeddah'],
      ['in Jeddah'],
    ],
  ])('%s', (_name, from, to, fromMarked, toMarked) => {
    const diff = diffWords(from, to);
    expect(marked(diff.from)).toEqual(fromMarked);
    expect(marked(diff.to)).toEqual(toMarked);
  });

  test.each([
    ['', ''],
    ['', 'Only on one side.'],
    ['  spaced   out  ', 'spaced out'],
    ['Ukraine — “No.”', 'Ukraine said no'],
  ])('joining the segments gives the texts back (%j, %j)', (from, to) => {
    const diff = diffWords(from, to);
    expect(diff.from.map((s) => s.text).join('')).toBe(from);
    expect(diff.to.map((s) => s.text).join('')).toBe(to);
  });

  test('very long texts come back unmarked rather than slowly', () => {
    const long = 'word '.repeat(2_000);
    const diff = diffWords(long, `${long} extra`);
    expect(marked(diff.to)).toEqual([]);
  });
});
