/**
 * What on a page is not the article: menus, sidebars, footers, consent banners and cookie walls,
 * newsletter boxes, skip links, "related" rails. Told by general signals only (tags, ARIA roles,
 * dialogs and fixed overlays, the names of classes and ids, the share of text inside links), never
 * by a list of sites, so that the same rules hold on any page.
 */
import { isHiddenElement, isSkippedElement } from './text-map';

/** Elements that are never article text, whatever their names. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'DIALOG', 'MENU']);

/**
 * The same, less FORM: some sites wrap the whole page in one <form>, so a form is left out only by
 * the walks that start inside the article (see isFurniture), not when deciding what to copy.
 */
const STRUCTURAL_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'DIALOG', 'MENU']);

/**
 * ARIA roles of what is not the article: Readability's own unlikely roles (menus, navigation,
 * complementary content, alerts and dialogs, which is what consent banners declare themselves),
 * and the landmarks of the site's header, footer and search.
 */
const FURNITURE_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);

/**
 * Readability's test for class names and ids of page furniture (comments, menus, related links,
 * share bars), and the names consent banners, cookie walls, newsletter boxes, paywalls, overlays
 * and skip links go by on any site.
 */
const UNLIKELY_FURNITURE =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|consent|cookie|newsletter|subscri|paywall|modal|overlay|skip-?link/i;
/** ...unless the name also says it holds the content (Readability's own exception). */
const MAYBE_CONTENT = /and|article|body|column|content|main|shadow/i;

/** Elements that hold no text (media, embeds, form fields): left out of the copy for Readability. */
const NO_TEXT_TAGS = new Set([
  'IMG',
  'PICTURE',
  'SOURCE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'IFRAME',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'LINK',
  'META',
]);

/**
 * A list with at least this many items, most of whose text is links, is a menu or a rail of
 * related stories; fewer items may be a story's own "read more" line.
 */
const LINK_LIST_MIN_ITEMS = 3;

/**
 * Share of text inside links above which a list or a whole extraction is navigation, not prose.
 * Readability drops blocks past 0.5 too; a story's body, with a link every few sentences, stays
 * far below (under 0.1 on the test pages).
 */
export const NAVIGATION_LINK_SHARE = 0.5;

/** Characters of a block read to measure its link text: a fair sample of any block. */
const LINK_SAMPLE_CHARS = 2_000;

/**
 * Characters of a container or a page's body read to measure its link text: a fair sample of any
 * container, used wherever a whole candidate text is weighed against NAVIGATION_LINK_SHARE.
 */
export const CONTAINER_LINK_SAMPLE_CHARS = 10_000;

/** Whether an element declares itself a dialog, a landmark that is not the article, or a menu. */
function hasFurnitureRole(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.trim().toLowerCase())) return true;
  return el.getAttribute('aria-modal') === 'true';
}

/** An overlay pinned over the page by its inline style (consent banners, cookie walls). */
function isFixedOverlay(el: Element): boolean {
  // Reading `style` builds a declaration object: only worth it where there is a style attribute.
  if (!el.hasAttribute('style')) return false;
  const position = (el as HTMLElement).style?.position;
  return position === 'fixed' || position === 'sticky';
}

/** Whether the element's class names or id name page furniture (see UNLIKELY_FURNITURE). */
function hasFurnitureName(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return UNLIKELY_FURNITURE.test(names) && !MAYBE_CONTENT.test(names);
}

/**
 * Whether an element is never article text by what it is rather than what it is called: its tag,
 * its ARIA role, a modal dialog, a fixed overlay.
 */
export function isStructuralFurniture(el: Element): boolean {
  return STRUCTURAL_TAGS.has(el.tagName) || hasFurnitureRole(el) || isFixedOverlay(el);
}

/** Whether an element is page furniture by its tag, role, position or names. */
export function isFurniture(el: Element): boolean {
  return FURNITURE_TAGS.has(el.tagName) || isStructuralFurniture(el) || hasFurnitureName(el);
}

/**
 * Share of the text under `root` (its first `cap` characters) inside links, not counting what
 * `skip` leaves out: high for menus, skip links and teaser grids, low for a story's body.
 * Iterative, so deep nesting costs no stack.
 */
export function linkShare(
  root: Element,
  skip: (el: Element) => boolean = isSkippedElement,
  cap = LINK_SAMPLE_CHARS,
): number {
  let all = 0;
  let linked = 0;
  let inLink = 0;
  let node: Node | null = root.firstChild;
  while (node && all < cap) {
    let descend = false;
    if (node.nodeType === 3) {
      const length = (node as Text).data.trim().length;
      all += length;
      if (inLink > 0) linked += length;
    } else if (node.nodeType === 1 && !skip(node as Element)) {
      descend = node.firstChild !== null;
      if (descend && (node as Element).tagName === 'A') inLink++;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && (node as Element).tagName === 'A') inLink--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return all > 0 ? linked / all : 0;
}

/** Children looked at to tell a row of links: enough for any menu bar. */
const LINK_ROW_CHILDREN_MAX = 50;

/**
 * A list of links (a menu, a "related" or "most read" rail), told by its items and link text; or
 * a row of links without list markup (a menu bar of bare <a> elements side by side).
 */
export function isLinkList(el: Element): boolean {
  const count = el.children.length;
  if (count < LINK_LIST_MIN_ITEMS) return false;
  if (el.tagName === 'UL' || el.tagName === 'OL') return linkShare(el) > NAVIGATION_LINK_SHARE;
  let links = 0;
  const seen = Math.min(count, LINK_ROW_CHILDREN_MAX);
  for (let i = 0; i < seen; i++) if (el.children[i]!.tagName === 'A') links++;
  return links / seen > NAVIGATION_LINK_SHARE && linkShare(el) > NAVIGATION_LINK_SHARE;
}

/** A leave-out rule that also leaves out link lists (menus, "related" rails). */
export function withLinkLists(leaveOut: (el: Element) => boolean): (el: Element) => boolean {
  return (el) => leaveOut(el) || isLinkList(el);
}

/**
 * What the copy given to Readability leaves out: hidden content, media, structural furniture,
 * and what is named like furniture (Readability's own first pass).
 */
export function isLeftOutOfCopy(el: Element): boolean {
  return isLeftOutOfCopyLoosely(el) || hasFurnitureName(el);
}

/**
 * The same without the names: Readability's second try, for pages whose article sits inside an
 * element named like furniture (a "two-col-sidebar" layout wrapper around the whole page).
 */
export function isLeftOutOfCopyLoosely(el: Element): boolean {
  // Editable areas stay: their text is the article's (a page may let the reader edit it), only
  // highlighting skips them.
  return NO_TEXT_TAGS.has(el.tagName) || isHiddenElement(el) || isStructuralFurniture(el);
}

/** What a direct reading of the page leaves out: hidden and editable areas, furniture, link lists. */
export function isLeftOutOfText(el: Element): boolean {
  return isSkippedElement(el) || isFurniture(el) || isLinkList(el);
}

/** The same without the names, for pages whose whole content sits in an element named so. */
export function isLeftOutOfTextLoosely(el: Element): boolean {
  return isSkippedElement(el) || isStructuralFurniture(el) || isLinkList(el);
}
