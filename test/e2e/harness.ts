/**
 * The browser tests' shared harness: one browser with the extension per test file (Chromium or
 * Firefox: the vitest project e2e-chromium or e2e-firefox sets CROSSCHECK_BROWSER), the fixture
 * site on 127.0.0.1, a record of every network request, and helpers to read what the extension
 * shows (badge, tab state, highlights, popup) and to take screenshots. Tests use only this file,
 * hostile-support.ts and the TestPage interface, so each test runs in both browsers.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { describe, expect, test, vi } from 'vitest';
import type { TabState } from '../../src/shared/messages';
import { ChromiumDriver } from './browser/chromium';
import { FirefoxDriver } from './browser/firefox';
import type {
  BrowserName,
  ColorScheme,
  ExtensionDriver,
  SeenRequest,
  TestPage,
} from './browser/types';
import { EXTENSION_DIR, launchWithExtension, ROOT } from './support/chromium.mjs';
import { popupPath, readTabState, waitForTabState as waitForState } from './support/extension.mjs';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension } from './support/firefox.mjs';
import { startSiteServer, type SiteServer } from './support/site-server.mjs';
import { PAGES, type PageRef } from './support/pages';

export { PAGES, ROOT, type PageRef };
export type { BrowserName, ColorScheme, SeenRequest, TestPage };

// The extension's global, as code passed to `inExtension` sees it.
declare const chrome: WebExtensionApi;

/** The browser this run of the file drives (set per vitest project; Chromium by default). */
export const BROWSER: BrowserName =
  process.env.CROSSCHECK_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** The built extension the browser loads: dist/chrome or dist/firefox. */
export const BUILT_EXTENSION_DIR = BROWSER === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;

/**
 * A test that runs in one browser only. `reason` says why it cannot run in the other (a real
 * limit of that browser or of its driver, not convenience); the skipped test's name carries it.
 */
export function testOnlyIn(browser: BrowserName, reason: string) {
  return (name: string, fn: () => Promise<void>, timeout?: number) =>
    BROWSER === browser
      ? test(name, fn, timeout)
      : test.skip(`${name} [${browser} only: ${reason}]`, fn);
}

/** A group of tests that runs in one browser only; see `testOnlyIn`. */
export function describeOnlyIn(browser: BrowserName, reason: string) {
  return (name: string, fn: () => void) =>
    BROWSER === browser
      ? describe(name, fn)
      : describe.skip(`${name} [${browser} only: ${reason}]`, fn);
}

/**
 * How long `expect.poll` waits for the page or the extension to catch up. Its default (1 s) is
 * too short for a browser sharing two cores with the rest of the test run.
 */
export const POLL_TIMEOUT_MS = 5_000;
vi.setConfig({ expect: { poll: { timeout: POLL_TIMEOUT_MS, interval: 100 } } });

/** Where screenshots go, one folder per browser; the run keeps them for a person to look at. */
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e', BROWSER);

/** The highlight names the content script registers, by number of other outlets (1, 2, 3+). */
export const HIGHLIGHT_NAMES = ['crosscheck-1', 'crosscheck-2', 'crosscheck-3'] as const;

/** One range of a registered highlight, as the page's own world sees it. */
export interface HighlightRange {
  name: string;
  text: string;
  /** False when the range's nodes were removed from the document. */
  connected: boolean;
  /** True for an empty range: a live range collapses when the text it covered is removed. */
  collapsed: boolean;
}

/** A browser with the extension, the fixture site and the records of a test file. */
export interface Session {
  browser: BrowserName;
  driver: ExtensionDriver;
  /** Chromium's extension id, or Firefox's add-on id. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  site: SiteServer;
  /** Every request a page, frame or worker of the browser made, as far as the driver sees. */
  requests: SeenRequest[];
  /** Requests that reached the recording proxy (anything not bound for the fixture site). */
  proxied: string[];
  close(): Promise<void>;
}

/**
 * A proxy that records every request sent to it and answers none. The browser sends everything
 * not bound for the fixture site here, so a request that the driver's events cannot attribute
 * (from any browser process, Firefox's background page included) still leaves a trace.
 */
