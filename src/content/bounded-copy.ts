/**
 * The copy of a page (or of its article's container) that Readability is given. Readability is one
 * synchronous run whose cost grows with the elements it scores, so it only ever sees a bounded
 * copy: built node by node in steps that pause (see slices.ts), with what is never article text
 * left out on the way (scripts, media, menus, dialogs, overlays, link lists; see furniture.ts),
 * and given up as soon as what is left is still too large.
 */
import type { Steps } from './slices';
import { WALK_PAUSE_NODES } from './text-map';

/** The most elements and characters of text a copy may hold. */
export interface CopyLimits {
  maxElements: number;
  maxChars: number;
  /** Readability is skipped on what nests deeper than this (its cost grows with depth too). */
  maxDepth: number;
}

/** Whether the copy leaves an element out, with all it holds. */
export type LeaveOut = (el: Element) => boolean;

/**
 * A new document holding the head's title, meta tags and JSON-LD (all Readability reads for the
 * title and byline) and a copy of `root` without what `leaveOut` leaves out; null when the copy
 * would pass `limits`.
 */
export function* boundedCopy(
  doc: Document,
  root: Element,
  limits: CopyLimits,
  leaveOut: LeaveOut,
): Steps<Document | null> {
  const copy = doc.implementation.createHTMLDocument('');
  for (const el of Array.from(doc.head?.children ?? [])) {
    const keep =
      el.tagName === 'TITLE' ||
      el.tagName === 'META' ||
      (el.tagName === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json');
    if (keep) copy.head.append(copy.importNode(el, true));
  }
  const top = copyElement(copy, root);
  if (!top) return null;
  copy.body.append(top);

  let elements = 1;
  let chars = 0;
  let visited = 0;
  // The copy of each element on the way down from `root`; the last one receives the next node.
  const parents: Element[] = [top];
  let node: Node | null = root.firstChild;
  while (node) {
    if (++visited % WALK_PAUSE_NODES === 0) yield;
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      chars += data.length;
      if (chars > limits.maxChars) return null;
      parents[parents.length - 1]!.append(copy.createTextNode(data));
    } else if (node.nodeType === 1 && !leaveOut(node as Element)) {
      const el = copyElement(copy, node as Element);
      if (el) {
        if (++elements > limits.maxElements || parents.length > limits.maxDepth) return null;
        parents[parents.length - 1]!.append(el);
        if (node.firstChild) {
          parents.push(el);
          descend = true;
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) parents.pop();
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return copy;
}

/** An empty copy of `el` with its attributes (Readability scores class names and ids), or null. */
function copyElement(copy: Document, el: Element): Element | null {
  let out: Element;
  try {
    out = copy.createElement(el.localName);
  } catch {
    // A name that is valid in the page's parser but not for createElement.
    return null;
  }
  for (const attr of Array.from(el.attributes)) {
    try {
      out.setAttribute(attr.name, attr.value);
    } catch {
      // An attribute name createElement's documents refuse: not needed by Readability.
    }
  }
  return out;
}
