import { describe, expect, test } from 'vitest';
import { dayResolver, publishedWindow } from '../../../src/core/provenance/dates';
import { tokenize } from '../../../src/core/tokens';
import { pageDates, reportDays } from '../../../src/core/verify';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('publication windows', () => {
  test('a known day, a range of days in a month with its year, nothing vaguer', () => {
    expect(publishedWindow('2025-03-13')).toEqual([day('2025-03-13'), day('2025-03-13')]);
    expect(publishedWindow('2025-03 (about 12-14 March; exact date not known)')).toEqual([
      day('2025-03-12'),
      day('2025-03-14'),
    ]);
    expect(publishedWindow('2025-03')).toBeNull();
    expect(publishedWindow('about 12-14 March')).toBeNull();
    // A week or more says no day of the week's date.
    expect(publishedWindow('1-9 March 2025')).toBeNull();
    expect(publishedWindow(null)).toBeNull();
  });
});

describe('the date a day of the week names', () => {
  const resolve = dayResolver('2025-03 (about 12-14 March)')!;
  test('the last such day on or before publication, when the whole window agrees', () => {
    expect(resolve(2)).toEqual({ month: 3, day: 11 }); // Tuesday
    expect(resolve(3)).toEqual({ month: 3, day: 12 }); // Wednesday, the first day of the window
    // Thursday: the 6th if published on the 12th, the 13th if on the 13th.
    expect(resolve(4)).toBeNull();
    expect(dayResolver('2025-03-13')!(4)).toEqual({ month: 3, day: 13 });
    // Sunday as 0 or as 7.
    expect(resolve(0)).toEqual(resolve(7));
  });

  test("a report's days, by its units' terms", () => {
    const tokens = tokenize('Zelensky said Tuesday he would accept the truce.');
    const terms = tokens.map((t) => t.term);
    const ids = [terms.map((_, k) => k)];
    const days = reportDays('2025-03 (about 12-14 March)', ids, (id) => terms[id]!);
    expect([...days]).toEqual(['3-11']);
    expect([...reportDays('2025-03', ids, (id) => terms[id]!)]).toEqual([]);
  });
});

describe("a page unit's dates", () => {
  const datesOf = (text: string) => {
    const tokens = tokenize(text);
    return pageDates(
      text,
      tokens,
      tokens.map((_, k) => k),
    ).map((d) => d.key);
  };
  test('a month with a day beside it, either way round', () => {
    expect(datesOf('Ukraine agreed on March 11 to the truce.')).toEqual(['3-11']);
    expect(datesOf('Ukraine agreed on 11 March to the truce.')).toEqual(['3-11']);
  });
  test('no date across punctuation, or with a number no day can be', () => {
    expect(datesOf('In March, 11 people were hurt.')).toEqual([]);
    expect(datesOf('The March 40 convoy.')).toEqual([]);
    expect(datesOf('Talks resumed in March.')).toEqual([]);
  });
});
