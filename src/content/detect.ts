/**
 * Decides cheaply whether a page is a news article, before any extraction. Structured data comes
 * first (JSON-LD, OpenGraph, microdata), then the page's shape (<article> elements), then
 * Readability's isProbablyReaderable. Pages that list many stories (home and section pages,
 * search results) and shop pages are told apart by what they declare and by their shape: many short
 * teasers instead of one long body.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/** What detectArticle concluded and the evidence it saw (for the popup and for debugging). */
export interface Detection {
  isArticle: boolean;
  signals: string[];
}

/** schema.org types that declare the page to be one article or report. */
const ARTICLE_TYPES = new Set(
  [
    'Article',
    'NewsArticle',
    'ReportageNewsArticle',
    'AnalysisNewsArticle',
    'BackgroundNewsArticle',
    'OpinionNewsArticle',
    'ReviewNewsArticle',
    'AskPublicNewsArticle',
    'SatiricalArticle',
    'BlogPosting',
    'LiveBlogPosting',
    'Report',
  ].map((t) => t.toLowerCase()),
);

/** schema.org types that declare a page of many items, a search or a shop. */
const NOT_ARTICLE_TYPES = new Set(
  [
    'SearchResultsPage',
    'CollectionPage',
    'ItemList',
    'Product',
    'ProductGroup',
    'ProductCollection',
    'Offer',
    'AggregateOffer',
    'Store',
    'OnlineStore',
    'CheckoutPage',
    'ProfilePage',
    'ContactPage',
    'FAQPage',
    'Event',
    'VideoObject',
    'Recipe',
  ].map((t) => t.toLowerCase()),
);

/** OpenGraph types other than "article" that name a non-article page. */
const NOT_ARTICLE_OG = /^(?:website|product|profile|book|music\.|video\.|place|business\.)/;

/**
 * Paragraph text an <article> needs to count as an article body: about four short news
 * paragraphs. A teaser (headline and a standfirst) stays well below it.
 */
const ARTICLE_BODY_MIN_CHARS = 600;

/** Paragraphs shorter than this are captions, bylines or teaser standfirsts, not body text. */
const BODY_PARAGRAPH_MIN_CHARS = 80;

/**
 * This many <article> elements without one clear body among them make a page of teasers
 * (home, section or search page). A story page has one, or one plus a few related-story cards.
 */
const TEASER_MIN_COUNT = 4;

/** The main <article> must hold this share of all <article> text to be the page's own story. */
const MAIN_ARTICLE_MIN_SHARE = 0.5;

/** JSON-LD blocks larger than this are not parsed: detection must stay cheap on hostile pages. */
const JSON_LD_MAX_CHARS = 200_000;

/** How many <article> elements to measure at most; enough to see a teaser grid. */
const ARTICLE_ELEMENTS_MAX = 200;

/** Buttons that only shops have. */
const SHOP_BUTTON = /^\s*(?:add to (?:cart|basket|bag|trolley)|buy now|in den warenkorb)\s*$/i;

/** How many buttons to read at most when looking for a shop's "Add to cart". */
const BUTTONS_MAX = 200;

/** How many <p> elements to measure at most, so a page of 20,000 paragraphs stays cheap. */
const PARAGRAPHS_MAX = 2_000;

function typesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Short type name of a schema.org type ("https://schema.org/NewsArticle" → "newsarticle"). */
function shortType(type: string): string {
  const slash = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
  return type
    .slice(slash + 1)
    .trim()
    .toLowerCase();
}

/** Top-level entities of a JSON-LD value: the object, array members, @graph members, mainEntity. */
function collectTypes(value: unknown, out: string[], depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 100)) collectTypes(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const t of typesOf(obj['@type'])) out.push(shortType(t));
  if (obj['@graph'] !== undefined) collectTypes(obj['@graph'], out, depth + 1);
  if (obj['mainEntity'] !== undefined) collectTypes(obj['mainEntity'], out, depth + 1);
}

const TYPE_IN_TEXT = /"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g;

/**
 * Schema.org types declared in JSON-LD. Sites ship malformed JSON (trailing commas, comments, raw
 * newlines in strings, several objects pasted together): when parsing fails, the "@type" values
 * are read from the text instead, which tells the same story for detection.
 */
function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = script.textContent ?? '';
    if (!raw.trim() || raw.length > JSON_LD_MAX_CHARS) continue;
    try {
      collectTypes(JSON.parse(raw), types);
      continue;
    } catch {
      // fall through to the tolerant reading below
    }
    for (const m of raw.matchAll(TYPE_IN_TEXT)) {
      const value = m[1] ?? '';
      for (const t of value.match(/"[^"]*"/g) ?? []) types.push(shortType(t.slice(1, -1)));
    }
  }
  return types;
}

/**
 * The first PARAGRAPHS_MAX <p> elements under `root`. A live collection read by index: the
 * browser finds only as many as are asked for, where a query would list all 20,000 first.
 */
function firstParagraphs(root: Document | Element): Element[] {
  const all = root.getElementsByTagName('p');
  const out: Element[] = [];
  for (let i = 0; i < PARAGRAPHS_MAX; i++) {
    const p = all[i];
    if (!p) break;
    out.push(p);
  }
  return out;
}

/** Length of the body-like paragraph text inside `el` (paragraphs long enough to be prose). */
function bodyTextLength(el: Element): number {
  let total = 0;
  for (const p of firstParagraphs(el)) {
    const length = (p.textContent ?? '').trim().length;
    if (length >= BODY_PARAGRAPH_MIN_CHARS) total += length;
  }
  return total;
}

