/**
 * The browser-neutral surface the browser tests are written against: a page, a frame and the
 * extension in one browser. Each browser implements it in its own file (chromium.ts over
 * playwright-core, firefox.ts over puppeteer-core and WebDriver BiDi), so a test written once
 * runs in both.
 */

/** The browsers the tests run in. */
export type BrowserName = 'chromium' | 'firefox';

export type ColorScheme = 'light' | 'dark';

/** A rectangle in CSS pixels of the viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A function evaluated in a page: it runs there, so it may only use its argument. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** A frame of a page (an iframe). */
export interface TestFrame {
  url(): string;
  evaluate<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
}

/** A tab of the test browser: a fixture page or one of the extension's pages. */
export interface TestPage {
  /** The URL of the document, also after `history.pushState`. */
  url(): string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Goes back in the tab's history and waits until the address has changed. */
  goBack(): Promise<void>;
  close(): Promise<void>;
  /** Makes the tab the active one of its window. */
  bringToFront(): Promise<void>;
  /** Runs `fn(arg)` in the page's own world and returns its (JSON-like) result. */
  evaluate<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Runs a script's source in the page's own world (for example axe-core). */
  addScript(source: string): Promise<void>;
  /** Waits until `fn(arg)` is truthy in the page. */
  waitForFunction<A = null>(fn: PageFunction<A, unknown>, arg?: A, timeout?: number): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  /** Real pointer input, in viewport coordinates. */
  mouse: {
    move(x: number, y: number, steps?: number): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  /** Real key input to the focused element; `press` takes "Escape", "Control+End" and the like. */
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
  };
  /** Emulates the user's colour-scheme preference for this tab. */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  screenshot(options?: { fullPage?: boolean; clip?: Box }): Promise<Buffer>;
  /** The page's child frames (iframes), loaded or not. */
  childFrames(): TestFrame[];
  /** Calls `listener` with each uncaught exception and console error of the page from now on. */
  onError(listener: (line: string) => void): void;
}

/** One network request seen in the browser, with the context it came from. */
export interface SeenRequest {
  url: string;
  from: string;
}

/** A browser with the extension installed, as the tests drive it. */
export interface ExtensionDriver {
  readonly name: BrowserName;
  /** Chromium's extension id, or Firefox's add-on id. */
  readonly extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Every request a page, frame or worker made that the driver could attribute. */
  readonly requests: SeenRequest[];
  newPage(): Promise<TestPage>;
  /** Opens a page of the extension (e.g. `popup.html?tab=3`) in a new tab. */
  openExtensionPage(pagePath: string): Promise<TestPage>;
  /** The extension API's id of a page's tab. */
  tabIdOf(page: TestPage): Promise<number>;
  /**
   * Runs `fn(arg)` where the extension's API is (`chrome.*`): the service worker in Chromium, an
   * extension page in Firefox.
   */
  inExtension<R, A = null>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /**
   * Runs `fn(arg)` in the extension's content-script world of a page's main frame (where its
   * content script runs, with the content script's `chrome.*`), as a compromised content script
   * would: Chromium's isolated world, Firefox's content-script sandbox.
   */
  inContentScript<R, A = null>(page: TestPage, fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Runs a keyboard command of the manifest in a tab, as pressing its shortcut does. */
  runCommand(command: string, tabId: number): Promise<void>;
  /**
   * Fires a click on one of the extension's context-menu items in a tab, with the click's data
   * (`info`: menuItemId, selectionText, pageUrl, frameId, editable…), to the background's own
   * `contextMenus.onClicked` listener, as the browser does when the item is chosen.
   */
  clickMenuItem(info: Record<string, unknown>, tabId: number): Promise<void>;
  /** Runs `action` and returns the tab it opens (e.g. one the extension opens), once loaded. */
  openedPage(action: () => Promise<void>): Promise<TestPage>;
  /**
   * Runs `fn(arg)` in a fresh script world of the page (pristine built-ins, the same document),
   * or with `world: 'page'` in the page's own world without any helper of the driver's.
   */
  probe<R, A = null>(
    page: TestPage,
    fn: PageFunction<A, R>,
    arg: A,
    world: 'fresh' | 'page',
  ): Promise<R>;
  /**
   * Calls `functionDeclaration` (the source of a function without arguments) with `this` the
   * shown hover card, in a fresh world, and returns its result; null when no card is shown. The
   * card is in a closed shadow root, which page scripts cannot enter; both drivers can.
   */
  onHoverCard<T>(page: TestPage, functionDeclaration: string): Promise<T | null>;
  close(): Promise<void>;
}
