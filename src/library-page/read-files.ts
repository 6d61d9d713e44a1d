/**
 * The files a reader imports into the library, read into articles: JSON Lines exports (line by
 * line, each line that cannot be read reported with its number), compiled corpus files (passed on
 * whole), HTML pages (the article extracted as the content script does it) and plain text.
 */
import {
  isCorpusFile,
  MAX_ARTICLE_TEXT,
  parseArticle,
  readJsonLines,
  type LibraryArticle,
} from '../core/library-format';
import { hostOf } from '../core/library-format/article';
import { extractArticle } from '../content/extract';
import { readPageMeta } from '../content/page-meta';

/** A line or a file that could not be imported. */
export interface ImportProblem {
  file: string;
  /** The line number (from 1) in a JSON Lines file, else null. */
  line: number | null;
  error: string;
}

/** What one file gave. */
export type ImportItem =
  | { kind: 'articles'; file: string; articles: LibraryArticle[]; problems: ImportProblem[] }
  | { kind: 'corpus'; file: string; bytes: Uint8Array };

/** A file as the page reads it. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

const JSON_LINES = /\.(?:jsonl|ndjson|json)$/i;
const HTML = /\.x?html?$/i;

function problem(file: string, error: string): ImportItem {
  return { kind: 'articles', file, articles: [], problems: [{ file, line: null, error }] };
}

/** A file name without its extension, as a title or outlet of last resort. */
function baseName(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || name
  );
}

/**
 * Reads one chosen file. `parseHtml` turns markup into a document (a DOMParser in the page);
 * `now` is the read date given to articles that carry none.
 */
export function readImportFile(
  file: ChosenFile,
  parseHtml: (html: string) => Document,
  now: string,
): ImportItem {
  if (isCorpusFile(file.bytes)) return { kind: 'corpus', file: file.name, bytes: file.bytes };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return problem(file.name, 'not UTF-8 text (an export, a corpus file, a text or an HTML file)');
  }
  if (text.trim() === '') return problem(file.name, 'empty');
  const html = HTML.test(file.name) || /^\s*<(?:!doctype html|html)/i.test(text.slice(0, 1000));
  if (JSON_LINES.test(file.name) || (!html && text.trimStart().startsWith('{'))) {
    const articles: LibraryArticle[] = [];
    const problems: ImportProblem[] = [];
    for (const line of readJsonLines(text, () => now)) {
      if ('error' in line) problems.push({ file: file.name, line: line.line, error: line.error });
      else articles.push(line.article);
    }
    return { kind: 'articles', file: file.name, articles, problems };
  }
  let candidate: Record<string, unknown>;
  if (html) {
    const doc = parseHtml(text);
    const article = extractArticle(doc, { maxChars: MAX_ARTICLE_TEXT });
    if (!article || article.text.trim() === '') return problem(file.name, 'no article text found');
    const meta = readPageMeta(doc);
    candidate = {
      url: meta.url ?? '',
      outlet: meta.outlet ?? (meta.url ? hostOf(meta.url) : null) ?? baseName(file.name),
      title: article.title,
      published: meta.published,
      read: now,
      text: article.text,
    };
  } else {
    candidate = {
      url: '',
      outlet: baseName(file.name),
      title: null,
      published: null,
      read: now,
      text,
    };
  }
  const parsed = parseArticle(candidate, () => now);
  return 'error' in parsed
    ? problem(file.name, parsed.error)
    : { kind: 'articles', file: file.name, articles: [parsed.article], problems: [] };
}
