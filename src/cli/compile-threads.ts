/**
 * The corpus compile on several threads, in Node: the reports are cut into runs of about equal
 * length, each run is split and tokenised on a thread of its own (this one included), and the
 * runs are put together here. The index is the same as compileCorpus's, byte for byte; a corpus
 * too small to gain from threads is compiled on this thread alone.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CorpusRun,
  aliasTable,
  assembleCorpus,
  checkInputs,
  type CompiledCorpus,
  type CorpusInput,
  type NumberedRun,
} from '../core/corpus';
import type { Lexicon } from '../core/synonyms';

/**
 * Fewest characters of report text per thread: below this, starting a thread (loading the
 * compiler, about 0.1 s) costs more than it saves. About 300,000 words.
 */
export const MIN_CHARS_PER_THREAD = 2_000_000;

/** Messages to a compile worker. */
export type ToWorker =
  | { kind: 'tokenize'; texts: string[]; withSurfaces: boolean }
  | { kind: 'finish'; acronyms: string[] };

/** Messages from a compile worker. */
export type FromWorker =
  { kind: 'acronyms'; acronyms: string[] } | { kind: 'numbered'; run: NumberedRun };

/** Options of {@link compileCorpusInThreads}. */
export interface ThreadOptions {
  /** The bundled compile-worker module. */
  worker: URL;
  /** Most threads, this one included (default: the machine's available parallelism). */
  threads?: number;
  /** Fewest characters of report text per thread (default MIN_CHARS_PER_THREAD). */
  minCharsPerThread?: number;
}

/** Threads a corpus is compiled on: at most `most` (default: the available parallelism). */
export function threadsFor(
  inputs: readonly CorpusInput[],
  most = availableParallelism(),
  minChars = MIN_CHARS_PER_THREAD,
): number {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  return Math.max(1, Math.min(most, Math.floor(total / minChars)));
}

/** Cuts reports into at most `count` runs of consecutive reports of about equal length. */
export function cutRuns(lengths: readonly number[], count: number): number[][] {
  const total = lengths.reduce((a, b) => a + b, 0);
  const runs: number[][] = [];
  let run: number[] = [];
  let done = 0;
  lengths.forEach((length, i) => {
    run.push(i);
    done += length;
    // Close the run once it reaches its share of the text.
    if (runs.length < count - 1 && done >= (total * (runs.length + 1)) / count) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** One worker thread compiling one run, step by step. */
class RunThread {
  private readonly worker: Worker;
  private readonly replies: FromWorker[] = [];
  private waiting: { resolve: (reply: FromWorker) => void; reject: (error: Error) => void } | null =
    null;
  private failure: Error | null = null;

  constructor(url: URL, texts: string[], withSurfaces: boolean) {
    this.worker = new Worker(url);
    this.worker.on('message', (reply: FromWorker) => {
      if (this.waiting) {
        this.waiting.resolve(reply);
        this.waiting = null;
      } else this.replies.push(reply);
    });
    const fail = (error: Error): void => {
      this.failure = error;
      this.waiting?.reject(error);
      this.waiting = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`corpus compile thread stopped (exit code ${code})`));
    });
    this.send({ kind: 'tokenize', texts, withSurfaces });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** The next reply of the worker. */
  next(): Promise<FromWorker> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Expects a reply of one kind. */
function expect<K extends FromWorker['kind']>(
  reply: FromWorker,
  kind: K,
): Extract<FromWorker, { kind: K }> {
  if (reply.kind !== kind) throw new Error(`corpus compile thread sent ${reply.kind}, not ${kind}`);
  return reply as Extract<FromWorker, { kind: K }>;
}

/**
 * Compiles checked reports into the prebuilt index on several threads; the same index as
 * `compileCorpus`. Throws a CorpusError as it does.
 */
export async function compileCorpusInThreads(
  inputs: readonly CorpusInput[],
  story: string | null,
  lexicon: Lexicon | undefined,
  options: ThreadOptions,
): Promise<CompiledCorpus> {
  checkInputs(inputs);
  const lengths = inputs.map((input) => input.text.length);
  const runs = cutRuns(lengths, threadsFor(inputs, options.threads, options.minCharsPerThread));
  const withSurfaces = lexicon !== undefined;
  const textsOf = (run: number[]): string[] => run.map((i) => inputs[i]!.text);
  // The other threads start on their runs while this one works on the first. With one run there
  // are none, and this is compileCorpus without checking the inputs a second time.
  const others = runs
    .slice(1)
    .map((run) => new RunThread(options.worker, textsOf(run), withSurfaces));
  try {
    const own = new CorpusRun(textsOf(runs[0]!), withSurfaces, aliasTable());
    const acronyms = new Set(own.acronyms);
    for (const thread of others) {
      for (const acronym of expect(await thread.next(), 'acronyms').acronyms) acronyms.add(acronym);
    }
    const list = [...acronyms];
    for (const thread of others) thread.send({ kind: 'finish', acronyms: list });
    const numbered = [own.finish(acronyms)];
    for (const thread of others) numbered.push(expect(await thread.next(), 'numbered').run);
    return assembleCorpus(inputs, numbered, story, lexicon, acronyms);
  } finally {
    await Promise.all(others.map((thread) => thread.stop()));
  }
}
