/**
 * The Firefox driver: Debian's Firefox ESR under puppeteer-core over WebDriver BiDi (see
 * support/firefox.mjs). Plain BiDi commands cover what puppeteer does not wrap (sandboxes, closed
 * shadow roots); the browser's own privileged window covers what BiDi does not offer (extension
 * pages, tab ids, keyboard shortcuts, colour-scheme emulation). Tests reach it only through the
 * ExtensionDriver and TestPage interfaces.
 */
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import type { FirefoxWithExtension } from '../support/firefox.mjs';
import type {
  Box,
  ColorScheme,
  ExtensionDriver,
  PageFunction,
  SeenRequest,
  TestFrame,
  TestPage,
} from './types';

// The extension API in an extension page, as code passed to `evaluate` sees it.
declare const chrome: WebExtensionApi;

const NAVIGATION_TIMEOUT_MS = 15_000;

/** A BiDi remote value (the subset results of the tests take). */
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** A plain value from a BiDi remote value: what returnByValue gives in CDP. */
function fromRemote(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
    case 'null':
      return remote.type === 'null' ? null : undefined;
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number': {
      const value = remote.value;
      if (typeof value === 'number') return value;
      return value === 'NaN'
        ? NaN
        : value === '-0'
          ? -0
          : value === 'Infinity'
            ? Infinity
            : -Infinity;
    }
    case 'array':
      return ((remote.value as RemoteValue[] | undefined) ?? []).map(fromRemote);
    case 'object': {
      const entries = (remote.value as [string | RemoteValue, RemoteValue][] | undefined) ?? [];
      return Object.fromEntries(
        entries.map(([key, value]) => [
          typeof key === 'string' ? key : String(fromRemote(key)),
          fromRemote(value),
        ]),
      );
    }
    default:
      return undefined;
  }
}

/** The BiDi browsing context id of a puppeteer page (puppeteer keeps it as the frame's id). */
export function contextIdOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Presses "Escape" or a chord like "Control+End": modifiers down, the key, modifiers up. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop()!;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

/** A Firefox tab behind the neutral interface. */
export class FirefoxPage implements TestPage {
  constructor(
    readonly raw: Page,
    private readonly driver: FirefoxDriver,
  ) {}

