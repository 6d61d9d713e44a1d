import { describe, expect, test } from 'vitest';
import { sharesOnlyAttribution } from '../../../src/core/divergence';

const PLACES: Record<string, string> = {
  Russia: 'RU',
  Russian: 'RU',
  Moscow: 'RU',
  Ukraine: 'UA',
  Ukrainian: 'UA',
  Kyiv: 'UA',
};
const placeOf = (name: string): string | null => PLACES[name] ?? null;

const CNEWS =
  'The proposal comes as former U.S. President Donald Trump awaits a response from Russian President Vladimir Putin on whether he will agree to a 30-day ceasefire, a move that Ukrainian President Volodymyr Zelenskiy has said he would accept as a preliminary step toward broader peace talks.';
const YOURNEWS =
  'Ukrainian President Volodymyr Zelenskiy has signaled a willingness to agree to such a truce as a preliminary step toward broader peace negotiations.';

describe("one person's words, and nothing else shared", () => {
  test.each([CNEWS, YOURNEWS])('another thing the same person said: %s', (report) => {
    const page =
      "Ukraine's President Volodymyr Zelenskyy said Thursday that Russia was trying to drag out the war.";
    expect(sharesOnlyAttribution(page, report, placeOf)).toBe(true);
  });

  test.each([
    // What he said is shared.
    'Zelenskiy said on Tuesday he would accept a 30-day truce.',
    // No person's words on the page.
    'Russia was trying to drag out the war, officials in Kyiv said.',
    // An attribution only: it claims through the sentence before it.
    'That is what Zelenskiy said.',
    // The report does not name the speaker.
    'Vladimir Putin said on Thursday that Russia was trying to drag out the war.',
  ])('not only the attribution: %s', (page) => {
    expect(
      sharesOnlyAttribution(page, CNEWS.replace('Vladimir Putin', 'the Kremlin'), placeOf),
    ).toBe(false);
  });

  test('places are no claim shared: most sentences of a story name its countries', () => {
    const page = 'Zelenskiy said on Thursday that Russia wanted to drag out the war.';
    expect(
      sharesOnlyAttribution(page, YOURNEWS.replace('truce', 'truce with Russia'), placeOf),
    ).toBe(true);
    expect(
      sharesOnlyAttribution(page, YOURNEWS.replace('truce', 'truce to end the war'), placeOf),
    ).toBe(false);
  });
});
