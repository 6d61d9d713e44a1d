/**
 * The `number` kind: amounts, counts, percentages, durations and dates read into values
 * ("thirty days" = "30-day" = "month-long"; "Feb. 24, 2022" = "24 February 2022"), then compared
 * by value between the two sentences. Each difference says which of these its value is
 * (`quantity`), so that a date is shown as a date.
 */
import { DAYS_IN_UNIT, readNumberWords } from '../numbers';
import type { WeekdayResolver } from '../provenance/dates';
import { anchorsOf, sharedAnchors } from './anchors';
import type { Difference, QuantityKind } from './types';
import { perSentence, sameWord, type Word } from './words';

/** A quantity read from a sentence: words[from..to]. */
export interface Quantity {
  from: number;
  to: number;
  kind: 'date' | 'time' | 'percent' | 'count';
  /** Amount (days for `time`, points for `percent`); null when vague ("several weeks"). */
  value: number | null;
  /** Written with "about", "nearly", "over"…: compared with a margin. */
  approximate: boolean;
  /** `count`: the counted noun; `time` written as an adjective ("30-day"): the noun it modifies. */
  head: Word | null;
  /** `date` fields. */
  date?: DateValue;
}

/** What a date says; every field optional. */
export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** "this week", "last month": the unit and its offset from now. */
  relative?: string;
  /** "early", "mid", "late" 2022. */
  part?: string;
}

const MONTHS = new Map<string, number>(
  [
    'january february march april may june july august september october november december',
    'jan feb mar apr may jun jul aug sep oct nov dec',
  ].flatMap((line) => line.split(' ').map((m, i) => [m, i + 1] as [string, number])),
);
MONTHS.set('sept', 9);
const WEEKDAYS = new Map<string, number>(
  'monday tuesday wednesday thursday friday saturday sunday'.split(' ').map((d, i) => [d, i + 1]),
);
/** Fractions written as words, in percent. */
const FRACTIONS = new Map<string, number>([
  ['half', 50],
  ['third', 100 / 3],
  ['thirds', 100 / 3],
  ['quarter', 25],
  ['quarters', 25],
]);
/** Words that make a quantity approximate ("about three weeks", "nearly half", "over two decades"). */
const APPROXIMATORS = new Set([
  'about',
  'around',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'some',
  'over',
  'under',
  'more',
  'less',
  'fewer',
  'least',
  'close',
  'up',
  'than',
  'to',
  'at',
  'as',
  'many',
  'just',
]);
/** Words that give a count or duration without a number ("several weeks", "dozens of"). */
const VAGUE_AMOUNTS = new Set(['several', 'few', 'multiple', 'numerous', 'many']);
const VAGUE_MULTIPLES = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'tens', 'scores']);
/** Nouns that name who says something: a count of them belongs to the attribution. */
const SOURCE_NOUNS = new Set([
  'people',
  'persons',
  'sources',
  'officials',
  'individuals',
  'diplomats',
  'aides',
  'insiders',
]);
const PLURAL_IRREGULAR = new Set(['people', 'men', 'women', 'children', 'troops', 'police']);
/** Determiners before a noun that refer back to something already told, details and all. */
const DEFINITE = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'such',
  'its',
  'their',
  'his',
  'her',
]);
const RELATIVE_UNITS = new Set(['week', 'month', 'year', 'weekend']);
const RELATIVE_OFFSETS = new Map([
  ['this', 0],
  ['last', -1],
  ['next', 1],
  ['past', -1],
]);
/** Most words between a number and the noun it counts ("four other occupied provinces"). */
const MAX_COUNT_GAP = 3;
/** Share by which two durations or amounts may differ and still be one value (a month is 30 days). */
const VALUE_TOLERANCE = 0.1;
/** Percentage points two approximate percentages may differ by. */
const PERCENT_TOLERANCE = 5;

