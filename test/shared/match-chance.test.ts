import messages from '../../assets/_locales/en/messages.json';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import { chancePercent, chanceText, chanceTitle } from '../../src/shared/match-chance';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

describe('the chance of the same claim, in words', () => {
  test.each([
    [0.79, 79],
    [0.5, 50],
    [0.554, 55],
    [0.996, 99],
    [1, 99],
    [0.001, 1],
    [Number.NaN, 1],
  ])('%s reads as %s%%', (score, percent) => {
    expect(chancePercent(score)).toBe(percent);
  });

  test('never certain, never impossible, and never lower for a higher score', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(chancePercent(low)).toBeGreaterThanOrEqual(1);
          expect(chancePercent(high)).toBeLessThanOrEqual(99);
          expect(chancePercent(low)).toBeLessThanOrEqual(chancePercent(high));
        },
      ),
    );
  });

  test('the chip and its tooltip say what the number means', () => {
    expect(chanceText(0.79)).toBe('79% same claim');
    expect(chanceTitle(0.79)).toContain('about 79 in 100 made the same claim');
  });
});
