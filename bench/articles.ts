/** The texts the benchmarks check: the bundled reports and the fixture articles of other outlets. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFromHtml } from '../src/cli/input';
import { readCorpus } from '../src/cli/read-corpus';
import type { CorpusInput } from '../src/core/corpus';

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The bundled corpus folder. */
export const CORPUS_DIR = path.join(ROOT, 'assets/corpus');
/** Folder of plain-text fixture articles (unrelated stories of other outlets). */
const FIXTURE_TEXT_DIRS = ['test/fixtures/articles'];
/**
 * Article pages of the fixture site, whose text is extracted the way the extension extracts it:
 * a sixth outlet retelling the corpus story in its own words, and an unrelated sports story.
 */
const FIXTURE_PAGES = [
  {
    name: 'meridian-post (sixth outlet)',
    file: 'meridianpost.test/world/2025/mar/14/russia-demands-ceasefire-talks.html',
  },
  {
    name: 'meridian-post sport (unrelated)',
    file: 'meridianpost.test/sport/2025/mar/15/harbour-city-rovers-derby.html',
  },
];
const SITE_DIR = 'test/fixtures/site/hosts';

/** One article to check, and the report to leave out when it is itself a corpus report. */
export interface BenchArticle {
  name: string;
  text: string;
  exclude?: string;
}

/** The bundled corpus reports, read and checked as the build reads them. */
export function realReports(): { story: string | null; inputs: CorpusInput[] } {
  return readCorpus(CORPUS_DIR);
}

/** Every plain-text fixture article, by file name. */
export function fixtureArticles(): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const dir of FIXTURE_TEXT_DIRS) {
    const abs = path.join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const file of readdirSync(abs).sort()) {
      if (!file.endsWith('.txt')) continue;
      out.push({
        name: file.replace(/\.txt$/, ''),
        text: readFileSync(path.join(abs, file), 'utf8'),
      });
    }
  }
  return out;
}

/** The fixture site's article pages, as the extension's extractor reads them. */
export async function fixturePages(): Promise<BenchArticle[]> {
  const out: BenchArticle[] = [];
  for (const page of FIXTURE_PAGES) {
    const file = path.join(ROOT, SITE_DIR, page.file);
    if (!existsSync(file)) continue;
    const article = await articleFromHtml(readFileSync(file, 'utf8'), page.file);
    out.push({ name: page.name, text: article.text });
  }
  return out;
}

/**
 * The articles of the engine-against-Fuse comparison: each report left out of its own check, the
 * fixture site's article pages, then the plain-text fixtures.
 */
export async function comparisonArticles(inputs: readonly CorpusInput[]): Promise<BenchArticle[]> {
  return [
    ...inputs.map((i) => ({ name: i.meta.id, text: i.text, exclude: i.meta.id })),
    ...(await fixturePages()),
    ...fixtureArticles(),
  ];
}
