/**
 * The benchmark run: each part in its own Node process (clean heap, no JIT state carried over),
 * then the tables, bench/results.json and the figures section of BENCHMARKS.md.
 * Started by bench/run.mjs, which bundles this file; see BENCHMARKS.md for the options.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../test/e2e/support/chromium.mjs';
import { ROOT } from './articles';
import { runEngineVsFuse, type EngineVsFuseResult } from './engine-vs-fuse';
import { describeMachine } from './machine';
import { runPageCost, type PageCostResult } from './page-cost';
import { buildTables, evaluateTargets, markdownSection, type BenchResults } from './report';
import { ADDS, LIBRARY_SIZES, runLibrary, writeLibraryCorpus, type LibraryRow } from './library';
import { runScale, type ScaleRow } from './scale';
import { formatText } from './table';

/** Corpus sizes of the scale part; the first is the bundled corpus alone. */
const DEFAULT_SIZES = [5, 100, 1_000, 10_000];
const PARTS = ['engine', 'scale', 'page', 'library'] as const;
/** Parts run in child processes only (never named with --only). */
type ChildPart = (typeof PARTS)[number] | 'library-corpus';
type Part = (typeof PARTS)[number];

interface Args {
  part: ChildPart | null;
  reports: number;
  articles: number;
  librarySizes: number[];
  out: string | null;
  only: Set<Part>;
  sizes: number[];
  quick: boolean;
  profile: boolean;
  write: boolean;
  merge: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    part: null,
    reports: 0,
    articles: 0,
    librarySizes: LIBRARY_SIZES,
    out: null,
    only: new Set(PARTS),
    sizes: DEFAULT_SIZES,
    quick: false,
    profile: false,
    write: false,
    merge: false,
  };
  const list = (value: string | undefined) => (value ?? '').split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--part') args.part = value() as ChildPart;
    else if (arg === '--reports') args.reports = Number(value());
    else if (arg === '--articles') args.articles = Number(value());
    else if (arg === '--library-sizes') args.librarySizes = list(value()).map(Number);
    else if (arg === '--out') args.out = value() ?? null;
    else if (arg === '--only') args.only = new Set(list(value()) as Part[]);
    else if (arg === '--sizes') args.sizes = list(value()).map(Number);
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--profile') args.profile = true;
    else if (arg === '--write') args.write = true;
    else if (arg === '--merge') args.merge = true;
    else throw new Error(`unknown option ${arg}`);
  }
  for (const part of args.only) if (!PARTS.includes(part)) throw new Error(`unknown part ${part}`);
  return args;
}

const log = (line: string): void => console.log(line);

/** Runs one part in this process and writes its result as JSON to `out`. */
async function runPart(args: Args): Promise<void> {
  let result: unknown;
  if (args.part === 'engine') result = await runEngineVsFuse(args.quick, log);
  else if (args.part === 'scale') result = await runScale(args.reports, log);
  else if (args.part === 'page') result = await runPageCost(args.quick, log);
  else if (args.part === 'library') result = await runLibrary(args.articles, log);
  else if (args.part === 'library-corpus') result = writeLibraryCorpus(args.articles, log) ?? null;
  else throw new Error(`unknown part ${String(args.part)}`);
  writeFileSync(args.out ?? '/dev/stdout', JSON.stringify(result));
}

/** Runs one part in a child Node process with explicit garbage collection available. */
function child<T>(part: ChildPart, extra: string[], args: Args): T {
  const outDir = path.join(ROOT, 'bench/out');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `part-${part}${extra.length ? `-${extra.join('-')}` : ''}.json`);
  const node = ['--expose-gc', '--enable-source-maps'];
  if (args.profile) node.push('--cpu-prof', `--cpu-prof-dir=${path.join(outDir, 'profiles')}`);
  const argv = [...node, process.argv[1] as string, '--part', part, '--out', out, ...extra];
  if (args.quick) argv.push('--quick');
  const result = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`the ${part} part failed (exit ${result.status ?? result.signal})`);
  return JSON.parse(readFileSync(out, 'utf8')) as T;
}

/** Replaces the generated section of BENCHMARKS.md, keeping the prose around it. */
function updateBenchmarksMd(section: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from === -1 || to === -1)
    throw new Error(`BENCHMARKS.md lacks the ${start} … ${end} markers`);
  writeFileSync(file, `${current.slice(0, from + start.length)}\n${section}\n${current.slice(to)}`);
}

