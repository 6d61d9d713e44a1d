/**
 * A thread of the library benchmark's bulk import: compiles batches of articles into segments the
 * way the library compiles an import (see src/core/index/compile.ts), so that the libraries of
 * 10,000 and 50,000 articles are built on every core. The main thread imports the segments in
 * order, as the library imports a compiled corpus file.
 */
import { parentPort } from 'node:worker_threads';
import { compileSegment } from '../src/core/index/compile';
import { articleMeta, type LibraryArticle } from '../src/core/library-format';

/** A batch to compile: its number, its articles, and the alias table of the index. */
export interface BatchRequest {
  batch: number;
  articles: LibraryArticle[];
  aliases: Record<string, string>;
}

/** A compiled batch: the segment's bytes. */
export interface BatchReply {
  batch: number;
  bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('library-worker runs as a worker thread');
port.on('message', (request: BatchRequest) => {
  const segment = compileSegment(
    request.articles.map((article, i) => ({
      meta: articleMeta(article, `new:${i}`),
      text: article.text,
    })),
    { aliases: request.aliases },
  );
  const bytes = segment.encode();
  const reply: BatchReply = { batch: request.batch, bytes };
  port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
});
