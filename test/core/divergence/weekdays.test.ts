import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../../src/core/check-article';
import { dayResolver, findDifferences } from '../../../src/core/divergence';
import { loadDevCorpus } from '../../quality/predict';

/** The bundled reports' publication dates: "Tuesday" there is March 11, 2025. */
const REPORTS = '2025-03 (about 12-14 March; exact date not known)';
const dates = (page: string, report: string, days = {}) =>
  findDifferences(page, report, days)
    .filter((d) => d.quantity === 'date')
    .map((d) => [d.page, d.report]);

describe('a day of the week and the date it names', () => {
  const report = 'Zelensky said Tuesday he would accept the truce as a first step.';
  test("the report's Tuesday is March 11: the same date, no difference", () => {
    const page = 'Zelensky said on March 11 he would accept the truce as a first step.';
    expect(dates(page, report, { report: dayResolver(REPORTS) })).toEqual([]);
    // Without the report's publication date, the two cannot be compared as days.
    expect(dates(page, report)).toEqual([['March 11', 'Tuesday']]);
  });

  test('another day of the month is another date', () => {
    const page = 'Zelensky said on March 12 he would accept the truce as a first step.';
    expect(dates(page, report, { report: dayResolver(REPORTS) })).toEqual([
      ['March 12', 'Tuesday'],
    ]);
  });

  test("the page's day of the week, by the page's own date", () => {
    const reported = 'Zelensky said on March 11 he would accept the truce as a first step.';
    expect(dates(report, reported, { page: dayResolver('2025-03-13') })).toEqual([]);
    expect(dates(report, reported, { page: dayResolver('2025-03-20') })).toEqual([
      ['Tuesday', 'March 11'],
    ]);
  });

  test('two days of the week are compared as they are written', () => {
    const page = 'Zelensky said Tuesday he would accept a truce as a first step.';
    expect(dates(page, report, { page: dayResolver('2025-03-20') })).toEqual([]);
    const other = 'Zelensky said Wednesday he would accept a truce as a first step.';
    expect(dates(other, report, { report: dayResolver(REPORTS) })).toEqual([
      ['Wednesday', 'Tuesday'],
    ]);
  });

  test('a window of a few days names a weekday only where every day of it agrees', () => {
    // Thursday in 12-14 March is the 6th or the 13th.
    const thursday = 'Zelensky said Thursday he would accept the truce as a first step.';
    const page = 'Zelensky said on March 13 he would accept the truce as a first step.';
    expect(dates(page, thursday, { report: dayResolver(REPORTS) })).toEqual([
      ['March 13', 'Thursday'],
    ]);
  });
});

test("checking an article reads the bundled reports' dates: March 11 is eAwaz's Tuesday", () => {
  const { matcher } = loadDevCorpus();
  const text =
    "Trump is awaiting Putin's response on whether he will agree to a 30-day truce that Zelensky said on March 11 he would accept as a first step toward peace talks.";
  const eawaz = (t: string) =>
    checkArticle(matcher, t).sentences[0]!.matches.find((m) => m.report === 'eawaz')!;
  expect(eawaz(text).differences).toEqual([]);
  expect(eawaz(text.replace('March 11', 'March 12')).differences!.map((d) => d.kind)).toEqual([
    'number',
  ]);
});
