/**
 * A thread of the corpus compile (see compile-threads.ts): tokenises a run of reports, reports the
 * acronyms they hold, then, given the corpus's acronyms, numbers the run's terms and sends them.
 */
import { parentPort } from 'node:worker_threads';
import { aliasTable, CorpusRun } from '../core/corpus';
import type { FromWorker, ToWorker } from './compile-threads';

const port = parentPort;
if (!port) throw new Error('compile-worker runs as a worker thread');

let run: CorpusRun | null = null;
port.on('message', (message: ToWorker) => {
  const send = (reply: FromWorker, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(reply, transfer);
  if (message.kind === 'tokenize') {
    run = new CorpusRun(message.texts, message.withSurfaces, aliasTable());
    send({ kind: 'acronyms', acronyms: [...run.acronyms] });
  } else if (run) {
    const numbered = run.finish(new Set(message.acronyms));
    run = null;
    const { df, capitalised, lowercase, unitReport, unitStart, unitEnd, unitKind } = numbered;
    const buffers = [df, capitalised, lowercase, unitReport, unitStart, unitEnd, unitKind];
    send(
      { kind: 'numbered', run: numbered },
      [...buffers, numbered.termStart, numbered.terms, numbered.flags, numbered.tags].map(
        (array) => array.buffer as ArrayBuffer,
      ),
    );
  }
});
