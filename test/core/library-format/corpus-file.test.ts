import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../src/core/corpus';
import { FormatError } from '../../../src/core/index/binary';
import { compileSegment } from '../../../src/core/index/compile';
import {
  articleMeta,
  isCorpusFile,
  readCorpusFile,
  writeCorpusFile,
  type LibraryArticle,
} from '../../../src/core/library-format';
import { loadDevCorpus } from '../../quality/predict';

const corpus = loadDevCorpus();
const articles: LibraryArticle[] = corpus.inputs.map((input) => ({
  url: input.meta.url,
  outlet: input.meta.outlet,
  title: input.meta.title,
  published: '2025-03-13',
  read: '2025-05-03T09:00:00.000Z',
  text: input.text,
  origin: input.meta.origin,
}));
const segment = compileSegment(
  articles.map((a, i) => ({ meta: articleMeta(a, `r${i}`), text: a.text })),
  { aliases: aliasTable() },
);
const bytes = writeCorpusFile({ story: 'A story', articles, segment });

describe('the compiled corpus file', () => {
  test('reads back its articles and index', () => {
    expect(isCorpusFile(bytes)).toBe(true);
    const read = readCorpusFile(bytes);
    expect(read.story).toBe('A story');
    expect(read.articles).toEqual(articles);
    expect(read.segment!.keys).toEqual(segment.keys);
    expect(read.segment!.units).toBe(segment.units);
  });

  test('a flipped byte anywhere in its body is found', () => {
    for (const at of [bytes.length - 10, bytes.length >> 1, bytes.length - 2000]) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 0x55;
      expect(() => readCorpusFile(damaged)).toThrow(FormatError);
    }
  });

  test('a file cut short or of another kind is refused', () => {
    expect(() => readCorpusFile(bytes.slice(0, 100))).toThrow(FormatError);
    expect(() => readCorpusFile(new TextEncoder().encode('{"url": 1}'))).toThrow(FormatError);
  });
});
