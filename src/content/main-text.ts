/**
 * The page's visible main text, for pages where no article is found (a social post, a forum
 * thread, a newsletter): the body's text without what is hidden and without the page's own
 * furniture (navigation, banners, sidebars, dialogs, buttons), mapped back to the live page the
 * same way as an article's text (see extract.ts). One function, so that checking a page "anyway"
 * and the extractor's own fallback read a page the same way.
 */
import {
  elementSource,
  extractArticle,
  extractArticleInSlices,
  type ExtractedArticle,
  type ExtractOptions,
  type Source,
} from './extract';
import type { SliceOptions, Steps } from './slices';
import { isSkippedElement } from './text-map';
import { isNotRendered } from './visibility';

/** Elements that are the page's furniture wherever they are. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'DIALOG', 'MENU', 'BUTTON']);

/** ARIA landmarks and widgets that are furniture, not text to read. */
const FURNITURE_ROLES = new Set([
  'button',
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
]);

/**
 * Whether an element is furniture: by its tag or role, and a <header> or <footer> when it is the
 * page's own (HTML's banner and contentinfo), not the heading or byline of a post inside it.
 */
function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role')?.trim().toLowerCase();
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (el.tagName === 'HEADER' || el.tagName === 'FOOTER') {
    return !el.parentElement?.closest('article, section, main, [role="main"]');
  }
  return false;
}

/** What the main-text reader leaves out: hidden and editable parts, and furniture. */
export function skipInMainText(el: Element): boolean {
  return isSkippedElement(el) || isFurniture(el) || isNotRendered(el);
}

/** Where the visible main text is: the body, read with skipInMainText. Null without text. */
export function* mainTextSource(doc: Document, maxChars: number): Steps<Source | null> {
  if (!doc.body) return null;
  const found = yield* elementSource(doc.body, skipInMainText, maxChars);
  return found.paragraphs.length > 0 ? found : null;
}

/** The page's visible main text with offsets that map back to the live page, or null. */
export function extractMainText(
  doc: Document,
  options: Omit<ExtractOptions, 'find'> = {},
): ExtractedArticle | null {
  return extractArticle(doc, { ...options, find: mainTextSource });
}

/** extractMainText a slice at a time (see slices.ts); null also when cancelled. */
export function extractMainTextInSlices(
  doc: Document,
  options: Omit<ExtractOptions, 'find'> & SliceOptions,
): Promise<ExtractedArticle | null> {
  return extractArticleInSlices(doc, { ...options, find: mainTextSource });
}
