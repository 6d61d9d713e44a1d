/**
 * The extractor as a module of its own (content-extract.js), loaded by the content script only
 * once a page looks like an article: Readability is most of its size, and most pages never need
 * it, so it stays out of the script injected into every page. The reader of a page's visible main
 * text (for "Check this page anyway" where no article is found) shares its machinery and comes
 * with it; both run a slice at a time, pausing for the page in between (see slices.ts). So does
 * the reader of the selection, needed only when the reader asks to check one.
 */
export { extractArticleInSlices } from './extract';
export { extractMainTextInSlices } from './main-text';
export { readSelectionInSlices } from './selection-text';
