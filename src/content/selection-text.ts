/**
 * The text the reader selected on the page, with a way back from its offsets to live DOM Ranges,
 * so the sentences other outlets also reported can be highlighted inside the selection. The text
 * is built word by word from the selected text nodes: each word remembers its node and offset,
 * whitespace is collapsed to one space, and block elements (paragraphs, headings, list items)
 * separate their text with a blank line, as the article extractor does, so sentences split the
 * same way.
 */
import type { PageText } from './page-checker';
import { BLOCK_TAGS } from './paragraphs';
import { runInSlices, runToEnd, type SliceOptions, type Steps } from './slices';
import { isSkippedElement, WALK_PAUSE_NODES } from './text-map';
import { isNotRendered } from './visibility';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WORD = /\S+/g;

/** One word of the selection's text and where its characters are on the page. */
interface Word {
  /** Offset of the word in the selection's text. */
  start: number;
  length: number;
  node: Text;
  /** Offset of the word in its text node. */
  offset: number;
}

/** What separates the next word from the last: nothing, a space, a line break, a blank line. */
type Gap = '' | ' ' | '\n' | '\n\n';
const GAP_RANK: Record<Gap, number> = { '': 0, ' ': 1, '\n': 2, '\n\n': 3 };

function wider(a: Gap, b: Gap): Gap {
  return GAP_RANK[b] > GAP_RANK[a] ? b : a;
}

/** The words of the selection, built up range by range. */
class SelectionWords {
  text = '';
  readonly words: Word[] = [];
  truncated = false;
  private gap: Gap = '';

  constructor(private readonly maxChars: number) {}

  separate(gap: Gap): void {
    this.gap = wider(this.gap, gap);
  }

  /** Adds the words of `node`'s characters [from, to); false once the text is full. */
  add(node: Text, from: number, to: number): boolean {
    const chunk = node.data.slice(from, to);
    WORD.lastIndex = 0;
    for (let m = WORD.exec(chunk); m; m = WORD.exec(chunk)) {
      if (m.index > 0) this.separate(' ');
      const sep = this.text === '' ? '' : this.gap;
      if (this.text.length + sep.length + m[0].length > this.maxChars) {
        this.truncated = true;
        return false;
      }
      this.text += sep;
      this.gap = '';
      this.words.push({
        start: this.text.length,
        length: m[0].length,
        node,
        offset: from + m.index,
      });
      this.text += m[0];
    }
    if (chunk.length > 0 && /\s$/.test(chunk)) this.separate(' ');
    return true;
  }
}

/** Whether the text inside `el` is left out: hidden, not rendered, code or a form field. */
function skipped(el: Element): boolean {
  return isSkippedElement(el) || isNotRendered(el);
}

/** The node after `node` and its subtree in document order, or null at the end. */
function nextAfter(node: Node): Node | null {
  for (let at: Node | null = node; at; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** The first node inside a boundary point (container, offset), in document order. */
function nodeAt(container: Node, offset: number): Node | null {
  if (container.nodeType !== ELEMENT_NODE && container.nodeType !== 9 && container.nodeType !== 11)
    return container;
  return container.childNodes[offset] ?? nextAfter(container);
}

/**
 * Adds the selected text of `range` to `out`; false once `out` is full. The walk goes from the
 * range's first node to the first node after it, in document order, so it costs what is selected,
 * however many siblings the selection has around it.
 */
function* addRange(range: Range, out: SelectionWords): Steps<boolean> {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const first = nodeAt(startContainer, startOffset);
  const stop =
    endContainer.nodeType === TEXT_NODE || endContainer.childNodes.length === 0
      ? nextAfter(endContainer)
      : (endContainer.childNodes[endOffset] ?? nextAfter(endContainer));
  const blockEdge = (el: Element) => {
    if (el.tagName === 'BR') out.separate('\n');
    else if (BLOCK_TAGS.has(el.tagName)) out.separate('\n\n');
  };
  let node: Node | null = first;
  let visited = 0;
  while (node && node !== stop) {
    if (++visited % WALK_PAUSE_NODES === 0) yield;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const from = text === startContainer ? startOffset : 0;
      const to = text === endContainer ? endOffset : text.data.length;
      if (from < to && !out.add(text, from, to)) return false;
    } else if (node.nodeType === ELEMENT_NODE) {
      if (!skipped(node as Element)) {
        blockEdge(node as Element);
        descend = true;
      } else if (stop && node.contains(stop)) {
        // The selection ends inside what is left out.
        return true;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) blockEdge(node as Element);
    // On to the next node, leaving (and closing the blocks of) the elements that end here.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node?.nodeType === ELEMENT_NODE) blockEdge(node as Element);
    }
    node = node?.nextSibling ?? null;
  }
  return true;
}

/** The index of the first word for which `before` is false (words are in order), or words.length. */
function firstWord(words: readonly Word[], before: (word: Word) => boolean): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(words[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The page's current selection as text to check (at most `maxChars` characters, cut at a word),
 * with `rangeFor` mapping offsets in that text to live Ranges. Null when nothing readable is
 * selected: no selection, only white space, or a selection inside a form field, whose text is not
 * part of the page's selection.
 */
export function readSelection(doc: Document, maxChars: number): PageText | null {
  return runToEnd(selectionSteps(doc, maxChars));
}

/**
 * readSelection a slice at a time (see slices.ts): a selection of a whole long page is read
 * without holding the page's main thread. Null also when cancelled.
 */
export function readSelectionInSlices(
  doc: Document,
  options: { maxChars: number } & SliceOptions,
): Promise<PageText | null> {
  return runInSlices(selectionSteps(doc, options.maxChars), options);
}

/** The steps of readSelection. */
function* selectionSteps(doc: Document, maxChars: number): Steps<PageText | null> {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  // The ranges are taken now: the reader may select something else while the walk pauses.
  const ranges = Array.from({ length: selection.rangeCount }, (_, i) =>
    selection.getRangeAt(i).cloneRange(),
  );
  const out = new SelectionWords(maxChars);
  for (const range of ranges) {
    out.separate('\n\n');
    if (!(yield* addRange(range, out))) break;
  }
  if (out.words.length === 0) return null;
  const { text, words, truncated } = out;
  return {
    title: null,
    text,
    truncated,
    rangeFor(start: number, end: number): Range | null {
      // The first word ending after `start`, the last word starting before `end`.
      const first = firstWord(words, (word) => word.start + word.length <= start);
      const last = firstWord(words, (word) => word.start < end) - 1;
      const a = words[first];
      const b = words[last];
      if (!a || !b || first > last) return null;
      try {
        const range = doc.createRange();
        range.setStart(a.node, a.offset + Math.max(0, start - a.start));
        range.setEnd(b.node, b.offset + Math.min(b.length, end - b.start));
        return range.collapsed ? null : range;
      } catch {
        // The page changed the nodes since the selection was read.
        return null;
      }
    },
  };
}