  url(): string {
    return this.raw.url();
  }
  async goto(url: string): Promise<void> {
    await this.raw.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  }
  async reload(): Promise<void> {
    await this.raw.reload({ waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  }
  async goBack(): Promise<void> {
    const before = this.raw.url();
    await this.raw.evaluate(() => history.back());
    const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
    while (this.raw.url() === before) {
      if (Date.now() > deadline) throw new Error(`history.back() left ${before} unchanged`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.waitForFunction(() => document.readyState === 'complete');
  }
  close(): Promise<void> {
    return this.raw.close();
  }
  bringToFront(): Promise<void> {
    return this.raw.bringToFront();
  }
  evaluate<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return (
      arg === undefined
        ? this.raw.evaluate(fn as never)
        : this.raw.evaluate(fn as never, arg as never)
    ) as Promise<R>;
  }
  async addScript(source: string): Promise<void> {
    await this.driver.bidi('script.evaluate', {
      expression: `${source}\n;undefined`,
      target: { context: contextIdOf(this.raw) },
      awaitPromise: false,
      resultOwnership: 'none',
    });
  }
  async waitForFunction<A = null>(
    fn: PageFunction<A, unknown>,
    arg?: A,
    timeout = 10_000,
  ): Promise<void> {
    await this.raw.waitForFunction(fn as never, { timeout, polling: 100 }, arg as never);
  }
  waitForTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
  mouse = {
    move: (x: number, y: number, steps = 1) => this.raw.mouse.move(x, y, { steps }),
    click: (x: number, y: number) => this.raw.mouse.click(x, y),
  };
  keyboard = {
    press: (key: string) => pressChord(this.raw, key),
    type: (text: string) => this.raw.keyboard.type(text),
  };
  /** Through the tab's browsing context (BiDi has no media emulation in this Firefox). */
  async setColorScheme(scheme: ColorScheme): Promise<void> {
    await this.driver.firefox.inChrome(
      `(tabs.tabOf(${JSON.stringify(contextIdOf(this.raw))}).linkedBrowser.browsingContext.prefersColorSchemeOverride = ${JSON.stringify(scheme)})`,
    );
  }
  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.raw.setViewport(size);
  }
  /** A clip is in viewport coordinates, as in Playwright; puppeteer takes document coordinates. */
  async screenshot(options: { fullPage?: boolean; clip?: Box } = {}): Promise<Buffer> {
    let { clip } = options;
    if (clip) {
      const scroll = await this.raw.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      clip = { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y };
    }
    return Buffer.from(await this.raw.screenshot({ fullPage: options.fullPage, clip }));
  }
  childFrames(): TestFrame[] {
    return this.raw
      .frames()
      .filter((frame) => frame !== this.raw.mainFrame())
      .map((frame) => ({
        url: () => frame.url(),
        evaluate: <R, A = null>(fn: PageFunction<A, R>, arg?: A) =>
          (arg === undefined
            ? frame.evaluate(fn as never)
            : frame.evaluate(fn as never, arg as never)) as Promise<R>,
      }));
  }
  onError(listener: (line: string) => void): void {
    this.raw.on('pageerror', (error) =>
      listener(`pageerror: ${(error as Error).message ?? String(error)}`),
    );
    this.raw.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      listener(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    });
  }
}

/** The extension in a launched Firefox, behind the neutral driver interface. */
export class FirefoxDriver implements ExtensionDriver {
  readonly name = 'firefox' as const;
  readonly extensionId: string;
  readonly extensionOrigin: string;
  readonly requests: SeenRequest[] = [];
  readonly browser: Browser;
  private apiPage: Promise<FirefoxPage> | null = null;
  private sandboxes = 0;

  constructor(readonly firefox: FirefoxWithExtension) {
    this.browser = firefox.browser;
    this.extensionId = firefox.extensionId;
    this.extensionOrigin = firefox.extensionOrigin;
    // Every request BiDi sees, in any tab or frame (puppeteer subscribes to the network module
    // for the whole browser). Firefox's background page is not a BiDi context: its requests can
    // only show up at the recording proxy or the fixture server.
    const { connection } = this.browser as unknown as {
      connection: { on(event: string, listener: (params: never) => void): void };
    };
    connection.on(
      'network.beforeRequestSent',
      (event: { context: string | null; request: { url: string } }) => {
        this.requests.push({ url: event.request.url, from: `context ${event.context ?? 'none'}` });
      },
    );
  }