export async function startRecordingProxy(): Promise<{
  port: number;
  seen: string[];
  close(): Promise<void>;
}> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, socket: Socket) => {
    seen.push(`CONNECT ${req.url}`);
    // Node's own error listener leaves a socket handed over by 'connect': a browser that resets
    // the refused tunnel would otherwise end the test run with an uncaught ECONNRESET.
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Launches this run's browser with an extension build (default: the built one for the browser)
 * and returns its driver.
 */
export async function launchDriver(
  options: { extensionDir?: string; proxyPort?: number } = {},
): Promise<ExtensionDriver> {
  const extensionDir = options.extensionDir ?? BUILT_EXTENSION_DIR;
  if (BROWSER === 'firefox') {
    return new FirefoxDriver(
      await launchFirefoxWithExtension({ extensionDir, proxyPort: options.proxyPort }),
    );
  }
  return new ChromiumDriver(
    await launchWithExtension({ extensionDir, proxyPort: options.proxyPort }),
  );
}

/** Starts the fixture server, the recording proxy and the browser with the extension. */
export async function startSession(): Promise<Session> {
  const site = await startSiteServer();
  const proxy = await startRecordingProxy();
  return startBrowser(site, () => launchDriver({ proxyPort: proxy.port }), proxy);
}

/**
 * Launches the browser for a started site (and proxy, whose requests it reports); if the browser
 * does not start, the site and proxy are closed again.
 */
export async function startBrowser(
  site: SiteServer,
  launch: () => Promise<ExtensionDriver>,
  proxy: { seen: string[]; close(): Promise<void> } | null = null,
): Promise<Session> {
  const closeServers = () => Promise.all([site.close(), proxy?.close()]);
  let driver: ExtensionDriver;
  try {
    driver = await launch();
  } catch (error) {
    await closeServers();
    throw error;
  }
  return {
    browser: driver.name,
    driver,
    extensionId: driver.extensionId,
    extensionOrigin: driver.extensionOrigin,
    site,
    requests: driver.requests,
    proxied: proxy?.seen ?? [],
    async close() {
      await driver.close();
      await closeServers();
    },
  };
}

/** Runs `fn(arg)` where the extension's API is (`chrome.*`); see ExtensionDriver.inExtension. */
export function inExtension<R, A = null>(
  session: Session,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  return session.driver.inExtension(fn, arg);
}

/**
 * Runs `fn(arg)` in the extension's content-script world of a page's main frame, with the content
 * script's `chrome.*`; see ExtensionDriver.inContentScript.
 */
export function inContentScript<R, A = null>(
  session: Session,
  page: TestPage,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  return session.driver.inContentScript(page, fn, arg);
}

/** The URL of a fixture page in this session. */
export function urlOf(session: Session, ref: PageRef): string {
  return session.site.url(ref.host, ref.path);
}

/** Opens a fixture page in a new tab and waits for it to load. */
export async function openPage(session: Session, ref: PageRef): Promise<TestPage> {
  const page = await session.driver.newPage();
  await page.goto(urlOf(session, ref));
  return page;
}

/** The extension's id of a page's tab (the page is brought to the front). */
export function tabIdOf(session: Session, page: TestPage): Promise<number> {
  return session.driver.tabIdOf(page);
}

/** Opens a fixture page in a new tab, with the extension's id of that tab. */
export async function openTab(
  session: Session,
  ref: PageRef,
): Promise<{ page: TestPage; tabId: number }> {
  const page = await openPage(session, ref);
  return { page, tabId: await tabIdOf(session, page) };
}

/** The background's stored state of a tab (storage.session), or null. */
export function tabState(session: Session, tabId: number): Promise<TabState | null> {
  return readTabState((fn, arg) => session.driver.inExtension(fn, arg), tabId);
}

/**
 * Waits until the background has a state for the page's current URL (a result, or the reason it
 * was not checked) that also satisfies `accept`, and returns it.
 */
export function waitForTabState(
  session: Session,
  page: TestPage,
  tabId: number,
  accept: (state: TabState) => boolean = () => true,
): Promise<TabState> {
  return waitForState((fn, arg) => session.driver.inExtension(fn, arg), page, tabId, accept);
}

/** The toolbar button of a tab: badge text and tooltip, as the action API reports them. */
export function badgeOf(session: Session, tabId: number): Promise<{ text: string; title: string }> {
  return inExtension(
    session,
    async (id) => {
      const [text, title] = await Promise.all([
        chrome.action.getBadgeText({ tabId: id }),
        chrome.action.getTitle({ tabId: id }),
      ]);
      return { text, title };
    },
    tabId,
  );
}

/** Reads the extension's settings from storage.local. */
export function storedSettings(session: Session): Promise<Record<string, unknown> | null> {
  return inExtension(session, async () => {
    const stored = await chrome.storage.local.get('settings');
    return (stored.settings as Record<string, unknown> | undefined) ?? null;
  });
}

/**
 * Every range of the extension's highlights, read in the page's main world. The highlight registry
 * belongs to the document, so ranges the content script registers in its isolated world (or,
 * in Firefox, through Xray wrappers) are visible here too.
 */
export function highlightsOf(page: TestPage): Promise<HighlightRange[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; connected: boolean; collapsed: boolean }[] = [];
    // Iterated, not forEach: Chromium refuses a page-world callback for a highlight registered
    // in the content script's world of a sandboxed document.
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('crosscheck')) continue;
      for (const range of highlight) {
        if (!(range instanceof Range)) continue;
        out.push({
          name,
          text: range.toString(),
          connected: range.startContainer.isConnected && range.endContainer.isConnected,
          collapsed: range.collapsed,
        });
      }
    }
    return out;
  });
}

