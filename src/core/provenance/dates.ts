/**
 * Publication dates: only a date that names its day is known. "2025-03 (about 12-14 March; exact
 * date not known)" or "June 2025" say the month and nothing more, so they are unknown as a day and
 * never order outlets.
 */

/** A known publication date: the ISO form given (day, perhaps a time) and its instant for ordering. */
export interface KnownDate {
  /** As given when ISO ("2025-06-02T09:10:00Z", "2025-06-02"), else the day as YYYY-MM-DD. */
  iso: string;
  /** Milliseconds since the epoch (midnight UTC for a bare day). */
  time: number;
  /** True when only the day is known, not the time. */
  dayOnly: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** An ISO date with its day, optionally with a time and zone, alone in the text. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** "13 March 2025", "March 13, 2025", "Thu, 13 Mar 2025", alone in the text. */
const DAY_MONTH_YEAR = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTH_DAY_YEAR = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The publication date in `text` when it names a day, else null. Anything vaguer than a day, a
 * range, or a date with words around it ("about 12-14 March") is unknown.
 */
export function parsePublished(text: string | null | undefined): KnownDate | null {
  if (typeof text !== 'string') return null;
  const value = text.trim();
  if (value === '' || value.length > 64) return null;
  const iso = ISO.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDay(year, month, day)) return null;
    if (iso[4] === undefined) {
      return { iso: value, time: Date.UTC(year, month - 1, day), dayOnly: true };
    }
    const time = Date.parse(
      `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${normaliseZone(iso[7])}`,
    );
    return Number.isNaN(time) ? null : { iso: value, time, dayOnly: false };
  }
  const dmy = DAY_MONTH_YEAR.exec(value);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(value);
  const parts = dmy
    ? {
        day: Number(dmy[1]),
        month:
          MONTHS[dmy[2]!.toLowerCase().slice(0, 4)] ?? MONTHS[dmy[2]!.toLowerCase().slice(0, 3)],
        year: Number(dmy[3]),
      }
    : mdy
      ? {
          day: Number(mdy[2]),
          month:
            MONTHS[mdy[1]!.toLowerCase().slice(0, 4)] ?? MONTHS[mdy[1]!.toLowerCase().slice(0, 3)],
          year: Number(mdy[3]),
        }
      : null;
  if (!parts || parts.month === undefined || !validDay(parts.year, parts.month, parts.day)) {
    return null;
  }
  return {
    iso: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
    time: Date.UTC(parts.year, parts.month - 1, parts.day),
    dayOnly: true,
  };
}

/** A zone as Date.parse reads it; a date and time without one is taken as UTC. */
function normaliseZone(zone: string | undefined): string {
  if (zone === undefined || zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/**
 * Orders two known dates. Two dates of which one has no time are compared by day, since a bare
 * day says nothing of the hour.
 */
export function compareDates(a: KnownDate, b: KnownDate): number {
  if (a.dayOnly || b.dayOnly) {
    const day = (d: KnownDate) => Math.floor(d.time / 86_400_000);
    return day(a) - day(b);
  }
  return a.time - b.time;
}

/** Most days a publication window may span for a day of the week in it to name one date. */
const MAX_WINDOW_DAYS = 7;
/** "12-14 March", "12–14 Mar": a range of days in one month, with a year elsewhere in the text. */
const DAY_RANGE = /\b(\d{1,2})\s*[-\u2013]\s*(\d{1,2})\s+([A-Za-z]{3,9})\b/;

/**
 * The days a report may have been published on, as days since the epoch (first and last), when
 * its date says so within a week: a known day ("2025-03-13"), or a range of days of one month with
 * the year ("2025-03 (about 12-14 March; exact date not known)"). Null for anything vaguer.
 */
export function publishedWindow(text: string | null | undefined): [number, number] | null {
  const known = parsePublished(text);
  if (known) {
    const day = Math.floor(known.time / 86_400_000);
    return [day, day];
  }
  if (typeof text !== 'string' || text.length > 120) return null;
  const range = DAY_RANGE.exec(text);
  const year = /\b(\d{4})\b/.exec(text);
  if (!range || !year) return null;
  const month =
    MONTHS[range[3]!.toLowerCase().slice(0, 4)] ?? MONTHS[range[3]!.toLowerCase().slice(0, 3)];
  const [first, last, y] = [Number(range[1]), Number(range[2]), Number(year[1])];
  if (month === undefined || !validDay(y, month, first) || !validDay(y, month, last)) return null;
  if (last < first || last - first >= MAX_WINDOW_DAYS) return null;
  const day = (d: number): number => Date.UTC(y, month - 1, d) / 86_400_000;
  return [day(first), day(last)];
}

/**
 * The day (days since the epoch) a day of the week names in a text published on one of the days
 * `window` spans: the last such weekday on or before the publication, when every day of the window
 * gives the same one; else null. `weekday`: 0 for Sunday to 6 for Saturday.
 */
function weekdayDay(weekday: number, window: readonly [number, number]): number | null {
  let found: number | null = null;
  for (let day = window[0]; day <= window[1]; day++) {
    // 1 January 1970 was a Thursday (4).
    const date = day - ((((day + 4 - weekday) % 7) + 7) % 7);
    if (found !== null && found !== date) return null;
    found = date;
  }
  return found;
}

/** The month (1 to 12) and the day of the month of a day since the epoch. */
function monthDayOf(day: number): { month: number; day: number } {
  const date = new Date(day * 86_400_000);
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The month and day a day of the week names (1 for Monday to 7, or 0, for Sunday), or null. */
export type WeekdayResolver = (weekday: number) => { month: number; day: number } | null;

/**
 * The date a day of the week names in a text published as `published` says: the last such day on
 * or before it, where the date (or a window of a few days, see publishedWindow) says which.
 * Undefined when it says too little.
 */
export function dayResolver(published: string | null | undefined): WeekdayResolver | undefined {
  const window = publishedWindow(published);
  if (window === null) return undefined;
  return (weekday) => {
    const day = weekdayDay(weekday % 7, window);
    return day === null ? null : monthDayOf(day);
  };
}
