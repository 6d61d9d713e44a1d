// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../src/core/corpus';
import { compileSegment } from '../../src/core/index/compile';
import { articleMeta, exportJsonLines, writeCorpusFile } from '../../src/core/library-format';
import { readImportFile } from '../../src/library-page/read-files';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = '2025-05-03T09:30:00.000Z';
const file = (name: string, content: string | Uint8Array) => ({
  name,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});
const article = {
  url: 'https://paper.example/a',
  outlet: 'The Paper',
  title: 'A title',
  published: null,
  read: NOW,
  text: 'Russia has handed the United States a list of demands.',
};

describe('files chosen for import', () => {
  test('a JSON Lines export: its articles, and the lines it could not read by number', () => {
    const jsonl = `${exportJsonLines([article])}not json\n{"url":"https://b.example/","outlet":"B"}\n`;
    const item = readImportFile(file('library.jsonl', jsonl), parse, NOW);
    expect(item).toEqual({
      kind: 'articles',
      file: 'library.jsonl',
      articles: [article],
      problems: [
        { file: 'library.jsonl', line: 2, error: 'not valid JSON' },
        { file: 'library.jsonl', line: 3, error: 'no "text"' },
      ],
    });
  });

  test('an HTML page: its article and what the page says about itself', () => {
    const html = readFileSync(
      path.join(
        root,
        'test/fixtures/site/hosts/harbourledger.test/world/russia-gives-us-list-of-demands.html',
      ),
      'utf8',
    );
    const item = readImportFile(file('ledger.html', html), parse, NOW);
    expect(item.kind).toBe('articles');
    const [read] = item.kind === 'articles' ? item.articles : [];
    expect(read).toMatchObject({
      url: 'http://harbourledger.test/world/russia-gives-us-list-of-demands',
      outlet: 'The Harbour Ledger',
      published: '2025-03-13T21:00:00.000Z',
      read: NOW,
    });
    expect(read!.text).toMatch(/^Russia has given the United States a list of demands/);
  });

  test('a plain text file is an article of an outlet named after the file', () => {
    const item = readImportFile(
      file('northgate_courier.txt', 'Some words of an article.'),
      parse,
      NOW,
    );
    expect(item).toMatchObject({
      kind: 'articles',
      articles: [{ url: '', outlet: 'northgate courier' }],
    });
  });

  test('a compiled corpus file is passed on whole', () => {
    const segment = compileSegment([{ meta: articleMeta(article, 'r0'), text: article.text }], {
      aliases: aliasTable(),
    });
    const bytes = writeCorpusFile({ story: null, articles: [article], segment });
    expect(readImportFile(file('news.ccorpus', bytes), parse, NOW)).toEqual({
      kind: 'corpus',
      file: 'news.ccorpus',
      bytes,
    });
  });

  test.each([
    ['binary', file('x.bin', Uint8Array.from([0xff, 0xfe, 0x00, 0x41]))],
    ['empty', file('x.txt', '   ')],
    [
      'an HTML page without article text',
      file('x.html', '<html><body><img src="a.png" alt=""></body></html>'),
    ],
  ])('%s gives a problem naming the file', (_name, chosen) => {
    const item = readImportFile(chosen, parse, NOW);
    expect(item).toMatchObject({
      kind: 'articles',
      articles: [],
      problems: [{ file: chosen.name, line: null }],
    });
  });
});
