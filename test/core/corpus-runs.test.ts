import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cutRuns } from '../../src/cli/compile-threads';
import { readCorpus } from '../../src/cli/read-corpus';
import {
  aliasTable,
  assembleCorpus,
  compileCorpus,
  CorpusRun,
  type CorpusInput,
} from '../../src/core/corpus';
import { CORPUS_DIR } from '../quality/predict';

/** Compiles `inputs` in runs cut after the given reports, the way threads would, in this thread. */
function compileInRuns(inputs: readonly CorpusInput[], cuts: readonly number[]) {
  const bounds = [0, ...cuts, inputs.length];
  const runs = bounds.slice(1).map(
    (end, k) =>
      new CorpusRun(
        inputs.slice(bounds[k], end).map((input) => input.text),
        false,
        aliasTable(),
      ),
  );
  const acronyms = new Set(runs.flatMap((run) => [...run.acronyms]));
  return assembleCorpus(
    inputs,
    runs.map((run) => run.finish(acronyms)),
    null,
    undefined,
    acronyms,
  );
}

const report = (n: number, text: string): CorpusInput => ({
  meta: {
    id: `r${n}`,
    file: `r${n}.txt`,
    outlet: `Outlet ${n}`,
    site: 'example.com',
    url: `https://example.com/${n}`,
    title: null,
    published: '',
    origin: '',
  },
  text,
});

describe('compiling in runs', () => {
  const { inputs } = readCorpus(CORPUS_DIR);

  test('gives the same index as one compile, wherever the runs are cut', () => {
    const whole = JSON.stringify(compileCorpus(inputs));
    for (const cuts of [[1], [2], [4], [1, 3], [1, 2, 3, 4]]) {
      expect(JSON.stringify(compileInRuns(inputs, cuts))).toBe(whole);
    }
  });

  test('an acronym learned in a later run reaches the units of an earlier one', () => {
    const reports = [
      report(1, 'The National Security Council sent a list of demands to Moscow on Friday.'),
      report(2, 'Moscow gave the NSC a list of demands, officials said.'),
      report(3, 'A report with nothing in common with the others about harvests.'),
    ];
    const whole = compileCorpus(reports);
    // "National Security Council" is read as the acronym the second report writes.
    expect(whole.vocabulary).toContain('NSC');
    expect(whole.vocabulary).not.toContain('council');
    expect(compileInRuns(reports, [1])).toEqual(whole);
    expect(compileInRuns(reports, [1, 2])).toEqual(whole);
  });
});

describe('cutRuns', () => {
  test('cuts the reports, in order, into at most the runs asked for, none empty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (lengths, count) => {
          const runs = cutRuns(lengths, count);
          expect(runs.length).toBeGreaterThanOrEqual(1);
          expect(runs.length).toBeLessThanOrEqual(count);
          expect(runs.every((run) => run.length > 0)).toBe(true);
          expect(runs.flat()).toEqual(lengths.map((_, i) => i));
        },
      ),
    );
  });

  test('balances runs of equal reports', () => {
    expect(cutRuns([10, 10, 10, 10], 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(cutRuns([10, 10, 10, 10, 10, 10], 3)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });
});
