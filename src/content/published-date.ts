/**
 * The article's publication date as the page states it: JSON-LD `datePublished` (schema.org's
 * NewsArticle and kin), then the Open Graph `article:published_time`, then a `<time datetime>` in
 * the article. Only the markup is read, never the visible text around it. Takes the document, so
 * the CLI (happy-dom) and the content script run the same code.
 */

/** Most JSON-LD text parsed per script: article markup is small, a page's other JSON is not read. */
const MAX_JSON_LD_CHARS = 100_000;

/** A date string as the page gives it, when it looks like an ISO date with a day. */
function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)
    ? trimmed
    : null;
}

/** `datePublished` of the first article-like object in a JSON-LD value (graphs and lists searched). */
function fromJsonLd(value: unknown, depth = 0): string | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = fromJsonLd(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const own = isoDay(record.datePublished);
  if (own) return own;
  return fromJsonLd(record['@graph'], depth + 1);
}

/**
 * The page's publication date (ISO, as written), or null when the markup gives none. Cheap on a
 * page of any size: it reads the document's scripts and head, and its <time> elements, and never
 * walks the whole tree with a selector.
 */
export function publishedDate(doc: Document): string | null {
  for (const script of Array.from(doc.scripts)) {
    if (script.type !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      const found = fromJsonLd(JSON.parse(text));
      if (found) return found;
    } catch {
      // Broken JSON-LD is common; the other sources remain.
    }
  }
  const meta = doc.head?.querySelector(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]',
  );
  const fromMeta = isoDay(meta?.getAttribute('content'));
  if (fromMeta) return fromMeta;
  for (const time of Array.from(doc.getElementsByTagName('time'))) {
    const marked =
      time.getAttribute('itemprop') === 'datePublished' ||
      time.hasAttribute('pubdate') ||
      time.classList.contains('published') ||
      time.closest('article') !== null;
    const found = marked ? isoDay(time.getAttribute('datetime')) : null;
    if (found) return found;
  }
  return null;
}
