import { describe, expect, test } from 'vitest';
import { MAX_CHECK_CHARS } from '../../src/core/matcher';
import { cutForCheck } from '../../src/core/text-cut';
import { loadDevCorpus } from '../quality/predict';

const SENTENCE = 'Moscow has handed the Trump administration a list of demands. ';

describe('cutForCheck', () => {
  test('a text within the cap is checked whole', () => {
    expect(cutForCheck(SENTENCE)).toEqual({ checked: SENTENCE, rest: '' });
    const exact = 'x'.repeat(MAX_CHECK_CHARS);
    expect(cutForCheck(exact)).toEqual({ checked: exact, rest: '' });
  });

  test('a longer text is cut at a space near the cap, and nothing is lost', () => {
    const text = SENTENCE.repeat(2_000);
    const { checked, rest } = cutForCheck(text);
    expect(checked.length).toBeLessThanOrEqual(MAX_CHECK_CHARS);
    expect(checked.length).toBeGreaterThan(MAX_CHECK_CHARS * 0.9);
    expect(checked + rest).toBe(text);
    expect(rest.startsWith(' ')).toBe(true);
  });

  test('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀😀`;
    const { checked, rest } = cutForCheck(text, 10);
    expect(checked).toBe('a'.repeat(9));
    expect(rest).toBe('😀😀');
  });

  test('the engine, given the whole text, checks exactly the part that was kept', () => {
    const { matcher } = loadDevCorpus();
    // Words the corpus does not have: the engine finds no candidates and runs through quickly.
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(2_500);
    const whole = matcher.check(text);
    const cut = matcher.check(cutForCheck(text).checked);
    expect(whole.truncated).toBe(true);
    expect(cut.truncated).toBeUndefined();
    expect(cut.sentences).toEqual(whole.sentences);
  }, 30_000);
});
