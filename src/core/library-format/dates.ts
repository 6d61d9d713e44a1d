/** Dates as the library keeps them. Free of imports: the content script reads page dates with it. */

/** A date as ISO 8601, or null when `value` is not a date. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (text === '') return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  // Plain calendar dates stay dates: "2025-03-13" is a day, not midnight somewhere.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Date(time).toISOString();
}
