/**
 * What the hostile-page tests share on top of harness.ts: a session serving the hostile fixture
 * site (test/fixtures/hostile/hosts/, plus pages made on the fly) with any build of the extension,
 * a probe that reads the page from a fresh script world of its own (so a page that overwrote its
 * built-ins cannot fool it), a record of page errors, and copies of the built extension to damage.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { ChromiumDriver } from './browser/chromium';
import {
  BUILT_EXTENSION_DIR,
  inExtension,
  launchDriver,
  startBrowser,
  tabIdOf,
  type Session,
  type TestPage,
} from './harness';
import { ROOT } from './support/chromium.mjs';
import { startSiteServer, type Route } from './support/site-server.mjs';

// The extension's API, as code run through `inExtension` sees it.
declare const chrome: WebExtensionApi;

/** The hostile fixture site: one folder per host, written by test/fixtures/hostile/generate.mjs. */
export const HOSTILE_ROOT = path.join(ROOT, 'test/fixtures/hostile/hosts');

/** The attribute a payload sets on <html> if it ever runs (see generate.mjs). */
export const RAN_ATTRIBUTE = 'data-hostile-ran';

/** Path prefix of the requests a payload makes if it is ever turned into markup. */
export const BEACON_PREFIX = '/beacon/';

/** Throws when the hostile pages are out of step with their generator (or the corpus). */
function requireFreshFixtures(): void {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'test/fixtures/hostile/generate.mjs'), '--check'],
      {
        stdio: 'pipe',
      },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(stderr.trim());
  }
}

/**
 * Starts the hostile fixture site and the browser with the extension (`extensionDir`, default the
 * build for this run's browser). `routes` adds pages made on the fly ("host/path" → handler).
 */
export async function startHostileSession(
  options: { extensionDir?: string; routes?: Record<string, Route> } = {},
): Promise<Session> {
  requireFreshFixtures();
  const site = await startSiteServer({ root: HOSTILE_ROOT, routes: options.routes ?? {} });
  return startBrowser(site, () => launchDriver({ extensionDir: options.extensionDir }));
}

/** Every request any payload made: to the fixture server, or from any page or worker. */
export function beaconRequests(session: Session): string[] {
  return [
    ...session.site.requests
      .filter((r) => r.path.startsWith(BEACON_PREFIX))
      .map((r) => `${r.host}${r.path}`),
    ...session.requests
      .filter((r) => URL.canParse(r.url) && new URL(r.url).pathname.startsWith(BEACON_PREFIX))
      .map((r) => `${r.url} (${r.from})`),
  ];
}

/**
 * Collects the page's uncaught exceptions and console errors from now on. Firefox also reports a
 * page's own Content-Security-Policy violations as errors (Chromium does not): those are the
 * page's policy at work, so they are left out; any other error, the extension's included, counts.
 */
export function recordErrors(page: TestPage): string[] {
  const errors: string[] = [];
  page.onError((line) => {
    // Browsers ask every site for a favicon on their own; a 404 for it says nothing about a page.
    if (line.includes('/favicon.ico')) return;
    if (
      /Content-Security-Policy|Content Security Policy/i.test(line) &&
      !/-extension:\/\//.test(line)
    ) {
      return;
    }
    errors.push(line);
  });
  return errors;
}

/**
 * Evaluates `fn(arg)` in a fresh script world of the page (a CDP isolated world in Chromium, a
 * BiDi sandbox in Firefox): its built-ins are pristine whatever the page did to its own, and it
 * shares the document (DOM, highlight registry) with every other world. `world: 'page'`
 * evaluates in the page's own world instead, without any helper script of the test driver's.
 * Page objects reach a Firefox sandbox through Xray wrappers, which cannot iterate: use forEach.
 */
export function probe<A, T>(
  session: Session,
  page: TestPage,
  fn: (arg: A) => T,
  arg?: A,
  options: { world?: 'fresh' | 'page' } = {},
): Promise<Awaited<T>> {
  return session.driver.probe(
    page,
    fn as (arg: A) => Awaited<T>,
    (arg ?? null) as A,
    options.world ?? 'fresh',
  );
}

