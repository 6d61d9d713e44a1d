/**
 * Opens the hover card when the pointer rests on, or clicks, a highlighted sentence. Hit testing
 * asks the browser for the caret position under the pointer (caretPositionFromPoint, or
 * caretRangeFromPoint in older Chromium), then checks the pointer is inside the sentence's line
 * boxes, because the caret snaps to the nearest text even over blank margins.
 */
import type { CardData, HoverCard } from './hover-card';
import type { HighlightEntry, Highlighter } from './highlighter';

// At most one hit test per this many milliseconds of pointer movement.
const THROTTLE_MS = 60;
// Time to move from the sentence onto the card before it closes.
const HIDE_DELAY_MS = 300;
// Line boxes end at the glyphs; a little slack keeps the card from flickering between lines.
const SLACK_PX = 2;

/** A point in the DOM: a node and an offset in it. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** The DOM point under viewport coordinates (x, y), or null. */
export function caretPoint(doc: Document, x: number, y: number): DomPoint | null {
  try {
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      return position ? { node: position.offsetNode, offset: position.offset } : null;
    }
    if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : null;
    }
  } catch {
    // Some points (e.g. inside a closed shadow root or a cross-origin frame) cannot be resolved.
  }
  return null;
}

/** The highlighted sentence under (x, y) and the line box containing the point, or null. */
export function hitTest(
  doc: Document,
  highlighter: Highlighter,
  x: number,
  y: number,
): { entry: HighlightEntry; line: DOMRect } | null {
  const point = caretPoint(doc, x, y);
  if (!point) return null;
  const entry = highlighter.entryAt(point.node, point.offset);
  if (!entry) return null;
  const line = (highlighter.rectsOf(entry.index) ?? []).find(
    (rect) =>
      x >= rect.left - SLACK_PX &&
      x <= rect.right + SLACK_PX &&
      y >= rect.top - SLACK_PX &&
      y <= rect.bottom + SLACK_PX,
  );
  return line ? { entry, line } : null;
}

/** What the pointer watcher works with. */
export interface PointerDeps {
  doc: Document;
  win: Window;
  highlighter: Highlighter;
  card: HoverCard;
  /** The card's content for a highlighted sentence, or null when there is none. */
  dataFor: (entry: HighlightEntry) => CardData | null;
  /** False while highlights are off or nothing is highlighted: no hit testing at all then. */
  active: () => boolean;
}

/** Starts watching the pointer; returns a function that stops it. */
export function watchPointer(deps: PointerDeps): () => void {
  const { doc, win, card } = deps;
  let shown: HighlightEntry | null = null;
  let pinned = false;
  let last = 0;
  let trailing: number | null = null;
  let hideTimer: number | null = null;
  let pending: MouseEvent | null = null;

  const cancelHide = () => {
    if (hideTimer !== null) win.clearTimeout(hideTimer);
    hideTimer = null;
  };
  const hide = () => {
    cancelHide();
    card.hide();
    shown = null;
    pinned = false;
  };
  const show = (entry: HighlightEntry, line: DOMRect, x: number) => {
    cancelHide();
    if (shown === entry && card.visible) return;
    const data = deps.dataFor(entry);
    if (!data) return;
    card.show(data, line, x);
    shown = entry;
  };

  const probe = (event: MouseEvent) => {
    last = performance.now();
    if (!deps.active()) return;
    if (card.owns(event.target)) {
      cancelHide();
      return;
    }
    const hit = hitTest(doc, deps.highlighter, event.clientX, event.clientY);
    if (hit) show(hit.entry, hit.line, event.clientX);
    else if (card.visible && !pinned && hideTimer === null) {
      hideTimer = win.setTimeout(hide, HIDE_DELAY_MS);
    }
  };

  const onMove = (event: MouseEvent) => {
    try {
      pending = event;
      if (trailing !== null) return;
      const wait = Math.max(0, THROTTLE_MS - (performance.now() - last));
      trailing = win.setTimeout(() => {
        trailing = null;
        if (pending) probe(pending);
        pending = null;
      }, wait);
    } catch {
      // Never let a failure here reach the page's event dispatch.
    }
  };

  const onClick = (event: MouseEvent) => {
    try {
      if (!deps.active() || card.owns(event.target)) return;
      const hit = hitTest(doc, deps.highlighter, event.clientX, event.clientY);
      if (hit) {
        shown = null;
        show(hit.entry, hit.line, event.clientX);
        pinned = true;
      } else if (card.visible) hide();
    } catch {
      // As above: the page's click goes on regardless.
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && card.visible) hide();
  };
  const onScroll = () => {
    if (card.visible) hide();
  };

  // Passive listeners: the page's own handlers and scrolling are never delayed or prevented.
  const options = { capture: true, passive: true } as const;
  doc.addEventListener('mousemove', onMove, options);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('keydown', onKey, options);
  win.addEventListener('scroll', onScroll, options);
  return () => {
    doc.removeEventListener('mousemove', onMove, options);
    doc.removeEventListener('click', onClick, options);
    doc.removeEventListener('keydown', onKey, options);
    win.removeEventListener('scroll', onScroll, options);
    if (trailing !== null) win.clearTimeout(trailing);
    hide();
  };
}
