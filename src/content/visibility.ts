/**
 * Whether the reader can see an element, as far as the page's styles say: text the browser does
 * not render (a stylesheet's `display: none`, `visibility: hidden`, a closed <details>) is not
 * part of what the reader sees, selects or reads.
 */

/**
 * True when the browser renders nothing of `el`. A parsed document that is not shown (DOMParser's,
 * a file read on the check page) has no rendering to ask, so nothing in it counts as hidden here;
 * attributes and inline styles are checked elsewhere (isSkippedElement).
 */
export function isNotRendered(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof el.checkVisibility !== 'function') return false;
  if (el.checkVisibility({ visibilityProperty: true })) return false;
  // `display: contents` gives the element no box of its own, but its children are shown.
  try {
    return view.getComputedStyle(el).display !== 'contents';
  } catch {
    return true;
  }
}
