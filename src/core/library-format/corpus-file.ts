/**
 * The compiled corpus file (`crosscheck build-corpus`): articles in the export format and the
 * matcher's index over them (one segment, see ../index/segment.ts), in one binary container with
 * a checksum. The extension imports it without tokenising anything again (unless its tokeniser
 * changed since, when the articles are compiled anew); `crosscheck match --corpus` reads it too.
 */
import { CORPUS_VERSION } from '../corpus-format';
import { column, crc32, FormatError, magicOf, pack, unpack } from '../index/binary';
import { Segment } from '../index/segment';
import { hostOf, type LibraryArticle } from './article';
import { exportJsonLines, readJsonLines } from './jsonl';
import type { ReportMeta } from '../types';

/** The container magic of a corpus file. */
export const CORPUS_FILE_MAGIC = 'CCRP';
/** Version of the corpus file layout. */
export const CORPUS_FILE_VERSION = 1;
/** The file name extension `build-corpus` suggests. */
export const CORPUS_FILE_EXTENSION = '.ccorpus';

/** What a corpus file holds. */
export interface CorpusFile {
  story: string | null;
  articles: LibraryArticle[];
  /**
   * The index over the articles (report `i` is article `i`), or null when the file was made by
   * another tokeniser version: then the articles are to be compiled again.
   */
  segment: Segment | null;
}

/** True when the bytes start like a corpus file. */
export function isCorpusFile(bytes: Uint8Array): boolean {
  return magicOf(bytes) === CORPUS_FILE_MAGIC;
}

/** Writes a corpus file. The segment's reports must be the articles, in order. */
export function writeCorpusFile(file: {
  story: string | null;
  articles: readonly LibraryArticle[];
  segment: Segment;
}): Uint8Array {
  if (file.segment.articles !== file.articles.length)
    throw new Error('the segment must index exactly the articles');
  const articles = new TextEncoder().encode(exportJsonLines(file.articles));
  const segment = file.segment.encode();
  const sum = (crc32(articles) ^ crc32(segment)) >>> 0;
  return pack(
    CORPUS_FILE_MAGIC,
    CORPUS_FILE_VERSION,
    {
      story: file.story,
      articles: file.articles.length,
      tokenizer: file.segment.tokenizer,
      crc: sum,
    },
    { articles, segment },
  );
}

/** Reads a corpus file; throws a FormatError saying what is wrong with a damaged one. */
export function readCorpusFile(bytes: Uint8Array): CorpusFile {
  const unpacked = unpack(bytes, CORPUS_FILE_MAGIC);
  if (unpacked.version !== CORPUS_FILE_VERSION)
    throw new FormatError(
      `corpus file version ${unpacked.version}, expected ${CORPUS_FILE_VERSION}`,
    );
  const articleBytes = column(unpacked, 'articles', 'u8');
  const segmentBytes = column(unpacked, 'segment', 'u8');
  const h = unpacked.header;
  if ((crc32(articleBytes) ^ crc32(segmentBytes)) >>> 0 !== h.crc)
    throw new FormatError('damaged (checksum does not match)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(articleBytes);
  } catch {
    throw new FormatError('damaged articles');
  }
  const articles: LibraryArticle[] = [];
  for (const line of readJsonLines(text)) {
    if ('error' in line) throw new FormatError(`article ${line.line}: ${line.error}`);
    articles.push(line.article);
  }
  if (articles.length === 0) throw new FormatError('has no articles');
  if (articles.length !== h.articles) throw new FormatError('damaged article list');
  const story = typeof h.story === 'string' ? h.story : null;
  if (h.tokenizer !== CORPUS_VERSION) return { story, articles, segment: null };
  const segment = Segment.decode(segmentBytes.slice());
  if (segment.articles !== articles.length) throw new FormatError('index and articles differ');
  segment.checkDeep();
  for (let u = 0; u < segment.units; u++) {
    const article = articles[segment.unitArticle[u]!]!;
    if (segment.unitEnd[u]! > article.text.length) throw new FormatError('index and texts differ');
  }
  return { story, articles, segment };
}

/**
 * The report metadata of a library article under key `id`: the outlet and URL as kept, the site
 * from the URL, dates as given.
 */
export function articleMeta(article: LibraryArticle, id: string, file = ''): ReportMeta {
  const meta: ReportMeta = {
    id,
    file,
    outlet: article.outlet,
    site: (article.url && hostOf(article.url)) || '',
    url: article.url,
    title: article.title,
    published: article.published ?? '',
    origin: article.origin ?? '',
  };
  meta.read = article.read;
  return meta;
}
