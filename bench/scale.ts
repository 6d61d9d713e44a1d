/**
 * Part 2: how the engine scales with the corpus. One corpus size per process (so heap figures are
 * not blurred by earlier sizes): generate the corpus, compile it, serialize it, load it the way
 * the background does, then time checks of 1,000-word articles and see whether the real reports
 * are still found among the synthetic ones.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileCorpusInThreads, threadsFor } from '../src/cli/compile-threads';
import type { CompiledCorpus, CorpusInput } from '../src/core/corpus';
import { Matcher } from '../src/core/matcher';
import { splitSentences } from '../src/core/sentences';
import type { ArticleReport } from '../src/core/types';
import { readGold, scoreAt, type ScoredReport } from '../test/quality/score';
import { ROOT, fixtureArticles, realReports } from './articles';
import { Prng } from './prng';
import { collectGarbage, heapBytes, median, round, timeRuns } from './stats';
import { generateCorpus, wordCount } from './synthetic-corpus';
import { scoredReport, SyntheticMatches } from './gold-scoring';

/** One corpus size's figures. */
export interface ScaleRow {
  reports: number;
  stories: number;
  words: number;
  sentences: number;
  vocabulary: number;
  /** The build's compile: split, tokenise and count, on `build_threads` threads. */
  build_s: number;
  build_threads: number;
  /** JSON.parse of the serialized index plus Matcher.fromCompiled (what the background does at start). */
  load_s: number;
  /** Heap (and typed-array memory) the loaded matcher keeps, after garbage collection. */
  heap_mb: number;
  json_mb: number;
  /**
   * The slower kind of probe article: median time of the first check of articles the matcher has
   * not seen (caches as warm as after a few other articles).
   */
  ms_per_article: number;
  ms_paraphrase: number;
  ms_unrelated: number;
  /** The same retelling checked again (everything the matcher remembers already there). */
  ms_repeat: number;
  /** What the matcher keeps after all the checks (its caches included). */
  heap_after_checks_mb: number;
  /** Peak resident memory of the whole process (generation and build included). */
  peak_rss_mb: number;
  paraphrase: ProbeFigures;
  unrelated: ProbeFigures;
  /**
   * The five real reports checked leave-self-out against this corpus, scored on the gold. Matches
   * to synthetic sentences that keep most of the real sentence's words (near copies, expected by
   * construction) are neither rewarded nor punished; other synthetic matches are false positives.
   */
  gold: {
    precision: number;
    recall: number;
    f1: number;
    synthetic_matches: number;
    synthetic_near_copies: number;
    /** Recall relative to the bundled corpus alone (filled in by the run, 1 for the five reports). */
    recall_vs_5?: number;
  };
}

/** What one probe article found. */
export interface ProbeFigures {
  words: number;
  sentences: number;
  /** Sentences matched to at least one real report. */
  matched_real: number;
  /** Sentences matched to at least one synthetic report. */
  matched_synthetic: number;
  /** Distinct real reports listed anywhere in the article. */
  real_reports_found: number;
}

/** Seed of every synthetic corpus: the same corpus on every run and every machine. */
export const SCALE_SEED = 20250313;
/** Seed of the probe articles, separate so they are the same at every corpus size. */
export const PROBE_SEED = 7;
/** Length of the probe articles, in words. */
export const PROBE_WORDS = 1000;
/** Distinct probe articles of each kind that are timed, and the ones checked before as a warm-up. */
export const PROBES = 7;
export const WARMUP_PROBES = 2;

/**
 * A 1,000-word article retelling the real story: real sentences, shuffled and reworded the way the
 * synthetic outlets reword theirs. Every real report should still be found for it.
 */
export function paraphraseArticle(
  real: readonly CorpusInput[],
  retell: (s: string, p: Prng) => string,
  seed: number,
): string {
  const prng = new Prng(seed);
  const pool = prng.shuffled(
    real.flatMap((r) => splitSentences(r.text).map((s) => s.text)).filter((s) => wordCount(s) >= 6),
  );
  const out: string[] = [];
  let words = 0;
  for (const sentence of pool) {
    if (words >= PROBE_WORDS) break;
    const told = retell(sentence, prng);
    out.push(told);
    words += wordCount(told);
  }
  // Paragraphs of three sentences, as the corpus lays them out.
  const lines: string[] = [];
  for (let i = 0; i < out.length; i += 3) lines.push(out.slice(i, i + 3).join(' '));
  return lines.join('\n');
}

/**
 * Reads, parses and loads a serialized index the way the background does. A function of its own
 * so that the JSON text is on no stack frame of the caller when the caller measures the heap.
 */
function loadIndex(file: string): Matcher {
  return Matcher.fromCompiled(JSON.parse(readFileSync(file, 'utf8')) as CompiledCorpus);
}

export function probe(
  report: ArticleReport,
  text: string,
  realIds: ReadonlySet<string>,
): ProbeFigures {
  const found = new Set<string>();
  let matchedReal = 0;
  let matchedSynthetic = 0;
  for (const s of report.sentences) {
    const real = s.matches.filter((m) => realIds.has(m.report));
    real.forEach((m) => found.add(m.report));
    if (real.length > 0) matchedReal++;
    if (s.matches.length > real.length) matchedSynthetic++;
  }
  return {
    words: wordCount(text),
    sentences: report.sentences.length,
    matched_real: matchedReal,
    matched_synthetic: matchedSynthetic,
    real_reports_found: found.size,
  };
}

