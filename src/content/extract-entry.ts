/**
 * The extractor as a module of its own (content-extract.js), loaded by the content script only
 * once a page looks like an article: Readability is most of its size, and most pages never need
 * it, so it stays out of the script injected into every page. It runs a slice at a time, pausing
 * for the page in between (see slices.ts).
 */
export { extractArticleInSlices } from './extract';
