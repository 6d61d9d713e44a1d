/**
 * Finds the article body of a page and returns its text with a way back to the live DOM: Readability
 * runs on a clone (it rewrites the document it is given), its text is taken paragraph by paragraph,
 * and each paragraph is located among the live page's text nodes so any text offset becomes a Range.
 * Works on a browser page and on a happy-dom Document alike; touches no extension API.
 */
import { Readability } from '@mozilla/readability';
import { collectParagraphs, type Paragraph } from './paragraphs';
import { LiveText, squeeze, type DomPoint, isWhitespaceCode } from './text-map';

/**
 * How much article text is checked by default. Long reads run to about 60,000 characters; beyond
 * 100,000 a page is a book, a feed or a hostile page, and matching it all would hold up the browser.
 */
export const DEFAULT_MAX_CHARS = 100_000;

/**
 * Readability gives up on documents with more elements than this, and extraction falls back to the
 * page's <article> or <main> text. News pages have a few thousand elements; Readability's scoring
 * passes grow faster than linearly beyond that (seconds on a page of 20,000 paragraphs), while the
 * fallback is one linear walk.
 */
export const MAX_ELEMENTS_TO_PARSE = 15_000;

/**
 * Readability is skipped on documents nested deeper than this. News pages nest 20 to 60 levels;
 * Readability's cost grows with depth times size (a few hundred levels already take seconds), so
 * deeper pages use the <article>/<main> fallback.
 */
export const MAX_DEPTH_FOR_READABILITY = 120;

/**
 * Paragraphs at least this long (squeezed characters) are distinctive enough to be searched for in
 * the whole page; shorter ones ("Advertisement", a one-word heading) are searched only between the
 * long paragraphs around them, so a nav link with the same words is never taken for them.
 */
const ANCHOR_MIN_CHARS = 40;

/** Marker put before list items so sentence splitting sees them as items; not part of the page. */
const ITEM_MARKER = '\u2022 ';

const PARAGRAPH_SEPARATOR = '\n\n';

/** An article's text, with offsets that map back to the live page. */
export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs separated by "\n\n"; list items start with "• ". */
  text: string;
  /** True when the text was cut at `maxChars`. */
  truncated: boolean;
  /** How the body was found: Readability on a clone, or the page's <article>/<main> element. */
  source: 'readability' | 'element';
  /** A live Range over `text[start, end)` (whitespace at either end left out), or null. */
  rangeFor(start: number, end: number): Range | null;
}

/** Options of extractArticle. */
export interface ExtractOptions {
  /** Cap on the length of the returned text; default DEFAULT_MAX_CHARS. */
  maxChars?: number;
}

/** One paragraph of the output and where its characters are in the live squeezed text. */
interface PlacedParagraph {
  /** Offset in the output text of the paragraph's own text (after any item marker). */
  start: number;
  end: number;
  /** Position of its first character in LiveText.squeezed, or -1 when it was not found. */
  live: number;
}

function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value ? value : null;
}

function pageTitle(doc: Document, readabilityTitle: string | null | undefined): string | null {
  const candidates = [
    readabilityTitle,
    metaContent(doc, 'meta[property="og:title"]'),
    metaContent(doc, 'meta[name="twitter:title"]'),
    doc.querySelector('h1')?.textContent,
    doc.title,
  ];
  for (const candidate of candidates) {
    const title = candidate?.replace(/\s+/g, ' ').trim();
    if (title) return title;
  }
  return null;
}

/**
 * Whether `doc` is small and shallow enough for Readability: one iterative walk over the elements
 * that stops as soon as a limit is passed.
 */
