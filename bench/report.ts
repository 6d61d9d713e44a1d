/** Turns the benchmark results into tables, target checks and the section of BENCHMARKS.md. */
import type { EngineVsFuseResult } from './engine-vs-fuse';
import type { LibraryRow } from './library';
import type { MachineInfo } from './machine';
import type { PageCostResult } from './page-cost';
import { PROBES, type ScaleRow } from './scale';
import { fmt, formatMarkdown, type Table } from './table';

/** Everything one run measured. */
export interface BenchResults {
  machine: MachineInfo & { load_at_end?: number };
  duration_s?: number;
  engine?: EngineVsFuseResult;
  scale?: ScaleRow[];
  page?: PageCostResult;
  library?: LibraryRow[];
  /**
   * Parts measured by a later run merged in (`--merge`), with that run's machine and length;
   * `machine` is the run the other parts come from.
   */
  part_runs?: Record<
    string,
    { machine: MachineInfo & { load_at_end?: number }; duration_s?: number }
  >;
}

/** One target of the benchmark issue and whether this run met it. */
export interface TargetCheck {
  target: string;
  value: string;
  met: boolean | null;
}

/** Targets, as the project set them. */
export const TARGETS = {
  engineMs: 5,
  speedup: 100,
  scaleReports: 10_000,
  scaleMs: 50,
  scaleHeapMb: 200,
  scaleBuildS: 10,
  /**
   * "Time per article growing clearly slower than the corpus": time ∝ reports^k with k at most
   * 0.5, i.e. no worse than the square root of the corpus size (a linear scan has k = 1).
   */
  growthExponent: 0.5,
  longTaskMs: 50,
  highlightMs: 300,
  contentScriptBytes: 50 * 1024,
  /** The reader's library (issue 13): per size, the most each figure may be. */
  libraryAddMs: 20,
  libraryCheckMs: { 10_000: 50, 50_000: 100 } as Record<number, number>,
  libraryHeapMb: { 10_000: 100, 50_000: 300 } as Record<number, number>,
  libraryLoadMs: { 10_000: 300 } as Record<number, number>,
} as const;

/** Growth exponent k of time ∝ reports^k between the smallest synthetic corpus and the largest. */
export function growthExponent(rows: readonly ScaleRow[]): number | null {
  const usable = rows.filter((r) => r.reports >= 100).sort((a, b) => a.reports - b.reports);
  const first = usable[0];
  const last = usable[usable.length - 1];
  if (!first || !last || first === last) return null;
  return (
    Math.log(last.ms_per_article / first.ms_per_article) / Math.log(last.reports / first.reports)
  );
}

