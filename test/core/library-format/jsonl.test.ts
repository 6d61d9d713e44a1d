import { describe, expect, test } from 'vitest';
import {
  articleKeyUrl,
  exportJsonLines,
  readJsonLines,
  type LibraryArticle,
} from '../../../src/core/library-format';

const article = (n: number): LibraryArticle => ({
  url: `https://news.example/story-${n}`,
  outlet: `Outlet ${n}`,
  title: n % 2 ? `Title ${n}` : null,
  published: n % 2 ? '2025-03-13' : null,
  read: `2025-05-0${n}T10:00:00.000Z`,
  text: `First paragraph of story ${n}, with "quotes" and a line\nbreak.\n\nSecond — ünïcödé paragraph.`,
});

describe('JSON Lines export', () => {
  test('each line has exactly the documented fields, in order', () => {
    const lines = exportJsonLines([article(1), article(2)]).split('\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1))
      expect(Object.keys(JSON.parse(line))).toEqual([
        'url',
        'outlet',
        'title',
        'published',
        'read',
        'text',
      ]);
  });

  test('reads back the same articles', () => {
    const articles = [1, 2, 3].map(article);
    const read = [...readJsonLines(exportJsonLines(articles))];
    expect(read).toEqual(articles.map((a, i) => ({ line: i + 1, article: a })));
  });
});

describe('JSON Lines import', () => {
  const good = JSON.stringify(article(1));
  test.each([
    ['not JSON', '{"url": "https://a.example/x", "text": '],
    ['a list', '[1, 2]'],
    ['no text', JSON.stringify({ url: 'https://a.example/x', outlet: 'A' })],
    ['an empty text', JSON.stringify({ ...article(1), text: '   ' })],
    ['binary text', JSON.stringify({ ...article(1), text: 'ab\u0000cd' })],
    ['a URL that is not http(s)', JSON.stringify({ ...article(1), url: 'javascript:alert(1)' })],
    ['a date that is none', JSON.stringify({ ...article(1), read: 'last Tuesday' })],
    ['no outlet and no URL', JSON.stringify({ ...article(1), url: '', outlet: '' })],
  ])('reports %s with its line number and reads the other lines', (_name, bad) => {
    const results = [...readJsonLines(`${good}\n\n${bad}\r\n${good}\n`)];
    expect(results.map((r) => r.line)).toEqual([1, 3, 4]);
    expect('error' in results[1]!).toBe(true);
    expect('article' in results[0]! && 'article' in results[2]!).toBe(true);
  });

  test('fills the outlet from the URL, the read date from now, and takes a byte-order mark', () => {
    const line = JSON.stringify({ url: 'https://www.paper.example/a', text: 'Some text here.' });
    const [result] = [...readJsonLines(`\ufeff${line}`, () => '2025-05-03T00:00:00.000Z')];
    expect(result).toEqual({
      line: 1,
      article: {
        url: 'https://www.paper.example/a',
        outlet: 'paper.example',
        title: null,
        published: null,
        read: '2025-05-03T00:00:00.000Z',
        text: 'Some text here.',
      },
    });
  });

  test('an article is kept once under its URL without fragment or tracking parameters', () => {
    expect(articleKeyUrl('https://a.example/x?id=3&utm_source=feed&fbclid=1#comments')).toBe(
      'https://a.example/x?id=3',
    );
  });
});
