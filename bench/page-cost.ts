/**
 * Part 3: what the extension costs the pages people read, in real Chromium. Each page is loaded
 * several times with the extension and several times in a browser without it; the page's own
 * PerformanceObserver records long tasks, and a poll of the highlight registry the moment
 * highlights appear. One more load per page is traced (timeline plus V8 samples) to tell which
 * main-thread time is the extension's code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  chromiumArgs,
  EXTENSION_DIR,
  findChromium,
  launchWithExtension,
} from '../test/e2e/support/chromium.mjs';
import { startSiteServer, type SiteServer } from '../test/e2e/support/site-server.mjs';
import { splitSentences } from '../src/core/sentences';
import { ROOT, fixtureArticles, realReports } from './articles';
import { longArticlePage } from './long-article';
import { buildNamedExtension } from './named-build';
import { median, round } from './stats';
import { generateCorpus } from './synthetic-corpus';
import { analyseTrace, type TraceEvent, type WorkKind } from './trace';
import { PAGES, type PageRef } from '../test/e2e/support/pages';

/** What a page is, which decides whether highlights are expected on it. */
export type PageKind = 'report' | 'other-outlet' | 'long' | 'unrelated' | 'not-article' | 'real';

/** Per page: the figures with and without the extension. */
export interface PageFigures {
  name: string;
  kind: PageKind;
  words: number | null;
  /** Ranges the extension highlighted (crosscheck-1..3). */
  highlights: number;
  /** Median time from the load event to the first highlight; null when none appeared. */
  highlight_ms: number | null;
  /** The same from the start of navigation. */
  highlight_ms_from_start: number | null;
  with: LoadFigures;
  without: LoadFigures;
  /** From the traced load: main-thread time with extension code on the stack. */
  extension_script_ms: number | null;
  /** Longest main-thread task in which extension code ran, and the extension's share of it. */
  extension_longest_task_ms: number | null;
  extension_longest_task_share_ms: number | null;
  /** Tasks of 50 ms or more that would have been shorter than 50 ms without the extension's code. */
  extension_long_tasks: number | null;
  /** Main-thread time by kind of work in one traced load, with the extension and without. */
  work_with: Record<WorkKind, number> | null;
  work_without: Record<WorkKind, number> | null;
  /**
   * Extension functions by sampled main-thread time (the largest first), from a traced load of a
   * build that keeps function names.
   */
  extension_functions: { name: string; ms: number }[];
}

/** A script's file(s) and their minified and gzip sizes in bytes. */
export interface ScriptSize {
  file: string;
  bytes: number;
  gzip_bytes: number;
}

/** Long tasks per load: the median count and the longest over all loads. */
export interface LoadFigures {
  long_tasks: number;
  longest_ms: number;
}

/** What part 3 measured. */
export interface PageCostResult {
  /** Injected into every http(s) page. */
  content_script: ScriptSize;
  /** Loaded by the content script only when it needs them (e.g. the extractor, once a page looks like an article). */
  on_demand: ScriptSize[];
  /** Load-to-highlight time of the first report page in a fresh browser (worker start, index load). */
  cold_highlight_ms: number | null;
  reps: number;
  pages: PageFigures[];
}

/** Loads per page and mode: enough for a median on a shared machine, few enough for the time budget. */
const REPS = 3;
const QUICK_REPS = 1;
/** Longest wait for highlights on a page that should get them. */
const HIGHLIGHT_TIMEOUT_MS = 10_000;
/**
 * Time watched after the load event (and after highlights, where they come): the content script
 * waits for an idle moment and works in slices, so its tasks fall in this window.
 */
const WATCH_MS = 1_500;
/** Words of the long article page. */
const LONG_ARTICLE_WORDS = 10_000;
const LONG_HOST = 'longread.test';
const LONG_PATH = '/2025/03/14/the-long-road-to-a-ceasefire';

