/**
 * Reading a corpus the reader names (`--corpus PATH`, `build-corpus PATH`): a folder of reports
 * (plain text or HTML, with an optional reports.json in the bundled corpus's format), a JSON Lines
 * library export, or a compiled corpus file. Every problem is a one-line CorpusError.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { aliasTable, CorpusError, parseManifest, type CorpusInput } from '../core/corpus';
import { FormatError } from '../core/index/binary';
import { compileSegment } from '../core/index/compile';
import type { Segment } from '../core/index/segment';
import {
  articleMeta,
  isCorpusFile,
  readCorpusFile,
  readJsonLines,
  type LibraryArticle,
} from '../core/library-format';
import { uniqueSlugs } from '../core/slug';
import type { Lexicon } from '../core/synonyms';
import { looksLikeHtml } from '../core/input-format';
import { articleFromHtml, InputError, readInput } from './input';
import { MANIFEST } from './read-corpus';

/** A corpus read from PATH: its articles and the index over them (report i is article i). */
export interface CorpusAtPath {
  story: string | null;
  articles: LibraryArticle[];
  segment: Segment;
}

/** Report files of a folder without reports.json. */
const REPORT_FILE = /\.(?:txt|html?)$/i;

/** The article of one report file: its text (extracted from HTML) and what the page says. */
async function readReport(
  file: string,
  name: string,
): Promise<{
  text: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
}> {
  let raw: string;
  try {
    raw = readInput(file);
  } catch (error) {
    throw new CorpusError(name, (error as Error).message.replace(`${file}: `, ''));
  }
  if (!looksLikeHtml(raw, file))
    return { text: raw, title: null, outlet: null, url: null, published: null };
  try {
    const article = await articleFromHtml(raw, name);
    return {
      text: article.text,
      title: article.title,
      outlet: article.meta?.outlet ?? null,
      url: article.meta?.url ?? null,
      published: article.meta?.published ?? null,
    };
  } catch (error) {
    if (error instanceof InputError)
      throw new CorpusError(name, 'no article text found in the HTML');
    throw error;
  }
}

/** A file name without its extension, as an outlet's name of last resort. */
function outletOfFile(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || name
  );
}

/** Reads a folder of reports, with or without reports.json. */
async function readFolder(dir: string): Promise<{ story: string | null; inputs: CorpusInput[] }> {
  const manifestFile = path.join(dir, MANIFEST);
  let manifestText: string | null = null;
  try {
    manifestText = readFileSync(manifestFile, 'utf8');
  } catch {
    // No manifest: every report file of the folder, described by itself.
  }
  if (manifestText !== null) {
    let json: unknown;
    try {
      json = JSON.parse(manifestText);
    } catch {
      throw new CorpusError(MANIFEST, 'is not valid JSON');
    }
    const manifest = parseManifest(json, MANIFEST);
    const inputs: CorpusInput[] = [];
    for (const meta of manifest.reports) {
      const report = await readReport(path.join(dir, meta.file), meta.file);
      inputs.push({ meta, text: report.text });
    }
    return { story: manifest.story, inputs };
  }
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => REPORT_FILE.test(name))
      .sort();
  } catch {
    throw new CorpusError(dir, 'cannot be read');
  }
  if (names.length === 0) throw new CorpusError(dir, 'has no reports (.txt, .html or .htm files)');
  const reports = [];
  for (const name of names) {
    const file = path.join(dir, name);
    reports.push({ name, file, ...(await readReport(file, name)) });
  }
  const outlets = reports.map((r) => r.outlet ?? outletOfFile(r.name));
  const ids = uniqueSlugs(outlets, (i) => `report-${i + 1}`);
  const inputs = reports.map((r, i): CorpusInput => {
    const article: LibraryArticle = {
      // A file that names no address of its own has none: a local path means nothing elsewhere.
      url: r.url ?? '',
      outlet: outlets[i]!,
      title: r.title,
      published: r.published,
      read: '',
      text: r.text,
    };
    // Reports of a folder were not read by anyone in particular: no read date.
    const { read: _read, ...meta } = articleMeta(article, ids[i]!, r.name);
    return { meta, text: r.text };
  });
  return { story: null, inputs };
}

/** Reads a JSON Lines export; any line it cannot read is an error naming the line. */
function readExport(file: string, name: string): CorpusInput[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    throw new CorpusError(name, 'is not UTF-8 text');
  }
  const articles: LibraryArticle[] = [];
  for (const line of readJsonLines(text)) {
    if ('error' in line) throw new CorpusError(name, `line ${line.line}: ${line.error}`);
    articles.push(line.article);
  }
  if (articles.length === 0) throw new CorpusError(name, 'has no articles');
  const ids = uniqueSlugs(
    articles.map((a) => a.outlet),
    (i) => `article-${i + 1}`,
  );
  return articles.map((article, i) => ({
    meta: articleMeta(article, ids[i]!, `${name}:${i + 1}`),
    text: article.text,
  }));
}

/** The articles of compile inputs, in the export format. */
function articlesOf(inputs: readonly CorpusInput[]): LibraryArticle[] {
  return inputs.map(({ meta, text }) => {
    const article: LibraryArticle = {
      url: meta.url,
      outlet: meta.outlet,
      title: meta.title,
      published: meta.published || null,
      read: meta.read ?? new Date().toISOString(),
      text,
    };
    if (meta.origin) article.origin = meta.origin;
    return article;
  });
}

/**
 * Reads the corpus at `target` and compiles what needs compiling (with the thesaurus, when one
 * is given). Throws a CorpusError on a missing, empty or damaged corpus.
 */
export async function readCorpusAt(target: string, lexicon?: Lexicon): Promise<CorpusAtPath> {
  let isFolder: boolean;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    throw new CorpusError(target, 'no such file or folder');
  }
  const compile = (inputs: CorpusInput[]) =>
    compileSegment(inputs, { aliases: aliasTable(), lexicon });
  if (isFolder) {
    const { story, inputs } = await readFolder(target);
    return { story, articles: articlesOf(inputs), segment: compile(inputs) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(target);
  } catch {
    throw new CorpusError(target, 'cannot be read');
  }
  if (bytes.length === 0) throw new CorpusError(target, 'is empty');
  if (isCorpusFile(bytes)) {
    let file;
    try {
      file = readCorpusFile(new Uint8Array(bytes));
    } catch (error) {
      if (error instanceof FormatError) throw new CorpusError(target, error.message);
      throw error;
    }
    if (file.segment) return { story: file.story, articles: file.articles, segment: file.segment };
    // Made by another version of the tokeniser: compile the articles again.
    const inputs = file.articles.map((article, i) => ({
      meta: articleMeta(article, `article-${i + 1}`),
      text: article.text,
    }));
    return { story: file.story, articles: file.articles, segment: compile(inputs) };
  }
  if (/\.jsonl$/i.test(target) || bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b)) {
    const inputs = readExport(target, target);
    return { story: null, articles: articlesOf(inputs), segment: compile(inputs) };
  }
  throw new CorpusError(
    target,
    'is not a folder of reports, a .jsonl library export or a compiled corpus file',
  );
}
