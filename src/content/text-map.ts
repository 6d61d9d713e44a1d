/**
 * The page's visible text as one string of its non-whitespace characters, with a table back to the
 * DOM text nodes they came from. Extracted article text is located in this string by a
 * whitespace-insensitive search (markup and whitespace differ between the reader view and the page,
 * the characters do not), so offsets in the article text become live DOM Ranges.
 */

import type { Steps } from './slices';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text is never article text and must never be highlighted. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'svg',
  'SVG',
]);

/**
 * JavaScript's `\s`, code by code: the squeezed text and offset lookups must agree exactly on what
 * counts as whitespace, and a char-code test is much faster than a regular expression per character.
 */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const WHITESPACE_RUN = /\s+/g;

/** The non-whitespace characters of `text`, in order. */
export function squeeze(text: string): string {
  return text.replace(WHITESPACE_RUN, '');
}

/**
 * Whether an element hides its content from the reader: skipped tags, `hidden`,
 * `aria-hidden="true"`, inline `display: none` / `visibility: hidden` (the same checks Readability
 * makes, so both sides agree).
 */
export function isHiddenElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  // Reading `style` builds a declaration object: only worth it where there is a style attribute.
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return Boolean(style && (style.display === 'none' || style.visibility === 'hidden'));
}

/**
 * Whether an element hides its content from the reader (isHiddenElement) or belongs to the user
 * rather than the page: editable areas, which are never highlighted.
 */
export function isSkippedElement(el: Element): boolean {
  if (isHiddenElement(el)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Visited nodes between two pauses of a walk: a few hundred nodes take well under a millisecond,
 * so the clock is read rarely and a slice still ends close to its deadline.
 */
export const WALK_PAUSE_NODES = 256;

/**
 * The text nodes under `root` in document order, not entering skipped elements; every
 * WALK_PAUSE_NODES visited nodes it also gives null, a point where a sliced walk may pause (runs of
 * skipped or empty elements give no text, and still take time). Iterative, so thousands of levels
 * of nesting cannot overflow the stack.
 */
export function* textNodes(
  root: Node,
  skip: (el: Element) => boolean = isSkippedElement,
): Generator<Text | null, void, void> {
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % WALK_PAUSE_NODES === 0) yield null;
    let descend = false;
    if (node.nodeType === TEXT_NODE) yield node as Text;
    else if (node.nodeType === ELEMENT_NODE && !skip(node as Element)) descend = true;
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
}

/**
 * Calls `visit` for each text node under `root` in document order, not entering skipped elements,
 * until `visit` returns false.
 */
export function forEachTextNode(
  root: Node,
  visit: (node: Text) => void | boolean,
  skip: (el: Element) => boolean = isSkippedElement,
): void {
  for (const node of textNodes(root, skip)) {
    if (node && visit(node) === false) return;
  }
}

/** A position in a live text node. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/** The squeezed text of a live document and the way back from its positions to text nodes. */
export class LiveText {
  /** Non-whitespace characters of every visible text node, in document order. */
  readonly squeezed: string;
  private readonly nodes: Text[];
  /** Position in `squeezed` where each node's characters start. */
  private readonly starts: Uint32Array;

  private constructor(squeezed: string, nodes: Text[], starts: Uint32Array) {
    this.squeezed = squeezed;
    this.nodes = nodes;
    this.starts = starts;
  }

  /**
   * Reads the text under `root`, pausing (yielding) along the walk. `limit`: stop after about this
   * many characters, when the text sought is known to lie before it, so that a huge page costs no
   * more than the part of it that is needed. `skip`: elements left out with their text.
   */
  static *read(
    root: Node,
    limit = Infinity,
    skip: (el: Element) => boolean = isSkippedElement,
  ): Steps<LiveText> {
    const nodes: Text[] = [];
    const parts: string[] = [];
    const starts: number[] = [];
    let length = 0;
    for (const node of textNodes(root, skip)) {
      if (node === null) {
        yield;
        continue;
      }
      // A huge text node is squeezed only as far as the limit can need (whitespace is rarely
      // more than half of a text), not all of its megabytes at once.
      const room = (limit - length) * 2;
      const part = squeeze(node.data.length > room ? node.data.slice(0, room) : node.data);
      if (part.length === 0) continue;
      nodes.push(node);
      starts.push(length);
      parts.push(part);
      length += part.length;
      if (length >= limit) break;
    }
    return new LiveText(parts.join(''), nodes, Uint32Array.from(starts));
  }

  /**
   * The text node and offset of the character at squeezed position `p`, or null when the page has
   * changed that node since (detached, or its text no longer has that many characters).
   */
  locate(p: number): DomPoint | null {
    if (p < 0 || p >= this.squeezed.length) return null;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[lo];
    if (!node || !node.isConnected) return null;
    let remaining = p - (this.starts[lo] ?? 0);
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (isWhitespaceCode(data.charCodeAt(i))) continue;
      if (remaining === 0) return { node, offset: i };
      remaining--;
    }
    return null;
  }
}
