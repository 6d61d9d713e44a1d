/**
 * Dates a report names by the day of the week. A report says "Zelensky said Tuesday he would
 * accept…"; a retelling dates the same saying "on March 11". A report published within a week
 * (the bundled reports: "about 12-14 March") means by "Tuesday" one date, the last Tuesday on or
 * before its publication, whichever day of its window that was. A page's date that is such a day
 * of a report is a day the corpus mentions, not a name it never mentions (`page_unknown_names`);
 * only that is read: a weekday may also point ahead ("talks resume on Thursday"), so a date that
 * differs from it is no conflict.
 */
import { dayResolver } from '../provenance/dates';
import type { Token } from '../tokens';

/** Stems of the days of the week, in the order of Date.getUTCDay (Sunday first). */
export const DAY_STEMS = [
  'sundai',
  'mondai',
  'tuesdai',
  'wednesdai',
  'thursdai',
  'fridai',
  'saturdai',
] as const;
/** Stems of the months, January first (May is a function word to the tokenizer: null). */
export const MONTH_STEMS = [
  'januari',
  'februari',
  'march',
  'april',
  null,
  'june',
  'juli',
  'august',
  'septemb',
  'octob',
  'novemb',
  'decemb',
] as const;

const DAY_OF = new Map<string, number>(DAY_STEMS.map((stem, k) => [stem, k]));
const MONTH_OF = new Map<string, number>();
MONTH_STEMS.forEach((stem, k) => {
  if (stem !== null) MONTH_OF.set(stem, k + 1);
});

/** A day of a month as a key ("3-11"): the year is the story's, which one page and report share. */
function keyOf(month: number, day: number): string {
  return `${month}-${day}`;
}

/**
 * The dates a report names by a day of the week: of each unit's terms (`unitTerms`, of its term
 * ids; `term` gives a term's text), each day resolved by the report's publication date.
 */
export function reportDays(
  published: string | null | undefined,
  unitTerms: Iterable<ArrayLike<number>>,
  term: (id: number) => string,
): Set<string> {
  const days = new Set<string>();
  const resolve = dayResolver(published);
  if (resolve === undefined) return days;
  for (const ids of unitTerms) {
    for (let k = 0; k < ids.length; k++) {
      const weekday = DAY_OF.get(term(ids[k]!));
      const date = weekday === undefined ? null : resolve(weekday);
      if (date !== null) days.add(keyOf(date.month, date.day));
    }
  }
  return days;
}

/** A date a page unit gives ("March 11", "11 March"): its day key and the ids of its two terms. */
export interface PageDate {
  key: string;
  ids: [number, number];
}

/**
 * The dates of a unit of text `text`: a month with a number from 1 to 31 just before or after
 * it, only a space between ("in March, 11 people" is no date). `ids`: each token's term id.
 */
export function pageDates(
  text: string,
  tokens: readonly Token[],
  ids: readonly number[],
): PageDate[] {
  const found: PageDate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const month = MONTH_OF.get(tokens[i]!.term);
    if (month === undefined) continue;
    for (const j of [i + 1, i - 1]) {
      const token = tokens[j];
      if (!token || token.kind !== 'number' || !/^\d{1,2}$/.test(token.term)) continue;
      const [a, b] = j > i ? [tokens[i]!, token] : [token, tokens[i]!];
      if (!/^\s+$/.test(text.slice(a.end, b.start))) continue;
      const day = Number(token.term);
      if (day < 1 || day > 31) continue;
      found.push({ key: keyOf(month, day), ids: [ids[i]!, ids[j]!] });
      break;
    }
  }
  return found;
}
