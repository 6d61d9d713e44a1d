/**
 * The browser tests' shared harness: one Chromium with the extension per test file, the fixture
 * site on 127.0.0.1, a record of every network request, and helpers to read what the extension
 * shows (badge, tab state, highlights, popup) and to take screenshots.
 */
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { expect, vi } from 'vitest';
import type { TabState } from '../../src/shared/messages';
import {
  currentServiceWorker,
  launchWithExtension,
  ROOT,
  type ExtensionBrowser,
} from './support/chromium.mjs';
import {
  popupUrl,
  readTabState,
  tabIdOf as activeTabId,
  waitForTabState as waitForState,
} from './support/extension.mjs';
import { startSiteServer, type SiteServer } from './support/site-server.mjs';
import { PAGES, type PageRef } from './support/pages';

export { PAGES, type PageRef };

// The service worker's global, as code passed to `worker.evaluate` sees it.
declare const chrome: WebExtensionApi;

/**
 * How long `expect.poll` waits for the page or the extension to catch up. Its default (1 s) is
 * too short for a browser sharing two cores with the rest of the test run.
 */
export const POLL_TIMEOUT_MS = 5_000;
vi.setConfig({ expect: { poll: { timeout: POLL_TIMEOUT_MS, interval: 100 } } });

/** Where screenshots go; the run keeps them for a person to look at. */
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e');

/** The highlight names the content script registers, by number of other outlets (1, 2, 3+). */
export const HIGHLIGHT_NAMES = ['crosscheck-1', 'crosscheck-2', 'crosscheck-3'] as const;

/** A page of the fixture site. */

/** One network request seen in the browser, with the context it came from. */
export interface SeenRequest {
  url: string;
  from: string;
}

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
  browser: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  site: SiteServer;
  /** Every request any page, frame or worker of the browser made. */
  requests: SeenRequest[];
  /** Requests that reached the recording proxy (anything not bound for the fixture site). */
  proxied: string[];
  close(): Promise<void>;
}

/**
 * A proxy that records every request sent to it and answers none. The browser sends everything
 * not bound for the fixture site here, so a request that Playwright's events cannot attribute
 * (from any browser process) still leaves a trace.
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

/** Starts the fixture server, the recording proxy and Chromium with the extension. */
export async function startSession(): Promise<Session> {
  const site = await startSiteServer();
  const proxy = await startRecordingProxy();
  return startBrowser(site, () => launchWithExtension({ proxyPort: proxy.port }), proxy);
}

/**
 * Launches Chromium for a started site (and proxy, whose requests it reports) and records every
 * request from then on; if the browser does not start, the site and proxy are closed again.
 */
export async function startBrowser(
  site: SiteServer,
  launch: () => Promise<ExtensionBrowser>,
  proxy: { seen: string[]; close(): Promise<void> } | null = null,
): Promise<Session> {
  const closeServers = () => Promise.all([site.close(), proxy?.close()]);
  let browser: ExtensionBrowser;
  try {
    browser = await launch();
  } catch (error) {
    await closeServers();
    throw error;
  }
  // From here on Playwright reports each request with its origin; what the worker did while
  // starting up, before this listener existed, can only have left through the proxy.
  const requests = recordRequests(browser.context);
  return {
    browser,
    context: browser.context,
    extensionId: browser.extensionId,
    site,
    requests,
    proxied: proxy?.seen ?? [],
    async close() {
      await browser.close();
      await closeServers();
    },
  };
}

/** The live background service worker (Chromium replaces an idle one). */
export function worker(session: Session): Promise<Worker> {
  return currentServiceWorker(session.context, session.extensionId);
}

/** The URL of a fixture page in this session. */
export function urlOf(session: Session, ref: PageRef): string {
  return session.site.url(ref.host, ref.path);
}

/** Opens a fixture page in a new tab and waits for it to load. */
export async function openPage(session: Session, ref: PageRef): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(urlOf(session, ref), { waitUntil: 'load' });
  return page;
}

/** The extension's id of a page's tab (the page is brought to the front to find it). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  return activeTabId(await worker(session), page);
}

/** Opens a fixture page in a new tab, with the extension's id of that tab. */
export async function openTab(
  session: Session,
  ref: PageRef,
): Promise<{ page: Page; tabId: number }> {
  const page = await openPage(session, ref);
  return { page, tabId: await tabIdOf(session, page) };
}

/** The background's stored state of a tab (storage.session), or null. */
export async function tabState(session: Session, tabId: number): Promise<TabState | null> {
  return readTabState(await worker(session), tabId);
}

/**
 * Waits until the background has a state for the page's current URL (a result, or the reason it
 * was not checked) that also satisfies `accept`, and returns it.
 */
export function waitForTabState(
  session: Session,
  page: Page,
  tabId: number,
  accept: (state: TabState) => boolean = () => true,
): Promise<TabState> {
  return waitForState(() => worker(session), page, tabId, accept);
}

/** The toolbar button of a tab: badge text and tooltip. */
export async function badgeOf(
  session: Session,
  tabId: number,
): Promise<{ text: string; title: string }> {
  const sw = await worker(session);
  return sw.evaluate(async (id) => {
    const [text, title] = await Promise.all([
      chrome.action.getBadgeText({ tabId: id }),
      chrome.action.getTitle({ tabId: id }),
    ]);
    return { text, title };
  }, tabId);
}

