import { describe, expect, test } from 'vitest';
import { stemmer } from 'stemmer';
import { areVariants, skeleton } from '../../src/core/name-variants';
import { readNumberWords } from '../../src/core/numbers';
import { namesOfText, tokenize } from '../../src/core/tokens';

const acronyms = new Set(['us', 'nato', 'kgb']);
const terms = (text: string): string[] => tokenize(text, { acronyms }).map((t) => t.term);

describe('tokenize', () => {
  test.each([
    ['30-day and thirty-day', 'a 30-day ceasefire', 'a thirty-day ceasefire'],
    ['digits and words', 'over the past three weeks', 'over the past 3 weeks'],
    ['hyphenated compound', 'a possible cease-fire agreement', 'a possible ceasefire agreement'],
    ['spaced compound', 'a long-standing concern', 'a longstanding concern'],
    ['per cent sign', 'out of 86% of the territory', 'out of 86 percent of the territory'],
    ['per cent in two words', 'out of 86 per cent of the territory', 'out of 86% of the territory'],
    ['a large sum in digits and words', 'a loan of $5 billion', 'a loan of five billion'],
    ['a large sum in short form', 'a loan of £40m to Kyiv', 'a loan of 40 million to Kyiv'],
    ['a decimal sum', 'a 1.5bn fund', 'a 1.5 billion fund'],
    ['thousands separator', 'more than 1,000 drones', 'more than 1000 drones'],
    ['compound number', 'two hundred and fifty soldiers', '250 soldiers'],
    ['possessive', "Russia's key conditions", 'Russia key conditions'],
    ['dotted acronym', 'the U.S. and NATO', 'the US and NATO'],
    [
      'acronym spelled out',
      'presented the United States with a list',
      'presented the US with a list',
    ],
    ['curly apostrophe', 'Moscow’s demands', "Moscow's demands"],
    ['inflection', 'Russia demanded', 'Russian demands'.replace('Russian', 'Russia')],
  ])('%s: "%s" ~ "%s"', (_name, a, b) => {
    expect(terms(a)).toEqual(terms(b));
  });

  test.each([
    ['the acronym US is not the verb "use"', 'They may use the truce', 'They may the US truce'],
    [
      'a dash between words does not join them',
      'my work—buy me a coffee',
      'my workbuy me a coffee',
    ],
  ])('%s', (_name, a, b) => {
    expect(terms(a)).not.toEqual(terms(b));
  });

  test('a share spelled out is a fraction, not a count', () => {
    const numbers = (text: string): string[] =>
      tokenize(text)
        .filter((t) => t.kind === 'number')
        .map((t) => t.term);
    // "two thirds of Ukrainians" does not share the number 2 with "two people familiar with the
    // matter".
    expect(numbers('about two thirds of Ukrainians')).toEqual(['2/3']);
    expect(numbers('two-thirds of voters')).toEqual(['2/3']);
    expect(numbers('three quarters of the budget')).toEqual(['3/4']);
    expect(numbers('one half of the plant')).toEqual(['1/2']);
    expect(numbers('two people familiar with the matter')).toEqual(['2']);
    // An ordinal after a count is no fraction.
    expect(numbers('the twenty-fifth anniversary')).not.toContain('20/5');
  });

  test('a length of time gives its count in days or years, beside its unit', () => {
    const numbers = (text: string): string[] =>
      tokenize(text)
        .filter((t) => t.kind === 'number')
        .map((t) => t.term);
    // "a month-long truce" and "a 30-day truce" share the number 30.
    expect(numbers('a month-long ceasefire')).toEqual(numbers('a 30-day ceasefire'));
    expect(numbers('waited a month')).toEqual(['30']);
    expect(numbers('a one-month truce')).toEqual(['30']);
    expect(numbers('over two decades')).toEqual(numbers('for twenty years'));
    expect(numbers('a decade of talks')).toEqual(['10']);
    expect(numbers('three weeks of talks')).toEqual(numbers('a 21-day round of talks'));
    expect(terms('three weeks of talks')).toEqual(['21', 'week', 'talk']);
    // The unit stays a term: "three weeks" still meets "several weeks".
    expect(terms('over the past several weeks')).toContain('week');
    // Without a count it is not a length: "this month", "for weeks".
    expect(numbers('earlier this month, after weeks of talks')).toEqual([]);
    // The count's term stands where the count is written.
    const text = 'the past three weeks';
    const [count, unit] = tokenize(text).filter((t) => t.term === '21' || t.term === 'week');
    expect(text.slice(count!.start, count!.end)).toBe('three');
    expect(text.slice(unit!.start, unit!.end)).toBe('weeks');
  });

  test('a lone "one" is no number; "one hundred" and "1" are', () => {
    const numbers = (text: string): string[] =>
      tokenize(text)
        .filter((t) => t.kind === 'number')
        .map((t) => t.term);
    expect(numbers('one director said it was one of the largest')).toEqual([]);
    expect(numbers('one hundred and one soldiers')).toEqual(['101']);
    expect(numbers('1 soldier')).toEqual(['1']);
  });

  test('"and" joins two names, not the words of one acronym', () => {
    const known = new Set(['ru', 'mw', 'us', 'cfr']);
    const of = (text: string): string[] => tokenize(text, { acronyms: known }).map((t) => t.term);
    expect(of('Russia and Ukraine')).toEqual(['russia', 'ukrain']);
    expect(of('between Moscow and Washington')).toEqual(['moscow', 'washington']);
    expect(of('the United States')).toEqual(['US']);
    expect(of('the Council on Foreign Relations')).toEqual(['CFR']);
  });

  test('function words are dropped, content words stemmed', () => {
    expect(terms('Leave a Reply')).toEqual(['leav', 'repli']);
    expect(terms('It is not clear whether they will')).toEqual(['clear']);
  });

  test('an honorific before a name is no term: "Mr Putin" is "Putin"', () => {
    expect(terms('Mr Putin met Mrs May, Dr. Smith and Ms Jones.')).toEqual(
      terms('Putin met May, Smith and Jones.'),
    );
  });

  test('offsets point at the words in the original text', () => {
    const text = 'Zelenskiy, speaking in Kyiv, said the U.S. talks were constructive.';
    for (const token of tokenize(text)) {
      const word = text.slice(token.start, token.end);
      expect(word.length).toBeGreaterThan(0);
      expect(/[\p{L}\p{N}]/u.test(word)).toBe(true);
    }
  });

  test('a capital inside a sentence marks a name, a headline capital does not', () => {
    const inProse = tokenize('Officials said the envoy would meet Putin in Moscow next week');
    expect(inProse.find((t) => t.term === 'putin')?.name).toBe(true);
    expect(inProse.find((t) => t.term === 'offici')?.name).toBe(false);
    const headline = tokenize('Russia Issues Demands For Ending Ukraine War');
    expect(headline.find((t) => t.term === 'demand')?.name).toBe(false);
  });

  test('all-capital lines keep only known acronyms', () => {
    expect(terms('RUSSIA WANTS NATO OUT')).toEqual(['russia', 'want', 'NATO']);
  });

  test('never throws and finds nothing in text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('\ud800\u0000 — … !!!')).toEqual([]);
  });
});