/**
 * The largest run of prose under one parent: article bodies keep their paragraphs side by side in
 * one container, while teaser standfirsts and search snippets each sit in a card of their own. A
 * container whose paragraphs alternate with linked headlines is a list of teasers, not a body.
 */
function largestProseBlock(doc: Document): number {
  const byParent = new Map<Element, number>();
  const paragraphs = firstParagraphs(doc);
  for (const p of paragraphs) {
    const length = (p.textContent ?? '').trim().length;
    if (length < BODY_PARAGRAPH_MIN_CHARS || !p.parentElement) continue;
    byParent.set(p.parentElement, (byParent.get(p.parentElement) ?? 0) + length);
  }
  let best = 0;
  for (const [parent, length] of byParent) {
    if (length <= best) continue;
    const linkedHeadings = parent.querySelectorAll(
      ':scope > h2 a, :scope > h3 a, :scope > h4 a',
    ).length;
    if (linkedHeadings < TEASER_MIN_COUNT) best = length;
  }
  return best;
}

/** Whether the page sells something: a schema.org price in microdata or an "Add to cart" button. */
function looksLikeShop(doc: Document): boolean {
  if (doc.querySelector('[itemprop="price"], [itemtype$="/Product"], [itemtype$="/Offer"]')) {
    return true;
  }
  const buttons = Array.from(
    doc.querySelectorAll('button, input[type="submit"], [role="button"]'),
  ).slice(0, BUTTONS_MAX);
  return buttons.some((b) =>
    SHOP_BUTTON.test(b.textContent || (b as HTMLInputElement).value || ''),
  );
}

/** Decides whether `doc` is a news article, from cheap signals first. Never throws. */
export function detectArticle(doc: Document): Detection {
  const signals: string[] = [];
  try {
    return decide(doc, signals);
  } catch {
    signals.push('error');
    return { isArticle: false, signals };
  }
}

function decide(doc: Document, signals: string[]): Detection {
  const types = jsonLdTypes(doc);
  const articleType = types.find((t) => ARTICLE_TYPES.has(t));
  const listType = types.find((t) => NOT_ARTICLE_TYPES.has(t));
  if (articleType) signals.push(`json-ld:${articleType}`);
  if (listType) signals.push(`json-ld:${listType}`);

  const ogType = doc
    .querySelector('meta[property="og:type"], meta[name="og:type"]')
    ?.getAttribute('content')
    ?.trim()
    .toLowerCase();
  const ogArticle = ogType === 'article';
  const ogOther = ogType !== undefined && NOT_ARTICLE_OG.test(ogType);
  if (ogType) signals.push(`og:type=${ogType}`);

  const microdata = doc.querySelector(
    '[itemtype$="/NewsArticle"], [itemtype$="/Article"], [itemtype$="/ReportageNewsArticle"], [itemtype$="/BlogPosting"]',
  );
  if (microdata) signals.push('microdata:article');

  // Page shape: one <article> with a body, or a grid of short teasers.
  const articles = Array.from(doc.querySelectorAll('article')).slice(0, ARTICLE_ELEMENTS_MAX);
  let mainLength = 0;
  let allLength = 0;
  for (const el of articles) {
    // Nested <article>s (comments inside a story) count once, with their outermost ancestor.
    if (el.parentElement?.closest('article')) continue;
    const length = bodyTextLength(el);
    allLength += length;
    mainLength = Math.max(mainLength, length);
  }
  const topLevel = articles.filter((el) => !el.parentElement?.closest('article')).length;
  const mainArticle =
    mainLength >= ARTICLE_BODY_MIN_CHARS && mainLength / allLength >= MAIN_ARTICLE_MIN_SHARE;
  const prose = largestProseBlock(doc) >= ARTICLE_BODY_MIN_CHARS;
  // Many <article> cards and no body anywhere: a home, section or search page. (A story whose body
  // sits outside <article> next to related-story cards still has its prose block.)
  const teasers = topLevel >= TEASER_MIN_COUNT && !mainArticle && !prose;
  if (mainArticle) signals.push('article-element');
  if (prose) signals.push('prose-block');
  if (teasers) signals.push(`teasers:${topLevel}`);

  // Structured data naming a list, a search or a shop outweighs everything but an explicit
  // article type; a teaser grid outweighs everything.
  if (teasers || (listType && !articleType)) return { isArticle: false, signals };
  const declared = Boolean(articleType || ogArticle || microdata);
  if (!declared && looksLikeShop(doc)) {
    signals.push('shop');
    return { isArticle: false, signals };
  }

  if (!declared) {
    // Without a declaration the page's shape must say "one story". Readability's check is not
    // used here: it also passes home pages whose teasers have long standfirsts, and fails short
    // stories. A page calling itself a website or a product needs an <article> body to overrule that.
    const isArticle = ogOther ? mainArticle : mainArticle || prose;
    return { isArticle, signals };
  }
  // A declaration alone is not enough (sites tag near-empty pages og:type=article): some prose
  // must be there too. Readability's check, the most expensive one (it reads the whole text of
  // an <article>: tens of milliseconds on a huge page), runs only when the prose is not seen yet.
  if (mainArticle || prose) return { isArticle: true, signals };
  const readerable = isProbablyReaderable(doc);
  if (readerable) signals.push('readerable');
  return { isArticle: readerable, signals };
}