/** One range of an extension highlight, with where it sits in the page. */
export interface ProbedRange {
  name: string;
  text: string;
  /** True when both ends are in the document itself (not in a shadow root or another document). */
  inDocument: boolean;
  /** True when either end is inside an editable area (contenteditable, form field, designMode). */
  inEditable: boolean;
}

/** Every range of the extension's highlights, read from a fresh world (see `probe`). */
export function probeHighlights(session: Session, page: TestPage): Promise<ProbedRange[]> {
  return probe(session, page, () => {
    const out: { name: string; text: string; inDocument: boolean; inEditable: boolean }[] = [];
    const editable = '[contenteditable]:not([contenteditable="false" i]), input, textarea, select';
    const elementOf = (node: Node) =>
      node.nodeType === 1 ? (node as Element) : node.parentElement;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('crosscheck')) return;
      highlight.forEach((range) => {
        if (!(range instanceof Range)) return;
        const ends = [range.startContainer, range.endContainer];
        out.push({
          name,
          text: range.toString(),
          inDocument: ends.every((node) => node.getRootNode() === document),
          inEditable:
            document.designMode === 'on' ||
            ends.some((node) => elementOf(node)?.closest(editable) != null),
        });
      });
    });
    return out;
  });
}

/** Whitespace collapsed: how sentence texts are compared. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The value a payload left on <html> if it ran, or null. */
export function payloadTrace(session: Session, page: TestPage): Promise<string | null> {
  return probe(session, page, (name) => document.documentElement.getAttribute(name), RAN_ATTRIBUTE);
}

/**
 * A copy of the built extension for this run's browser in a temporary folder, changed by
 * `change(dir)` (e.g. a damaged corpus index). Returns the folder and a function that removes it.
 */