function isYear(word: Word): number | null {
  if (!/^\d{4}$/.test(word.lower)) return null;
  const year = Number(word.lower);
  return year >= 1800 && year <= 2100 ? year : null;
}

function numberAt(words: readonly Word[], i: number): { value: number; length: number } | null {
  const word = words[i]!;
  if (/^\d+(?:\.\d+)?$/.test(word.key)) {
    if (/^\d{4}$/.test(word.lower) && isYear(word) !== null) return null;
    return { value: Number(word.key), length: 1 };
  }
  const lowers = words.slice(i, i + 8).map((w, k) => (k > 0 && w.hyphenated ? '' : w.lower));
  const cut = lowers.indexOf('');
  return readNumberWords(cut === -1 ? lowers : lowers.slice(0, cut), 0);
}

/** Every quantity of a sentence, in order (read once per word list). */
export const quantitiesOf = perSentence(readQuantities);

function readQuantities(words: readonly Word[]): Quantity[] {
  const found: Quantity[] = [];
  for (let i = 0; i < words.length;) {
    const q = quantityAt(words, i);
    if (q) {
      found.push(q);
      i = q.to + 1;
    } else i++;
  }
  return found;
}

function approximateStart(words: readonly Word[], i: number): number {
  let start = i;
  while (start > 0 && APPROXIMATORS.has(words[start - 1]!.lower) && i - start < 3) start--;
  // "more than", "close to", "up to" count only as a pair; a lone "to" or "at" is not one.
  if (start < i && ['to', 'than', 'at', 'as'].includes(words[start]!.lower) && start === i - 1)
    return i;
  return start;
}

