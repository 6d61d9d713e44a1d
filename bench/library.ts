/**
 * Part 4: the reader's library at the scale of years of reading. One library size per process:
 * synthetic articles (the scale part's generator and seed; the five real reports stay the bundled
 * corpus) are imported into a library through the library's own code (batches compiled into
 * segments, merged as the browser merges them), over files standing in for IndexedDB. Then, at
 * that size: the median time to keep one more article, the time of the merges that follow, a
 * restart (the bundled corpus and the stored segments loaded into a fresh matcher), the memory the
 * loaded matcher keeps, the bytes on disk, the time to check 1,000-word articles, and whether the
 * real reports are still matched as they should be among the synthetic ones.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fillTexts, libraryService, type LibraryService } from '../src/background/library-service';
import { completeArticleCheck } from '../src/core/check-article';
import { validateCompiled, type CompiledCorpus } from '../src/core/corpus-format';
import { indexOfCompiled } from '../src/core/index/compile';
import { Segment } from '../src/core/index/segment';
import { exportLine, readJsonLines, type LibraryArticle } from '../src/core/library-format';
import { Matcher, type CheckOptions } from '../src/core/matcher';
import { corpusEchoGroups, type EchoGroups } from '../src/core/provenance';
import { splitSentences } from '../src/core/sentences';
import type { ReportMeta } from '../src/core/types';
import { packLinks } from '../src/core/verify';
import { Library, TextCache } from '../src/library/library';
import type { PlacementRecord } from '../src/library/schema';
import { libraryKey } from '../src/shared/library-keys';
import { readGold, scoreAt, type ScoredReport } from '../test/quality/score';
import { ROOT, fixtureArticles, realReports } from './articles';
import { LibraryFiles } from './library-files';
import type { BatchReply, BatchRequest } from './library-worker';
import { Prng } from './prng';
import {
  paraphraseArticle,
  probe,
  PROBE_SEED,
  PROBE_WORDS,
  PROBES,
  SCALE_SEED,
  WARMUP_PROBES,
  type ProbeFigures,
} from './scale';
import { collectGarbage, cpuMs, heapBytes, median, round } from './stats';
import { generateCorpus, wordCount } from './synthetic-corpus';
import { scoredReport, SyntheticMatches } from './gold-scoring';

/** Library sizes measured: a year of heavy reading is about 18,000 articles. */
export const LIBRARY_SIZES = [1_000, 10_000, 50_000];
/** Articles kept one by one at each size; the median of their times is `add_ms`. */
export const ADDS = 31;
/** Articles compiled into one segment by the bulk import (as a corpus file would bring them). */
export const BULK_BATCH = 4_096;
/** The generated articles and probe texts, written once for every library size. */
const CORPUS_FILE = path.join(ROOT, 'bench/out/library-corpus.jsonl');
const PROBES_FILE = path.join(ROOT, 'bench/out/library-probes.json');

/** One library size's figures. */
export interface LibraryRow {
  articles: number;
  /** Median time to keep one more article: compile it, store it with its segment, index it. */
  add_ms: number;
  /**
   * Mean time to place one kept article among the echo groups (one check against the library,
   * run in the background after keeping): not part of add_ms.
   */
  place_ms: number;
  /**
   * The slower kind of 1,000-word article: median time of a first check (texts read as shown),
   * with divergence and provenance as the background runs them.
   */
  check_ms: number;
  /** Heap and typed arrays the loaded matcher keeps (bundled corpus and library), after GC. */
  heap_mb: number;
  /** Restart: the bundled index and the stored segments loaded into a fresh matcher. */
  load_ms: number;
  /**
   * The same restart once every article is placed among the echo groups (stored placements of
   * a set pattern, see {@link placeEveryArticle}), their replay included.
   */
  load_placed_ms: number;
  /** Every file of the library: segments, article records, texts. */
  disk_mb: number;
  /** The segments alone. */
  index_mb: number;
  segments: number;
  words: number;
  units: number;
  vocabulary: number;
  /** Importing all the articles and merging their segments, as the browser would. */
  build_s: number;
  /** The longest merge while building, and the merges after the single adds. */
  longest_merge_ms: number;
  merge_after_adds_ms: number;
  ms_paraphrase: number;
  ms_unrelated: number;
  heap_after_checks_mb: number;
  paraphrase: ProbeFigures;
  unrelated: ProbeFigures;
  /** The five real reports checked leave-self-out against the bundled corpus and the library. */
  gold: {
    precision: number;
    recall: number;
    f1: number;
    synthetic_matches: number;
    synthetic_near_copies: number;
  };
}