export function copyExtension(change: (dir: string) => void): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-hostile-ext-'));
  cpSync(BUILT_EXTENSION_DIR, dir, { recursive: true });
  change(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces the extension's stored settings with `value` (any value, valid or not). */
export async function writeStoredSettings(session: Session, value: unknown): Promise<void> {
  await inExtension(
    session,
    async (next) => {
      await chrome.storage.local.set({ settings: next });
    },
    value,
  );
}

/** Everything in the extension's storage areas (local and session). */
export function storageSnapshot(session: Session): Promise<{ local: unknown; session: unknown }> {
  return inExtension(session, async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

/**
 * Runs `functionDeclaration` (source of a function taking no arguments, called with `this` = the
 * card) on the shown hover card in a fresh world and returns its result, or null when no card is
 * shown. The card is in a closed shadow root; both drivers reach it (see ExtensionDriver).
 */
export function onHoverCard<T>(
  session: Session,
  page: TestPage,
  functionDeclaration: string,
): Promise<T | null> {
  return session.driver.onHoverCard<T>(page, functionDeclaration);
}

/** How far the shown hover card's content sticks out of its box sideways (0 when it fits). */
export function hoverCardOverflow(session: Session, page: TestPage): Promise<number | null> {
  return onHoverCard(session, page, 'function () { return this.scrollWidth - this.clientWidth; }');
}

/** The shown hover card's computed look: whether its stylesheet applies. */
export function hoverCardLook(
  session: Session,
  page: TestPage,
): Promise<{ background: string; position: string; width: number; height: number } | null> {
  return onHoverCard(
    session,
    page,
    `function () {
      const style = getComputedStyle(this);
      const rect = this.getBoundingClientRect();
      return { background: style.backgroundColor, position: style.position, width: rect.width, height: rect.height };
    }`,
  );
}

/**
 * Moves the pointer onto a highlighted sentence (the first one, or the one whose text is `text`)
 * and returns where, or null when there is none. Read from a fresh world (see `probe`).
 */
export async function hoverHighlight(
  session: Session,
  page: TestPage,
  text: string | null = null,
): Promise<{ x: number; y: number } | null> {
  const target = await probe(
    session,
    page,
    (key) => {
      const squashed = (s: string) => s.replace(/\s+/g, ' ').trim();
      let found: { x: number; y: number } | null = null;
      CSS.highlights.forEach((highlight, name) => {
        if (found || !/^crosscheck-\d$/.test(name)) return;
        highlight.forEach((range) => {
          if (found || !(range instanceof Range)) return;
          if (key !== null && squashed(range.toString()) !== key) return;
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          if (!rect) return;
          found = { x: rect.x + Math.min(rect.width / 2, 40), y: rect.y + rect.height / 2 };
        });
      });
      return found as { x: number; y: number } | null;
    },
    text === null ? null : squash(text),
  );
  if (!target) return null;
  await page.mouse.move(5, 5);
  await page.mouse.move(target.x, target.y, 4);
  return target;
}

/**
 * A page of the hostile site opened in a new tab, with its errors recorded from the start.
 * With `pagePath` null the tab stays blank, for the caller to navigate (e.g. while tracing).
 */
export async function openHostilePage(
  session: Session,
  host: string,
  pagePath: string | null = '/',
): Promise<{ page: TestPage; tabId: number; errors: string[] }> {
  const page = await session.driver.newPage();
  const errors = recordErrors(page);
  if (pagePath !== null) await page.goto(session.site.url(host, pagePath));
  const tabId = await tabIdOf(session, page);
  return { page, tabId, errors };
}

/** One event of a Chromium trace, as much of it as the long-task attribution reads. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; worldName?: string; data?: { url?: string; worldName?: string } };
}

/** A task of the page's main thread: when it started (ms after the first), how long, and whose. */
export interface MainThreadTask {
  at: number;
  ms: number;
  /** What ran first in the task: `extension`, `page` (a page script), or `browser` (no script). */
  owner: 'extension' | 'page' | 'browser';
  /** The first script the task ran: event name and script URL or world. */
  entry: string;
}

/**
 * Records a trace of the browser while `run` executes and returns the renderer main threads'
 * tasks of `minMs` or more, each with its owner. A task belongs to the extension when the first
 * script it runs is the extension's (a content-script function, an idle callback or timer of its
 * own, its module being evaluated): the callback and the microtasks that continue it are its
 * work. Rendering the page and the page's own callbacks are not, even when the extension's
 * observers run inside them.
 */
export async function traceMainThreadTasks(
  session: Session,
  page: TestPage,
  run: () => Promise<void>,
  minMs: number,
): Promise<MainThreadTask[]> {
  if (!(session.driver instanceof ChromiumDriver)) throw new Error('traces are Chromium-only');
  const cdp = await session.driver.cdp(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    events.push(...(message.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  const ownOrigin = `chrome-extension://${session.extensionId}/`;
  // Content scripts run in an isolated world named after the extension.
  const messages = JSON.parse(
    readFileSync(path.join(BUILT_EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const extensionWorld = messages.extName?.message ?? '';
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const scripts = events
    .filter(
      (e) => /^(FunctionCall|EvaluateScript|v8\.evaluateModule)$/.test(e.name) && e.ph === 'X',
    )
    .sort((a, b) => a.ts - b.ts);
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  const first = Math.min(...tasks.map((t) => t.ts));
  return tasks
    .filter((t) => (t.dur ?? 0) >= minMs * 1000)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const inTask = scripts.filter(
        (s) => s.pid === t.pid && s.tid === t.tid && s.ts >= t.ts && s.ts <= end,
      );
      // The same script start may be traced twice (with and without its URL or world): take the
      // one that says whose it is.
      const worldOf = (s: TraceEvent) => s.args?.worldName ?? s.args?.data?.worldName ?? '';
      const named = (s: TraceEvent) => Boolean(s.args?.data?.url || worldOf(s));
      const start = inTask[0]?.ts ?? 0;
      const script = inTask.find((s) => s.ts - start <= 5 && named(s)) ?? inTask[0];
      let owner: MainThreadTask['owner'] = 'browser';
      let entry = '';
      if (script) {
        const url = script.args?.data?.url ?? '';
        const world = worldOf(script);
        owner = url.startsWith(ownOrigin) || world === extensionWorld ? 'extension' : 'page';
        entry = `${script.name} ${url || world}`.trim();
      }
      return {
        at: Math.round((t.ts - first) / 1000),
        ms: Math.round((t.dur ?? 0) / 1000),
        owner,
        entry,
      };
    });
}