function quantityAt(words: readonly Word[], i: number): Quantity | null {
  const word = words[i]!;
  const next = words[i + 1];
  // Dates: "February 24, 2022", "24 February 2022", "Feb. 24", "February 2022", "late 2021".
  const month = MONTHS.get(word.lower);
  if (
    month !== undefined &&
    word.cap &&
    !(word.lower === 'may' && !next?.cap && !/^\d/.test(next?.lower ?? ''))
  ) {
    const date: DateValue = { month };
    let from = i;
    let to = i;
    const before = words[i - 1];
    if (before && /^\d{1,2}$/.test(before.lower) && Number(before.lower) <= 31) {
      date.day = Number(before.lower);
      from = i - 1;
    } else if (before && RELATIVE_OFFSETS.has(before.lower)) {
      date.relative = `year${RELATIVE_OFFSETS.get(before.lower)}`;
      from = i - 1;
    }
    if (next && /^\d{1,2}(?:st|nd|rd|th)?$/.test(next.lower) && Number(next.key) <= 31) {
      date.day = Number(next.key);
      to = i + 1;
    }
    const yearWord = words[to + 1];
    const year = yearWord ? isYear(yearWord) : null;
    if (year !== null) {
      date.year = year;
      to++;
    }
    const part = words[from - 1];
    if (part && ['early', 'mid', 'late'].includes(part.lower)) {
      date.part = part.lower;
      from--;
    }
    return { from, to, kind: 'date', value: null, approximate: false, head: null, date };
  }
  const year = isYear(word);
  if (year !== null) {
    const unit = next && !next.hyphenated ? DAYS_IN_UNIT.get(next.lower) : undefined;
    if (unit === undefined) {
      const date: DateValue = { year };
      let from = i;
      const part = words[i - 1];
      if (part && ['early', 'mid', 'late'].includes(part.lower)) {
        date.part = part.lower;
        from--;
      }
      return { from, to: i, kind: 'date', value: null, approximate: false, head: null, date };
    }
  }
  const weekday = WEEKDAYS.get(word.lower);
  if (weekday !== undefined && word.cap) {
    return {
      from: i,
      to: i,
      kind: 'date',
      value: null,
      approximate: false,
      head: null,
      date: { weekday },
    };
  }
  // "this week", "last month", "earlier this week".
  const offset = RELATIVE_OFFSETS.get(word.lower);
  if (offset !== undefined && next && RELATIVE_UNITS.has(next.lower) && word.lower !== 'past') {
    return {
      from: i,
      to: i + 1,
      kind: 'date',
      value: null,
      approximate: false,
      head: null,
      date: { relative: `${next.lower}${offset}` },
    };
  }
  // Fractions and percentages.
  const fraction = FRACTIONS.get(word.lower);
  if (fraction !== undefined && !word.hyphenated) {
    const from = approximateStart(words, i);
    const count = i > 0 ? numberAt(words, i - 1) : null;
    const value =
      count && count.length === 1 && words[i - 1]!.lower !== 'a'
        ? fraction * count.value
        : fraction;
    return {
      from: count ? Math.min(from, i - 1) : from,
      to: i,
      kind: 'percent',
      value,
      approximate: from < i,
      head: null,
    };
  }
  // Vague durations: "several weeks", "for years", "within days".
  if (
    VAGUE_AMOUNTS.has(word.lower) &&
    next &&
    DAYS_IN_UNIT.has(next.lower) &&
    /s$/.test(next.lower)
  ) {
    return { from: i, to: i + 1, kind: 'time', value: null, approximate: true, head: null };
  }
  if (
    DAYS_IN_UNIT.has(word.lower) &&
    /s$/.test(word.lower) &&
    ['for', 'within'].includes(words[i - 1]?.lower ?? '')
  ) {
    return { from: i - 1, to: i, kind: 'time', value: null, approximate: true, head: null };
  }
  if (VAGUE_MULTIPLES.has(word.lower) && next?.lower === 'of') {
    let to = i + 1;
    // "tens of thousands of"
    if (VAGUE_MULTIPLES.has(words[to + 1]?.lower ?? '') && words[to + 2]?.lower === 'of') to += 2;
    const head = countedNoun(words, to + 1);
    if (!head || SOURCE_NOUNS.has(head.lower)) return null;
    return { from: i, to: head.index, kind: 'count', value: null, approximate: true, head };
  }
  const number = numberAt(words, i);
  if (!number) return null;
  const last = i + number.length - 1;
  const from = approximateStart(words, i);
  const approximate = from < i;
  const after = words[last + 1];
  // "86%" or "86 percent".
  if (/^\s*%/.test(after?.gap ?? words[last]!.gap) || sentencePercent(words, last)) {
    const to =
      after && ['percent', 'per'].includes(after.lower)
        ? after.lower === 'per'
          ? last + 2
          : last + 1
        : last;
    return { from, to, kind: 'percent', value: number.value, approximate, head: null };
  }
  if (after && DAYS_IN_UNIT.has(after.lower)) {
    const days = number.value * DAYS_IN_UNIT.get(after.lower)!;
    let to = last + 1;
    if (after.hyphenated) {
      // "30-day truce", "two-year-old", "month-long": an adjective of the noun that follows.
      if (words[to + 1]?.hyphenated && ['long', 'old'].includes(words[to + 1]!.lower)) to++;
      return {
        from,
        to,
        kind: 'time',
        value: days,
        approximate,
        head: modifiedNoun(words, to + 1),
      };
    }
    return { from, to, kind: 'time', value: days, approximate, head: null };
  }
  if (number.value === 1) return null; // "one" is a pronoun more often than a count
  const head = countedNoun(words, last + 1);
  if (!head || SOURCE_NOUNS.has(head.lower)) return null;
  return { from, to: head.index, kind: 'count', value: number.value, approximate, head };
}

function sentencePercent(words: readonly Word[], last: number): boolean {
  const after = words[last + 1];
  return (
    after?.lower === 'percent' || (after?.lower === 'per' && words[last + 2]?.lower === 'cent')
  );
}