function fitsReadability(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  let count = 0;
  let depth = 0;
  let el: Element | null = root;
  while (el) {
    if (++count > MAX_ELEMENTS_TO_PARSE || depth > MAX_DEPTH_FOR_READABILITY) return false;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return true;
}

/** Readability's article element on a clone of `doc`, or null when it finds none or fails. */
function readabilityBody(doc: Document): { body: Element; title: string | null } | null {
  if (!fitsReadability(doc)) return null;
  try {
    const clone = doc.cloneNode(true) as Document;
    const result = new Readability<Element>(clone, {
      maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
      serializer: (node) => node as Element,
    }).parse();
    if (!result?.content) return null;
    return { body: result.content, title: result.title ?? null };
  } catch {
    // Readability throws above maxElemsToParse and on documents it cannot handle.
    return null;
  }
}

/** The page's own article container: the <article> with most text, else <main> or role=main. */
function fallbackBody(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of Array.from(doc.getElementsByTagName('article'))) {
    const length = el.textContent?.length ?? 0;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best ?? doc.getElementsByTagName('main')[0] ?? doc.querySelector('[role="main"]');
}

/** Cuts paragraphs to `maxChars` of output text (at a paragraph, else a space, else anywhere). */
function capParagraphs(
  paragraphs: Paragraph[],
  maxChars: number,
): { kept: Paragraph[]; truncated: boolean } {
  const kept: Paragraph[] = [];
  let length = 0;
  for (const p of paragraphs) {
    const extra =
      (kept.length ? PARAGRAPH_SEPARATOR.length : 0) + (p.item ? ITEM_MARKER.length : 0);
    if (length + extra + p.text.length <= maxChars) {
      kept.push(p);
      length += extra + p.text.length;
      continue;
    }
    // Cut inside the paragraph at a space; mid-word only when it is the first, single huge one.
    const room = maxChars - length - extra;
    const space = p.text.lastIndexOf(' ', room);
    const cut = space > 0 ? space : kept.length === 0 ? room : 0;
    const text = p.text.slice(0, Math.max(0, cut)).trimEnd();
    if (text) kept.push({ text, item: p.item });
    return { kept, truncated: true };
  }
  return { kept, truncated: false };
}

/**
 * Finds each paragraph's squeezed text in the live page, in order. Long paragraphs are found
 * first (searching on from the previous one, else from the top); short ones only in the stretch
 * between the long paragraphs before and after them.
 */
function placeParagraphs(live: string, squeezed: string[]): number[] {
  const found = squeezed.map(() => -1);
  let cursor = 0;
  squeezed.forEach((q, i) => {
    if (q.length < ANCHOR_MIN_CHARS) return;
    let at = live.indexOf(q, cursor);
    if (at < 0) at = live.indexOf(q);
    if (at < 0) return;
    found[i] = at;
    cursor = at + q.length;
  });
  let windowStart = 0;
  squeezed.forEach((q, i) => {
    if (found[i]! >= 0) {
      windowStart = found[i]! + q.length;
      return;
    }
    if (q.length >= ANCHOR_MIN_CHARS || q.length === 0) return;
    let windowEnd = live.length;
    for (let j = i + 1; j < squeezed.length; j++) {
      if (found[j]! >= 0) {
        windowEnd = found[j]!;
        break;
      }
    }
    const at = live.indexOf(q, windowStart);
    if (at >= 0 && at + q.length <= windowEnd) {
      found[i] = at;
      windowStart = at + q.length;
    }
  });
  return found;
}

/**
 * Extracts the article of `doc` (the live page): its title, its text as paragraphs separated by
 * "\n\n", and `rangeFor` to turn text offsets into live DOM Ranges. Menus, related links, comments
 * and footers are left out by Readability. Returns null when the page has no article text.
 */
export function extractArticle(
  doc: Document,
  options: ExtractOptions = {},
): ExtractedArticle | null {
  try {
    return extract(doc, options);
  } catch {
    // A pathological page (a DOM implementation's recursion limit, nodes changing mid-walk) must
    // not break the caller: no article is the honest answer.
    return null;
  }
}

function extract(doc: Document, options: ExtractOptions): ExtractedArticle | null {
  const maxChars = Math.max(0, options.maxChars ?? DEFAULT_MAX_CHARS);
  const found = readabilityBody(doc);
  let paragraphs: Paragraph[] = [];
  let source: ExtractedArticle['source'] = 'readability';
  // Readability's output has already dropped hidden and unwanted nodes; skip nothing more there.
  if (found) paragraphs = collectParagraphs(found.body, (el) => el.tagName === 'svg', maxChars);
  if (paragraphs.length === 0) {
    const body = fallbackBody(doc);
    if (body) paragraphs = collectParagraphs(body, undefined, maxChars);
    source = 'element';
  }
  const { kept, truncated } = capParagraphs(paragraphs, maxChars);
  if (kept.length === 0) return null;

  const placed: PlacedParagraph[] = [];
  let text = '';
  for (const p of kept) {
    if (text) text += PARAGRAPH_SEPARATOR;
    if (p.item) text += ITEM_MARKER;
    placed.push({ start: text.length, end: text.length + p.text.length, live: -1 });
    text += p.text;
  }

  // Map to the live page now, while it is as Readability saw it.
  const live = new LiveText(doc.body ?? doc.documentElement);
  placeParagraphs(
    live.squeezed,
    kept.map((p) => squeeze(p.text)),
  ).forEach((at, i) => {
    placed[i]!.live = at;
  });

  /** The live point of the non-whitespace character at output offset `k`, if mapped. */
  const pointAt = (k: number): DomPoint | null => {
    const para = findParagraph(placed, k);
    if (!para || para.live < 0) return null;
    let index = 0;
    for (let i = para.start; i < k; i++) if (!isWhitespaceCode(text.charCodeAt(i))) index++;
    return live.locate(para.live + index);
  };

  return {
    title: pageTitle(doc, found?.title),
    text,
    truncated,
    source,
    rangeFor(start: number, end: number): Range | null {
      let a = Math.max(0, Math.floor(start));
      let b = Math.min(text.length, Math.floor(end));
      while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++;
      while (b > a && isWhitespaceCode(text.charCodeAt(b - 1))) b--;
      if (a >= b) return null;
      // Item markers and unplaced text have no live counterpart: move inwards to mapped text.
      let first: DomPoint | null = null;
      for (let i = a; i < b && !first; i++) {
        if (!isWhitespaceCode(text.charCodeAt(i))) first = pointAt(i);
      }
      let last: DomPoint | null = null;
      for (let j = b - 1; j >= a && !last; j--) {
        if (!isWhitespaceCode(text.charCodeAt(j))) last = pointAt(j);
      }
      if (!first || !last) return null;
      try {
        const range = doc.createRange();
        range.setStart(first.node, first.offset);
        range.setEnd(last.node, last.offset + 1);
        return range.collapsed ? null : range;
      } catch {
        // The page changed the nodes between extraction and now.
        return null;
      }
    },
  };
}

/** The placed paragraph containing output offset `k` (binary search; paragraphs are in order). */
function findParagraph(placed: PlacedParagraph[], k: number): PlacedParagraph | null {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = placed[mid]!;
    if (k < p.start) hi = mid - 1;
    else if (k >= p.end) lo = mid + 1;
    else return p;
  }
  return null;
}
