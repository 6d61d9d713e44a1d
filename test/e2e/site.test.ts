// The fixture site itself: generated pages match the corpus, every report's text is on its page
// word for word (one block per corpus line), and each page carries the signals it is meant to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { ROOT } from './support/chromium.mjs';
import { SITE_ROOT } from './support/site-server.mjs';

interface CorpusReport {
  file: string;
  outlet: string;
}

const corpusDir = path.join(ROOT, 'assets/corpus');
const reports = (
  JSON.parse(readFileSync(path.join(corpusDir, 'reports.json'), 'utf8')) as {
    reports: CorpusReport[];
  }
).reports;

/** Fixture file of each report's page, and the element holding its article text. */
const REPORT_PAGES: Record<string, { file: string; body: string }> = {
  '000': {
    file: 'cnewslive.test/news/29835/russia-presents-us-with-demands-for-ending-ukraine-war-and-resetting-relations-aj.html',
    body: '.news-content',
  },
  '001': {
    file: 'ganjingworld.test/news/1hg77petps26IKb20bldKghoE1kj1c.html',
    body: '.content-body',
  },
  '002': { file: 'trutherdaily.test/russia-demands.html', body: '.entry-content' },
  '003': {
    file: 'chriswicknews.test/russia-presents-u-s-with-list-of-demands-to-end-war-in-ukraine/13274/index.html',
    body: '.td-post-content',
  },
  '004': {
    file: 'eawaz.test/usa-news/putins-conditions-without-which-there-is-no-truce-trump-is-waiting-for-an-answer-to-a-key-question/index.html',
    body: '.entry-content',
  },
};

function load(file: string): Document {
  const window = new Window({ url: 'http://fixture.test/' });
  window.document.write(readFileSync(path.join(SITE_ROOT, file), 'utf8'));
  return window.document as unknown as Document;
}

/** The text blocks of an article body, in document order. */
function blocks(doc: Document, selector: string): string[] {
  const body = doc.querySelector(selector);
  if (!body) throw new Error(`no ${selector}`);
  return [...body.querySelectorAll('p, h2, li, figcaption')]
    .map((el) => (el.textContent ?? '').trim())
    .filter((text) => text !== '');
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[•*-]\s+/, '').trim())
    .filter((line) => line !== '');
}

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record['@type'] === 'string') types.push(record['@type']);
      if (record['@graph']) visit(record['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    visit(JSON.parse(script.textContent ?? 'null'));
  }
  return types;
}

const ogType = (doc: Document) =>
  doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? null;

describe('fixture site', () => {
  test('the generated pages are up to date with the corpus', () => {
    // Throws (and prints the stale files) when a page differs from what the generator writes.
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'test/fixtures/site/generate.mjs'), '--check'],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/up to date/);
  });

  test.each(reports.map((r) => [r.outlet, r] as const))(
    "%s: the page carries the report's text unchanged, one block per line",
    (_outlet, report) => {
      const spec = REPORT_PAGES[report.file.slice(0, 3)];
      expect(spec).toBeDefined();
      const doc = load(spec!.file);
      const text = readFileSync(path.join(corpusDir, report.file), 'utf8');
      expect(blocks(doc, spec!.body)).toEqual(lines(text));
      // Inline markup splits sentences across nodes, as on real pages.
      expect(
        doc.querySelectorAll(`${spec!.body} a, ${spec!.body} em, ${spec!.body} strong`).length,
      ).toBeGreaterThanOrEqual(3);
      expect(jsonLdTypes(doc).some((t) => /Article$/.test(t))).toBe(true);
      expect(ogType(doc)).toBe('article');
      for (const part of ['nav', 'footer, .site-footer, .td-footer', '#comments', '.share']) {
        expect(doc.querySelector(part), part).not.toBeNull();
      }
    },
  );

  test('the sixth outlet retells the story in its own words', () => {
    const doc = load('meridianpost.test/world/2025/mar/14/russia-demands-ceasefire-talks.html');
    const ownText = blocks(doc, '.article-body');
    expect(ownText.length).toBeGreaterThan(8);
    const corpus = reports
      .map((r) => readFileSync(path.join(corpusDir, r.file), 'utf8'))
      .join('\n');
    // Mostly its own sentences: at most a couple are copied word for word from the corpus.
    const copied = ownText.filter((sentence) => corpus.includes(sentence));
    expect(copied.length).toBeLessThanOrEqual(2);
    expect(jsonLdTypes(doc)).toContain('NewsArticle');
  });

  test.each([
    ['news homepage', 'meridianpost.test/index.html', 'website'],
    ['search results', 'meridianpost.test/search.html', null],
    ['shop', 'northwind-shop.test/products/ridgeline-jacket.html', 'product'],
  ])('%s carries no article signals of its own', (_name, file, og) => {
    const doc = load(file);
    expect(ogType(doc)).toBe(og);
    expect(jsonLdTypes(doc).filter((t) => /Article$/.test(t))).toEqual([]);
  });
});
