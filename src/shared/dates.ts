/** Dates as the extension shows them: in the browser's language, the year only when it is not this one. */
import { uiLanguage } from './i18n';

/** "3 May" (or "May 3", as the browser's language writes it), with the year when not this year's. */
export function shortDate(iso: string, now: Date = new Date()): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  try {
    return new Intl.DateTimeFormat(uiLanguage(), options).format(date);
  } catch {
    return date.toDateString();
  }
}
