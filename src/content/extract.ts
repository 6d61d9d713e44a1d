/**
 * Finds the article body of a page and returns its text with a way back to the live DOM: Readability
 * runs on a bounded copy (it rewrites the document it is given; see bounded-copy.ts), its text is
 * taken paragraph by paragraph, and each paragraph is located among the live page's text nodes so
 * any text offset becomes a Range.
 * Works on a browser page and on a happy-dom Document alike; touches no extension API.
 *
 * The work is written as steps (see slices.ts): the content script runs them a slice at a time, so
 * a huge page never holds the page's main thread for long; the command line runs them at once. The
 * one step that cannot be cut, Readability, only ever sees a bounded part of the page.
 */
import { Readability } from '@mozilla/readability';
import { boundedCopy, type CopyLimits } from './bounded-copy';
import {
  CONTAINER_LINK_SAMPLE_CHARS,
  isLeftOutOfCopy,
  isLeftOutOfCopyLoosely,
  isLeftOutOfText,
  isLeftOutOfTextLoosely,
  isLinkList,
  linkShare,
  withLinkLists,
  NAVIGATION_LINK_SHARE,
} from './furniture';
import { mainTextSource } from './main-text';
import { paragraphSteps, type Paragraph } from './paragraphs';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './slices';
import { isSkippedElement, isWhitespaceCode, LiveText, squeeze, type DomPoint } from './text-map';

/**
 * How much article text is checked by default. Long reads run to about 60,000 characters; beyond
 * 100,000 a page is a book, a feed or a hostile page, and matching it all would hold up the browser.
 */
export const DEFAULT_MAX_CHARS = 100_000;

/**
 * Most elements of what Readability is given (the whole page, else the article's container).
 * Readability is one synchronous run that cannot be cut into slices, and its cost grows with the
 * elements it scores and cleans: measured cold in Chromium on a busy two-core machine, 250 elements
 * take about 10 ms, 800 about 40 ms, 4,000 (a news page with menus and teaser grids) 150 to 500 ms.
 * Larger parts are read by the element fallback, a walk that pauses.
 */
export const READABILITY_MAX_ELEMENTS = 500;

/**
 * Most characters of text of what Readability is given. Text costs it less than elements (about
 * 20 ms for 60,000 characters in a few hundred paragraphs), but each of its passes reads it all.
 */
export const READABILITY_MAX_CHARS = 60_000;

/**
 * Readability is skipped on what is nested deeper than this. News pages nest 20 to 60 levels;
 * Readability's cost grows with depth times size (a few hundred levels already take seconds).
 */
export const MAX_DEPTH_FOR_READABILITY = 120;

/**
 * Paragraphs (<p>) measured to find the article's container. The story's paragraphs come first on
 * any news page; on a page of 20,000 paragraphs the rest cannot change the choice.
 */
const REGION_PARAGRAPHS_MAX = 2_000;

/** How many <article> elements the fallback compares at most; enough to see past teaser cards. */
const ARTICLE_ELEMENTS_MAX = 200;

/** Containers, the best scored first, whose link text is measured to settle the choice. */
const LINK_DENSITY_CANDIDATES = 5;

/**
 * An ancestor of the best container is taken instead when it holds this much more of the page's
 * prose (by score): a story split into sections, or into blocks around pictures and pull quotes,
 * is one container higher up, while a container holding the story plus a few teasers is not worth
 * climbing to.
 */
const CLIMB_MIN_GAIN = 0.3;

/** Levels climbed at most above the best container: a story's parts are never further apart. */
const CLIMB_MAX_LEVELS = 8;

/**
 * An ancestor whose text is more than this share links is a page column of teasers, not the
 * story's container, however much prose its standfirsts add up to.
 */
const CLIMB_MAX_LINK_SHARE = 0.35;

/** Paragraphs shorter than this are not scored (Readability's own cut: datelines, "2h ago"). */
const PROSE_MIN_CHARS = 25;

/**
 * A paragraph's text is read up to this: far more than scoring needs, and a single paragraph of
 * megabytes is not read to the end.
 */
const PROSE_SAMPLE_CHARS = 2_000;

/**
 * Room left after the article's own characters when the fallback maps its element to the live
 * page: the mapping stops there instead of reading the rest of a huge element.
 */
const LIVE_TEXT_SLACK = 1_000;

/**
 * Paragraphs at least this long (squeezed characters) are distinctive enough to be searched for in
 * the whole page; shorter ones ("Advertisement", a one-word heading) are searched only between the
 * long paragraphs around them, so a nav link with the same words is never taken for them.
 */
