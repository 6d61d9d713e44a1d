import { describe, expect, test } from 'vitest';
import { quotesOtherWords, sharesOnlyAttribution } from '../../../src/core/divergence';

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

describe('two quotations of other words', () => {
  const REPORT =
    'However, retired Gen. Keith Kellogg, Trump’s top envoy on Ukraine and Russia, expressed skepticism about the Istanbul framework, telling the Council on Foreign Relations last week, “I think we have to develop something entirely new.”';

  test('the same frame around another statement', () => {
    const page =
      'Keith Kellogg, Trump\'s top envoy on Ukraine and Russia, struck a softer tone, telling the Heritage Foundation last week, "I think we have to let the Ukrainians decide when it is safe to vote."';
    expect(quotesOtherWords(page, REPORT)).toBe(true);
    expect(quotesOtherWords(REPORT, page)).toBe(true);
  });

  test.each([
    // The quotation copied, curly marks for straight ones.
    'Kellogg told the Council on Foreign Relations: "I think we have to develop something entirely new."',
    // Translated anew: most of its words again.
    'Kellogg said: "I think we must build something completely new."',
    // No quotation on the page.
    'Kellogg said a new framework had to be developed.',
    // Quotations too short to give a statement ("root causes").
    'Kellogg spoke of the "Istanbul framework" and of something "entirely new".',
  ])('not told apart by their quotations: %s', (page) => {
    expect(quotesOtherWords(page, REPORT)).toBe(false);
  });

  test('a report sentence with no quotation', () => {
    const page = 'Kellogg said: "We have to let the Ukrainians decide when it is safe to vote."';
    const report = 'Kellogg expressed skepticism about the Istanbul framework last week.';
    expect(quotesOtherWords(page, report)).toBe(false);
  });
});
