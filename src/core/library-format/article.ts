/**
 * An article of the reader's library as it is exported and imported: where it was read, who
 * published it, its title and dates, and its text. The same record in the JSON Lines export, in
 * the compiled corpus file and (with an id) in the browser's storage.
 */
import { textProblem } from '../corpus';
import { isoDate } from './dates';

export { isoDate };

/** One article of the library, in the export format's field order. */
export interface LibraryArticle {
  /** The page's address ("" for an article imported from a file that names none). */
  url: string;
  /** The publisher's name as the page gives it, else the site's host name. */
  outlet: string;
  title: string | null;
  /** The publication date the page gives (ISO 8601), or null. */
  published: string | null;
  /** When the reader read it or added it to the library (ISO 8601). */
  read: string;
  /** The article's text: paragraphs separated by blank lines. */
  text: string;
  /** The source the article says it rewrites, when known (corpus files only). */
  origin?: string;
}

/** Longest article text kept: far beyond any article; longer input is refused. */
export const MAX_ARTICLE_TEXT = 1_000_000;
/** Longest URL, title or outlet name kept. */
const MAX_FIELD = 8_192;

/** The host name of an http(s) URL without "www.", or null. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Query parameters that only track where a reader came from: the same article without them. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|at_\w+)$/i;

/**
 * The form of a URL under which an article is kept once: no fragment, no tracking parameters.
 * Anything that is not an http(s) URL is returned trimmed.
 */
export function articleKeyUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url.trim();
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()])
    if (TRACKING.test(name)) parsed.searchParams.delete(name);
  return parsed.href;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed record as a library article, filling what can be inferred (the outlet from the
 * URL's host, the read date from `now`). Returns the article, or why it cannot be one.
 */
export function parseArticle(
  raw: unknown,
  now: () => string = () => new Date().toISOString(),
): { article: LibraryArticle } | { error: string } {
  if (!isRecord(raw)) return { error: 'not a JSON object' };
  const field = (name: string): string | null | undefined => {
    const value = raw[name];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const url = field('url');
  if (url === undefined) return { error: '"url" is not a string' };
  if (url && url.length > MAX_FIELD) return { error: '"url" is too long' };
  if (url && hostOf(url) === null) return { error: `"url" is not an http(s) address` };
  const text = raw.text;
  if (typeof text !== 'string') return { error: 'no "text"' };
  if (text.trim() === '') return { error: '"text" is empty' };
  if (text.length > MAX_ARTICLE_TEXT) return { error: '"text" is too long' };
  const problem = textProblem(text);
  if (problem) return { error: `"text" ${problem}` };
  let outlet = field('outlet');
  if (outlet === undefined) return { error: '"outlet" is not a string' };
  outlet = outlet || (url ? hostOf(url) : null);
  if (!outlet) return { error: 'no "outlet" and no URL to name one' };
  const title = field('title');
  if (title === undefined) return { error: '"title" is not a string' };
  const publishedRaw = raw.published;
  const published = isoDate(publishedRaw);
  if (publishedRaw !== undefined && publishedRaw !== null && publishedRaw !== '' && !published)
    return { error: '"published" is not a date' };
  const readRaw = raw.read;
  const read = isoDate(readRaw);
  if (readRaw !== undefined && readRaw !== null && readRaw !== '' && !read)
    return { error: '"read" is not a date' };
  const article: LibraryArticle = {
    url: url ?? '',
    outlet: outlet.slice(0, MAX_FIELD),
    title: title ? title.slice(0, MAX_FIELD) : null,
    published,
    read: read ?? now(),
    text,
  };
  const origin = field('origin');
  if (origin) article.origin = origin.slice(0, MAX_FIELD);
  return { article };
}