const ANCHOR_MIN_CHARS = 40;

/** Paragraphs placed between two pauses (each is one native search through the live text). */
const PLACE_PAUSE_PARAGRAPHS = 32;

/**
 * Characters tried inwards from each end of a span for one that maps to the page (an item marker
 * has none); a span whose ends do not map within this is not on the page any more.
 */
const INWARD_STEPS_MAX = 8;

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
  /**
   * How the body was found: Readability on a bounded copy (of the page, or of the article's
   * container), the text of the article's container read directly, or, when no article was found,
   * the page's main text (its body without menus, dialogs and other furniture).
   */
  source: 'readability' | 'element' | 'page';
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

/** The number of characters in `root`'s text nodes, counted up to `cap` only. */
function textLength(root: Node, cap: number): number {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node && total < cap; node = walker.nextNode()) {
    total += (node as Text).length;
  }
  return Math.min(total, cap);
}

/** The text of `root` up to `cap` characters, read node by node (cheap on huge elements). */
function textSample(root: Node, cap: number): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < cap; node = walker.nextNode()) {
    text += (node as Text).data;
  }
  return text.length > cap ? text.slice(0, cap) : text;
}

/**
 * A paragraph's worth as story text, as Readability scores it: one point, one per comma, one per
 * hundred characters up to three. Prose with clauses outweighs a grid of one-line teasers.
 */
function proseScore(text: string): number {
  let commas = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) commas++;
  return 1 + commas + Math.min(Math.floor(text.length / 100), 3);
}

/**
 * The container of the story: where the page's prose paragraphs are, scored as Readability does
 * (each paragraph's score to its parent, half to its grandparent), climbed to the ancestor that
 * holds the story's other parts (see CLIMB_MIN_GAIN), then widened to the <article> or <main>
 * around it, which also holds the story's headings and lists. Paragraphs in furniture (menus,
 * dialogs, consent banners, hidden or <noscript> content) and paragraphs that are mostly a link
 * (teasers) are not prose. Null without prose.
 */
function* proseContainer(doc: Document, leftOut: (el: Element) => boolean): Steps<Element | null> {
  const scores = new Map<Element, number>();
  // Prose score of every ancestor of a scored paragraph, for the climb.
  const under = new Map<Element, number>();
  const furniture = new Map<Element, boolean>();
  const add = (el: Element | null, score: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  // A live collection read in order: no list of every paragraph of a huge page is built.
  const paragraphs = doc.getElementsByTagName('p');
  for (let i = 0; i < REGION_PARAGRAPHS_MAX; i++) {
    const p = paragraphs[i];
    if (!p) break;
    const text = textSample(p, PROSE_SAMPLE_CHARS).trim();
    if (
      text.length >= PROSE_MIN_CHARS &&
      !leftOut(p) &&
      !inFurniture(p, furniture, leftOut) &&
      linkShare(p) <= NAVIGATION_LINK_SHARE
    ) {
      const score = proseScore(text);
      add(p.parentElement, score);
      add(p.parentElement?.parentElement ?? null, score / 2);
      for (let up = p.parentElement; up && up !== doc.body; up = up.parentElement) {
        under.set(up, (under.get(up) ?? 0) + score);
      }
    }
    if (i % 32 === 31) yield;
  }
  // The best few, weighed down by their share of link text as Readability does: a grid of teasers
  // is mostly headlines in links, a story's body mostly plain text.
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, LINK_DENSITY_CANDIDATES);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of top) {
    const weighed = score * (1 - linkShare(el, isSkippedElement, CONTAINER_LINK_SAMPLE_CHARS));
    if (weighed > bestScore) {
      best = el;
      bestScore = weighed;
    }
    yield;
  }
  if (!best || best === doc.body || best === doc.documentElement) return best;
  let region = best;
  let regionProse = under.get(best) ?? 0;
  let levels = 0;
  for (let up = best.parentElement; up && up !== doc.body; up = up.parentElement) {
    if (++levels > CLIMB_MAX_LEVELS) break;
    const prose = under.get(up) ?? 0;
    if (
      prose >= regionProse * (1 + CLIMB_MIN_GAIN) &&
      linkShare(up, leftOut, CONTAINER_LINK_SAMPLE_CHARS) <= CLIMB_MAX_LINK_SHARE
    ) {
      region = up;
      regionProse = prose;
    }
    yield;
  }
  return region.closest('article, main, [role="main"]') ?? region;
}