/** The highlights of the matched sentences only (not the flash of a clicked claim). */
export async function sentenceHighlights(page: TestPage): Promise<HighlightRange[]> {
  const all = await highlightsOf(page);
  return all.filter((h) => (HIGHLIGHT_NAMES as readonly string[]).includes(h.name));
}

/** Whitespace collapsed and list bullets dropped: how sentence texts are compared. */
export function textKey(text: string): string {
  return text
    .replace(/^[\s•*-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The highlight name for a sentence that `outlets` other outlets also reported. */
export function highlightName(outlets: number): string {
  return HIGHLIGHT_NAMES[Math.min(outlets, HIGHLIGHT_NAMES.length) - 1] ?? 'none';
}

/** Opens a page of the extension (options.html, popup.html?tab=N) in a new tab. */
export async function openExtensionPage(
  session: Session,
  pagePath: string,
  options: { colorScheme?: ColorScheme; viewport?: { width: number; height: number } } = {},
): Promise<TestPage> {
  const page = await session.driver.openExtensionPage(pagePath);
  if (options.viewport) await page.setViewport(options.viewport);
  await page.setColorScheme(options.colorScheme ?? 'light');
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

/**
 * Opens the popup's view of a tab in its own tab (a real toolbar popup cannot be driven): the
 * page "Open full report" opens, `popup.html?tab=<id>`.
 */
export function openPopup(
  session: Session,
  tabId: number,
  options: { colorScheme?: ColorScheme; viewport?: { width: number; height: number } } = {},
): Promise<TestPage> {
  return openExtensionPage(session, popupPath(tabId), options);
}

/** Saves a screenshot under test-results/e2e/<browser>/ and returns its path. */
export async function screenshot(
  page: TestPage,
  name: string,
  options: {
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  } = {},
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await writeFile(file, await page.screenshot(options));
  return file;
}

// --- Elements of a page, the same way in both browsers -----------------------------------------

/** Which element of those matching a selector: with `text`, the first whose text contains it. */
export interface Pick {
  text?: string;
  last?: boolean;
  nth?: number;
}

/** Waits until an element matching `selector` (and `pick`) is in the page and rendered. */
export async function waitForElement(
  page: TestPage,
  selector: string,
  pick: Pick = {},
  timeout = 10_000,
): Promise<void> {
  await page.waitForFunction(
    ([sel, p]) => {
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      let all = Array.from(document.querySelectorAll(sel));
      if (p.text !== undefined)
        all = all.filter((el) => squash(el.textContent ?? '').includes(p.text!));
      const el = p.last ? all.at(-1) : all[p.nth ?? 0];
      return el !== undefined && el.getClientRects().length > 0;
    },
    [selector, pick] as const,
    timeout,
  );
}

/**
 * Clicks an element with the pointer, as a person would: waits for it, scrolls it into view and
 * clicks the middle of its first line box, once that box has stopped moving and the element is
 * what the pointer would hit there. A view that is still laying itself out (a row that arrives
 * late and pushes the controls down) would otherwise take the click on whatever moved under the
 * pointer; here it fails, naming what was in the way.
 */
export async function clickElement(
  page: TestPage,
  selector: string,
  pick: Pick = {},
): Promise<void> {
  await waitForElement(page, selector, pick);
  const point = await page.evaluate(
    async ([sel, p]) => {
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      const find = () => {
        let all = Array.from(document.querySelectorAll(sel));
        if (p.text !== undefined)
          all = all.filter((el) => squash(el.textContent ?? '').includes(p.text!));
        return p.last ? all.at(-1) : all[p.nth ?? 0];
      };
      // Timers, not animation frames: a tab in the background gets no frames.
      const pause = () => new Promise((resolve) => setTimeout(resolve, 60));
      let last = '';
      let blocker = 'nothing';
      for (const deadline = Date.now() + 5_000; Date.now() < deadline; await pause()) {
        const el = find();
        if (!el) continue;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const rect = el.getClientRects()[0];
        if (!rect) continue;
        const x = rect.x + rect.width / 2;
        const y = rect.y + rect.height / 2;
        const where = `${x},${y}`;
        const hit = document.elementFromPoint(x, y);
        const steady = where === last;
        last = where;
        if (steady && hit && (hit === el || el.contains(hit))) return { x, y };
        blocker = hit
          ? `${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''} "${squash(hit.textContent ?? '').slice(0, 40)}"`
          : 'nothing';
      }
      return { blocked: blocker };
    },
    [selector, pick] as const,
  );
  if (point && 'blocked' in point)
    throw new Error(
      `${selector} ${JSON.stringify(pick)} did not settle under the pointer (${point.blocked} was there)`,
    );
  if (!point) throw new Error(`nothing to click at ${selector} ${JSON.stringify(pick)}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * Puts `text` into a text field as pasting it does: the field is focused, its value replaced and
 * an `input` event fired (what Playwright's `fill` does, in both browsers).
 */
export async function fillElement(page: TestPage, selector: string, text: string): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate(
    ([sel, value]) => {
      const field = document.querySelector(sel) as HTMLTextAreaElement | HTMLInputElement;
      field.focus();
      field.value = value;
      field.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }),
      );
    },
    [selector, text] as const,
  );
}

/**
 * Drops a file on an element as dragging it from the desktop does: `dragenter`, `dragover` and
 * `drop` with a DataTransfer holding the file, bubbling up from the element.
 */
export async function dropFile(
  page: TestPage,
  selector: string,
  file: { name: string; type: string; content: string },
): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate(
    ([sel, f]) => {
      const data = new DataTransfer();
      data.items.add(new File([f.content], f.name, { type: f.type }));
      const target = document.querySelector(sel)!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    [selector, file] as const,
  );
}

/** The value of a form field (a text area's text). */
export function valueOf(page: TestPage, selector: string): Promise<string | null> {
  return page.evaluate(
    (sel) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value ?? null,
    selector,
  );
}

/** The visible text of every element matching `selector` (screen-reader-only parts left out). */
export function textsOf(page: TestPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (el) => {
        const clone = el.cloneNode(true) as Element;
        clone.querySelectorAll('.sr-only').forEach((n) => n.remove());
        return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    selector,
  );
}

/** The value of an attribute of the first element matching `selector`, or null. */
export function attributeOf(
  page: TestPage,
  selector: string,
  name: string,
): Promise<string | null> {
  return page.evaluate(([sel, attr]) => document.querySelector(sel)?.getAttribute(attr) ?? null, [
    selector,
    name,
  ] as const);
}

/** How many elements match `selector`. */
export function countOf(page: TestPage, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

// --- Network ----------------------------------------------------------------------------------

/** True for a URL the browser may load during the tests: the fixture site and the extension. */
export function isAllowedUrl(session: Session, url: string): boolean {
  // The extension's files. Web-accessible resources declared with `use_dynamic_url` are served
  // from a per-session random host instead of the extension id; only this extension is loaded.
  if (url.startsWith('chrome-extension://') || url.startsWith('moz-extension://')) return true;
  // Data and blob URLs never reach the network.
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'http:' &&
      session.site.hosts.has(parsed.hostname) &&
      Number(parsed.port) === session.site.port
    );
  } catch {
    return false;
  }
}

/**
 * Domains of Chromium's own services (component updates, sign-in, time, optimisation hints):
 * a bare Chromium with no extension contacts them within seconds of starting, so they say
 * nothing about the extension. Requests of the extension's pages and worker are checked one by
 * one through Playwright's events, where these hosts are not allowed either. Firefox's test
 * profile turns its own services off (support/firefox.mjs) except Remote Settings (blocklists,
 * certificate revocation), whose server a release build takes from no preference.
 */
const BROWSER_SERVICE_DOMAINS: Record<BrowserName, string[]> = {
  chromium: ['google.com', 'googleapis.com', 'gstatic.com', 'gvt1.com'],
  firefox: ['settings.services.mozilla.com'],
};

function proxiedHost(line: string): string {
  const target = line.split(' ')[1] ?? '';
  try {
    return line.startsWith('CONNECT ') ? target.replace(/:\d+$/, '') : new URL(target).hostname;
  } catch {
    return target;
  }
}

/**
 * Everything that tried to leave the browser: requests to other than the fixture site and the
 * extension, requests that reached the proxy for other than the browser's own services, and
 * requests to the fixture server for a host it does not serve.
 */
export function leaks(session: Session): string[] {
  const found: string[] = [];
  for (const request of session.requests) {
    if (!isAllowedUrl(session, request.url)) found.push(`${request.url} (from ${request.from})`);
  }
  const excused = BROWSER_SERVICE_DOMAINS[session.browser];
  for (const line of session.proxied) {
    const host = proxiedHost(line);
    const own = excused.some((d) => host === d || host.endsWith(`.${d}`));
    if (!own) found.push(`${line} (reached the proxy)`);
  }
  for (const served of session.site.requests) {
    if (served.status === 421) found.push(`http://${served.host}${served.path} (unknown host)`);
  }
  return found;
}

/**
 * Closes a test file's session (if it started) and fails the file when any request left for the
 * network during its tests.
 */
export async function closeSession(session: Session | undefined): Promise<void> {
  const found = session ? leaks(session) : [];
  await session?.close();
  expect(found).toEqual([]);
}

// --- Pixels -----------------------------------------------------------------------------------

/**
 * The share of pixels that differ between two same-sized PNG screenshots, decoded in a blank tab
 * (Node has no PNG decoder here; the browser has one).
 */
export async function pixelDifference(session: Session, a: Buffer, b: Buffer): Promise<number> {
  const scratch = await session.driver.newPage();
  try {
    return await scratch.evaluate(
      async ([first, second]) => {
        const decode = async (b64: string) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d');
          if (!ctx) throw new Error('no 2d context');
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        };
        const [x, y] = await Promise.all([decode(first), decode(second)]);
        if (x.length !== y.length) return 1;
        let differing = 0;
        for (let i = 0; i < x.length; i += 4) {
          if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) differing += 1;
        }
        return differing / (x.length / 4);
      },
      [a.toString('base64'), b.toString('base64')] as const,
    );
  } finally {
    await scratch.close();
  }
}

/**
 * Screenshots the box of a page's first highlighted sentence twice: as the extension shows it,
 * and with the extension's highlights taken out of the registry for a moment (then put back).
 * Returns the share of pixels that differ, i.e. how visible the highlight is.
 */
export async function highlightVisibility(
  session: Session,
  page: TestPage,
  name: string,
): Promise<number> {
  const box = await page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    // Iterated, not forEach: Chromium refuses a page-world callback for a highlight registered
    // in the content script's world of a sandboxed document.
    const range = highlight ? [...highlight][0] : undefined;
    if (!(range instanceof Range)) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
  }, name);
  if (!box || box.width < 1 || box.height < 1) throw new Error(`no visible range in ${name}`);
  const clip = {
    x: Math.max(0, box.x),
    y: Math.max(0, box.y),
    width: box.width,
    height: box.height,
  };
  const shown = await page.screenshot({ clip });
  await page.evaluate(() => {
    const saved = new Map<string, Highlight>();
    for (const [key, value] of CSS.highlights) {
      if (key.startsWith('crosscheck')) saved.set(key, value);
    }
    for (const key of saved.keys()) CSS.highlights.delete(key);
    (window as unknown as { __crosscheckSaved: Map<string, Highlight> }).__crosscheckSaved = saved;
  });
  const hidden = await page.screenshot({ clip });
  await page.evaluate(() => {
    const holder = window as unknown as { __crosscheckSaved?: Map<string, Highlight> };
    for (const [key, value] of holder.__crosscheckSaved ?? []) CSS.highlights.set(key, value);
    delete holder.__crosscheckSaved;
  });
  return pixelDifference(session, shown, hidden);
}