/** A synthetic report as a library article read on some day. */
export function articleOf(
  input: { meta: { url: string; outlet: string; title: string | null }; text: string },
  n: number,
): LibraryArticle {
  const day = new Date(Date.UTC(2024, 0, 1) + (n % 500) * 86_400_000).toISOString();
  return {
    url: input.meta.url,
    outlet: input.meta.outlet,
    title: input.meta.title,
    published: null,
    read: day,
    text: input.text,
  };
}

/** Links per stored placement in {@link placeEveryArticle}: the claims an article shares. */
export const LINKS_PER_PLACEMENT = 8;

/**
 * A stored placement for every article not placed yet, as a library whose every article has been
 * placed in the background would have them, without the check each costs (10,000 checks): one
 * article in five joins the group of an article placed a few before it, a third name Reuters as
 * their source and one in fifty another wire, so that one group holds thousands of articles
 * (the groups of one named origin are merged), the case that costs a replay most. Each links
 * LINKS_PER_PLACEMENT of its sentences to the article placed before it.
 */
export async function placeEveryArticle(files: LibraryFiles, base: EchoGroups): Promise<number> {
  const placed = new Set((await files.placements()).map((r) => r.id));
  const ids = (await files.articleIds()).filter((id) => !placed.has(id)).sort((a, b) => a - b);
  // The groups as the replay will see them, for the ids of the groups joined.
  const groups = base.clone();
  const outlets = new Map<number, string>();
  for (const id of ids) outlets.set(id, (await files.article(id))!.outlet);
  const records: PlacementRecord[] = ids.map((id, k) => {
    const key = libraryKey(id);
    const joins = k % 5 === 4 ? groups.groupOf(libraryKey(ids[k - 1 - (k % 3)]!)) : null;
    const record: PlacementRecord = {
      id,
      seq: 1_000_000 + k,
      group: joins,
      merge: [],
      sourcing: {
        attributions: [],
        outlets: k % 3 === 0 ? ['Reuters'] : k % 50 === 1 ? ['Associated Press'] : [],
        anonymous: false,
        published: null,
      },
      // As the background stores a placement: with the article's outlet.
      outlet: outlets.get(id)!,
      // And the links of its sentences: LINKS_PER_PLACEMENT of them, each to the same sentence of
      // the article placed before it, as a retelling of that article would link.
      links: packLinks(
        k === 0
          ? []
          : Array.from({ length: LINKS_PER_PLACEMENT }, (_, unit) => ({
              unit,
              report: libraryKey(ids[k - 1]!),
              sentence: unit,
              probability: 0.9,
            })),
      ),
    };
    const meta: ReportMeta = {
      id: key,
      file: key,
      outlet: `Outlet ${k % 40}`,
      site: '',
      url: '',
      title: null,
      published: '',
      origin: '',
    };
    groups.placeAt(meta, record.sourcing, record);
    return record;
  });
  await files.putPlacements(records);
  return records.length;
}

/** The bundled corpus and a library in `dir`, loaded as the background loads them. */
export async function open(
  compiled: CompiledCorpus,
  dir: string,
): Promise<{
  matcher: Matcher;
  library: Library;
  service: LibraryService;
  files: LibraryFiles;
  groups: EchoGroups;
}> {
  validateCompiled(compiled);
  const texts = new TextCache();
  const matcher = Matcher.over(indexOfCompiled(compiled, texts), compiled.story);
  const files = new LibraryFiles(dir);
  const library = new Library(files, matcher.index, texts, { mergeDelayMs: null });
  await library.load();
  // The bundled reports' echo groups, as the background computes them for an index without any.
  const groups = corpusEchoGroups(compiled, (text, exclude) => matcher.check(text, { exclude }));
  const service = await libraryService(matcher, library, files, { groups, placeDelayMs: null });
  return { matcher, library, files, service, groups };
}

/** Merges until the policy asks for no more; the longest merge and the total, in ms. */
export async function mergeAll(library: Library): Promise<{ longest: number; total: number }> {
  let longest = 0;
  let total = 0;
  for (;;) {
    const t = performance.now();
    if (!(await library.mergeStep())) return { longest, total };
    const ms = performance.now() - t;
    longest = Math.max(longest, ms);
    total += ms;
  }
}

/** A check with the texts of matched library articles read, as the background does. */
export async function checkShown(
  matcher: Matcher,
  library: Library,
  text: string,
  options: CheckOptions,
) {
  matcher.index.missingTexts();
  const report = matcher.check(text, options);
  const missing = matcher.index.missingTexts();
  if (missing.length > 0) {
    const texts = await library.loadTexts(missing);
    fillTexts(report, (key) => texts.get(key));
  }
  return completeArticleCheck(report, text, options);
}