/** The page's own article container: the <article> with most text, else <main> or role=main. */
function* fallbackBody(doc: Document, maxChars: number): Steps<Element | null> {
  let best: Element | null = null;
  let bestLength = 0;
  const articles = doc.getElementsByTagName('article');
  for (let i = 0; i < ARTICLE_ELEMENTS_MAX; i++) {
    const el = articles[i];
    if (!el) break;
    // Counted up to a little over what is kept: beyond that, more text makes no difference.
    const length = textLength(el, 2 * maxChars + 1);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
    yield;
  }
  return best ?? doc.getElementsByTagName('main')[0] ?? doc.querySelector('[role="main"]');
}

/**
 * Whether an element sits inside furniture (a comment thread, a sidebar, a footer...). `known`
 * remembers the answer for ancestors, which paragraphs share; iterative, for deep nesting.
 */
function inFurniture(
  el: Element,
  known: Map<Element, boolean>,
  leftOut: (el: Element) => boolean,
): boolean {
  const body = el.ownerDocument.body;
  const unknown: Element[] = [];
  let answer = false;
  for (let up = el.parentElement; up && up !== body; up = up.parentElement) {
    const seen = known.get(up);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    unknown.push(up);
  }
  for (let i = unknown.length - 1; i >= 0; i--) {
    answer ||= leftOut(unknown[i]!);
    known.set(unknown[i]!, answer);
  }
  return answer;
}

