/** Reading the article the command line checks: a file or standard input, plain text or HTML. */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { detectArticle } from '../content/detect';
import { extractArticle } from '../content/extract';
import { readPageMeta, type PageMeta } from '../content/page-meta';
import { publishedDate } from '../content/published-date';
import { textProblem } from '../core/corpus';
import { looksLikeHtml } from '../core/input-format';

/** A problem with the input, reported on one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The article to check. */
export interface Article {
  text: string;
  title: string | null;
  detected: boolean;
  /** True when the input was HTML and the article text was extracted from it. */
  html: boolean;
  /** The publication date the HTML's markup gives (ISO), or null. */
  published: string | null;
  /** True when no article body was found in the HTML and the page's main text was taken. */
  fallback: boolean;
  /** What an HTML page says of its publisher and address. */
  meta?: PageMeta;
}

/**
 * Largest input read: far above any article page (a heavy news page is a few MB of HTML); bigger
 * input is refused rather than parsed for minutes.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Reads `file` (or standard input for "-") as UTF-8 text. */
export function readInput(file: string): string {
  let bytes: Buffer;
  const name = file === '-' ? 'standard input' : file;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : `cannot be read (${code ?? 'error'})`;
    throw new InputError(`${name}: ${why}`);
  }
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(`${name}: too large (over ${MAX_INPUT_BYTES >> 20} MB)`);
  if (bytes.length === 0) throw new InputError(`${name}: empty input`);
  if (bytes.includes(0)) throw new InputError(`${name}: binary input, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: binary input, not UTF-8 text`);
  }
  if (text.trim() === '') throw new InputError(`${name}: empty input`);
  const problem = textProblem(text);
  if (problem)
    throw new InputError(
      `${name}: ${problem.startsWith('has no') ? 'no text in input' : 'binary input, not text'}`,
    );
  return text;
}

/** An inline <svg> element, up to its end tag (nested <svg>s are rare in pages and end it early). */
const SVG_ELEMENT = /<svg\b[\s\S]*?<\/svg\s*>/gi;
/** A <style> or <script> element with its content. */
const STYLE_OR_SCRIPT = /<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * `html` without the <style> and <script> elements inside inline SVG. happy-dom's parser drops
 * everything after such an element (https://github.com/capricorn86/happy-dom/issues/2231, open
 * in 21.0.4), so an icon sprite at the top of a page would hide the whole article from the command
 * line; a browser parses them as it should, and they are never article text.
 */
export function withoutSvgStyles(html: string): string {
  return html.replace(SVG_ELEMENT, (svg) => svg.replace(STYLE_OR_SCRIPT, ''));
}

/** The article of an HTML page, extracted the way the extension does it (scripts never run). */
export async function articleFromHtml(html: string, name: string): Promise<Article> {
  const window = new Window({
    url: 'https://crosscheck.invalid/article',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  try {
    window.document.write(withoutSvgStyles(html));
    const doc = window.document as unknown as Document;
    const detection = detectArticle(doc);
    const article = extractArticle(doc);
    if (!article || article.text.trim() === '')
      throw new InputError(`${name}: no article text found in the HTML`);
    return {
      text: article.text,
      title: article.title,
      detected: detection.isArticle,
      html: true,
      published: publishedDate(doc),
      fallback: article.source === 'page',
      meta: readPageMeta(doc),
    };
  } finally {
    await window.happyDOM.close();
  }
}

/** Reads and prepares the article in `file`. */
export async function readArticle(file: string): Promise<Article> {
  const text = readInput(file);
  const name = file === '-' ? 'standard input' : file;
  if (looksLikeHtml(text, file)) return articleFromHtml(text, name);
  // Plain text is taken as the article as given: the reader chose it.
  return { text, title: null, detected: true, html: false, published: null, fallback: false };
}