  /** Sends a WebDriver BiDi command on puppeteer's connection and returns its result. */
  async bidi<T = Record<string, unknown>>(method: string, params: object): Promise<T> {
    const { connection } = this.browser as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: T }> };
    };
    return (await connection.send(method, params)).result;
  }

  private wrap(raw: Page): FirefoxPage {
    return new FirefoxPage(raw, this);
  }

  async newPage(): Promise<TestPage> {
    return this.wrap(await this.browser.newPage());
  }

  async openExtensionPage(pagePath: string): Promise<TestPage> {
    return this.wrap(await this.firefox.openExtensionTab(pagePath));
  }

  /** The page's tab, brought to the front as in Chromium, and its id from the extension's tab tracker. */
  async tabIdOf(page: TestPage): Promise<number> {
    await page.bringToFront();
    return this.firefox.tabIdOf((page as FirefoxPage).raw);
  }

  /**
   * An extension page kept open in a background tab: the options page, whose scripts only read.
   * Firefox's background page is not a BiDi context, so code that needs the extension API runs
   * here, where `chrome.*` is the same API.
   */
  private extensionPage(): Promise<FirefoxPage> {
    this.apiPage ??= this.firefox
      .openExtensionTab('options.html', { background: true })
      .then((raw) => new FirefoxPage(raw, this));
    return this.apiPage;
  }

  async inExtension<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return (await this.extensionPage()).evaluate(fn, arg);
  }

  /**
   * The extension's content scripts in a window share one sandbox (ExtensionContent's
   * content-script context), which no BiDi realm reaches. A process script loaded from the
   * privileged window runs in every content process; in the one that holds the tab's document
   * it evaluates `fn(arg)` in that sandbox and sends back the JSON of its result.
   */
  async inContentScript<R, A = null>(page: TestPage, fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const contextId = contextIdOf((page as FirefoxPage).raw);
    const expression = `Promise.resolve((${fn.toString()})(${JSON.stringify(arg ?? null)})).then((value) => JSON.stringify(value ?? null))`;
    // The process script: a function of the tab's browsing context id and the reply's topic.
    const processScript = `(browsingContextId, topic) => {
      const window = BrowsingContext.get(browsingContextId)?.docShell?.domWindow;
      if (!window) return; // the document is in another content process
      const reply = (data) => Services.cpmm.sendAsyncMessage(topic, data);
      try {
        const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
        const context = ExtensionContent.getContextByExtensionId(${JSON.stringify(this.extensionId)}, window);
        if (!context) return reply({ error: 'the extension has no content script in the page' });
        Cu.evalInSandbox(${JSON.stringify(expression)}, context.sandbox).then(
          (value) => reply({ value }),
          (error) => reply({ error: String(error) }),
        );
      } catch (error) {
        reply({ error: String(error) });
      }
    }`;
    const answer = await this.firefox.inChrome<{ value?: string; error?: string }>(
      `new Promise((resolve) => {
        const browsingContextId = tabs.tabOf(${JSON.stringify(contextId)}).linkedBrowser.browsingContext.id;
        const topic = 'crosscheck-test:content-script:' + Services.uuid.generateUUID();
        const listener = (message) => done(message.data);
        const done = (data) => {
          clearTimeout(timer);
          Services.ppmm.removeMessageListener(topic, listener);
          resolve(data);
        };
        const timer = setTimeout(() => done({ error: 'no content process answered' }), ${NAVIGATION_TIMEOUT_MS});
        Services.ppmm.addMessageListener(topic, listener);
        const source = '(' + ${JSON.stringify(processScript)} + ')(' + browsingContextId + ', ' + JSON.stringify(topic) + ')';
        Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(source), false);
      })`,
    );
    if (answer.error !== undefined) throw new Error(`content script world: ${answer.error}`);
    return JSON.parse(answer.value!) as R;
  }

  /**
   * Selects the tab and fires the shortcut's own <key> element in the browser window: the path a
   * real key press takes in Firefox (ExtensionShortcuts), down to the background's listener.
   */
  async runCommand(command: string, tabId: number): Promise<void> {
    const commands = await this.inExtension(async () => chrome.commands.getAll());
    const shortcut = commands.find((c) => c.name === command)?.shortcut;
    if (!shortcut) throw new Error(`the command ${command} has no shortcut`);
    const keys = shortcut.split('+');
    const key = keys.pop()!;
    const modifiers = keys.map((k) => (k === 'Ctrl' ? 'accel' : k.toLowerCase())).sort();
    const fired = await this.firefox.inChrome(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      gBrowser.selectedTab = ExtensionParent.apiManager.global.tabTracker.getTab(${tabId});
      const keyset = [...document.querySelectorAll('keyset')].find((k) => k.id.startsWith('ext-keyset-id-'));
      const wanted = ${JSON.stringify(modifiers.join(','))};
      const element = [...(keyset?.children ?? [])].find((k) =>
        k.getAttribute('key').toUpperCase() === ${JSON.stringify(key.toUpperCase())} &&
        (k.getAttribute('modifiers') ?? '').split(',').sort().join(',') === wanted);
      if (!element) return false;
      element.doCommand();
      return true;
    })()`);
    if (!fired) throw new Error(`no shortcut ${shortcut} registered in the browser window`);
  }

  /**
   * Emits the click the way the item's own menu element does when chosen (ext-menus.js:
   * `webext-menu-menuitem-click` on the extension, with the click's data and the tab), which the
   * background's `menus.onClicked` listener receives. As in Chromium, the menu itself is not
   * opened and clicked; the click reaches the extension by the same event.
   */
  async clickMenuItem(info: Record<string, unknown>, tabId: number): Promise<void> {
    const fired = await this.firefox.inChrome(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(this.extensionId)}).extension;
      if (!extension.emitter.has('webext-menu-menuitem-click')) return false;
      const tab = ExtensionParent.apiManager.global.tabTracker.getTab(${tabId});
      extension.emit('webext-menu-menuitem-click', ${JSON.stringify(info)}, tab);
      return true;
    })()`);
    if (!fired) throw new Error('the background listens to no menu click');
  }

  /**
   * The new tab is the page puppeteer lists that was not there before; it starts on about:blank,
   * so its own document is waited for (polled on a timer, as a background tab gets no frames).
   */
  async openedPage(action: () => Promise<void>): Promise<TestPage> {
    const known = new Set((await this.browser.pages()).map(contextIdOf));
    await action();
    const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const page = (await this.browser.pages()).find((p) => !known.has(contextIdOf(p)));
      if (page) {
        await page.waitForFunction(
          () => location.href !== 'about:blank' && document.readyState === 'complete',
          { polling: 50, timeout: NAVIGATION_TIMEOUT_MS },
        );
        return this.wrap(page);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no tab opened within ${NAVIGATION_TIMEOUT_MS} ms`);
  }

  async probe<R, A = null>(
    page: TestPage,
    fn: PageFunction<A, R>,
    arg: A,
    world: 'fresh' | 'page',
  ): Promise<R> {
    const context = contextIdOf((page as FirefoxPage).raw);
    // A BiDi sandbox sees the page's objects through Xray wrappers: pristine built-ins.
    const target =
      world === 'page' ? { context } : { context, sandbox: `crosscheck-probe-${++this.sandboxes}` };
    const answer = await this.bidi<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      target,
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (answer.type !== 'success')
      throw new Error(`probe failed: ${answer.exceptionDetails?.text}`);
    return fromRemote(answer.result!) as R;
  }

  /**
   * The card's host is appended to <html>. BiDi serialises a node's shadow root, closed ones too
   * (includeShadowTree: 'all'), with a reference the next call can run a function on.
   */
  async onHoverCard<T>(page: TestPage, functionDeclaration: string): Promise<T | null> {
    const context = contextIdOf((page as FirefoxPage).raw);
    const sandbox = `crosscheck-card-${++this.sandboxes}`;
    const hosts = await this.bidi<{ type: string; result?: RemoteValue }>('script.evaluate', {
      expression: `Array.from(document.documentElement.children).filter((e) => e !== document.head && e !== document.body)`,
      target: { context, sandbox },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const nodes =
      (hosts.result?.value as { value?: { shadowRoot?: { sharedId?: string } } }[]) ?? [];
    for (const node of nodes) {
      const root = node.value?.shadowRoot?.sharedId;
      if (!root) continue;
      const answer = await this.bidi<{
        type: string;
        result?: RemoteValue;
        exceptionDetails?: { text: string };
      }>('script.callFunction', {
        functionDeclaration: `function () {
            const card = this.querySelector('[role="dialog"]:not([hidden])');
            return card ? { shown: true, value: (${functionDeclaration}).call(card) } : { shown: false };
          }`,
        this: { sharedId: root },
        target: { context, sandbox },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (answer.type !== 'success')
        throw new Error(`hover card probe failed: ${answer.exceptionDetails?.text}`);
      const found = fromRemote(answer.result!) as { shown: boolean; value?: T };
      if (found.shown) return (found.value ?? null) as T | null;
    }
    return null;
  }

  close(): Promise<void> {
    return this.firefox.close();
  }
}