/** Checks each target this run measured. */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const e = results.engine;
  if (e) {
    checks.push({
      target: `engine under ${TARGETS.engineMs} ms per article (bundled corpus)`,
      value: `${fmt(e.engine_ms_per_article, 3)} ms`,
      met: e.engine_ms_per_article < TARGETS.engineMs,
    });
    checks.push({
      target: `at least ${TARGETS.speedup}× faster than plain Fuse.js`,
      value: `${fmt(e.speedup, 0)}×`,
      met: e.speedup >= TARGETS.speedup,
    });
    checks.push({
      target: 'higher F1 than plain Fuse.js on the development gold',
      value: `${fmt(e.engine.f1, 3)} vs ${fmt(e.fuse.f1, 3)}`,
      met: e.engine.f1 > e.fuse.f1,
    });
  }
  const big = results.scale?.find((r) => r.reports === TARGETS.scaleReports);
  if (big) {
    checks.push({
      target: `${TARGETS.scaleReports} reports: under ${TARGETS.scaleMs} ms per 1,000-word article`,
      value: `${fmt(big.ms_per_article)} ms`,
      met: big.ms_per_article < TARGETS.scaleMs,
    });
    checks.push({
      target: `${TARGETS.scaleReports} reports: under ${TARGETS.scaleHeapMb} MB of memory`,
      value: `${fmt(big.heap_mb, 1)} MB`,
      met: big.heap_mb < TARGETS.scaleHeapMb,
    });
    checks.push({
      target: `${TARGETS.scaleReports} reports: index build under ${TARGETS.scaleBuildS} s`,
      value: `${fmt(big.build_s)} s (+ ${fmt(big.load_s)} s to load)`,
      met: big.build_s < TARGETS.scaleBuildS,
    });
  }
  const k = results.scale ? growthExponent(results.scale) : null;
  if (k !== null) {
    checks.push({
      target: `time per article grows clearly slower than the corpus (reports^k, k ≤ ${TARGETS.growthExponent})`,
      value: `k = ${fmt(k)}`,
      met: k <= TARGETS.growthExponent,
    });
  }
  for (const row of results.library ?? []) {
    const n = row.articles.toLocaleString('en');
    checks.push({
      target: `library of ${n}: keeping an article under ${TARGETS.libraryAddMs} ms (median)`,
      value: `${fmt(row.add_ms)} ms`,
      met: row.add_ms < TARGETS.libraryAddMs,
    });
    const limits: [string, number | undefined, number, string][] = [
      ['checking a 1,000-word article', TARGETS.libraryCheckMs[row.articles], row.check_ms, 'ms'],
      ['memory', TARGETS.libraryHeapMb[row.articles], row.heap_mb, 'MB'],
      ['loading after a restart', TARGETS.libraryLoadMs[row.articles], row.load_ms, 'ms'],
    ];
    if (row.load_placed_ms !== undefined) {
      limits.push([
        'loading after a restart, every article placed among the echo groups',
        TARGETS.libraryLoadMs[row.articles],
        row.load_placed_ms,
        'ms',
      ]);
    }
    for (const [what, limit, value, unit] of limits) {
      if (limit === undefined) continue;
      checks.push({
        target: `library of ${n}: ${what} under ${limit} ${unit}`,
        value: `${fmt(value, unit === 'MB' ? 1 : 0)} ${unit}`,
        met: value < limit,
      });
    }
  }
  const p = results.page;
  if (p) {
    checks.push({
      target: `content script at most ${TARGETS.contentScriptBytes / 1024} KB minified`,
      value: `${fmt(p.content_script.bytes / 1024, 1)} KB (${fmt(p.content_script.gzip_bytes / 1024, 1)} KB gzip)`,
      met: p.content_script.bytes <= TARGETS.contentScriptBytes,
    });
    const worst = Math.max(0, ...p.pages.map((pg) => pg.extension_longest_task_ms ?? 0));
    const caused = p.pages.reduce((n, pg) => n + (pg.extension_long_tasks ?? 0), 0);
    checks.push({
      target: `no main-thread task of ${TARGETS.longTaskMs} ms or more caused by the extension`,
      value: `${caused} such tasks; longest task running extension code ${fmt(worst, 1)} ms`,
      met: caused === 0,
    });
    // Normal articles: the report pages and the sixth outlet's (the 10,000-word page is not one).
    const normal = p.pages.filter(
      (pg) => (pg.kind === 'report' || pg.kind === 'other-outlet') && pg.highlight_ms !== null,
    );
    const slowest = Math.max(...normal.map((pg) => pg.highlight_ms ?? 0));
    checks.push({
      target: `highlights within ${TARGETS.highlightMs} ms of load on a normal article`,
      value: normal.length ? `slowest ${fmt(slowest, 0)} ms` : 'no highlights seen',
      met: normal.length ? slowest <= TARGETS.highlightMs : false,
    });
  }
  return checks;
}