/** Saved pages of real news sites (test/fixtures/readability/), served from one fixture host. */
const REAL_HOST = 'readability.test';
/** A big page with menus, teasers and ads (1.1 MB of HTML) and a long read (8,000 words). */
const REAL_PAGES = [
  { slug: 'guardian-1', name: 'real: The Guardian (1.1 MB)' },
  { slug: 'lazy-image-2', name: 'real: Kotaku long read' },
];
/**
 * The saved pages' own scripts ran when they were saved, and their images, styles and ads live
 * on the real sites: the policy blocks both, so the page is its HTML alone and nothing leaves the
 * machine (the extension's own files are not subject to it).
 */
const REAL_PAGE_CSP = "default-src 'self' 'unsafe-inline'; script-src 'none'";

/** The fixture pages measured, with what they are. */
const MEASURED: { name: string; ref: PageRef; kind: PageKind }[] = [
  { name: 'cnews (report)', ref: PAGES.cnews, kind: 'report' },
  { name: 'yournews (report)', ref: PAGES.yournews, kind: 'report' },
  { name: 'truther (report)', ref: PAGES.truther, kind: 'report' },
  { name: 'chriswick (report)', ref: PAGES.chriswick, kind: 'report' },
  { name: 'eawaz (report)', ref: PAGES.eawaz, kind: 'report' },
  { name: 'meridian (sixth outlet)', ref: PAGES.meridian, kind: 'other-outlet' },
  { name: 'sport (unrelated)', ref: PAGES.sport, kind: 'unrelated' },
  { name: 'news homepage', ref: PAGES.home, kind: 'not-article' },
  { name: 'shop page', ref: PAGES.shop, kind: 'not-article' },
  {
    name: `long article (${LONG_ARTICLE_WORDS} words)`,
    ref: { host: LONG_HOST, path: LONG_PATH },
    kind: 'long',
  },
  ...REAL_PAGES.map(({ slug, name }) => ({
    name,
    ref: { host: REAL_HOST, path: `/${slug}` },
    kind: 'real' as const,
  })),
];

/**
 * Installed in every page before its own scripts: records long tasks and the moment the first
 * crosscheck highlight is registered. The registry belongs to the document, so highlights the
 * content script registers in its isolated world are visible from here. Polling once per frame
 * keeps the probe itself far below the cost being measured.
 */
