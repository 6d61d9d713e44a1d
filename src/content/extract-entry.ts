/**
 * The extractor as a module of its own (content-extract.js), loaded by the content script only
 * once a page looks like an article, or the reader asks to check it anyway: Readability is most of
 * its size, and most pages never need it, so it stays out of the script injected into every page.
 * The reader of a page's visible main text (main-text.ts: the extractor's last resort, and what
 * "Check this page anyway" reads on a page that is not an article) comes with it, and so does the
 * reader of the selection, needed only when the reader asks to check one. All run a slice at a
 * time, pausing for the page in between (see slices.ts).
 */
export { extractArticleInSlices, extractMainTextInSlices } from './extract';
export { readSelectionInSlices } from './selection-text';
