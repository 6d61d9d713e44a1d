import { describe, expect, test } from 'vitest';
import { toldOfOtherCountry } from '../../../src/core/divergence';

const PLACES: Record<string, string> = {
  Russia: 'RU',
  Russian: 'RU',
  Moscow: 'RU',
  Kremlin: 'RU',
  Ukraine: 'UA',
  Ukrainian: 'UA',
  Kyiv: 'UA',
  'U.S.': 'US',
  Washington: 'US',
  India: 'IN',
  Indian: 'IN',
  British: 'GB',
  Riyadh: 'SA',
  'Saudi Arabia': 'SA',
  Jeddah: 'SA',
  Turkish: 'TR',
};
const placeOf = (name: string): string | null => PLACES[name] ?? null;
/** The places of a report about Russia, Ukraine and the United States. */
const STORY = new Set(['RU', 'UA', 'US']);

describe('a sentence told of a country the report never names', () => {
  test('the same words of another country: the opening shares a word with the report', () => {
    const report =
      "Putin's commitment to a possible cease-fire agreement is still uncertain, and the details have yet to be finalized.";
    const page =
      "India's commitment to a possible payment agreement is still uncertain, and the details have yet to be finalized.";
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(true);
    // The report names India somewhere: it may tell this.
    expect(toldOfOtherCountry(page, report, new Set([...STORY, 'IN']), placeOf)).toBe(false);
  });

  test('the opening shares another country with the report sentence', () => {
    const page =
      "Neither the Indian embassy in Moscow nor Russia's energy ministry has issued an immediate response.";
    const report =
      'Neither the Russian embassy in Washington nor the White House has issued an immediate response.';
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(true);
  });

  test('all the page shares is in the clause of its opening', () => {
    const page =
      'Indian and Russian officials discussed the terms during in-person and virtual talks over the past three weeks.';
    const report =
      'Discussions on these terms have taken place over the past three weeks through both in-person and virtual meetings.';
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(true);
  });

  test.each([
    // A second claim in a clause of its own, which the report tells.
    'The Riyadh meetings follow talks between U.S. and Ukrainian officials earlier this month, when Kyiv agreed to the U.S. proposal for a 30-day ceasefire.',
    'Saudi Arabia hosted the talks in Jeddah last week at which Kyiv accepted a U.S. proposal for a 30-day ceasefire.',
    // Who says it is the claim's source, not what it is about.
    'British officials said Kyiv had accepted a U.S. proposal for a 30-day ceasefire.',
    // An opening of place or time names no subject.
    'In India, Kyiv accepted a U.S. proposal for a 30-day ceasefire.',
    // A place joined to a plain word says where, not whose.
    'The Indian-hosted talks ended with Kyiv accepting a U.S. proposal for a 30-day ceasefire.',
    // The opening names no country the report lacks.
    'Ukrainian officials accepted a U.S. proposal for a 30-day ceasefire.',
    // It is about someone named; the country only says where they are from.
    'Indian envoy Ravi Kumar has accepted a U.S. proposal for a 30-day ceasefire.',
    'British broker Lantern Capital accepted a U.S. proposal for a 30-day ceasefire.',
  ])('left alone: %s', (page) => {
    const report = 'Kyiv has accepted a U.S. proposal for a 30-day ceasefire.';
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(false);
  });

  test('a clause joined by "and" without a comma is a clause of its own', () => {
    const report = 'Kyiv has accepted a U.S. proposal for a 30-day ceasefire.';
    // Its second clause tells the report's claim.
    const page = 'India hosted the talks and Kyiv accepted a U.S. proposal for a 30-day ceasefire.';
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(false);
    // Joined subjects, one verb: one clause, told of India and Kyiv together.
    const joined = 'India and Kyiv accepted a U.S. proposal for a 30-day ceasefire.';
    expect(toldOfOtherCountry(joined, report, STORY, placeOf)).toBe(true);
    // One subject, two verbs: still India's clause.
    const twoVerbs = 'India hosted the talks and accepted a U.S. proposal for a 30-day ceasefire.';
    expect(toldOfOtherCountry(twoVerbs, report, STORY, placeOf)).toBe(true);
    // "and" between two things India hosted, no verb of its own after it.
    const things = 'India hosted the talks and a U.S. proposal for a 30-day ceasefire.';
    expect(toldOfOtherCountry(things, report, STORY, placeOf)).toBe(true);
  });

  test('a word after a possessive is no verb: the opening runs on to the auxiliary', () => {
    const page = "India's commitment to the deal is in doubt, and the details are not final.";
    const report = "Russia's commitment to the deal is in doubt, and the details are not final.";
    expect(toldOfOtherCountry(page, report, STORY, placeOf)).toBe(true);
  });
});
