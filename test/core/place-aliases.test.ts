import countries from 'world-countries';
import { describe, expect, test } from 'vitest';
import { PlaceAliases, placeAliasTable } from '../../src/core/place-aliases';
import { tokenize } from '../../src/core/tokens';

const table = placeAliasTable(countries);
const aliases = new PlaceAliases(table);
const terms = (text: string): string[] => aliases.apply(tokenize(text)).map((t) => t.term);

describe('place aliases', () => {
  test('a capital, a demonym and the country share one term', () => {
    const [moscow] = terms('Moscow');
    expect(moscow).toMatch(/^@/);
    expect(terms('Russia')).toEqual([moscow]);
    expect(terms('Russian')).toEqual([moscow]);
  });

  test('the seat of a government stands for its country, as its capital does', () => {
    expect(terms('the Kremlin')).toEqual(terms('Moscow'));
    expect(terms('The White House said')).toEqual([...terms('Washington'), 'said']);
    expect(terms('Downing Street')).toEqual(terms('London'));
  });

  test('names of several words are one place', () => {
    expect(terms('Saudi Arabia')).toEqual(terms('Riyadh'));
    expect(terms('talks in New Delhi')).toEqual(['talk', ...terms('India')]);
    expect(terms('South Korea')).not.toEqual(terms('North Korea'));
  });

  test('only capitalised words are place names', () => {
    expect(terms('a white house')).toEqual(['white', 'hous']);
    expect(terms('White house')).toEqual(['white', 'hous']);
  });

  test('a spelling variant is a place alone, not as the first word of a name', () => {
    const [ukraine] = terms('Ukraine');
    // "Ukriane": a misspelling the table does not hold.
    expect(terms('Ukriane')).toEqual([ukraine]);
    expect(terms('talks with Ukriane on Friday')).toContain(ukraine);
    // "Angela" is spelled like Angola; before a surname it is a first name.
    expect(terms('Angela Stent said')).toEqual(['angela', 'stent', 'said']);
    expect(terms('Angola said')[0]).toMatch(/^@/);
  });

  test('a name of several words keeps the offsets of all of them', () => {
    const text = 'Envoys met in Saudi Arabia on Tuesday.';
    const place = aliases.apply(tokenize(text)).find((t) => t.term.startsWith('@'))!;
    expect(text.slice(place.start, place.end)).toBe('Saudi Arabia');
  });

  test('names that stand for two countries are left out', () => {
    // "Congolese" are the people of both Congos.
    expect(terms('Congolese')).toEqual(['congoles']);
  });

  test('a name shared by a sovereign country and a territory stands for the country', () => {
    // "American" is also the demonym of the Northern Mariana Islands.
    expect(terms('American officials')).toEqual([...terms('the United States'), 'offici']);
    expect(terms('the French')).toEqual(terms('Paris'));
  });

  test('an acronym shared by several places stays an acronym', () => {
    // "PM" is among the spellings of two places, and is a prime minister in the news.
    expect(table['PM']).toBeUndefined();
    expect(table['TV']).toBeUndefined();
  });
});
