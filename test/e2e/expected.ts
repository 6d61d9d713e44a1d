/**
 * What the engine says about a text, computed in Node with the same Matcher and the same built
 * index the extension loads: the browser tests compare the page's highlights and badge with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { CompiledCorpus } from '../../src/core/corpus';
import { Matcher } from '../../src/core/matcher';
import type { ArticleReport, ReportMeta } from '../../src/core/types';
import { highlightName, textKey } from './harness';
import { ROOT } from './support/chromium.mjs';
import { SITE_ROOT } from './support/site-server.mjs';

const INDEX = path.join(ROOT, 'dist/corpus/index.json');
const CORPUS_DIR = path.join(ROOT, 'assets/corpus');

let matcher: Matcher | null = null;

/** The engine over the built index (dist/corpus/index.json). */
export function engine(): Matcher {
  if (matcher) return matcher;
  if (!existsSync(INDEX))
    throw new Error('dist/corpus/index.json is missing: run npm run build first.');
  matcher = Matcher.fromCompiled(JSON.parse(readFileSync(INDEX, 'utf8')) as CompiledCorpus);
  return matcher;
}

/** A corpus report's metadata and text, by the start of its file name (e.g. "003"). */
export function corpusReport(prefix: string): { meta: ReportMeta; text: string } {
  const meta = engine().reports.find((r) => r.file.startsWith(prefix));
  if (!meta) throw new Error(`no corpus report ${prefix}`);
  return { meta, text: readFileSync(path.join(CORPUS_DIR, meta.file), 'utf8') };
}

/**
 * The sixth outlet's article as its page shows it: the standfirst under the headline (a claim of
 * the article too), then the paragraphs of its body.
 */
export function meridianArticleText(): string {
  const html = readFileSync(
    path.join(SITE_ROOT, 'meridianpost.test/world/2025/mar/14/russia-demands-ceasefire-talks.html'),
    'utf8',
  );
  const window = new Window({ url: 'http://meridianpost.test/' });
  window.document.write(html);
  const blocks = [...window.document.querySelectorAll('.standfirst, .article-body p')].map((el) =>
    (el.textContent ?? '').trim(),
  );
  window.close();
  if (blocks.length < 2) throw new Error('the Meridian Post page has no article text');
  return blocks.join('\n');
}

/** One sentence the page should highlight. */
export interface ExpectedHighlight {
  key: string;
  name: string;
  reports: string[];
}

/**
 * The engine's report on a text and the highlights it implies, sorted by sentence text. A line
 * repeating the page's `title` is left out: the article's title is its title, not a sentence of
 * its body (Readability drops such a heading, and so does any reader view).
 */
export function expectedFor(
  text: string,
  title?: string | null,
  threshold?: number,
): { report: ArticleReport; highlights: ExpectedHighlight[] } {
  const body = title
    ? text
        .split('\n')
        .filter((line) => textKey(line) !== textKey(title))
        .join('\n')
    : text;
  const report = engine().check(body, { detected: true, threshold });
  const highlights = report.sentences
    .filter((s) => s.matches.length > 0)
    .map((s) => ({
      key: textKey(s.text),
      name: highlightName(s.matches.length),
      reports: s.matches.map((m) => m.report),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { report, highlights };
}

/** What a corpus report's own news page should show (its title is the page's headline). */
export function expectedForReport(prefix: string): ReturnType<typeof expectedFor> {
  const { meta, text } = corpusReport(prefix);
  return expectedFor(text, meta.title);
}