/** Runs part 2 for one corpus size. */
export async function runScale(reports: number, log: (line: string) => void): Promise<ScaleRow> {
  const { inputs: real } = realReports();
  const realIds = new Set(real.map((r) => r.meta.id));
  const t0 = performance.now();
  let corpus: ReturnType<typeof generateCorpus> | null = generateCorpus({
    reports,
    seed: SCALE_SEED,
    real,
    templates: fixtureArticles().map((a) => a.text),
    split: (text) => splitSentences(text).map((s) => s.text),
  });
  const { stories, words } = corpus;
  log(
    `  generated ${reports} reports (${stories} stories, ${words} words) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const retellings: string[] = [];
  const unrelatedOnes: string[] = [];
  for (let k = 0; k < WARMUP_PROBES + PROBES; k++) {
    retellings.push(paraphraseArticle(real, corpus.retell, PROBE_SEED + 2 * k));
    unrelatedOnes.push(corpus.unrelatedArticle(PROBE_WORDS, new Prng(PROBE_SEED + 2 * k + 1)));
  }
  const paraphrase = retellings[WARMUP_PROBES]!;
  const unrelated = unrelatedOnes[WARMUP_PROBES]!;

  // Build: what the build step does with the corpus sources.
  const threads = threadsFor(corpus.inputs);
  const worker = pathToFileURL(path.join(ROOT, 'bench/out/compile-worker.mjs'));
  const t1 = performance.now();
  let compiled: CompiledCorpus | null = await compileCorpusInThreads(
    corpus.inputs,
    null,
    undefined,
    {
      worker,
      threads,
    },
  );
  const buildS = (performance.now() - t1) / 1000;
  const sentences = compiled.sentences.length;
  const vocabulary = compiled.vocabulary.length;
  log(`  compiled ${sentences} sentences, ${vocabulary} terms in ${buildS.toFixed(2)} s`);

  // Serialize through a file so that neither the sources, the compiled object nor the JSON string
  // are on the heap when the loaded matcher is measured.
  const outDir = path.join(ROOT, 'bench/out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `scale-${reports}.json`);
  let json: string | null = JSON.stringify(compiled);
  const jsonBytes = Buffer.byteLength(json);
  writeFileSync(file, json);
  json = null;
  compiled = null;
  corpus = null;

  await collectGarbage();
  const before = heapBytes();
  const t2 = performance.now();
  const matcher = loadIndex(file);
  const loadS = (performance.now() - t2) / 1000;
  await collectGarbage();
  const heapMb = (heapBytes() - before) / 2 ** 20;
  rmSync(file, { force: true });
  log(
    `  loaded in ${loadS.toFixed(2)} s, ${heapMb.toFixed(1)} MB on the heap, index ${(jsonBytes / 2 ** 20).toFixed(1)} MB as JSON`,
  );

  // Each probe article is checked once, after a few others: the time a reader's new page takes.
  const once = (text: string): number => {
    const t = performance.now();
    matcher.check(text);
    return performance.now() - t;
  };
  for (let k = 0; k < WARMUP_PROBES; k++) {
    matcher.check(retellings[k]!);
    matcher.check(unrelatedOnes[k]!);
  }
  const firstParaphrase: number[] = [];
  const firstUnrelated: number[] = [];
  for (let k = WARMUP_PROBES; k < WARMUP_PROBES + PROBES; k++) {
    firstParaphrase.push(once(retellings[k]!));
    firstUnrelated.push(once(unrelatedOnes[k]!));
  }
  const msParaphrase = median(firstParaphrase);
  const msUnrelated = median(firstUnrelated);
  const again = { warmup: 1, runs: 9, budgetMs: 5_000, minRuns: 3 };
  const msRepeat = median(timeRuns(() => matcher.check(paraphrase), again));
  await collectGarbage();
  const heapAfterMb = (heapBytes() - before) / 2 ** 20;
  log(
    `  1,000-word article, first check: ${msParaphrase.toFixed(2)} ms (retelling), ${msUnrelated.toFixed(2)} ms (unrelated); again ${msRepeat.toFixed(2)} ms`,
  );

  // The five real reports, each checked with itself left out, scored on the development gold:
  // matches to synthetic reports are not in the gold and count as false positives.
  const fileOf = new Map(matcher.reports.map((r) => [r.id, r.file]));
  const synthetic = new SyntheticMatches(realIds);
  const predictions: ScoredReport[] = real.map(({ meta, text }) =>
    scoredReport(
      meta.file,
      text,
      matcher.check(text, { exclude: meta.id }),
      fileOf,
      synthetic.keep,
    ),
  );
  const score = scoreAt(readGold(), predictions, 0);

  return {
    reports,
    stories,
    words,
    sentences,
    vocabulary,
    build_s: round(buildS, 2),
    build_threads: threads,
    load_s: round(loadS, 2),
    heap_mb: round(heapMb, 1),
    json_mb: round(jsonBytes / 2 ** 20, 1),
    ms_per_article: round(Math.max(msParaphrase, msUnrelated), 2),
    ms_paraphrase: round(msParaphrase, 2),
    ms_unrelated: round(msUnrelated, 2),
    ms_repeat: round(msRepeat, 2),
    heap_after_checks_mb: round(heapAfterMb, 1),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
    paraphrase: probe(matcher.check(paraphrase), paraphrase, realIds),
    unrelated: probe(matcher.check(unrelated), unrelated, realIds),
    gold: {
      precision: round(score.precision, 3),
      recall: round(score.recall, 3),
      f1: round(score.f1, 3),
      synthetic_matches: synthetic.matches,
      synthetic_near_copies: synthetic.nearCopies,
    },
  };
}