/**
 * Imports articles as a corpus file of each BULK_BATCH of them, compiled on every core: what a
 * reader importing a large corpus file gets, and the same segments (once merged) as keeping them
 * one by one would give. Returns how many were added.
 */
export async function bulkImport(
  library: Library,
  matcher: Matcher,
  articles: readonly LibraryArticle[],
): Promise<number> {
  const batches: LibraryArticle[][] = [];
  for (let i = 0; i < articles.length; i += BULK_BATCH)
    batches.push(articles.slice(i, i + BULK_BATCH));
  const url = pathToFileURL(path.join(ROOT, 'bench/out/library-worker.mjs'));
  const workers = Array.from(
    { length: Math.max(1, Math.min(availableParallelism(), batches.length)) },
    () => new Worker(url),
  );
  const replies = new Map<number, (reply: BatchReply) => void>();
  const done = batches.map(
    (_, batch) => new Promise<BatchReply>((resolve) => replies.set(batch, resolve)),
  );
  for (const worker of workers)
    worker.on('message', (reply: BatchReply) => replies.get(reply.batch)!(reply));
  const aliases = matcher.index.aliasTable as Record<string, string>;
  batches.forEach((batch, k) => {
    const request: BatchRequest = { batch: k, articles: batch, aliases };
    workers[k % workers.length]!.postMessage(request);
  });
  let added = 0;
  try {
    for (let k = 0; k < batches.length; k++) {
      const reply = await done[k]!;
      const result = await library.importCorpusFile({
        story: null,
        articles: batches[k]!,
        segment: Segment.decode(reply.bytes),
      });
      if (result.error) throw new Error(result.error);
      added += result.added;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return added;
}

/**
 * Writes the articles every library size reads (synthetic reports of the scale part's generator
 * and seed, the real ones left to the bundled corpus) and the probe articles, once per run.
 */
export function writeLibraryCorpus(total: number, log: (line: string) => void): void {
  const t0 = performance.now();
  const { inputs: real } = realReports();
  const realIds = new Set(real.map((r) => r.meta.id));
  const generated = generateCorpus({
    reports: total + real.length,
    seed: SCALE_SEED,
    real,
    templates: fixtureArticles().map((a) => a.text),
    split: (text) => splitSentences(text).map((s) => s.text),
  });
  const lines = generated.inputs
    .filter((input) => !realIds.has(input.meta.id))
    .map((input, n) => exportLine(articleOf(input, n)));
  writeFileSync(CORPUS_FILE, `${lines.join('\n')}\n`);
  const retellings: string[] = [];
  const unrelatedOnes: string[] = [];
  for (let k = 0; k < WARMUP_PROBES + PROBES; k++) {
    retellings.push(paraphraseArticle(real, generated.retell, PROBE_SEED + 2 * k));
    unrelatedOnes.push(generated.unrelatedArticle(PROBE_WORDS, new Prng(PROBE_SEED + 2 * k + 1)));
  }
  writeFileSync(PROBES_FILE, JSON.stringify({ retellings, unrelatedOnes }));
  log(
    `  generated ${lines.length} articles (${generated.words} words) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** What {@link timeProbeChecks} measured of the timed checks of each kind, in ms. */
export interface ProbeTimes {
  retelling: number[];
  unrelated: number[];
  /** Processor time of each check of each kind (user and system, every thread of the process). */
  retellingCpu: number[];
  unrelatedCpu: number[];
  /** The very first check after the load (a warm-up retelling), for what a load leaves to it. */
  first: number;
}

/**
 * The first checks of the probe articles, as the background checks a reader's new pages (with the
 * corpus's echo groups: provenance and divergence after matching, only the groups of the page's
 * matches kept in the answer): WARMUP_PROBES of each kind, then PROBES of each kind timed,
 * alternating a retelling and an unrelated article. `beforeTimed` runs between the two; `answer`
 * sees every check's answer, warm-up ones included, in the order they were made.
 */
export async function timeProbeChecks(
  service: LibraryService,
  groups: EchoGroups,
  retellings: readonly string[],
  unrelatedOnes: readonly string[],
  hooks: { beforeTimed?: () => Promise<void>; answer?: (answer: unknown) => void } = {},
): Promise<ProbeTimes> {
  const once = async (text: string, k: number) => {
    const c = process.cpuUsage();
    const t = performance.now();
    const answer = await service.check(text, {
      title: null,
      detected: true,
      url: `https://probe.example/${k}`,
      groups,
      matchedGroupsOnly: true,
    });
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    hooks.answer?.(answer);
    return { ms, cpu: (used.user + used.system) / 1000 };
  };
  let first = 0;
  for (let k = 0; k < WARMUP_PROBES; k++) {
    const { ms } = await once(retellings[k]!, k);
    if (k === 0) first = ms;
    await once(unrelatedOnes[k]!, k);
  }
  await hooks.beforeTimed?.();
  const times: ProbeTimes = {
    retelling: [],
    unrelated: [],
    retellingCpu: [],
    unrelatedCpu: [],
    first,
  };
  for (let k = WARMUP_PROBES; k < WARMUP_PROBES + PROBES; k++) {
    const retelling = await once(retellings[k]!, k);
    times.retelling.push(retelling.ms);
    times.retellingCpu.push(retelling.cpu);
    const unrelated = await once(unrelatedOnes[k]!, k);
    times.unrelated.push(unrelated.ms);
    times.unrelatedCpu.push(unrelated.cpu);
  }
  return times;
}

