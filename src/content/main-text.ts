/**
 * The page's visible main text, for pages where no article is found (a social thread, a forum, a
 * newsletter, or a news page whose story the extractor cannot find): the body's text without what
 * the reader does not see and without the page's furniture (menus, banners, sidebars, consent
 * dialogs, buttons). It is the one reader of such text: the extractor's last resort
 * (extract.ts), which is also what "Check this page anyway" reads on a page that is not an
 * article, and the check page's reading of an HTML file without an article.
 */
import type { Source } from './extract';
import {
  CONTAINER_LINK_SAMPLE_CHARS,
  isLeftOutOfText,
  isLeftOutOfTextLoosely,
  linkShare,
  NAVIGATION_LINK_SHARE,
} from './furniture';
import { paragraphSteps } from './paragraphs';
import type { Steps } from './slices';
import { isNotRendered } from './visibility';

/**
 * ARIA roles of controls, not text: a post's reply and like buttons, a toolbar. Article text never
 * sits in them, but the text of a page that is not an article is full of them.
 */
const CONTROL_ROLES = new Set(['button', 'toolbar', 'menuitem', 'tab', 'tablist', 'switch']);

/**
 * Whether an element is the page's own header or footer (HTML's banner and contentinfo: the site's
 * name, its menus, its legal lines), not the header or byline of a post inside the page.
 */
function isPageHeaderOrFooter(el: Element): boolean {
  if (el.tagName !== 'HEADER' && el.tagName !== 'FOOTER') return false;
  return !el.parentElement?.closest('article, section, main, [role="main"]');
}

/** What the main text leaves out besides furniture: controls, the page's header, unseen parts. */
function isNotMainText(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CONTROL_ROLES.has(role.trim().toLowerCase())) return true;
  // Asked last: the only rule that needs the page's styles.
  return isPageHeaderOrFooter(el) || isNotRendered(el);
}

/** What the main-text reader leaves out: furniture (furniture.ts), controls and hidden parts. */
export function isLeftOutOfMainText(el: Element): boolean {
  return isLeftOutOfText(el) || isNotMainText(el);
}

/**
 * The same without furniture names, for a page wrapped whole in an element named like furniture
 * (a "two-col-sidebar" layout around everything).
 */
export function isLeftOutOfMainTextLoosely(el: Element): boolean {
  return isLeftOutOfTextLoosely(el) || isNotMainText(el);
}

/**
 * The page's visible main text as the extractor's source (see extract.ts), or null when there is
 * none: the body read without furniture, then once more without the furniture names; a body whose
 * text is mostly links (a menu page, a grid of teasers) is never taken.
 */
export function* mainTextSource(doc: Document, maxChars: number): Steps<Source | null> {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  for (const skip of [isLeftOutOfMainText, isLeftOutOfMainTextLoosely]) {
    if (linkShare(body, skip, CONTAINER_LINK_SAMPLE_CHARS) > NAVIGATION_LINK_SHARE) continue;
    const read = yield* paragraphSteps(body, skip, maxChars);
    if (read.paragraphs.length === 0) continue;
    return {
      paragraphs: read.paragraphs,
      cut: !read.complete,
      source: 'page',
      title: null,
      liveRoot: body,
      liveSkip: skip,
      fromStart: true,
    };
  }
  return null;
}