/** "month-long truce": a unit word joined by a hyphen before "long" is a duration of one unit. */
function unitAdjectiveAt(words: readonly Word[], i: number): Quantity | null {
  const word = words[i]!;
  const next = words[i + 1];
  if (
    !DAYS_IN_UNIT.has(word.lower) ||
    word.hyphenated ||
    !next?.hyphenated ||
    next.lower !== 'long'
  )
    return null;
  return {
    from: i,
    to: i + 1,
    kind: 'time',
    value: DAYS_IN_UNIT.get(word.lower)!,
    approximate: false,
    head: modifiedNoun(words, i + 2),
  };
}

/** The noun a number counts: the first plural within MAX_COUNT_GAP words, in the same phrase. */
function countedNoun(words: readonly Word[], from: number): Word | null {
  for (let i = from; i < words.length && i < from + MAX_COUNT_GAP; i++) {
    const word = words[i]!;
    if (i > from && /[,;:]/.test(word.gap)) return null;
    if (['of', 'and', 'or', 'to', 'in', 'on', 'the', 'a'].includes(word.lower)) return null;
    if (PLURAL_IRREGULAR.has(word.lower) || (/[^s]s$/.test(word.lower) && word.lower.length > 3))
      return word;
  }
  return null;
}

/** The noun an adjective phrase starting at `from` modifies: the next word, or one further. */
function modifiedNoun(words: readonly Word[], from: number): Word | null {
  const first = words[from];
  if (!first || /[,;:]/.test(first.gap)) return null;
  const second = words[from + 1];
  // "30-day cease-fire agreement", "30-day truce proposal": the first noun names the thing.
  if (second && second.hyphenated) return first;
  return first;
}

/** The time unit a duration is written in ("weeks"). */
function unitOf(words: readonly Word[], q: Quantity): string {
  return words[q.to]!.lower.replace(/s$/, '');
}

/** A date of the last days: a weekday, or this week. */
function recent(date: DateValue): boolean {
  return date.weekday !== undefined || date.relative === 'week0';
}

/** The name a difference gives each kind of quantity (`time` is a duration, not a time of day). */
const QUANTITY_KINDS: Record<Quantity['kind'], QuantityKind> = {
  date: 'date',
  time: 'duration',
  percent: 'percent',
  count: 'count',
};

/**
 * The resolvers of each side's days of the week, from its publication date (dayResolver in
 * ../provenance/dates.ts); either may be missing: nothing is resolved.
 */
export interface SideDays {
  page?: WeekdayResolver;
  report?: WeekdayResolver;
}

/** A date told by its day of the week alone ("Tuesday"). */
function weekdayOnly(date: DateValue): boolean {
  return (
    date.weekday !== undefined &&
    date.day === undefined &&
    date.month === undefined &&
    date.year === undefined &&
    date.relative === undefined
  );
}

/** A date told by its day of the week alone, as the day it names where its side says which. */
function resolved(date: DateValue, resolve: WeekdayResolver | undefined): DateValue {
  if (!resolve || !weekdayOnly(date)) return date;
  const found = resolve(date.weekday!);
  return found ? { month: found.month, day: found.day } : date;
}

/** Whether two quantities of one kind give the same value (`days`: the page's and the report's). */
function sameValue(a: Quantity, b: Quantity, days: SideDays = {}): boolean {
  if (a.kind === 'date') {
    // Two days of the week are compared as such; a day of the week and a day of the month, as
    // the days they name where a side's publication date says ("Tuesday" and "March 11").
    if (weekdayOnly(a.date!) && weekdayOnly(b.date!)) return sameDate(a.date!, b.date!);
    return sameDate(resolved(a.date!, days.page), resolved(b.date!, days.report));
  }
  if (a.value === null || b.value === null) return a.value === b.value;
  if (a.kind === 'percent') {
    const margin = a.approximate || b.approximate ? PERCENT_TOLERANCE : 0.5;
    return Math.abs(a.value - b.value) <= margin;
  }
  return Math.abs(a.value - b.value) <= VALUE_TOLERANCE * Math.max(a.value, b.value);
}