/** Runs part 4 for one library size. */
export async function runLibrary(size: number, log: (line: string) => void): Promise<LibraryRow> {
  const { inputs: real } = realReports();
  const realIds = new Set(real.map((r) => r.meta.id));
  const t0 = performance.now();
  const all: LibraryArticle[] = [];
  for (const line of readJsonLines(readFileSync(CORPUS_FILE, 'utf8'))) {
    if ('error' in line) throw new Error(`${CORPUS_FILE}: line ${line.line}: ${line.error}`);
    if (all.length === size + ADDS) break;
    all.push(line.article);
  }
  if (all.length < size + ADDS) throw new Error(`${CORPUS_FILE} has too few articles`);
  let articles: LibraryArticle[] | null = all.slice(0, size);
  const adds = all.slice(size, size + ADDS);
  all.length = 0;
  const { retellings, unrelatedOnes } = JSON.parse(readFileSync(PROBES_FILE, 'utf8')) as {
    retellings: string[];
    unrelatedOnes: string[];
  };
  const words = articles.reduce((sum, a) => sum + wordCount(a.text), 0);
  log(
    `  read ${size} articles (${words} words) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const indexFile = path.join(ROOT, 'dist/corpus/index.json');
  const dir = path.join(ROOT, `bench/out/library-${size}`);
  rmSync(dir, { recursive: true, force: true });

  // Build: the articles imported as a reader's import would bring them, then merged.
  let built: Awaited<ReturnType<typeof open>> | null = await open(
    JSON.parse(readFileSync(indexFile, 'utf8')) as CompiledCorpus,
    dir,
  );
  const t1 = performance.now();
  const added = await bulkImport(built.library, built.matcher, articles);
  if (added !== size) throw new Error(`imported ${added} of ${size} articles`);
  const buildMerges = await mergeAll(built.library);
  const buildS = (performance.now() - t1) / 1000;
  articles = null;
  log(
    `  imported and merged in ${buildS.toFixed(1)} s (longest merge ${buildMerges.longest.toFixed(0)} ms), ${built.matcher.index.segmentKeys().length - 1} segments`,
  );

  // Keeping one more article at this size (through the background's service, as a page does).
  const addTimes: number[] = [];
  for (const article of adds) {
    const t = performance.now();
    const kept = await built.service.keep(article, null);
    addTimes.push(performance.now() - t);
    if (kept.status !== 'kept') throw new Error(`an added article was not kept: ${kept.status}`);
  }
  const afterAdds = await mergeAll(built.library);
  const addMs = median(addTimes);
  // Placing them among the echo groups (in the background, after keeping): one check each.
  const t3 = performance.now();
  const placed = await built.service.place();
  if (placed !== ADDS) throw new Error(`placed ${placed} of ${ADDS} articles`);
  const placeMs = (performance.now() - t3) / ADDS;
  log(
    `  keeping one article: median ${addMs.toFixed(2)} ms (of ${ADDS}); merges after them ${afterAdds.total.toFixed(0)} ms; placing one among the echo groups: ${placeMs.toFixed(1)} ms (mean)`,
  );
  built = null;

  // Restart: a fresh process's worth of state, loaded from disk.
  await collectGarbage();
  const before = heapBytes();
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const loaded = await open(JSON.parse(readFileSync(indexFile, 'utf8')) as CompiledCorpus, dir);
  const loadMs = performance.now() - t2;
  const loadCpu = cpuMs(c2);
  await collectGarbage();
  const heapMb = (heapBytes() - before) / 2 ** 20;
  const { matcher, library, service, files, groups } = loaded;
  const sizes = files.sizes();
  const index = matcher.index;
  log(
    `  loaded in ${loadMs.toFixed(0)} ms (${loadCpu.toFixed(0)} ms of processor time): ${heapMb.toFixed(1)} MB, ${index.segmentKeys().length - 1} segments, ${(sizes.total / 2 ** 20).toFixed(1)} MB on disk (${(sizes.segments / 2 ** 20).toFixed(1)} MB index)`,
  );

  // Checks of articles the matcher has not seen, as a reader's new pages.
  const timed = await timeProbeChecks(service, groups, retellings, unrelatedOnes);
  const paraphraseTimes = timed.retelling;
  const unrelatedTimes = timed.unrelated;
  const msParaphrase = median(paraphraseTimes);
  const msUnrelated = median(unrelatedTimes);
  await collectGarbage();
  const heapAfterMb = (heapBytes() - before) / 2 ** 20;
  log(
    `  1,000-word article, first check: ${msParaphrase.toFixed(2)} ms (retelling), ${msUnrelated.toFixed(2)} ms (unrelated)`,
  );

  // Quality: the real reports, each with itself left out, scored on the development gold.
  const fileOf = new Map(real.map((r) => [r.meta.id, r.meta.file]));
  const synthetic = new SyntheticMatches(realIds);
  const predictions: ScoredReport[] = [];
  for (const { meta, text } of real) {
    const result = await checkShown(matcher, library, text, { exclude: meta.id });
    predictions.push(scoredReport(meta.file, text, result, fileOf, synthetic.keep));
  }
  const score = scoreAt(readGold(), predictions, 0);

  // Restart again once every article is placed among the echo groups: their replay included.
  const toPlace = await placeEveryArticle(files, groups);
  await collectGarbage();
  const c4 = process.cpuUsage();
  const t4 = performance.now();
  const beforePlaced = heapBytes();
  const placedLoad = await open(JSON.parse(readFileSync(indexFile, 'utf8')) as CompiledCorpus, dir);
  const loadPlacedMs = performance.now() - t4;
  const loadPlacedCpu = cpuMs(c4);
  await collectGarbage();
  const heapPlacedMb = (heapBytes() - beforePlaced) / 2 ** 20;
  if (placedLoad.service.unplaced !== 0) {
    throw new Error(`${placedLoad.service.unplaced} articles not placed after a restart`);
  }
  // The same checks with every article's links known (they are looked up by report key).
  const timedPlaced = await timeProbeChecks(placedLoad.service, groups, retellings, unrelatedOnes);
  const msPlaced = Math.max(median(timedPlaced.retelling), median(timedPlaced.unrelated));
  log(
    `  loaded in ${loadPlacedMs.toFixed(0)} ms (${loadPlacedCpu.toFixed(0)} ms of processor time), ${heapPlacedMb.toFixed(1)} MB, with every article placed among the echo groups (${toPlace} placements written, ${LINKS_PER_PLACEMENT} links each); 1,000-word article then ${msPlaced.toFixed(2)} ms`,
  );

  const paraphrase = retellings[WARMUP_PROBES]!;
  const unrelated = unrelatedOnes[WARMUP_PROBES]!;
  const row: LibraryRow = {
    articles: size,
    add_ms: round(addMs, 2),
    place_ms: round(placeMs, 1),
    check_ms: round(Math.max(msParaphrase, msUnrelated), 2),
    heap_mb: round(heapMb, 1),
    load_ms: round(loadMs, 0),
    load_placed_ms: round(loadPlacedMs, 0),
    disk_mb: round(sizes.total / 2 ** 20, 1),
    index_mb: round(sizes.segments / 2 ** 20, 1),
    segments: index.segmentKeys().length - 1,
    words,
    units: index.unitCount,
    vocabulary: index.vocabularySize,
    build_s: round(buildS, 1),
    longest_merge_ms: round(buildMerges.longest, 0),
    merge_after_adds_ms: round(afterAdds.total, 0),
    ms_paraphrase: round(msParaphrase, 2),
    ms_unrelated: round(msUnrelated, 2),
    heap_after_checks_mb: round(heapAfterMb, 1),
    paraphrase: probe(await checkShown(matcher, library, paraphrase, {}), paraphrase, realIds),
    unrelated: probe(await checkShown(matcher, library, unrelated, {}), unrelated, realIds),
    gold: {
      precision: round(score.precision, 3),
      recall: round(score.recall, 3),
      f1: round(score.f1, 3),
      synthetic_matches: synthetic.matches,
      synthetic_near_copies: synthetic.nearCopies,
    },
  };
  rmSync(dir, { recursive: true, force: true });
  return row;
}
