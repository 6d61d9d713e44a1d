/**
 * The Chromium driver: Debian's Chromium under playwright-core (see support/chromium.mjs), with
 * the DevTools protocol for what Playwright does not offer (fresh script worlds, closed shadow
 * roots). Tests reach it only through the ExtensionDriver and TestPage interfaces.
 */
import type { BrowserContext, CDPSession, Frame, Page, Worker } from 'playwright-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { currentServiceWorker, type ExtensionBrowser } from '../support/chromium.mjs';
import type {
  ColorScheme,
  ExtensionDriver,
  PageFunction,
  SeenRequest,
  TestFrame,
  TestPage,
} from './types';

// The service worker's global, as code passed to `worker.evaluate` sees it.
declare const chrome: WebExtensionApi;

/** A Chromium tab behind the neutral interface; `raw` is the Playwright page for Chromium-only tests. */
export class ChromiumPage implements TestPage {
  constructor(readonly raw: Page) {}

  url(): string {
    return this.raw.url();
  }
  async goto(url: string): Promise<void> {
    await this.raw.goto(url, { waitUntil: 'load' });
  }
  async reload(): Promise<void> {
    await this.raw.reload({ waitUntil: 'load' });
  }
  async goBack(): Promise<void> {
    const before = this.raw.url();
    await this.raw.evaluate(() => history.back());
    await this.raw.waitForURL((url) => url.href !== before);
  }
  close(): Promise<void> {
    return this.raw.close();
  }
  bringToFront(): Promise<void> {
    return this.raw.bringToFront();
  }
  evaluate<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as never, arg as never) as Promise<R>;
  }
  async addScript(source: string): Promise<void> {
    await this.raw.evaluate(source);
  }
  async waitForFunction<A = null>(
    fn: PageFunction<A, unknown>,
    arg?: A,
    timeout = 10_000,
  ): Promise<void> {
    await this.raw.waitForFunction(fn as never, arg as never, { timeout });
  }
  waitForTimeout(ms: number): Promise<void> {
    return this.raw.waitForTimeout(ms);
  }
  mouse = {
    move: (x: number, y: number, steps = 1) => this.raw.mouse.move(x, y, { steps }),
    click: (x: number, y: number) => this.raw.mouse.click(x, y),
  };
  keyboard = {
    press: (key: string) => this.raw.keyboard.press(key),
    type: (text: string) => this.raw.keyboard.type(text),
  };
  setColorScheme(scheme: ColorScheme): Promise<void> {
    return this.raw.emulateMedia({ colorScheme: scheme });
  }
  setViewport(size: { width: number; height: number }): Promise<void> {
    return this.raw.setViewportSize(size);
  }
  screenshot(options: { fullPage?: boolean; clip?: import('./types').Box } = {}): Promise<Buffer> {
    return this.raw.screenshot(options);
  }
  childFrames(): TestFrame[] {
    return this.raw
      .frames()
      .filter((frame) => frame !== this.raw.mainFrame())
      .map((frame: Frame) => ({
        url: () => frame.url(),
        evaluate: <R, A = null>(fn: PageFunction<A, R>, arg?: A) =>
          frame.evaluate(fn as never, arg as never) as Promise<R>,
      }));
  }
  onError(listener: (line: string) => void): void {
    this.raw.on('pageerror', (error) => listener(`pageerror: ${error.message}`));
    this.raw.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      listener(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    });
  }
}

/** The Playwright page behind a test page (Chromium-only tests: traces, heap, CDP). */
export function playwrightPage(page: TestPage): Page {
  if (!(page instanceof ChromiumPage)) throw new Error('not a Chromium page');
  return page.raw;
}

/** CDP's DOM node, as much of it as the hover-card lookup reads. */
interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Creates a fresh isolated world in the page's main frame and returns its execution context. */
async function freshWorld(cdp: CDPSession): Promise<number> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'crosscheck-test-probe',
  })) as { executionContextId: number };
  return executionContextId;
}

/** Records every request of the context from now on, with the page, frame or worker it came from. */
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

/** The extension in a launched Chromium, behind the neutral driver interface. */
export class ChromiumDriver implements ExtensionDriver {
  readonly name = 'chromium' as const;
  readonly extensionId: string;
  readonly extensionOrigin: string;
  readonly requests: SeenRequest[];
  readonly context: BrowserContext;

  constructor(private readonly launched: ExtensionBrowser) {
    this.context = launched.context;
    this.extensionId = launched.extensionId;
    this.extensionOrigin = launched.extensionOrigin;
    // From here on Playwright reports each request with its origin; what the worker did while
    // starting up, before this listener existed, can only have left through the proxy.
    this.requests = recordRequests(this.context);
  }

  /** The live background service worker (Chromium replaces an idle one). */
  worker(): Promise<Worker> {
    return currentServiceWorker(this.context, this.extensionId);
  }

  async newPage(): Promise<TestPage> {
    return new ChromiumPage(await this.context.newPage());
  }

