/**
 * What a news page says about itself beyond its text: who published it, when, and its canonical
 * address. Read from the page's JSON-LD (schema.org NewsArticle and kin), then its Open Graph and
 * article meta tags, as search engines and readers' apps do.
 */
import { isoDate } from '../core/library-format/dates';

/** A page's own account of itself; null where it gives none. */
export interface PageMeta {
  /** The publisher's name: JSON-LD `publisher.name`, else `og:site_name`. */
  outlet: string | null;
  /** The publication date (ISO 8601). */
  published: string | null;
  /** `<link rel="canonical">` or `og:url`, when an http(s) address. */
  url: string | null;
}

/** JSON-LD blocks read per page, and the longest read: a page's metadata is far smaller. */
const MAX_JSON_LD_BLOCKS = 10;
const MAX_JSON_LD_CHARS = 200_000;
/** Longest outlet name taken from a page. */
const MAX_OUTLET = 200;

/** schema.org types of a news article or post. */
const ARTICLE_TYPE = /(?:^|:)(?:\w*Article|BlogPosting|Report|LiveBlogPosting)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD value: arrays and `@graph` lists flattened. */
function* nodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (isRecord(value)) {
    yield value;
    if (Array.isArray(value['@graph'])) yield* nodes(value['@graph']);
  }
}

function types(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (isRecord(first) && typeof first.name === 'string') return first.name;
  return null;
}

function clean(text: string | null | undefined, max = MAX_OUTLET): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, max) : null;
}

function metaContent(doc: Document, selector: string): string | null {
  return clean(doc.querySelector(selector)?.getAttribute('content'), 2_000);
}

function httpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads what `doc` says about itself. Never throws. */
export function readPageMeta(doc: Document): PageMeta {
  let outlet: string | null = null;
  let published: string | null = null;
  try {
    const blocks = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(
      0,
      MAX_JSON_LD_BLOCKS,
    );
    for (const block of blocks) {
      const text = block.textContent ?? '';
      if (text.length > MAX_JSON_LD_CHARS) continue;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        continue;
      }
      for (const node of nodes(data)) {
        if (!types(node).some((t) => ARTICLE_TYPE.test(t))) continue;
        outlet ??= clean(nameOf(node.publisher));
        published ??= isoDate(node.datePublished);
      }
    }
  } catch {
    // A page's broken metadata is no reason to fail: the tags below may still say it.
  }
  outlet ??= metaContent(doc, 'meta[property="og:site_name"]');
  published ??=
    isoDate(metaContent(doc, 'meta[property="article:published_time"]')) ??
    isoDate(
      metaContent(doc, 'meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]'),
    );
  const base = doc.baseURI || doc.URL;
  const url =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), base) ??
    httpUrl(metaContent(doc, 'meta[property="og:url"]'), base);
  return { outlet, published, url };
}
