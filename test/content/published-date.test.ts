// @vitest-environment happy-dom
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishedDate } from '../../src/content/published-date';
import { parsePublished } from '../../src/core/provenance';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('');
  d.documentElement.innerHTML = html;
  return d;
}

describe('publishedDate', () => {
  test.each([
    [
      'JSON-LD datePublished',
      '<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-13T19:05:00+05:00"}</script></head>',
      '2025-03-13T19:05:00+05:00',
    ],
    [
      'JSON-LD inside a graph',
      '<head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2025-06-02"}]}</script></head>',
      '2025-06-02',
    ],
    [
      'Open Graph article:published_time',
      '<head><meta property="article:published_time" content="2025-03-14T08:30:00+00:00"></head>',
      '2025-03-14T08:30:00+00:00',
    ],
    [
      'a <time datetime> in the article',
      '<body><article><time datetime="2025-03-13">13 March</time><p>Text.</p></article></body>',
      '2025-03-13',
    ],
    [
      'broken JSON-LD falls back to the meta tag',
      '<head><script type="application/ld+json">{broken</script><meta property="article:published_time" content="2025-03-14"></head>',
      '2025-03-14',
    ],
    ['no date at all', '<body><p>Just text, 13 March 2025.</p></body>', null],
    [
      'a time that is not a date',
      '<body><article><time datetime="PT5M">5 minutes</time></article></body>',
      null,
    ],
  ])('%s', (_name, html, expected) => {
    expect(publishedDate(doc(html))).toBe(expected);
  });

  test('every page of the fixture site that states a date gives one', () => {
    const hosts = path.resolve(__dirname, '../fixtures/site/hosts');
    const found: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : name.endsWith('.html') ? [file] : [];
      });
    for (const file of walk(hosts)) {
      const html = readFileSync(file, 'utf8');
      if (!/datePublished|article:published_time/.test(html)) continue;
      const date = publishedDate(doc(html));
      expect(parsePublished(date), file).not.toBeNull();
      found.push(date!);
    }
    expect(found.length).toBeGreaterThanOrEqual(7);
  });
});

describe('parsePublished: only a date that names its day is known', () => {
  test.each([
    ['2025-06-02T09:10:00Z', '2025-06-02T09:10:00Z'],
    ['2025-06-02', '2025-06-02'],
    ['13 March 2025', '2025-03-13'],
    ['March 13, 2025', '2025-03-13'],
    ['2025-03 (about 12-14 March; exact date not known)', null],
    ['June 2025', null],
    ['2025-02-30', null],
    ['', null],
  ])('%s → %s', (text, iso) => {
    expect(parsePublished(text)?.iso ?? null).toBe(iso);
  });
});
