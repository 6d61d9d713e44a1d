/**
 * The golden suite of real pages: Mozilla Readability's news-like test pages, each read the way
 * `crosscheck match source.html` reads it (src/cli/input.ts, then the extractor under happy-dom),
 * must be detected as an article and agree with Readability's expected output word by word, or be
 * listed below with the reason it differs on purpose.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { articleFromHtml } from '../../../src/cli/input';
import { loadDevCorpus } from '../../quality/predict';
import { expectedText, REAL_PAGES, sourceHtml } from './pages';
import { wordF1 } from './word-f1';

/**
 * Word-level F1 an extraction must reach against Readability's expected output. Below it, text of
 * the story is missing or text that is not the story (a menu, a consent banner) came with it.
 */
const MIN_WORD_F1 = 0.9;

/**
 * Pages whose reading differs from Readability's on purpose, and why: `not-article` when the page
 * is rightly not taken for an article, `text` when the extracted text differs.
 */
const DIFFERS_ON_PURPOSE: Record<string, { kind: 'not-article' | 'text'; reason: string }> = {
  'nytimes-5': {
    kind: 'not-article',
    reason:
      'the front page of The New York Times en Español: a grid of teasers from many stories, ' +
      'not one article (Readability, which does not judge, returns the first block of teasers)',
  },
};

/** Text that is never an article's: consent banners, cookie walls, skip links, newsletter boxes. */
const NOT_ARTICLE_TEXT = [
  /would like to process and share personal data/i,
  /\bwe use cookies\b/i,
  /\b(?:accept|manage) (?:all )?cookies\b/i,
  /\bskip (?:to (?:main )?content|navigation)\b/i,
  /\bjump to navigation\b/i,
];

const rows: string[] = [];
afterAll(() => {
  // The figures behind the suite, for the README and the before/after.
  const good = rows.filter((row) => row.endsWith('ok')).length;
  console.log(`${rows.join('\n')}\n${good} of ${REAL_PAGES.length} pages read as Readability does`);
});

describe('the article of real news pages (Mozilla Readability test pages)', () => {
  test('every page of pages.json is in the suite, and every exception names a page of it', () => {
    expect(REAL_PAGES.length).toBe(48);
    const slugs = new Set(REAL_PAGES.map((page) => page.slug));
    for (const slug of Object.keys(DIFFERS_ON_PURPOSE)) expect(slugs).toContain(slug);
  });

  test.each(REAL_PAGES.map((page) => [page.slug, page.publisher] as const))(
    '%s (%s)',
    async (slug) => {
      const article = await articleFromHtml(sourceHtml(slug), slug);
      const score = wordF1(await expectedText(slug), article.text);
      const opening = article.text.slice(0, 2_000);
      for (const pattern of NOT_ARTICLE_TEXT) expect(opening, slug).not.toMatch(pattern);
      const exception = DIFFERS_ON_PURPOSE[slug];
      const ok = article.detected && score.f1 >= MIN_WORD_F1;
      rows.push(
        `${slug.padEnd(26)} detected=${article.detected ? 'yes' : 'no '} F1=${score.f1.toFixed(3)} ` +
          `P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} ${ok ? 'ok' : 'differs'}`,
      );
      if (exception?.kind === 'not-article') {
        expect(article.detected, `${slug}: ${exception.reason}`).toBe(false);
        return;
      }
      if (exception?.kind === 'text') {
        // The difference must still be there: once the page reads like Readability's output, the
        // exception has to go.
        expect(ok, `${slug} is listed as differing on purpose (${exception.reason})`).toBe(false);
        return;
      }
      expect(article.detected, `${slug} detected as an article`).toBe(true);
      expect(score.f1, `${slug} word F1`).toBeGreaterThanOrEqual(MIN_WORD_F1);
    },
    30_000,
  );

  // None of these pages is about the corpus's story (a Russian list of demands for ending the war
  // in Ukraine, March 2025), so no sentence of theirs makes a claim of a corpus report: a match
  // here is a false "another outlet said this" on a real page.
  test('no sentence of any of these pages is matched to a corpus report', async () => {
    const { matcher } = loadDevCorpus();
    const matched: string[] = [];
    for (const page of REAL_PAGES) {
      const article = await articleFromHtml(sourceHtml(page.slug), page.slug);
      for (const sentence of matcher.check(article.text).sentences) {
        for (const match of sentence.matches)
          matched.push(`${page.slug}: "${sentence.text}" ~ ${match.outlet}: "${match.text}"`);
      }
    }
    expect(matched).toEqual([]);
  }, 120_000);
});