const PROBE = `(() => {
  const bench = { longTasks: [], highlightAt: null };
  Object.defineProperty(window, '__crosscheckBench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const started = performance.now();
  const seen = () => {
    if (!globalThis.CSS || !CSS.highlights) return false;
    for (const [name, h] of CSS.highlights) if (/^crosscheck-\\d$/.test(name) && h.size > 0) return true;
    return false;
  };
  const poll = () => {
    if (bench.highlightAt !== null) return;
    if (seen()) { bench.highlightAt = performance.now(); return; }
    if (performance.now() - started < 30000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface ProbeRecord {
  longTasks: { start: number; duration: number }[];
  highlightAt: number | null;
  loadEnd: number;
  highlights: number;
  words: number;
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const expectsHighlights = (kind: PageKind): boolean =>
  kind === 'report' || kind === 'other-outlet' || kind === 'long';

/** Loads `url` in `page`, waits for highlights (where expected), then for the watch window. */
async function loadAndWatch(
  page: Page,
  url: string,
  kind: PageKind,
  withExtension: boolean,
): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension && expectsHighlights(kind)) {
    await page
      .waitForFunction(
        () =>
          (window as unknown as { __crosscheckBench: ProbeRecord }).__crosscheckBench
            .highlightAt !== null,
        undefined,
        { timeout: HIGHLIGHT_TIMEOUT_MS, polling: 20 },
      )
      .catch(() => undefined);
  }
  await page.waitForTimeout(WATCH_MS);
}

/** Loads a page in a new tab, waits for highlights (where expected) and the watch window, reads the probe. */
async function loadOnce(
  context: BrowserContext,
  url: string,
  kind: PageKind,
  withExtension: boolean,
): Promise<ProbeRecord> {
  const page = await context.newPage();
  try {
    await loadAndWatch(page, url, kind, withExtension);
    return await readProbe(page);
  } finally {
    await page.close();
  }
}

async function readProbe(page: Page): Promise<ProbeRecord> {
  return page.evaluate(() => {
    const bench = (
      window as unknown as {
        __crosscheckBench: {
          longTasks: { start: number; duration: number }[];
          highlightAt: number | null;
        };
      }
    ).__crosscheckBench;
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    let highlights = 0;
    for (const [name, h] of CSS.highlights) if (/^crosscheck-\d$/.test(name)) highlights += h.size;
    const article = document.querySelector('article') ?? document.body;
    const words = (article.innerText || '').split(/\s+/).filter(Boolean).length;
    return {
      longTasks: bench.longTasks,
      highlightAt: bench.highlightAt,
      loadEnd: nav?.loadEventEnd ?? 0,
      highlights,
      words,
    };
  });
}

/** Loads a page once more with a trace of the main thread (timeline and V8 samples). */
async function tracedLoad(
  context: BrowserContext,
  url: string,
  kind: PageKind,
  withExtension = true,
): Promise<TraceEvent[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => {
      events.push(...(data.value as unknown as TraceEvent[]));
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'toplevel',
          'v8.execute',
          'disabled-by-default-v8.cpu_profiler',
        ],
      },
    });
    await loadAndWatch(page, url, kind, withExtension);
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  } finally {
    await page.close();
  }
}

/** Chromium with the same switches as the extension's runs, less the extension. */
async function launchBare(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-profile-'));
  const args = chromiumArgs().filter(
    (a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'),
  );
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

function sizeOf(files: string[]): ScriptSize {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const abs = path.join(EXTENSION_DIR, file);
    bytes += statSync(abs).size;
    gzip += gzipSync(readFileSync(abs), { level: 9 }).length;
  }
  return { file: files.join(' + '), bytes, gzip_bytes: gzip };
}

/**
 * The content script's files as the manifest lists them, and the scripts pages may load from the
 * extension (web-accessible), which the content script imports on demand.
 */
function contentScriptSizes(): { always: ScriptSize; onDemand: ScriptSize[] } {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
    web_accessible_resources?: { resources?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  if (files.length === 0) throw new Error('dist/chrome/manifest.json lists no content script');
  const lazy = (manifest.web_accessible_resources ?? [])
    .flatMap((w) => w.resources ?? [])
    .filter((f) => f.endsWith('.js'));
  return { always: sizeOf(files), onDemand: lazy.map((f) => sizeOf([f])) };
}

/** The long article page, generated from the real story and the fixture texts. */
function longArticle(): { html: string; words: number } {
  const { inputs } = realReports();
  const corpus = generateCorpus({
    reports: inputs.length,
    seed: 11,
    real: inputs,
    templates: [],
    split: (t) => splitSentences(t).map((s) => s.text),
  });
  const sentencesOf = (texts: string[]) =>
    texts
      .flatMap((t) => splitSentences(t).map((s) => s.text))
      .filter((s) => s.split(/\s+/).length >= 6);
  const page = longArticlePage({
    storySentences: sentencesOf(inputs.map((i) => i.text)),
    fillerSentences: sentencesOf(fixtureArticles().map((a) => a.text)),
    retell: corpus.retell,
    words: LONG_ARTICLE_WORDS,
    seed: 12,
  });
  return { html: page.html, words: page.words };
}

function loadFigures(records: ProbeRecord[]): LoadFigures {
  return {
    long_tasks: median(records.map((r) => r.longTasks.length)),
    longest_ms: round(
      Math.max(0, ...records.flatMap((r) => r.longTasks.map((t) => t.duration))),
      0,
    ),
  };
}

/** Runs part 3. */
export async function runPageCost(
  quick: boolean,
  log: (line: string) => void,
): Promise<PageCostResult> {
  const reps = quick ? QUICK_REPS : REPS;
  const content = contentScriptSizes();
  const long = longArticle();
  const site: SiteServer = await startSiteServer({
    routes: {
      [`${LONG_HOST}${LONG_PATH}`]: (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(long.html);
      },
      ...Object.fromEntries(
        REAL_PAGES.map(({ slug }) => [
          `${REAL_HOST}/${slug}`,
          (_req: IncomingMessage, res: ServerResponse) => {
            res.writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': REAL_PAGE_CSP,
              'cache-control': 'no-store',
            });
            res.end(
              readFileSync(path.join(ROOT, 'test/fixtures/readability', slug, 'source.html')),
            );
          },
        ]),
      ),
    },
  });
  const url = (ref: PageRef) => site.url(ref.host, ref.path);
  const withExt: ProbeRecord[][] = MEASURED.map(() => []);
  const without: ProbeRecord[][] = MEASURED.map(() => []);
  const traces: ReturnType<typeof analyseTrace>[] = [];
  const bareTraces: ReturnType<typeof analyseTrace>[] = [];
  const named: ReturnType<typeof analyseTrace>[] = [];
  let cold: number | null = null;
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  try {
    const browser = await launchWithExtension({});
    const bare = await launchBare();
    try {
      await browser.context.addInitScript(PROBE);
      await bare.context.addInitScript(PROBE);
      // The first check of a fresh browser also starts the worker and loads the corpus index.
      const first = await loadOnce(browser.context, url(MEASURED[0]!.ref), 'report', true);
      cold = first.highlightAt === null ? null : first.highlightAt - first.loadEnd;
      // Loads with and without the extension alternate, so a busy spell of the machine hits both.
      for (let r = 0; r < reps; r++) {
        for (const [i, m] of MEASURED.entries()) {
          withExt[i]!.push(await loadOnce(browser.context, url(m.ref), m.kind, true));
          without[i]!.push(await loadOnce(bare.context, url(m.ref), m.kind, false));
        }
      }
      log(`  ${reps} loads of ${MEASURED.length} pages with the extension and without`);
      for (const m of MEASURED) {
        const target = url(m.ref);
        const events = await tracedLoad(browser.context, target, m.kind);
        // Kept for a closer look in Chromium's performance panel (bench/out is not committed).
        writeFileSync(
          path.join(ROOT, 'bench/out', `trace-${slug(m.name)}.json`),
          JSON.stringify({ traceEvents: events }),
        );
        traces.push(analyseTrace(events, target));
        bareTraces.push(
          analyseTrace(await tracedLoad(bare.context, target, m.kind, false), target),
        );
      }
      log('  one traced load per page, with the extension and without');
    } finally {
      await browser.close();
      await bare.close();
    }
    // The same traced loads with a build that keeps function names, to say where the time goes.
    const namedBrowser = await launchWithExtension({ extensionDir: await buildNamedExtension() });
    try {
      await namedBrowser.context.addInitScript(PROBE);
      for (const m of MEASURED) {
        const target = url(m.ref);
        named.push(analyseTrace(await tracedLoad(namedBrowser.context, target, m.kind), target));
      }
      log('  one traced load per page with function names kept');
    } finally {
      await namedBrowser.close();
    }
  } finally {
    await site.close();
  }

  const pages: PageFigures[] = MEASURED.map((m, i) => {
    const runs = withExt[i]!;
    const shown = runs.filter((r) => r.highlightAt !== null);
    const trace = traces[i]!;
    return {
      name: m.name,
      kind: m.kind,
      words: m.kind === 'long' ? long.words : (runs[0]?.words ?? null),
      highlights: median(runs.map((r) => r.highlights)),
      highlight_ms: shown.length
        ? round(median(shown.map((r) => r.highlightAt! - r.loadEnd)), 0)
        : null,
      highlight_ms_from_start: shown.length
        ? round(median(shown.map((r) => r.highlightAt!)), 0)
        : null,
      with: loadFigures(runs),
      without: loadFigures(without[i]!),
      extension_script_ms: trace.extensionMs === null ? null : round(trace.extensionMs, 1),
      extension_longest_task_ms:
        trace.longestTaskMs === null ? null : round(trace.longestTaskMs, 1),
      extension_longest_task_share_ms:
        trace.longestTaskExtensionMs === null ? null : round(trace.longestTaskExtensionMs, 1),
      extension_long_tasks: trace.causedLongTasks,
      work_with: trace.work,
      work_without: bareTraces[i]?.work ?? null,
      extension_functions: (named[i] ?? trace).functions
        .slice(0, 8)
        .map((f) => ({ name: f.name, ms: round(f.ms, 1) })),
    };
  });
  return {
    content_script: content.always,
    on_demand: content.onDemand,
    cold_highlight_ms: cold === null ? null : round(cold, 0),
    reps,
    pages,
  };
}
