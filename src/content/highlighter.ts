/**
 * Highlights matched sentences on the page. With the CSS Custom Highlight API the page's DOM is
 * never touched: Ranges are registered as `crosscheck-1`, `crosscheck-2`, `crosscheck-3` (1, 2,
 * 3+ other outlets) and styled by content.css, a stylesheet the manifest injects, which a page's
 * Content-Security-Policy cannot block. Only where the API is missing are sentences wrapped in
 * <mark> elements, and unwrapped again when highlights go off.
 */
import type { HighlightStyle } from '../shared/settings';

/** 1, 2, or 3 for three or more other outlets: the highlight's colour deepens with it. */
export type Level = 1 | 2 | 3;

/** One highlighted sentence. `index` is its position in the report's sentences. */
export interface HighlightEntry {
  range: Range;
  level: Level;
  index: number;
}

/** Highlight names, by level. */
export const HIGHLIGHT_NAMES: Record<Level, string> = {
  1: 'crosscheck-1',
  2: 'crosscheck-2',
  3: 'crosscheck-3',
};

/** The name of the highlight of a flashed sentence. */
export const FLASH_NAME = 'crosscheck-flash';

/** The class of fallback <mark> elements (styled by content.css). */
export const MARK_CLASS = 'crosscheck-mark';

// On, off, on, off, on: long enough to catch the eye after the page scrolled.
const FLASH_STEPS_MS = [0, 260, 420, 680, 840, 1_700];

/** What the page checker uses to show and hide highlights. */
export interface Highlighter {
  /** True when highlighting changes the DOM (the fallback); ranges must then be rebuilt. */
  readonly changesDom: boolean;
  /** Replaces the highlighted sentences. */
  show(entries: HighlightEntry[]): void;
  /** Removes every highlight and forgets the entries. */
  clear(): void;
  /** Hides or shows the current highlights without forgetting them. */
  setVisible(visible: boolean): void;
  setStyle(style: HighlightStyle): void;
  /**
   * Flashes a sentence for a moment (after the popup asked to show it): the highlighted entry
   * with this index, else `range` where one is given. False when there is nothing to flash.
   */
  flash(index: number, range: Range | null): boolean;
  /** Where a highlighted sentence is on screen now, or null when it is not highlighted. */
  rectsOf(index: number): DOMRect[] | null;
  /** The highlighted sentence at a DOM point, if any. */
  entryAt(node: Node, offset: number): HighlightEntry | null;
  /** True when `node` is one of the highlighter's own elements. */
  owns(node: Node): boolean;
}

/** The level for a sentence that `outlets` other outlets reported. */
export function levelFor(outlets: number): Level {
  return outlets >= 3 ? 3 : outlets === 2 ? 2 : 1;
}

const EDITABLE = '[contenteditable]:not([contenteditable="false" i]), input, textarea, select';

/** True when a range touches an editable area, which is the user's text and never highlighted. */
export function inEditable(range: Range): boolean {
  // A document in design mode (a web editor's frame) is editable as a whole.
  if (range.startContainer.ownerDocument?.designMode === 'on') return true;
  for (const node of [range.startContainer, range.endContainer]) {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (element?.closest(EDITABLE)) return true;
  }
  return false;
}

// Amber to deep orange, as the marker colours: darker means more outlets. One thickness for all:
// thicker lines break up around descenders (highlight styles cannot turn off skip-ink).
const UNDERLINE_COLORS = ['#d97706', '#c2410c', '#9a3412'];

// Overrides of content.css's marker look, applied through a constructed stylesheet (CSSOM, which
// a page's style-src policy does not govern). If adopting fails, the marker look stays.
const UNDERLINE_CSS = ([1, 2, 3] as const)
  .map(
    (level) =>
      `::highlight(${HIGHLIGHT_NAMES[level]}){background-color:transparent!important;` +
      `text-decoration:underline 2px ${UNDERLINE_COLORS[level - 1]}!important;}`,
  )
  .join('');

type Env = Window & typeof globalThis;

function styleSheetSwitch(doc: Document, win: Env): (style: HighlightStyle) => void {
  let sheet: CSSStyleSheet | null = null;
  return (style) => {
    try {
      if (style === 'marker') {
        if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        return;
      }
      if (!sheet) {
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(UNDERLINE_CSS);
      }
      if (!doc.adoptedStyleSheets.includes(sheet)) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
    } catch {
      // No constructable stylesheets here: the marker look from content.css stays.
    }
  };
}

