/**
 * Part 1: the engine against the obvious approach (plain Fuse.js over every corpus sentence), on
 * the same articles, in the same process: time per article and F1 on the development gold.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Matcher } from '../src/core/matcher';
import { splitSentences } from '../src/core/sentences';
import {
  enginePredictions,
  fusePredictions,
  fuseSearcher,
  loadDevCorpus,
  type DevCorpus,
} from '../test/quality/predict';
import { readGold, scoreAt, type Score } from '../test/quality/score';
import { ROOT, comparisonArticles, type BenchArticle } from './articles';
import { median, round, type RepeatPlan } from './stats';

/** Per article: words, sentences, what each method found and how long it took. */
export interface ArticleTiming {
  name: string;
  words: number;
  sentences: number;
  engine_ms: number;
  fuse_ms: number;
  engine_matched: number;
  fuse_matched: number;
}

/** Precision, recall and F1 on the development gold, with the counts behind them. */
export interface GoldFigures {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/** What part 1 measured. */
export interface EngineVsFuseResult {
  articles: ArticleTiming[];
  engine_ms_per_article: number;
  fuse_ms_per_article: number;
  speedup: number;
  engine_runs: number;
  fuse_runs: number;
  engine: GoldFigures;
  fuse: GoldFigures;
  corpus_sentences: number;
  /** Reading dist/corpus/index.json, parsing it and loading the matcher: the background's start-up. */
  index_load_ms: number | null;
  index_bytes: number | null;
}

/** Many runs for the engine (each takes milliseconds); Fuse.js takes seconds per article. */
const ENGINE_PLAN: RepeatPlan = { warmup: 5, runs: 40, budgetMs: 10_000, minRuns: 10 };
const FUSE_PLAN: RepeatPlan = { warmup: 1, runs: 3, budgetMs: 60_000, minRuns: 2 };
const QUICK_FUSE_PLAN: RepeatPlan = { warmup: 0, runs: 1, budgetMs: 0, minRuns: 1 };

function gold(score: Score): GoldFigures {
  return {
    precision: round(score.precision, 3),
    recall: round(score.recall, 3),
    f1: round(score.f1, 3),
    tp: score.tp,
    fp: score.fp,
    fn: score.fn,
  };
}

/**
 * Times `check` over all articles: each run checks every article once; the figure per article is
 * the median over runs of the run's total divided by the number of articles. Also returns each
 * article's median time.
 */
function timeArticles(
  articles: readonly BenchArticle[],
  setup: () => (article: BenchArticle) => void,
  plan: RepeatPlan,
): { perArticle: number; each: number[]; runs: number } {
  for (let w = 0; w < plan.warmup; w++) {
    const check = setup();
    // A warm-up of Fuse.js on every article would cost minutes; its hot loop is the same for all.
    for (const article of plan.warmup > 1 ? articles : articles.slice(0, 1)) check(article);
  }
  const totals: number[] = [];
  const each: number[][] = articles.map(() => []);
  let spent = 0;
  for (let r = 0; r < plan.runs; r++) {
    // Set-up (not timed) before every run, so no run profits from what an earlier one remembered.
    const check = setup();
    let total = 0;
    articles.forEach((article, i) => {
      const t0 = performance.now();
      check(article);
      const dt = performance.now() - t0;
      each[i]!.push(dt);
      total += dt;
    });
    totals.push(total);
    spent += total;
    if (totals.length >= plan.minRuns && spent > plan.budgetMs) break;
  }
  return {
    perArticle: median(totals) / articles.length,
    each: each.map(median),
    runs: totals.length,
  };
}

/** Loads dist/corpus/index.json as the background does, if the build wrote it. */
function indexLoad(): { ms: number; bytes: number } | null {
  const file = path.join(ROOT, 'dist/corpus/index.json');
  if (!existsSync(file)) return null;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const json = readFileSync(file, 'utf8');
    Matcher.fromCompiled(JSON.parse(json));
    times.push(performance.now() - t0);
    bytes = Buffer.byteLength(json);
  }
  return { ms: median(times.slice(1)), bytes };
}

/** Runs part 1. `quick` takes one Fuse.js run instead of three. */
export async function runEngineVsFuse(
  quick: boolean,
  log: (line: string) => void,
): Promise<EngineVsFuseResult> {
  const corpus: DevCorpus = loadDevCorpus();
  const articles = await comparisonArticles(corpus.inputs);
  log(`  ${articles.length} articles, ${corpus.compiled.sentences.length} corpus sentences`);

  const engineMatched = articles.map(
    (a) =>
      corpus.matcher
        .check(a.text, { exclude: a.exclude })
        .sentences.filter((s) => s.matches.length > 0).length,
  );
  // A fresh matcher per run: the engine remembers spelling neighbours and term bags between
  // checks, and a page a reader opens is new to it.
  const engine = timeArticles(
    articles,
    () => {
      const matcher = Matcher.fromCompiled(corpus.compiled);
      return (a) => matcher.check(a.text, { exclude: a.exclude });
    },
    ENGINE_PLAN,
  );
  log(`  engine: ${engine.perArticle.toFixed(3)} ms per article (${engine.runs} runs)`);

  // The obvious approach: every page sentence searched in all corpus sentences, default options.
  const search = fuseSearcher(corpus);
  const reportIndex = new Map(corpus.inputs.map((input, i) => [input.meta.id, i]));
  const fuseCheck = (a: BenchArticle): number => {
    const self = a.exclude === undefined ? -1 : (reportIndex.get(a.exclude) ?? -1);
    let matched = 0;
    for (const unit of splitSentences(a.text)) {
      if (search(unit.text).some((hit) => hit.report !== self)) matched++;
    }
    return matched;
  };
  const fuseMatched = new Map<BenchArticle, number>();
  const fuse = timeArticles(
    articles,
    () => (a) => fuseMatched.set(a, fuseCheck(a)),
    quick ? QUICK_FUSE_PLAN : FUSE_PLAN,
  );
  log(`  Fuse.js: ${fuse.perArticle.toFixed(1)} ms per article (${fuse.runs} runs)`);

  const goldSet = readGold();
  // Predictions carry only listed reports, so every one of them counts (threshold 0).
  const engineScore = scoreAt(goldSet, enginePredictions(corpus), 0);
  const fuseScore = scoreAt(goldSet, fusePredictions(corpus), 0);
  const load = indexLoad();

  return {
    articles: articles.map((a, i) => ({
      name: a.name,
      words: a.text.split(/\s+/).filter(Boolean).length,
      sentences: splitSentences(a.text).length,
      engine_ms: round(engine.each[i]!, 3),
      fuse_ms: round(fuse.each[i]!, 1),
      engine_matched: engineMatched[i]!,
      fuse_matched: fuseMatched.get(a) ?? 0,
    })),
    engine_ms_per_article: round(engine.perArticle, 3),
    fuse_ms_per_article: round(fuse.perArticle, 1),
    speedup: round(fuse.perArticle / engine.perArticle, 0),
    engine_runs: engine.runs,
    fuse_runs: fuse.runs,
    engine: gold(engineScore),
    fuse: gold(fuseScore),
    corpus_sentences: corpus.compiled.sentences.length,
    index_load_ms: load ? round(load.ms, 2) : null,
    index_bytes: load?.bytes ?? null,
  };
}