// --- Keyboard commands, hover card, accessibility, built files ----------------------------------

/** The extension's keyboard commands as its manifest declares them (name → suggested key). */
export function commandsOf(session: Session): Promise<Record<string, string>> {
  return inExtension(session, async () => {
    const all = await chrome.commands.getAll();
    return Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? '']));
  });
}

/** Runs a keyboard command as if its shortcut was pressed in the tab (see each driver). */
export function runCommand(session: Session, command: string, tabId: number): Promise<void> {
  return session.driver.runCommand(command, tabId);
}

/** The id of the "Cross-check selection" context-menu item (see selection-menu.ts). */
export const SELECTION_MENU_ID = 'crosscheck-selection';

/**
 * Chooses "Cross-check selection" in a tab's context menu, with the click's data (the text the
 * browser reports as selected, the page's URL, and for a form field `editable`), and returns the
 * tab the extension opens for it (the report, or the check page). A context menu cannot be
 * opened in headless mode: the click goes to the background's own listener (see each driver).
 */
export function clickSelectionMenu(
  session: Session,
  tabId: number,
  info: { selectionText: string; pageUrl: string; frameId?: number; editable?: boolean },
): Promise<TestPage> {
  return session.driver.openedPage(() =>
    session.driver.clickMenuItem(
      { menuItemId: SELECTION_MENU_ID, frameId: 0, editable: false, ...info },
      tabId,
    ),
  );
}

/** The outer HTML of the hover card if one is shown (it lives in a closed shadow root). */
export function visibleHoverCard(session: Session, page: TestPage): Promise<string | null> {
  return session.driver.onHoverCard<string>(page, 'function () { return this.outerHTML; }');
}

/** Runs axe-core in a page (evaluated by the driver, so no page CSP blocks it). */
export async function axeViolations(
  page: TestPage,
): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  const source = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScript(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/** The built manifest of the extension this run loads. */
export async function builtManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(
    await readFile(path.join(BUILT_EXTENSION_DIR, 'manifest.json'), 'utf8'),
  ) as Record<string, unknown>;
}

/** The built extension's English messages (what the UI shows), by message name. */
export async function localeMessages(): Promise<Record<string, { message: string }>> {
  return JSON.parse(
    await readFile(path.join(BUILT_EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
}

/** The options page's path in the built manifest. */
export async function optionsPath(): Promise<string> {
  const manifest = await builtManifest();
  const page =
    (manifest.options_ui as { page?: string } | undefined)?.page ??
    (manifest.options_page as string | undefined);
  if (!page) throw new Error('the manifest declares no options page');
  return page;
}