function prefersReducedMotion(win: Window): boolean {
  try {
    return win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

/** A highlighter over the CSS Custom Highlight API's registry. */
export function registryHighlighter(
  doc: Document,
  win: Env,
  registry: HighlightRegistry,
  HighlightClass: typeof Highlight,
): Highlighter {
  let entries: HighlightEntry[] = [];
  let visible = true;
  let flashTimers: number[] = [];
  const applyStyle = styleSheetSwitch(doc, win);

  const unregister = () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  const register = () => {
    unregister();
    if (!visible) return;
    for (const level of [1, 2, 3] as const) {
      const ranges = entries.filter((entry) => entry.level === level).map((entry) => entry.range);
      if (ranges.length > 0) registry.set(HIGHLIGHT_NAMES[level], new HighlightClass(...ranges));
    }
  };

  return {
    changesDom: false,
    show(next) {
      entries = next.filter((entry) => !inEditable(entry.range));
      register();
    },
    clear() {
      entries = [];
      unregister();
    },
    setVisible(next) {
      visible = next;
      register();
    },
    setStyle: applyStyle,
    flash(index, range) {
      const target = entries.find((entry) => entry.index === index)?.range ?? range;
      if (!target) return false;
      for (const timer of flashTimers) win.clearTimeout(timer);
      const flash = new HighlightClass(target);
      // Above the sentence's own highlight.
      flash.priority = 10;
      const steps = prefersReducedMotion(win) ? [0, FLASH_STEPS_MS.at(-1)!] : FLASH_STEPS_MS;
      flashTimers = steps.map((at, step) =>
        win.setTimeout(() => {
          if (step % 2 === 0 && step < steps.length - 1) registry.set(FLASH_NAME, flash);
          else registry.delete(FLASH_NAME);
        }, at),
      );
      return true;
    },
    rectsOf(index) {
      const entry = entries.find((candidate) => candidate.index === index);
      return entry ? Array.from(entry.range.getClientRects()) : null;
    },
    entryAt(node, offset) {
      for (const entry of entries) {
        try {
          if (entry.range.comparePoint(node, offset) === 0) return entry;
        } catch {
          // A point in another document or a doctype: not in this range.
        }
      }
      return null;
    },
    owns: () => false,
  };
}

interface Segment {
  node: Text;
  start: number;
  end: number;
  entry: HighlightEntry;
}

/** The text-node pieces a range covers, in document order. */
function segmentsOf(doc: Document, entry: HighlightEntry): Segment[] {
  const { range } = entry;
  const root = range.commonAncestorContainer;
  const segments: Segment[] = [];
  const visit = (node: Text) => {
    if (!range.intersectsNode(node)) return;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) segments.push({ node, start, end, entry });
  };
  if (root.nodeType === 3) {
    visit(root as Text);
    return segments;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
  return segments;
}

/**
 * The fallback where the Highlight API is missing: each covered text piece is wrapped in a
 * <mark class="crosscheck-mark" data-level="N">. Pieces are wrapped from the last to the first,
 * so splitting a text node never moves the offsets of pieces still to wrap.
 */
export function wrappingHighlighter(doc: Document, win: Env): Highlighter {
  let marks: HTMLElement[] = [];
  let entries: HighlightEntry[] = [];
  let visible = true;
  let style: HighlightStyle = 'marker';
  const markEntry = new WeakMap<Element, HighlightEntry>();

  // Wrapped last to first; reversed back so rectangles come in reading order.
  const marksOf = (index: number) =>
    marks.filter((mark) => markEntry.get(mark)?.index === index).reverse();
  const unwrap = () => {
    for (const mark of marks) {
      if (mark.isConnected) mark.replaceWith(...Array.from(mark.childNodes));
    }
    marks = [];
  };
  const wrap = () => {
    const segments = entries.flatMap((entry) => segmentsOf(doc, entry));
    for (let i = segments.length - 1; i >= 0; i--) {
      const { node, start, end, entry } = segments[i]!;
      if (!node.isConnected || end > node.data.length) continue;
      if (end < node.data.length) node.splitText(end);
      const piece = start > 0 ? node.splitText(start) : node;
      const mark = doc.createElement('mark');
      mark.className = `${MARK_CLASS} ${MARK_CLASS}-${style}`;
      mark.dataset.level = String(entry.level);
      piece.replaceWith(mark);
      mark.append(piece);
      markEntry.set(mark, entry);
      marks.push(mark);
    }
  };

  return {
    changesDom: true,
    show(next) {
      unwrap();
      entries = next.filter((entry) => !inEditable(entry.range));
      if (visible) wrap();
    },
    clear() {
      unwrap();
      entries = [];
    },
    setVisible(next) {
      visible = next;
      // Wrapping moved the text the ranges pointed at: the checker shows fresh entries to re-wrap.
      if (!next) {
        unwrap();
        entries = [];
      }
    },
    setStyle(next) {
      style = next;
      for (const mark of marks) mark.className = `${MARK_CLASS} ${MARK_CLASS}-${style}`;
    },
    flash(index) {
      const flashed = marksOf(index);
      if (flashed.length === 0) return false;
      for (const mark of flashed) mark.classList.add(`${MARK_CLASS}-flash`);
      win.setTimeout(() => {
        for (const mark of flashed) mark.classList.remove(`${MARK_CLASS}-flash`);
      }, FLASH_STEPS_MS.at(-1));
      return true;
    },
    rectsOf(index) {
      const found = marksOf(index);
      return found.length === 0 ? null : found.flatMap((mark) => Array.from(mark.getClientRects()));
    },
    entryAt(node) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const mark = element?.closest(`mark.${MARK_CLASS}`);
      return (mark && markEntry.get(mark)) ?? null;
    },
    owns(node) {
      return node.nodeType === 1 && (node as Element).classList.contains(MARK_CLASS);
    },
  };
}

/** The highlighter for this page: the Highlight API where present, else the fallback. */
export function createHighlighter(doc: Document, win: Env): Highlighter {
  const registry = (win.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (registry && typeof win.Highlight === 'function') {
    return registryHighlighter(doc, win, registry, win.Highlight);
  }
  return wrappingHighlighter(doc, win);
}
