/**
 * The text the reader selected on the page, with a way back from its offsets to live DOM Ranges,
 * so the sentences other outlets also reported can be highlighted inside the selection. The text
 * is built word by word from the selected text nodes: each word remembers its node and offset,
 * whitespace is collapsed to one space, and block elements (paragraphs, headings, list items)
 * separate their text with a blank line, as the article extractor does, so sentences split the
 * same way.
 */
import type { ArticleText } from './page-checker';
import { BLOCK_TAGS } from './paragraphs';
import { isSkippedElement } from './text-map';
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

/** Adds the selected text of `range` to `out`, in document order; false once `out` is full. */
function addRange(range: Range, out: SelectionWords): boolean {
  const root = range.commonAncestorContainer;
  const clip = (node: Text): [number, number] => [
    node === range.startContainer ? range.startOffset : 0,
    node === range.endContainer ? range.endOffset : node.data.length,
  ];
  if (root.nodeType === TEXT_NODE) {
    const parent = root.parentElement;
    if (parent && skipped(parent)) return true;
    return out.add(root as Text, ...clip(root as Text));
  }
  const blockEdge = (el: Element) => {
    if (el.tagName === 'BR') out.separate('\n');
    else if (BLOCK_TAGS.has(el.tagName)) out.separate('\n\n');
  };
  // An iterative walk of the common ancestor, entering only what the range touches.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (range.intersectsNode(node)) {
      if (node.nodeType === TEXT_NODE) {
        const [from, to] = clip(node as Text);
        if (from < to && !out.add(node as Text, from, to)) return false;
      } else if (node.nodeType === ELEMENT_NODE && !skipped(node as Element)) {
        blockEdge(node as Element);
        descend = true;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (descend) blockEdge(node as Element);
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE) blockEdge(node as Element);
    }
    if (!node || node === root) break;
    node = node.nextSibling;
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
export function readSelection(doc: Document, maxChars: number): ArticleText | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const out = new SelectionWords(maxChars);
  for (let i = 0; i < selection.rangeCount; i++) {
    out.separate('\n\n');
    if (!addRange(selection.getRangeAt(i), out)) break;
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