async function orchestrate(args: Args): Promise<void> {
  const began = performance.now();
  let chromium = '/usr/bin/chromium';
  try {
    chromium = findChromium();
  } catch {
    // The machine description says "none"; the page part fails with the install hint.
  }
  const results: BenchResults = { machine: describeMachine(chromium) };
  log(
    `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gb} GB, Node ${results.machine.node}`,
  );
  if (results.machine.load_at_start > results.machine.cores * 0.5) {
    log(
      `Note: load average ${results.machine.load_at_start} at start; other work competes for the cores.`,
    );
  }
  if (args.only.has('engine')) {
    log('\n[1/4] engine against plain Fuse.js');
    results.engine = child<EngineVsFuseResult>('engine', [], args);
  }
  if (args.only.has('scale')) {
    log('\n[2/4] scale');
    const rows: ScaleRow[] = [];
    for (const reports of args.sizes) {
      log(` ${reports} reports`);
      rows.push(child<ScaleRow>('scale', ['--reports', String(reports)], args));
    }
    const base = rows.find((r) => r.reports <= 5);
    for (const row of rows)
      if (base)
        row.gold.recall_vs_5 = Math.round((row.gold.recall / base.gold.recall) * 1000) / 1000;
    results.scale = rows;
  }
  if (args.only.has('page')) {
    log('\n[3/4] cost in the page (Chromium with the extension)');
    results.page = child<PageCostResult>('page', [], args);
  }
  if (args.only.has('library')) {
    log("\n[4/4] the reader's library");
    const rows: LibraryRow[] = [];
    const largest = Math.max(...args.librarySizes);
    child<null>('library-corpus', ['--articles', String(largest + ADDS)], args);
    for (const articles of args.librarySizes) {
      log(` ${articles} articles`);
      rows.push(child<LibraryRow>('library', ['--articles', String(articles)], args));
    }
    results.library = rows;
  }
  results.machine.load_at_end = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  results.duration_s = Math.round((performance.now() - began) / 1000);
  const published = path.join(ROOT, 'bench/results.json');
  if (args.merge && existsSync(published)) mergeInto(results, published, args.only);
  const json = { ...summary(results), ...results, targets: evaluateTargets(results) };

  log('');
  for (const table of buildTables(json)) log(`${formatText(table)}\n`);
  log(`Whole run: ${results.duration_s} s`);

  // Only a full run replaces the published figures; partial or quick runs go to bench/out/.
  const full =
    args.only.size === PARTS.length &&
    !args.quick &&
    args.sizes.join() === DEFAULT_SIZES.join() &&
    args.librarySizes.join() === LIBRARY_SIZES.join();
  const target =
    full || args.write || args.merge
      ? path.join(ROOT, 'bench/results.json')
      : path.join(ROOT, 'bench/out/results.json');
  writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
  log(`Wrote ${path.relative(ROOT, target)}`);
  if (full || args.write || args.merge) {
    updateBenchmarksMd(markdownSection(json));
    log('Updated BENCHMARKS.md');
  }
}

/**
 * With --merge: the parts this run measured replace those of the published results, the others
 * are kept as they were; the machine and length of this run are recorded per part it measured
 * (`part_runs`), while `machine` stays that of the run the other parts come from.
 */
function mergeInto(results: BenchResults, file: string, parts: ReadonlySet<Part>): void {
  const before = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  const run = { machine: { ...results.machine }, duration_s: results.duration_s };
  results.part_runs = { ...before.part_runs };
  for (const part of parts) results.part_runs[part] = run;
  for (const part of PARTS) {
    if (parts.has(part)) continue;
    const kept = before[part];
    if (kept !== undefined) (results as unknown as Record<string, unknown>)[part] = kept;
  }
  results.machine = before.machine;
  results.duration_s = before.duration_s;
}

/** The headline figures other tools read, at the top level of results.json. */
function summary(results: BenchResults): Record<string, unknown> {
  const e = results.engine;
  return {
    engine_ms_per_article: e?.engine_ms_per_article ?? null,
    fuse_ms_per_article: e?.fuse_ms_per_article ?? null,
    speedup: e?.speedup ?? null,
    engine_f1: e?.engine.f1 ?? null,
    fuse_f1: e?.fuse.f1 ?? null,
  };
}

const args = parseArgs(process.argv.slice(2));
(args.part ? runPart(args) : orchestrate(args)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