  async openExtensionPage(pagePath: string): Promise<TestPage> {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionOrigin}/${pagePath.replace(/^\//, '')}`);
    return new ChromiumPage(page);
  }

  /**
   * Without the `tabs` permission the extension cannot see tab URLs, so the tab is found as the
   * active one after bringing the page to the front.
   */
  async tabIdOf(page: TestPage): Promise<number> {
    await page.bringToFront();
    const id = await this.inExtension(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    });
    if (typeof id !== 'number') throw new Error('no active tab found');
    return id;
  }

  async inExtension<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const worker = await this.worker();
    return worker.evaluate(fn as never, arg as never) as Promise<R>;
  }

  /**
   * In headless Chromium a key press sent to the page (CDP Input.dispatchKeyEvent) never reaches
   * the browser's shortcut table, so the command is fired the way the browser fires it: by
   * dispatching `commands.onCommand` in the service worker, with the tab, to the extension's own
   * listener.
   */
  async runCommand(command: string, tabId: number): Promise<void> {
    await this.inExtension(
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

  /**
   * A context menu cannot be opened and clicked in headless Chromium, so the click is dispatched
   * the way the browser dispatches it: `contextMenus.onClicked` in the service worker, with the
   * click's data and the tab, to the extension's own listener.
   */
  async clickMenuItem(info: Record<string, unknown>, tabId: number): Promise<void> {
    await this.inExtension(
      async ([data, id]) => {
        const tab = await chrome.tabs.get(id);
        const event = chrome.contextMenus.onClicked as unknown as {
          hasListeners(): boolean;
          dispatch(info: unknown, tab: unknown): void;
        };
        if (!event.hasListeners()) throw new Error('the background listens to no menu click');
        event.dispatch(data, tab);
      },
      [info, tabId] as const,
    );
  }

  async openedPage(action: () => Promise<void>): Promise<TestPage> {
    const opened = this.context.waitForEvent('page');
    await action();
    const page = await opened;
    await page.waitForLoadState();
    return new ChromiumPage(page);
  }

  /** A DevTools session of a page (Chromium-only tests: traces, heap, the content script's world). */
  cdp(page: TestPage): Promise<CDPSession> {
    return this.context.newCDPSession(playwrightPage(page));
  }

  /** The content script's isolated world: the main frame's world of the extension's origin. */
  async inContentScript<R, A = null>(page: TestPage, fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const cdp = await this.cdp(page);
    try {
      const contexts: {
        id: number;
        origin: string;
        auxData?: { type?: string; frameId?: string };
      }[] = [];
      cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => {
        contexts.push(event.context);
      });
      await cdp.send('Runtime.enable');
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
        frameTree: { frame: { id: string } };
      };
      const world = contexts.find(
        (c) =>
          c.auxData?.type === 'isolated' &&
          c.auxData.frameId === frameTree.frame.id &&
          c.origin === this.extensionOrigin,
      );
      if (!world) throw new Error('no content script world in the page');
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        contextId: world.id,
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      if (result.exceptionDetails)
        throw new Error(`content script world: ${result.exceptionDetails.text}`);
      return result.result.value as R;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async probe<R, A = null>(
    page: TestPage,
    fn: PageFunction<A, R>,
    arg: A,
    world: 'fresh' | 'page',
  ): Promise<R> {
    const cdp = await this.cdp(page);
    try {
      const contextId = world === 'page' ? undefined : await freshWorld(cdp);
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        contextId,
        returnByValue: true,
        awaitPromise: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) {
        const detail =
          result.exceptionDetails.exception?.description ?? result.exceptionDetails.text;
        throw new Error(`probe failed: ${detail}`);
      }
      return result.result.value as R;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async onHoverCard<T>(page: TestPage, functionDeclaration: string): Promise<T | null> {
    const cdp = await this.cdp(page);
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: CdpNode;
      };
      let dialog: CdpNode | null = null;
      const visit = (node: CdpNode, inShadow: boolean) => {
        const attrs = node.attributes ?? [];
        const role = attrs[attrs.indexOf('role') + 1];
        const shown = !attrs.includes('hidden');
        if (!dialog && inShadow && attrs.includes('role') && role === 'dialog' && shown) {
          dialog = node;
        }
        for (const child of node.children ?? []) visit(child, inShadow);
        for (const shadow of node.shadowRoots ?? []) visit(shadow, true);
      };
      visit(root, false);
      if (!dialog) return null;
      // Resolved in a fresh world: the page's own built-ins (getComputedStyle...) may be traps.
      const executionContextId = await freshWorld(cdp);
      const { object } = (await cdp.send('DOM.resolveNode', {
        nodeId: (dialog as CdpNode).nodeId,
        executionContextId,
      })) as { object: { objectId: string } };
      const answer = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (answer.exceptionDetails)
        throw new Error(`hover card probe failed: ${answer.exceptionDetails.text}`);
      return answer.result.value;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return this.launched.close();
  }
}