function sameDate(a: DateValue, b: DateValue): boolean {
  for (const field of ['year', 'month', 'day', 'weekday', 'part'] as const) {
    if (a[field] !== undefined && b[field] !== undefined && a[field] !== b[field]) return false;
  }
  // A day of the month or of the week on one side only is a more precise date ("March 3" / "March").
  if ((a.day === undefined) !== (b.day === undefined)) return false;
  if ((a.weekday === undefined) !== (b.weekday === undefined)) return false;
  if (a.relative !== undefined || b.relative !== undefined) {
    if (a.relative === b.relative) return true;
    // "last August" and "August 2024" may well be one month; the year is not given on one side.
    if (a.relative?.startsWith('year') || b.relative?.startsWith('year'))
      return a.month === b.month;
    return false;
  }
  if ((a.month === undefined) !== (b.month === undefined) && a.year === b.year) return false;
  return true;
}

/** Whether two quantities can be the same detail told twice: same kind, same noun or anchors. */
function counterparts(
  a: Quantity,
  aWords: readonly Word[],
  b: Quantity,
  bWords: readonly Word[],
): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'count') return a.head !== null && b.head !== null && sameWord(a.head, b.head);
  if (a.kind === 'time' && a.head && b.head && sameWord(a.head, b.head)) return true;
  // One duration on each side, in the same unit ("three weeks" / "several weeks"), or one recent
  // date on each side ("this week" / "Tuesday"): the same detail told twice.
  const alone = (q: Quantity, words: readonly Word[]) =>
    quantitiesOf(words).filter((o) => o.kind === q.kind).length === 1;
  if (alone(a, aWords) && alone(b, bWords)) {
    if (a.kind === 'time' && !a.head && !b.head && unitOf(aWords, a) === unitOf(bWords, b))
      return true;
    if (a.kind === 'date' && recent(a.date!) && recent(b.date!)) return true;
  }
  const anchorsA = anchorsOf(aWords, a.from, a.to);
  const anchorsB = anchorsOf(bWords, b.from, b.to);
  return sharedAnchors(anchorsA, anchorsB) > 0;
}

/** The nearest name (a capitalised word not opening the sentence) within `span` words before `i`. */
function nameBefore(words: readonly Word[], i: number, span: number): Word | null {
  for (let k = i - 1; k >= 0 && k >= i - span; k--) {
    if (/[,;:]/.test(words[k + 1]!.gap)) return null;
    const word = words[k]!;
    if (word.cap && k > 0 && !MONTHS.has(word.lower) && !WEEKDAYS.has(word.lower)) return word;
  }
  return null;
}

/**
 * When `q` (on side A) has no counterpart on side B, whether B tells the same thing without it:
 * B names the noun a duration modifies, with no definite determiner ("a temporary ceasefire"
 * against "a 30-day ceasefire"); or B gives no date at all while naming the person whose act the
 * date is of ("Zelenskiy has said" against "Zelensky said Tuesday").
 */
function missingOn(
  q: Quantity,
  aWords: readonly Word[],
  bWords: readonly Word[],
  bQuantities: readonly Quantity[],
): boolean {
  if (q.kind === 'time' && q.head) {
    const near = (i: number) =>
      bQuantities.some((o) => Math.abs(o.from - i) <= 4 || Math.abs(o.to - i) <= 4);
    return bWords.some(
      (word) => sameWord(word, q.head!) && !near(word.index) && indefinite(bWords, word.index),
    );
  }
  if (q.kind !== 'date' || bQuantities.some((o) => o.kind === 'date')) return false;
  // "this week's meeting" dates the meeting, which the other side may date its own way ("recent").
  if (aWords[q.to]!.possessive) return false;
  // The date must hang on a person's act: a name at most DATE_NAME_SPAN words before it.
  const speaker = nameBefore(aWords, q.from, DATE_NAME_SPAN);
  // A person's name: the last of two capitalised words ("Volodymyr Zelensky"), not a country's.
  if (!speaker || !aWords[speaker.index - 1]?.cap) return false;
  return bWords.some((word) => word.cap && sameWord(word, speaker));
}

