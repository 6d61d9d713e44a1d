import { describe, expect, test } from 'vitest';
import {
  chooseMerge,
  MAX_MERGE_REPORTS,
  MERGE_FACTOR,
  PURGE_SHARE,
} from '../../../src/core/index/merge-policy';

const sizes = (...reports: number[]) => reports.map((n, key) => ({ key, reports: n, deleted: 0 }));

describe('which segments to merge', () => {
  test.each([
    ['nothing while no tier is full', sizes(1, 1, 1, 200), null],
    ['a full tier of small segments', sizes(...Array(MERGE_FACTOR).fill(1), 200), [0, 1, 2, 3]],
    [
      'the smallest full tier first',
      sizes(...Array(MERGE_FACTOR).fill(200), ...Array(MERGE_FACTOR).fill(1)),
      [4, 5, 6, 7],
    ],
    ['near the largest size, as many as fit', sizes(...Array(MERGE_FACTOR).fill(3_000)), [0, 1]],
    [
      'never a segment of the largest size',
      sizes(...Array(MERGE_FACTOR).fill(MAX_MERGE_REPORTS)),
      null,
    ],
  ])('%s', (_name, segments, expected) => {
    expect(chooseMerge(segments)).toEqual(expected);
  });

  test('a segment with many deleted reports is rewritten alone, to free their space', () => {
    const segments = [{ key: 7, reports: 100, deleted: Math.ceil(100 * PURGE_SHARE) }];
    expect(chooseMerge(segments)).toEqual([7]);
  });

  test('a segment stored without spelling lists is rewritten alone, once no merge is due', () => {
    const old = { key: 9, reports: MAX_MERGE_REPORTS, deleted: 0, unlisted: true };
    expect(chooseMerge([...sizes(1, 1, 200), old])).toEqual([9]);
    // A due merge and a purge come first.
    expect(chooseMerge([...sizes(...Array(MERGE_FACTOR).fill(1)), old])).toEqual([0, 1, 2, 3]);
    const purge = { key: 5, reports: 100, deleted: 50 };
    expect(chooseMerge([old, purge])).toEqual([5]);
  });
});
