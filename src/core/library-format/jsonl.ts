/**
 * The library's export format, JSON Lines: one article a line, as a JSON object with the fields
 * `url`, `outlet`, `title`, `published`, `read` and `text`, in that order (see the README). The
 * import reads the same, line by line, and says which lines it could not read.
 */
import { parseArticle, type LibraryArticle } from './article';

/** One line of the export. */
export function exportLine(article: LibraryArticle): string {
  const { url, outlet, title, published, read, text } = article;
  const line: Record<string, unknown> = { url, outlet, title, published, read, text };
  if (article.origin) line.origin = article.origin;
  return JSON.stringify(line);
}

/** The whole export of some articles: one line each, each ending in a newline. */
export function exportJsonLines(articles: Iterable<LibraryArticle>): string {
  let out = '';
  for (const article of articles) out += `${exportLine(article)}\n`;
  return out;
}

/** What one line of an import gave: an article, or why not, with the line's number (from 1). */
export type ImportLine =
  { line: number; article: LibraryArticle } | { line: number; error: string };

/**
 * Reads JSON Lines, one result per non-blank line. A byte-order mark and Windows line ends are
 * accepted; a line that is not a JSON object of an article gives its error, and the others are
 * read all the same.
 */
export function* readJsonLines(
  text: string,
  now: () => string = () => new Date().toISOString(),
): Generator<ImportLine> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let start = 0;
  let number = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    number++;
    const line = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() === '') {
      if (end === body.length) break;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      yield { line: number, error: 'not valid JSON' };
      continue;
    }
    const result = parseArticle(parsed, now);
    yield 'error' in result
      ? { line: number, error: result.error }
      : { line: number, article: result.article };
    if (end === body.length) break;
  }
}