/** Most words between a name and the date of what that person did ("Zelensky said on Tuesday"). */
const DATE_NAME_SPAN = 3;

/** Whether the noun at `i` is introduced without a definite determiner ("a temporary ceasefire"). */
function indefinite(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const word = words[k]!;
    if (DEFINITE.has(word.lower) || word.possessive) return false;
    if (word.lower === 'a' || word.lower === 'an')
      return !(k > 0 && words[k - 1]!.lower === 'such');
    if (/[,;:]/.test(words[k + 1]!.gap)) break;
  }
  return true;
}

/** The `number` differences between two sentences. */
export function numberDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
  days: SideDays = {},
): Difference[] {
  const pageQ = withUnitAdjectives(pageWords, quantitiesOf(pageWords));
  const reportQ = withUnitAdjectives(reportWords, quantitiesOf(reportWords));
  const differences: Difference[] = [];
  const usedReport = new Set<Quantity>();
  // "40%": the sign is not a word, but it is part of the quantity.
  const span = (text: string, words: readonly Word[], q: Quantity) => {
    const end = words[q.to]!.end;
    return { start: words[q.from]!.start, end: text[end] === '%' ? end + 1 : end };
  };
  const detail = (text: string, words: readonly Word[], q: Quantity) => {
    const at = span(text, words, q);
    return text.slice(at.start, at.end);
  };
  for (const p of pageQ) {
    // A counterpart of the same value first: "fell to 6% from 9%" and "dropped from 9% to 6%"
    // give the same two details in another order, not two changed ones.
    const open = reportQ.filter(
      (r) => !usedReport.has(r) && counterparts(p, pageWords, r, reportWords),
    );
    const match = open.find((r) => sameValue(p, r, days)) ?? open[0];
    if (match) {
      usedReport.add(match);
      if (!sameValue(p, match, days)) {
        differences.push({
          kind: 'number',
          page: detail(page, pageWords, p),
          report: detail(report, reportWords, match),
          pageSpan: span(page, pageWords, p),
          reportSpan: span(report, reportWords, match),
          quantity: QUANTITY_KINDS[p.kind],
        });
      }
      continue;
    }
    if (missingOn(p, pageWords, reportWords, reportQ)) {
      differences.push({
        kind: 'number',
        page: detail(page, pageWords, p),
        report: '',
        pageSpan: span(page, pageWords, p),
        reportSpan: null,
        quantity: QUANTITY_KINDS[p.kind],
      });
    }
  }
  for (const r of reportQ) {
    if (usedReport.has(r)) continue;
    if (pageQ.some((p) => counterparts(r, reportWords, p, pageWords))) continue;
    if (missingOn(r, reportWords, pageWords, pageQ)) {
      differences.push({
        kind: 'number',
        page: '',
        report: detail(report, reportWords, r),
        pageSpan: null,
        reportSpan: span(report, reportWords, r),
        quantity: QUANTITY_KINDS[r.kind],
      });
    }
  }
  return differences;
}

/** Adds the one-unit adjectives ("month-long") that quantitiesOf does not read as numbers. */
function withUnitAdjectives(words: readonly Word[], found: Quantity[]): Quantity[] {
  const extra: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    let inside = false;
    for (let k = 0; k < found.length && !inside; k++)
      inside = found[k]!.from <= i && i <= found[k]!.to;
    if (inside) continue;
    const q = unitAdjectiveAt(words, i);
    if (q) extra.push(q);
  }
  return [...found, ...extra].sort((a, b) => a.from - b.from);
}