describe('readNumberWords', () => {
  test.each([
    [['thirty'], 30],
    [['twenty', 'four'], 24],
    [['two', 'hundred', 'and', 'fifty'], 250],
    [['three', 'million'], 3_000_000],
    [['a', 'dozen'], null],
    [['thousands', 'of'], null],
  ])('%j → %s', (words, value) => {
    expect(readNumberWords(words, 0)?.value ?? null).toBe(value);
  });
});

describe('name variants', () => {
  test.each([
    ['Zelensky', 'Zelenskiy', true],
    ['Zelensky', 'Zelenskyy', true],
    ['Zelenskiy', 'Zelenskyy', true],
    ['Kyiv', 'Kiev', true],
    ['Kharkiv', 'Kharkov', true],
    ['Odesa', 'Odessa', true],
    ['Volodymyr', 'Vladimir', false],
    ['Russia', 'Russian', false],
    ['Trump', 'Truce', false],
    ['Putin', 'Patton', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(areVariants(stemmer(a.toLowerCase()), stemmer(b.toLowerCase()))).toBe(same);
  });

  test('the skeleton keeps the first letter and the consonants', () => {
    expect(skeleton('zelenskyy')).toBe('zlnsk');
    expect(skeleton('kiev')).toBe(skeleton('kyiv'));
  });
});

describe('namesOfText', () => {
  const names = (...units: string[]) => [...namesOfText(units.map((u) => tokenize(u)))].sort();

  test('a word capitalised inside running text is a name of the whole text', () => {
    // Stems: "Matthias" is "matthia".
    expect(
      names('Warnig has presented the terms.', 'The board said Matthias Warnig would come.'),
    ).toEqual(['matthia', 'warnig']);
  });

  test('a capital that only opens sentences names nothing', () => {
    expect(names('Negotiators have presented the terms.', 'Negotiators met again.')).toEqual([]);
  });

  test('a word the text also writes in lower case is no name', () => {
    expect(names('The Board met.', 'Its chair, Ann Board, left.', 'The board then voted.')).toEqual(
      ['ann'],
    );
  });
});
