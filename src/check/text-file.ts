/**
 * Reading a file the reader dropped on the check page (or opened with its button): plain text as
 * it is, HTML the way the extension reads a page the reader asks to check: an article through the
 * same extraction as the command line's HTML input (Readability and the fallbacks of extract.ts,
 * down to the page's visible main text where no article body is found), and a page that is not
 * taken for an article by its visible main text, as "Check this page anyway" reads it. Scripts in
 * the file never run: it is parsed with DOMParser, which gives a document that loads and runs
 * nothing.
 */
import { detectArticle } from '../content/detect';
import { extractArticle, extractMainText } from '../content/extract';
import { publishedDate } from '../content/published-date';
import { looksLikeHtml } from '../core/input-format';
import { t } from '../shared/i18n';

/**
 * Largest file read. A heavy news page is a few megabytes of HTML; parsing and extracting ten
 * takes a second or two in the page, and anything larger is not a text someone wants checked.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** File names read as plain text and as HTML; other names are read when their bytes are text. */
const TEXT_NAME = /\.(?:txt|text)$/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;

/** A file's text, ready to check, or why there is none. */
export type FileText =
  | {
      ok: true;
      text: string;
      /** The HTML's title (as the extension finds a page's title), else null. */
      title: string | null;
      /** Whether the file is a news article by the extension's detection (plain text: true). */
      detected: boolean;
      /** What was read: the text as given, an HTML article, or an HTML page's visible text. */
      read: 'text' | 'article' | 'page';
      /** The publication date the HTML's markup gives (ISO), else null. */
      published: string | null;
    }
  | { ok: false; error: string };

/** The bytes as text: UTF-8, or Windows-1252 (the web's legacy default) when not valid UTF-8. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The article (or else the visible text) of an HTML document given as text. */
export function textOfHtml(
  html: string,
  parse: (html: string) => Document = (source) =>
    new DOMParser().parseFromString(source, 'text/html'),
): Omit<Extract<FileText, { ok: true }>, 'ok'> | null {
  const doc = parse(html);
  const detected = detectArticle(doc).isArticle;
  const article = detected ? extractArticle(doc) : extractMainText(doc);
  if (!article || article.text.trim() === '') return null;
  const read = article.source === 'page' ? 'page' : 'article';
  return {
    text: article.text,
    title: article.title,
    detected,
    read,
    published: publishedDate(doc),
  };
}

/** Reads a dropped or opened file: its text to check, or a message saying why not. */
export async function readTextFile(file: File): Promise<FileText> {
  const name = file.name;
  const html = HTML_NAME.test(name) || file.type === 'text/html';
  const text = TEXT_NAME.test(name) || file.type === 'text/plain';
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: t('checkFileTooLarge', [name, String(MAX_FILE_BYTES >> 20)]) };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, error: t('checkFileUnreadable', name) };
  }
  // NUL bytes do not occur in text: an image, a PDF or an archive, whatever its name.
  if (bytes.includes(0)) return { ok: false, error: t('checkFileUnsupported', name) };
  const content = decode(bytes);
  if (content.trim() === '') return { ok: false, error: t('checkFileEmpty', name) };
  if (html || (!text && looksLikeHtml(content, name))) {
    const found = textOfHtml(content);
    return found ? { ok: true, ...found } : { ok: false, error: t('checkFileEmpty', name) };
  }
  return { ok: true, text: content, title: null, detected: true, read: 'text', published: null };
}