/** Readability's article element on `clone`, or null when it finds none or fails. */
function readabilityOn(clone: Document): { body: Element; title: string | null } | null {
  try {
    const result = new Readability<Element>(clone, {
      serializer: (node) => node as Element,
    }).parse();
    if (!result?.content) return null;
    return { body: result.content, title: result.title ?? null };
  } catch {
    // Readability throws on documents it cannot handle.
    return null;
  }
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
function* placeParagraphs(live: string, squeezed: string[]): Steps<number[]> {
  const found = squeezed.map(() => -1);
  let cursor = 0;
  for (let i = 0; i < squeezed.length; i++) {
    if (i % PLACE_PAUSE_PARAGRAPHS === PLACE_PAUSE_PARAGRAPHS - 1) yield;
    const q = squeezed[i]!;
    if (q.length < ANCHOR_MIN_CHARS) continue;
    let at = live.indexOf(q, cursor);
    if (at < 0) at = live.indexOf(q);
    if (at < 0) continue;
    found[i] = at;
    cursor = at + q.length;
  }
  // Where the next placed paragraph starts, for each paragraph: the end of its stretch.
  const nextFound: number[] = new Array<number>(squeezed.length);
  let next = live.length;
  for (let i = squeezed.length - 1; i >= 0; i--) {
    nextFound[i] = next;
    if (found[i]! >= 0) next = found[i]!;
  }
  let windowStart = 0;
  for (let i = 0; i < squeezed.length; i++) {
    if (i % PLACE_PAUSE_PARAGRAPHS === PLACE_PAUSE_PARAGRAPHS - 1) yield;
    const q = squeezed[i]!;
    if (found[i]! >= 0) {
      windowStart = found[i]! + q.length;
      continue;
    }
    if (q.length >= ANCHOR_MIN_CHARS || q.length === 0) continue;
    const at = live.indexOf(q, windowStart);
    if (at >= 0 && at + q.length <= nextFound[i]!) {
      found[i] = at;
      windowStart = at + q.length;
    }
  }
  return found;
}

/**
 * Extracts the article of `doc` (the live page): its title, its text as paragraphs separated by
 * "\n\n", and `rangeFor` to turn text offsets into live DOM Ranges. Menus, related links, comments
 * and footers are left out. Returns null when the page has no article text.
 */
export function extractArticle(
  doc: Document,
  options: ExtractOptions = {},
): ExtractedArticle | null {
  try {
    return runToEnd(extractSteps(doc, options));
  } catch {
    // A pathological page (a DOM implementation's recursion limit, nodes changing mid-walk) must
    // not break the caller: no article is the honest answer.
    return null;
  }
}

/**
 * extractArticle a slice at a time (see slices.ts), pausing with `options.pause` between slices;
 * null also when `options.cancelled` stopped it.
 */
export async function extractArticleInSlices(
  doc: Document,
  options: ExtractOptions & SliceOptions,
): Promise<ExtractedArticle | null> {
  try {
    return await runInSlices(extractSteps(doc, options), options);
  } catch {
    return null;
  }
}

/**
 * The page's visible main text alone (main-text.ts, `source` 'page'), capped and mapped to the
 * live page as an article is: what "Check this page anyway" reads on a page that is not taken for
 * an article. Null when the page has no such text.
 */
export function extractMainText(
  doc: Document,
  options: ExtractOptions = {},
): ExtractedArticle | null {
  try {
    return runToEnd(extractSteps(doc, options, mainTextSource));
  } catch {
    return null;
  }
}

/** extractMainText a slice at a time (see slices.ts); null also when cancelled. */
export async function extractMainTextInSlices(
  doc: Document,
  options: ExtractOptions & SliceOptions,
): Promise<ExtractedArticle | null> {
  try {
    return await runInSlices(extractSteps(doc, options, mainTextSource), options);
  } catch {
    return null;
  }
}

/** Where the article's text comes from and how to map it back to the page. */
export interface Source {
  paragraphs: Paragraph[];
  /** The walk stopped at the text cap with more of the page unread. */
  cut: boolean;
  source: ExtractedArticle['source'];
  title: string | null;
  /** Where the paragraphs are to be found on the live page, and what is skipped there. */
  liveRoot: Node;
  liveSkip: (el: Element) => boolean;
  /** The paragraphs come first in liveRoot: reading it can stop soon after their length. */
  fromStart: boolean;
}

/**
 * An article shorter than this from the first copy makes Readability try again on the looser one:
 * Readability's own threshold for the same retry (its default charThreshold).
 */
const RETRY_BELOW_CHARS = 500;

/** What Readability is given at most (see READABILITY_MAX_ELEMENTS and its neighbours). */
const COPY_LIMITS: CopyLimits = {
  maxElements: READABILITY_MAX_ELEMENTS,
  maxChars: READABILITY_MAX_CHARS,
  maxDepth: MAX_DEPTH_FOR_READABILITY,
};

/** Readability's article, when it found one that is not mostly links. */
interface ReadabilityRun {
  found: { body: Element; title: string | null } | null;
}

/**
 * Readability on a bounded copy of `root`: first without what is named like furniture, then, when
 * that leaves no article or a short one, with it (Readability's own second try). `found` is null
 * when the copy does not fit the limits, Readability finds nothing, or what it finds is links.
 */
function* readabilityIn(doc: Document, root: Element): Steps<ReadabilityRun> {
  let best: ReadabilityRun['found'] = null;
  for (const leaveOut of [isLeftOutOfCopy, isLeftOutOfCopyLoosely]) {
    // Lists of links are left out too when the copy does not fit otherwise: Readability keeps
    // the few that belong to an article (a "see also" list), so they go only when they must.
    let copy = yield* boundedCopy(doc, root, COPY_LIMITS, leaveOut);
    copy ??= yield* boundedCopy(doc, root, COPY_LIMITS, withLinkLists(leaveOut));
    // The loose copy holds all the strict one does: when that did not fit, neither will this.
    if (!copy) break;
    yield;
    const found = readabilityOn(copy);
    yield;
    if (
      found &&
      linkShare(found.body, () => false, CONTAINER_LINK_SAMPLE_CHARS) <= NAVIGATION_LINK_SHARE
    ) {
      const length = textLength(found.body, RETRY_BELOW_CHARS);
      if (!best || length > textLength(best.body, RETRY_BELOW_CHARS)) best = found;
      if (length >= RETRY_BELOW_CHARS) break;
    }
  }
  return { found: best };
}

/**
 * The article's paragraphs. Readability runs on a bounded copy of the whole page when what is left
 * of it without scripts, media, menus, dialogs and link lists is small enough, else on a bounded
 * copy of the story's container. When Readability finds nothing, or only links (a menu, skip
 * links), the story's container is read directly, then the largest <article> or the <main>, and
 * last the page's visible main text (main-text.ts): never text that is mostly links.
 */
function* findText(doc: Document, maxChars: number): Steps<Source | null> {
  const page = doc.documentElement;
  const pageBody = doc.body ?? page;
  if (!page || !pageBody) return null;
  let region: Element | null = null;
  let read = yield* readabilityIn(doc, pageBody);
  if (read.found === null) {
    region =
      (yield* proseContainer(doc, isLeftOutOfText)) ??
      (yield* proseContainer(doc, isLeftOutOfTextLoosely));
    yield;
    if (region) read = yield* readabilityIn(doc, region);
  }
  const found = read.found;
  if (found) {
    // Readability's output has already dropped hidden and unwanted nodes. It keeps lists of
    // links inside the story ("related", "more on this"): their headlines are other stories'
    // claims, not this article's, so they are left out here.
    const read = yield* paragraphSteps(
      found.body,
      (el) => el.tagName === 'svg' || isLinkList(el),
      maxChars,
    );
    if (read.paragraphs.length > 0) {
      return {
        paragraphs: read.paragraphs,
        cut: !read.complete,
        source: 'readability',
        title: found.title,
        liveRoot: region ?? pageBody,
        liveSkip: isSkippedElement,
        fromStart: false,
      };
    }
  }
  // The article's container, else the page's own <article> or <main>, read directly.
  for (const body of [region, yield* fallbackBody(doc, maxChars)]) {
    if (
      !body ||
      linkShare(body, isLeftOutOfText, CONTAINER_LINK_SAMPLE_CHARS) > NAVIGATION_LINK_SHARE
    )
      continue;
    const read = yield* paragraphSteps(body, isLeftOutOfText, maxChars);
    if (read.paragraphs.length === 0) continue;
    return {
      paragraphs: read.paragraphs,
      cut: !read.complete,
      source: 'element',
      title: null,
      liveRoot: body,
      liveSkip: isLeftOutOfText,
      fromStart: true,
    };
  }
  // No article at all: the page's visible main text, read as "Check this page anyway" reads it.
  return yield* mainTextSource(doc, maxChars);
}

/** The steps of extractArticle, or of extractMainText with `find` the main-text reader. */
function* extractSteps(
  doc: Document,
  options: ExtractOptions,
  find: (doc: Document, maxChars: number) => Steps<Source | null> = findText,
): Steps<ExtractedArticle | null> {
  const maxChars = Math.max(0, options.maxChars ?? DEFAULT_MAX_CHARS);
  const found = yield* find(doc, maxChars);
  if (!found) return null;
  const capped = capParagraphs(found.paragraphs, maxChars);
  const kept = capped.kept;
  if (kept.length === 0) return null;
  const truncated = capped.truncated || found.cut;

  const placed: PlacedParagraph[] = [];
  let text = '';
  for (const p of kept) {
    if (text) text += PARAGRAPH_SEPARATOR;
    if (p.item) text += ITEM_MARKER;
    placed.push({ start: text.length, end: text.length + p.text.length, live: -1 });
    text += p.text;
  }
  yield;

  // Map to the live page now, while it is as Readability saw it. Readability's text may come from
  // anywhere in what it was given (whose size is bounded); the fallback's is its element's text
  // from the start, read with the same rules, so mapping stops soon after its length.
  const squeezed = kept.map((p) => squeeze(p.text));
  const limit = found.fromStart
    ? squeezed.reduce((sum, q) => sum + q.length, 0) + LIVE_TEXT_SLACK
    : Infinity;
  const live = yield* LiveText.read(found.liveRoot, limit, found.liveSkip);
  const at = yield* placeParagraphs(live.squeezed, squeezed);
  at.forEach((position, i) => {
    placed[i]!.live = position;
  });

  /** The live point of the non-whitespace character at output offset `k`, if mapped. */
  const pointAt = (k: number): DomPoint | null => {
    const para = findParagraph(placed, k);
    if (!para || para.live < 0) return null;
    let index = 0;
    for (let i = para.start; i < k; i++) if (!isWhitespaceCode(text.charCodeAt(i))) index++;
    return live.locate(para.live + index);
  };
  /** The first mapped point from `from` towards `to` (one step at a time, a few steps at most). */
  const firstPoint = (from: number, to: number, step: 1 | -1): DomPoint | null => {
    let tries = 0;
    for (let i = from; step > 0 ? i < to : i >= to; i += step) {
      if (isWhitespaceCode(text.charCodeAt(i))) continue;
      const point = pointAt(i);
      if (point || ++tries >= INWARD_STEPS_MAX) return point;
    }
    return null;
  };

  return {
    title: pageTitle(doc, found.title),
    text,
    truncated,
    source: found.source,
    rangeFor(start: number, end: number): Range | null {
      let a = Math.max(0, Math.floor(start));
      let b = Math.min(text.length, Math.floor(end));
      while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++;
      while (b > a && isWhitespaceCode(text.charCodeAt(b - 1))) b--;
      if (a >= b) return null;
      // Item markers and unplaced text have no live counterpart: move inwards to mapped text.
      const first = firstPoint(a, b, 1);
      const last = first && firstPoint(b - 1, a, -1);
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
