/**
 * For work on the library's index: builds a library of N synthetic articles once (as the library
 * part of the benchmark builds it) into bench/out/replay-N, then loads it again and again, timing
 * each load and the first checks of the benchmark's probe articles, and writes every answer (the
 * probes' checks and the real reports' checks against the library) to a JSON file, so that two
 * versions of the code can be compared byte for byte and side by side. `npm run bench` bundles it.
 *   node --expose-gc bench/out/library-replay.mjs corpus 50000   (the articles, as a full run's)
 *   node --expose-gc bench/out/library-replay.mjs build 10000
 *   node --expose-gc bench/out/library-replay.mjs measure 10000 REPETITIONS [ANSWERS.json]
 * REPLAY_SUFFIX names another folder (replay-N<suffix>); PROF_DIR writes CPU profiles of the
 * second load and its checks. `round` is one load and its checks, for a script that imports two
 * bundles of this file (before and after a change) and alternates them, so that the machine's
 * load weighs on both alike (wall and processor time of the load: the processor time is less
 * moved by other work on the machine).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { readJsonLines, type LibraryArticle } from '../src/core/library-format';
import type { CompiledCorpus } from '../src/core/corpus-format';
import { readGold, scoreAt, type ScoredReport } from '../test/quality/score';
import { ROOT, realReports } from './articles';
import {
  ADDS,
  bulkImport,
  checkShown,
  mergeAll,
  open,
  timeProbeChecks,
  writeLibraryCorpus,
} from './library';
import { scoredReport } from './gold-scoring';
import { collectGarbage, cpuMs, heapBytes, median } from './stats';

const CORPUS_FILE = path.join(ROOT, 'bench/out/library-corpus.jsonl');
const PROBES_FILE = path.join(ROOT, 'bench/out/library-probes.json');
const indexFile = path.join(ROOT, 'dist/corpus/index.json');
const compiled = (): CompiledCorpus =>
  JSON.parse(readFileSync(indexFile, 'utf8')) as CompiledCorpus;

/** CPU profiles of the load and the timed checks of the second repetition, when PROF_DIR is set. */
const profDir = process.env.PROF_DIR;
const session = profDir ? new Session() : null;
session?.connect();
async function profileStart(r: number): Promise<void> {
  if (!session || r !== 1) return;
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
async function profileStop(r: number, name: string): Promise<void> {
  if (!session || r !== 1) return;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(path.join(profDir!, `${name}.cpuprofile`), JSON.stringify(profile));
}

const [mode, sizeArg, repsArg, outArg] = process.argv.slice(2);
const size = Number(sizeArg);
const dir = path.join(ROOT, `bench/out/replay-${size}${process.env.REPLAY_SUFFIX ?? ''}`);

if (mode === 'corpus') {
  writeLibraryCorpus(size + ADDS, console.log);
} else if (mode === 'build') {
  if (!existsSync(CORPUS_FILE)) throw new Error('no corpus file');
  const all: LibraryArticle[] = [];
  for (const line of readJsonLines(readFileSync(CORPUS_FILE, 'utf8'))) {
    if ('error' in line) throw new Error(line.error);
    if (all.length === size + ADDS) break;
    all.push(line.article);
  }
  const built = await open(compiled(), dir);
  if (built.matcher.index.segmentKeys().length > 1) throw new Error(`${dir} exists`);
  await bulkImport(built.library, built.matcher, all.slice(0, size));
  await mergeAll(built.library);
  for (const article of all.slice(size)) await built.service.keep(article, null);
  await mergeAll(built.library);
  await built.service.place();
  console.log(`built ${dir}: ${built.matcher.index.segmentKeys().length - 1} segments`);
} else if (mode === 'measure') {
  await measure(Number(repsArg ?? 3), outArg);
}

/**
 * One load and the benchmark's checks after it: wall times in ms (medians of the timed checks),
 * the load's and the checks' processor times (less swayed by what else the machine runs), the
 * first check after the load, and the heap in MB.
 */
export async function round(size: number): Promise<{
  load: number;
  loadCpu: number;
  /** The first check after the load. */
  first: number;
  retelling: number;
  unrelated: number;
  retellingCpu: number;
  unrelatedCpu: number;
  heap: number;
}> {
  const { retellings, unrelatedOnes } = JSON.parse(readFileSync(PROBES_FILE, 'utf8')) as {
    retellings: string[];
    unrelatedOnes: string[];
  };
  await collectGarbage();
  const before = heapBytes();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = await open(
    compiled(),
    path.join(ROOT, `bench/out/replay-${size}${process.env.REPLAY_SUFFIX ?? ''}`),
  );
  const load = performance.now() - t0;
  const loadCpu = cpuMs(c0);
  await collectGarbage();
  const heap = (heapBytes() - before) / 2 ** 20;
  const { service, groups } = loaded;
  const timed = await timeProbeChecks(service, groups, retellings, unrelatedOnes);
  return {
    load,
    loadCpu,
    first: timed.first,
    retelling: median(timed.retelling),
    unrelated: median(timed.unrelated),
    retellingCpu: median(timed.retellingCpu),
    unrelatedCpu: median(timed.unrelatedCpu),
    heap,
  };
}

async function measure(reps: number, outArg: string | undefined): Promise<void> {
  const { retellings, unrelatedOnes } = JSON.parse(readFileSync(PROBES_FILE, 'utf8')) as {
    retellings: string[];
    unrelatedOnes: string[];
  };
  const { inputs: real } = realReports();
  const loads: number[] = [];
  const loadCpus: number[] = [];
  const checkCpus: number[] = [];
  const para: number[] = [];
  const unrel: number[] = [];
  let answers: unknown[] = [];
  for (let r = 0; r < reps; r++) {
    await collectGarbage();
    const before = heapBytes();
    await profileStart(r);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const loaded = await open(compiled(), dir);
    const loadMs = performance.now() - t0;
    const loadCpu = cpuMs(c0);
    await profileStop(r, 'load');
    await collectGarbage();
    const heapMb = (heapBytes() - before) / 2 ** 20;
    const { service, groups, matcher, library } = loaded;
    const out: unknown[] = [];
    const timed = await timeProbeChecks(service, groups, retellings, unrelatedOnes, {
      beforeTimed: () => profileStart(r),
      answer: (answer) => out.push(answer),
    });
    const p = timed.retelling;
    const u = timed.unrelated;
    await profileStop(r, 'check');
    loads.push(loadMs);
    loadCpus.push(loadCpu);
    checkCpus.push(median(timed.unrelatedCpu));
    para.push(median(p));
    unrel.push(median(u));
    console.log(
      `rep ${r}: load ${loadMs.toFixed(0)} ms (cpu ${loadCpu.toFixed(0)}), unrelated cpu ${checkCpus.at(-1)!.toFixed(1)} ms, heap ${heapMb.toFixed(1)} MB, check ${median(p).toFixed(1)} / ${median(u).toFixed(1)} ms`,
    );
    if (r === 0) {
      const fileOf = new Map(real.map((x) => [x.meta.id, x.meta.file]));
      const predictions: ScoredReport[] = [];
      for (const { meta, text } of real) {
        const result = await checkShown(matcher, library, text, { exclude: meta.id });
        out.push(result);
        predictions.push(scoredReport(meta.file, text, result, fileOf));
      }
      const score = scoreAt(readGold(), predictions, 0);
      console.log(`gold (all matches kept) F1 ${score.f1.toFixed(4)}`);
      answers = out;
    }
  }
  console.log(
    `median of ${reps}: load ${median(loads.slice(1)).toFixed(0)} ms (min ${Math.min(...loads.slice(1)).toFixed(0)}), check ${median(para).toFixed(1)} / ${median(unrel).toFixed(1)} ms (min ${Math.min(...para).toFixed(1)} / ${Math.min(...unrel).toFixed(1)})`,
  );
  console.log(
    `cpu medians: load ${median(loadCpus.slice(1)).toFixed(0)} ms, unrelated check ${median(checkCpus.slice(1)).toFixed(1)} ms`,
  );
  if (outArg) writeFileSync(outArg, JSON.stringify(answers, null, 1));
}