/** Reads the extension's settings from storage.local. */
export async function storedSettings(session: Session): Promise<Record<string, unknown> | null> {
  const sw = await worker(session);
  return sw.evaluate(async () => {
    const stored = await chrome.storage.local.get('settings');
    return (stored.settings as Record<string, unknown> | undefined) ?? null;
  });
}

/**
 * Every range of the extension's highlights, read in the page's main world. The highlight registry
 * belongs to the document, so ranges the content script registers in its isolated world are
 * visible here too (checked in this Chromium; see README.md).
 */
export async function highlightsOf(page: Page): Promise<HighlightRange[]> {
  return page.evaluate(() => {
    const out: {
      name: string;
      text: string;
      connected: boolean;
      collapsed: boolean;
    }[] = [];
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
export async function sentenceHighlights(page: Page): Promise<HighlightRange[]> {
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

/** Opens the popup's view of a tab in its own tab (a real toolbar popup cannot be driven). */
export async function openPopup(
  session: Session,
  tabId: number,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const popup = await session.context.newPage();
  if (options.viewport) await popup.setViewportSize(options.viewport);
  await popup.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await popup.goto(popupUrl(session.extensionId, tabId));
  return popup;
}

/** Saves a screenshot under test-results/e2e/ and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: {
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  } = {},
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** True for a URL the browser may load during the tests: the fixture site and the extension. */
export function isAllowedUrl(session: Session, url: string): boolean {
  // The extension's files. Web-accessible resources declared with `use_dynamic_url` are served
  // from a per-session random host instead of the extension id; only this extension is loaded.
  if (url.startsWith('chrome-extension://')) return true;
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
 * one through Playwright's events, where these hosts are not allowed either.
 */
const BROWSER_SERVICE_DOMAINS = ['google.com', 'googleapis.com', 'gstatic.com', 'gvt1.com'];

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
  for (const line of session.proxied) {
    const host = proxiedHost(line);
    const own = BROWSER_SERVICE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
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

/**
 * The share of pixels that differ between two same-sized PNG screenshots, decoded in a blank tab
 * (Node has no PNG decoder here; the browser has one).
 */
export async function pixelDifference(session: Session, a: Buffer, b: Buffer): Promise<number> {
  const scratch = await session.context.newPage();
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
  page: Page,
  name: string,
): Promise<number> {
  const box = await page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
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
    for (const [key, value] of CSS.highlights)
      if (key.startsWith('crosscheck')) saved.set(key, value);
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

/** The extension's keyboard commands as its manifest declares them (name → suggested key). */
export async function commandsOf(session: Session): Promise<Record<string, string>> {
  const sw = await worker(session);
  return sw.evaluate(async () => {
    const all = await chrome.commands.getAll();
    return Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? '']));
  });
}

/**
 * Runs a keyboard command as if its shortcut was pressed in the tab. In headless Chromium a key
 * press sent to the page (page.keyboard, i.e. CDP Input.dispatchKeyEvent) never reaches the
 * browser's shortcut table, so the command is fired the way the browser fires it: by dispatching
 * `commands.onCommand` in the service worker, with the tab, to the extension's own listener.
 */
export async function runCommand(session: Session, command: string, tabId: number): Promise<void> {
  const sw = await worker(session);
  await sw.evaluate(
    async ([name, id]) => {
      const tab = await chrome.tabs.get(id);
      const event = chrome.commands.onCommand as unknown as {
        hasListeners(): boolean;
        dispatch(command: string, tab: unknown): void;
      };
      if (!event.hasListeners()) throw new Error('the background listens to no keyboard command');
      event.dispatch(name, tab);
    },
    [command, tabId] as const,
  );
}

/** CDP's DOM node, as much of it as the hover-card lookup reads. */
interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The outer HTML of the hover card if one is shown. The card lives in a closed shadow root that
 * page scripts (and Playwright's selectors) cannot enter; the DevTools protocol can.
 */
export async function visibleHoverCard(session: Session, page: Page): Promise<string | null> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const dialogs: CdpNode[] = [];
    const visit = (node: CdpNode, inShadow: boolean) => {
      const attrs = node.attributes ?? [];
      const role = attrs[attrs.indexOf('role') + 1];
      if (inShadow && attrs.includes('role') && role === 'dialog' && !attrs.includes('hidden')) {
        dialogs.push(node);
      }
      for (const child of node.children ?? []) visit(child, inShadow);
      for (const shadow of node.shadowRoots ?? []) visit(shadow, true);
    };
    visit(root, false);
    if (dialogs.length === 0) return null;
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: dialogs[0]!.nodeId })) as {
      outerHTML: string;
    };
    return outerHTML;
  } finally {
    await cdp.detach();
  }
}

/** Runs axe-core in a page (evaluated through the DevTools protocol, so no page CSP blocks it). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  const source = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
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

/** The built Chrome manifest. */
export async function builtManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(ROOT, 'dist/chrome/manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The built extension's English messages (what the UI shows), by message name. */
export async function localeMessages(): Promise<Record<string, { message: string }>> {
  return JSON.parse(
    await readFile(path.join(ROOT, 'dist/chrome/_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
}

/** Records every request the context makes from now on, with the page, frame or worker it came from. */
function recordRequests(context: BrowserContext): SeenRequest[] {
  const requests: SeenRequest[] = [];
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    let from = 'page';
    if (worker) from = `service worker ${worker.url()}`;
    else {
      try {
        from = `frame ${request.frame().url()}`;
      } catch {
        from = 'unknown';
      }
    }
    requests.push({ url: request.url(), from });
  });
  return requests;
}