/** All tables of a run, in reading order. */
export function buildTables(results: BenchResults & { targets?: TargetCheck[] }): Table[] {
  const tables: Table[] = [];
  const e = results.engine;
  if (e) {
    tables.push({
      title: 'Engine against plain Fuse.js: time per article',
      headers: [
        'article',
        'words',
        'sentences',
        'engine ms',
        'Fuse.js ms',
        'engine matched',
        'Fuse.js matched',
      ],
      rows: [
        ...e.articles.map((a) => [
          a.name,
          String(a.words),
          String(a.sentences),
          fmt(a.engine_ms, 3),
          fmt(a.fuse_ms, 0),
          String(a.engine_matched),
          String(a.fuse_matched),
        ]),
        [
          'per article',
          '',
          '',
          fmt(e.engine_ms_per_article, 3),
          fmt(e.fuse_ms_per_article, 0),
          '',
          '',
        ],
      ],
      notes: [
        `Median over ${e.engine_runs} runs (engine) and ${e.fuse_runs} runs (Fuse.js) after warm-up; speedup ${fmt(e.speedup, 0)}×.`,
        `Reports are checked with themselves left out; "matched" counts sentences with at least one other report listed.`,
        `Fuse.js: new Fuse(all ${e.corpus_sentences} corpus sentences), default options, each page sentence as the query.`,
        e.index_load_ms !== null
          ? `Loading dist/corpus/index.json (${fmt((e.index_bytes ?? 0) / 1024, 0)} KB) and the matcher: ${fmt(e.index_load_ms)} ms.`
          : 'dist/corpus/index.json was not built; no load time.',
      ],
    });
    tables.push({
      title: 'Quality on the development gold (pair level, leave-self-out)',
      headers: ['method', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn'],
      rows: (
        [
          ['engine', e.engine],
          ['plain Fuse.js', e.fuse],
        ] as const
      ).map(([name, g]) => [
        name,
        fmt(g.precision, 3),
        fmt(g.recall, 3),
        fmt(g.f1, 3),
        String(g.tp),
        String(g.fp),
        String(g.fn),
      ]),
    });
  }
  const s = results.scale;
  if (s?.length) {
    const k = growthExponent(s);
    tables.push({
      title: 'Scale: synthetic corpora with the five real reports inside',
      headers: [
        'reports',
        'words',
        'sentences',
        'terms',
        'build s',
        'threads',
        'load s',
        'heap MB',
        'after checks MB',
        'JSON MB',
        'ms/article',
        'retelling ms',
        'unrelated ms',
        'again ms',
      ],
      rows: s.map((r) => [
        String(r.reports),
        String(r.words),
        String(r.sentences),
        String(r.vocabulary),
        fmt(r.build_s),
        String(r.build_threads),
        fmt(r.load_s),
        fmt(r.heap_mb, 1),
        fmt(r.heap_after_checks_mb, 1),
        fmt(r.json_mb, 1),
        fmt(r.ms_per_article),
        fmt(r.ms_paraphrase),
        fmt(r.ms_unrelated),
        fmt(r.ms_repeat),
      ]),
      notes: [
        "build: the build's corpus compile over the sources, on as many threads as the machine has cores once a corpus has 2 million characters per thread (threads); the compiled index is the same on any number of threads; load: JSON.parse of the index plus Matcher.fromCompiled; heap: what the loaded matcher keeps after GC (heap plus typed arrays), right after loading and after all the checks (caches filled).",
        `ms/article: the slower kind of 1,000-word article (retellings of the real story; unrelated synthetic stories): median of the first check of ${PROBES} articles the matcher had not seen, after 2 others. again: one retelling checked repeatedly.`,
        k !== null
          ? `Time per article grows as reports^${fmt(k)} from the smallest synthetic corpus to the largest.`
          : '',
      ].filter(Boolean),
    });
    tables.push({
      title: 'Scale: are the right reports still found?',
      headers: [
        'reports',
        'real found',
        'retelling matched',
        'to synthetic',
        'unrelated matched',
        'gold P',
        'gold R',
        'R vs 5',
        'gold F1',
        'synthetic (near copies)',
      ],
      rows: s.map((r) => [
        String(r.reports),
        `${r.paraphrase.real_reports_found}/5`,
        `${r.paraphrase.matched_real}/${r.paraphrase.sentences}`,
        String(r.paraphrase.matched_synthetic),
        `${Math.max(r.unrelated.matched_real, r.unrelated.matched_synthetic)}/${r.unrelated.sentences}`,
        fmt(r.gold.precision, 3),
        fmt(r.gold.recall, 3),
        fmt(r.gold.recall_vs_5, 3),
        fmt(r.gold.f1, 3),
        `${r.gold.synthetic_matches} (${r.gold.synthetic_near_copies})`,
      ]),
      notes: [
        'real found / retelling matched: the retelling of the real story checked against the corpus; sentences matched to a real report, and to a synthetic one.',
        'gold: the five real reports checked leave-self-out against the whole corpus. Synthetic stories reuse real sentence shapes, so some synthetic sentences keep most of a real one\'s words by chance ("near copies", half or more of the content words of the shorter sentence): matches to those are not counted; any other match to a synthetic report is a false positive.',
        'R vs 5: recall relative to the five reports alone (1 = nothing lost at this size).',
      ],
    });
  }
  const p = results.page;
  if (p) {
    tables.push({
      title: 'Cost in the page (Chromium, extension loaded vs not)',
      headers: [
        'page',
        'words',
        'highlights',
        'ms to highlights',
        'long tasks with',
        'without',
        'longest with ms',
        'without ms',
        'ext. script ms',
        'ext. long tasks',
      ],
      rows: p.pages.map((pg) => [
        pg.name,
        pg.words === null ? '-' : String(pg.words),
        String(pg.highlights),
        fmt(pg.highlight_ms, 0),
        fmt(pg.with.long_tasks, 1),
        fmt(pg.without.long_tasks, 1),
        fmt(pg.with.longest_ms, 0),
        fmt(pg.without.longest_ms, 0),
        fmt(pg.extension_script_ms, 1),
        pg.extension_long_tasks === null ? '-' : String(pg.extension_long_tasks),
      ]),
      notes: [
        `Medians over ${p.reps} loads per page and mode. ms to highlights: from the load event to the first crosscheck highlight registered; the first page of a fresh browser (service worker start, corpus load) took ${fmt(p.cold_highlight_ms, 0)} ms.`,
        'long tasks: main-thread tasks of 50 ms or more per load (PerformanceObserver "longtask"), with and without the extension.',
        'ext. script ms / ext. long tasks: from a Chromium trace of one load: extension code on the page main thread, and tasks of 50 ms or more in which extension code ran.',
        `Content script ${p.content_script.file} (every page): ${p.content_script.bytes} bytes minified, ${p.content_script.gzip_bytes} gzip.` +
          (p.on_demand.length
            ? ` Loaded when needed: ${p.on_demand.map((s) => `${s.file} ${s.bytes} bytes (${s.gzip_bytes} gzip)`).join(', ')}.`
            : ''),
      ],
    });
  }
  if (p?.pages.some((pg) => pg.work_with && pg.work_without)) {
    const pair = (w: number | undefined, wo: number | undefined) => `${fmt(w, 0)} / ${fmt(wo, 0)}`;
    tables.push({
      title:
        "Where the main thread's time goes in one traced load (ms, with / without the extension)",
      headers: [
        'page',
        'all tasks',
        'script',
        'extension code',
        'style + layout',
        'paint',
        'HTML parsing',
        'GC',
      ],
      rows: p.pages.map((pg) => [
        pg.name,
        pair(pg.work_with?.tasks, pg.work_without?.tasks),
        pair(pg.work_with?.script, pg.work_without?.script),
        fmt(pg.extension_script_ms, 1),
        pair(pg.work_with?.style_layout, pg.work_without?.style_layout),
        pair(pg.work_with?.paint, pg.work_without?.paint),
        pair(pg.work_with?.parse_html, pg.work_without?.parse_html),
        pair(pg.work_with?.gc, pg.work_without?.gc),
      ]),
      notes: [
        'One load each, traced (timeline and V8 samples, which slow the page a little); single loads vary, so read differences of a few ms as noise.',
        'Extension functions by sampled time are in bench/results.json (page.pages[].extension_functions).',
      ],
    });
  }
  const l = results.library;
  if (l?.length) {
    tables.push({
      title:
        "The reader's library: synthetic articles kept in the browser's way (segments on disk)",
      headers: [
        'articles',
        'add ms',
        'check ms',
        'heap MB',
        'load ms',
        'load, all placed, ms',
        'disk MB',
        'index MB',
        'segments',
        'units',
        'terms',
        'build s',
        'longest merge ms',
        'retelling ms',
        'unrelated ms',
        'after checks MB',
        'place ms',
      ],
      rows: l.map((r) => [
        String(r.articles),
        fmt(r.add_ms),
        fmt(r.check_ms),
        fmt(r.heap_mb, 1),
        fmt(r.load_ms, 0),
        r.load_placed_ms === undefined ? '–' : fmt(r.load_placed_ms, 0),
        fmt(r.disk_mb, 1),
        fmt(r.index_mb, 1),
        String(r.segments),
        String(r.units),
        String(r.vocabulary),
        fmt(r.build_s, 1),
        fmt(r.longest_merge_ms, 0),
        fmt(r.ms_paraphrase),
        fmt(r.ms_unrelated),
        fmt(r.heap_after_checks_mb, 1),
        r.place_ms === undefined ? '–' : fmt(r.place_ms, 1),
      ]),
      notes: [
        "The library's own code over files standing in for IndexedDB (bench/library-files.ts): the articles imported in batches of 200 and their segments merged as the extension merges them (build s, longest merge).",
        'add ms: median time to keep one more article (compile it, store article, text and segment, add the segment to the index), over 31 articles kept one by one at that size.',
        'check ms: the slower kind of 1,000-word article (retellings of the real story; unrelated synthetic stories), median of the first check of 7 articles after 2 others, against the bundled reports and the library together, the texts of matched library articles read from disk, with divergence and provenance as the background runs them.',
        'place ms: mean time to place one of the 31 kept articles among the echo groups (one check against everything placed before it; run in the background after keeping, not part of add ms).',
        'heap MB: what the loaded matcher keeps after GC (heap plus typed arrays), bundled corpus and library; load ms: after a restart, the bundled index and the stored segments into a fresh matcher; load, all placed, ms: the same once every article has a stored placement among the echo groups (a set pattern: one in five joins the group of an earlier article, a third name Reuters, so one group holds thousands), their replay included; disk MB: every file of the library (index MB: the segments).',
      ],
    });
    tables.push({
      title: "The reader's library: are the right reports still found?",
      headers: [
        'articles',
        'real found',
        'retelling matched',
        'to synthetic',
        'unrelated matched',
        'gold P',
        'gold R',
        'gold F1',
        'synthetic (near copies)',
      ],
      rows: l.map((r) => [
        String(r.articles),
        `${r.paraphrase.real_reports_found}/5`,
        `${r.paraphrase.matched_real}/${r.paraphrase.sentences}`,
        String(r.paraphrase.matched_synthetic),
        `${Math.max(r.unrelated.matched_real, r.unrelated.matched_synthetic)}/${r.unrelated.sentences}`,
        fmt(r.gold.precision, 3),
        fmt(r.gold.recall, 3),
        fmt(r.gold.f1, 3),
        `${r.gold.synthetic_matches} (${r.gold.synthetic_near_copies})`,
      ]),
      notes: [
        'The five real reports are the bundled corpus; the library holds the synthetic articles of the scale part (same generator and seed). Columns as in the scale part: compare a library of n articles with the corpus of n + 5 reports there.',
      ],
    });
  }
  if (results.targets?.length) {
    tables.push({
      title: 'Targets',
      headers: ['target', 'this run', 'met'],
      rows: results.targets.map((t) => [
        t.target,
        t.value,
        t.met === null ? '-' : t.met ? 'yes' : 'NO',
      ]),
    });
  }
  const m = results.machine;
  tables.push({
    title: 'Machine',
    headers: ['what', 'value'],
    rows: [
      ['CPU', m.cpu],
      ['cores', String(m.cores)],
      ['memory', `${m.memory_gb} GB`],
      ['OS', m.os],
      ['Node', m.node],
      ['Chromium', m.chromium ?? 'not found'],
      ['load average at start / end', `${m.load_at_start} / ${m.load_at_end ?? '-'}`],
      ['date', m.date],
      ['whole run', results.duration_s === undefined ? '-' : `${results.duration_s} s`],
      ...Object.entries(results.part_runs ?? {}).map(([part, run]) => [
        `${part} part: a later run (--merge)`,
        `${run.machine.date}, load average ${run.machine.load_at_start} / ${run.machine.load_at_end ?? '-'}, ${run.duration_s ?? '-'} s`,
      ]),
    ],
  });
  return tables;
}

/** The generated part of BENCHMARKS.md. */
export function markdownSection(results: BenchResults & { targets?: TargetCheck[] }): string {
  return [
    `_Generated by \`npm run bench\` on ${results.machine.date.slice(0, 10)}; do not edit between the markers._`,
    '',
    ...buildTables(results).map((t) => `${formatMarkdown(t)}\n`),
  ].join('\n');
}
