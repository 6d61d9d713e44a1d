/**
 * The text of an element as paragraphs: block elements start and end paragraphs, inline markup
 * (links, emphasis, spans) stays in the running text, so one sentence may span several text nodes.
 */
import { runToEnd, type Steps } from './slices';
import { isSkippedElement, WALK_PAUSE_NODES } from './text-map';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that break the running text into separate paragraphs. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);

/** A paragraph of text, and whether it is a list item (shown with a bullet marker). */
export interface Paragraph {
  text: string;
  item: boolean;
}

const SPACES = /[^\S\n]+/g;
const SPACE_AROUND_NEWLINE = / ?\n ?/g;

/** Paragraphs of a walk, and whether the walk reached the end of its root. */
export interface CollectedParagraphs {
  paragraphs: Paragraph[];
  /** False when the walk stopped at its limit with part of the root not read. */
  complete: boolean;
}

/**
 * Paragraphs of `root`'s text, in document order, whitespace collapsed, empty ones dropped.
 * `skip` decides which elements to leave out with their content; the walk stops once the
 * paragraphs hold more than `limit` characters, so a huge page costs no more than a long one.
 */
export function collectParagraphs(
  root: Node,
  skip: (el: Element) => boolean = isSkippedElement,
  limit = Infinity,
): Paragraph[] {
  return runToEnd(paragraphSteps(root, skip, limit)).paragraphs;
}

/** collectParagraphs as steps that pause along the walk (see slices.ts). */
export function* paragraphSteps(
  root: Node,
  skip: (el: Element) => boolean = isSkippedElement,
  limit = Infinity,
): Steps<CollectedParagraphs> {
  const paragraphs: Paragraph[] = [];
  let total = 0;
  let buffer = '';
  let item = false;
  let preDepth = 0;

  const flush = (): void => {
    const text = buffer.replace(SPACES, ' ').replace(SPACE_AROUND_NEWLINE, '\n').trim();
    if (text) {
      paragraphs.push({ text, item });
      total += text.length;
    }
    buffer = '';
    item = false;
  };
  const enter = (el: Element): void => {
    if (el.tagName === 'BR') {
      buffer += '\n';
      return;
    }
    if (el.tagName === 'PRE') preDepth++;
    if (BLOCK_TAGS.has(el.tagName)) {
      flush();
      if (el.tagName === 'LI') item = true;
    }
  };
  const leave = (el: Element): void => {
    if (el.tagName === 'PRE') preDepth--;
    if (BLOCK_TAGS.has(el.tagName)) flush();
  };

  // Iterative walk: deeply nested pages must not overflow the stack. The text still to collapse
  // counts towards the limit too, so one huge paragraph cannot grow past it.
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node && total + buffer.length <= limit) {
    if (++visited % WALK_PAUSE_NODES === 0) yield;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      // Of a huge text node, only what the limit leaves room for.
      const room = limit - total - buffer.length + 1;
      const raw = (node as Text).data;
      const data = raw.length > room ? raw.slice(0, room) : raw;
      buffer += preDepth > 0 ? data : data.replace(/\s+/g, ' ');
    } else if (node.nodeType === ELEMENT_NODE && !skip(node as Element)) {
      enter(node as Element);
      descend = true;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) leave(node as Element);
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE) leave(node as Element);
    }
    if (!node || node === root) {
      node = null;
      break;
    }
    node = node.nextSibling;
  }
  flush();
  return { paragraphs, complete: node === null };
}
