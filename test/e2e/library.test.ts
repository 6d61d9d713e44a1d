// The reader's library in a real browser: switching keeping on, two articles read on the fixture
// site (the second one's popup lists the first, with its outlet and the date it was read), the
// library and the match after the browser restarts with the same profile, export, forgetting an
// article, clear and import, a site excluded from the library, a private window the extension is
// allowed in, and not one request leaving the browser.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KEEP_AFTER_MS } from '../../src/content/keeper';
import { LIBRARY_DB } from '../../src/library/schema';
import { ChromiumDriver } from './browser/chromium';
import { FirefoxDriver } from './browser/firefox';
import {
  BROWSER,
  clickElement,
  closeSession,
  inExtension,
  openExtensionPage,
  openPopup,
  openTab,
  PAGES,
  RESULTS_DIR,
  screenshot,
  startBrowser,
  startRecordingProxy,
  storedSettings,
  tabState,
  urlOf,
  waitForElement,
  waitForTabState,
  type PageRef,
  type Session,
  type TestPage,
} from './harness';
import { launchWithExtension } from './support/chromium.mjs';
import { launchFirefoxWithExtension } from './support/firefox.mjs';
import { startSiteServer } from './support/site-server.mjs';

// The extension's global, as code passed to `inExtension` sees it.
declare const chrome: WebExtensionApi;

/** The toolbar popup's size in Chromium. */
const POPUP_VIEWPORT = { width: 420, height: 600 };
/** Long enough for an article to be kept (its time in view) and stored, on a busy machine. */
const KEPT_WITHIN_MS = KEEP_AFTER_MS + 15_000;
const NORTHGATE = 'The Northgate Courier';
const HARBOUR = 'The Harbour Ledger';
const READ_ON = /^read on (\w+ \d+|\d+ \w+)$/;

// One profile for the file, so that the browser can be restarted with it. In Firefox the
// extension is installed in it for good, as a reader's add-on (a temporary one is uninstalled,
// its storage with it, when Firefox quits).
const profile = mkdtempSync(path.join(tmpdir(), 'crosscheck-library-profile-'));
let session: Session;
/** Pages this file opened and has not closed. */
const open = new Set<TestPage>();

/**
 * Lets Chromium run the extension in private (incognito) windows, as a reader does on its
 * details page: the profile's own preference, written while the browser is closed (changing it
 * while running reloads the extension, and Chromium then disables one loaded from the command
 * line). Without it Chromium never runs the extension there, and a test of what it keeps from
 * private windows would prove nothing.
 */
function allowInPrivateWindows(extensionId: string): void {
  const file = path.join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions?: { settings?: Record<string, Record<string, unknown>> };
  };
  const settings = preferences.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`no settings of the extension in ${file}`);
  settings.incognito = true;
  writeFileSync(file, JSON.stringify(preferences));
}

/**
 * Starts the browser with the file's profile. `privateWindows` lets the extension run in private
 * windows first, as the reader allows it: in Chromium written into the closed profile (see
 * allowInPrivateWindows), in Firefox as about:addons does it ("Run in Private Windows").
 */
async function start({ privateWindows = false } = {}): Promise<Session> {
  const site = await startSiteServer();
  const proxy = await startRecordingProxy();
  return startBrowser(
    site,
    async () => {
      if (BROWSER === 'chromium') {
        if (privateWindows) allowInPrivateWindows(session.extensionId);
        return new ChromiumDriver(
          await launchWithExtension({ proxyPort: proxy.port, profileDir: profile }),
        );
      }
      return new FirefoxDriver(
        await launchFirefoxWithExtension({
          proxyPort: proxy.port,
          profileDir: profile,
          allowPrivateBrowsing: privateWindows,
        }),
      );
    },
    proxy,
  );
}

beforeAll(async () => {
  session = await start();
});

afterAll(async () => {
  try {
    await closeSession(session);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

async function closeAll(): Promise<void> {
  for (const page of [...open]) {
    open.delete(page);
    await page.close().catch(() => undefined);
  }
}

/** Opens a fixture page and waits for its check. */
async function read(ref: PageRef) {
  const { page, tabId } = await openTab(session, ref);
  open.add(page);
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  return { page, tabId, state };
}

/**
 * Reads a fixture page and stays on it (in front: time in a background tab does not count) until
 * it is long enough in view to be kept.
 */
async function readAndStay(ref: PageRef) {
  const opened = await read(ref);
  await opened.page.bringToFront();
  await opened.page.waitForTimeout(KEEP_AFTER_MS + 1_500);
  return opened;
}

/**
 * Loads the library page again and waits until it lists the library. The page reloads itself:
 * WebDriver BiDi refuses to navigate an extension page in Firefox, a reload included.
 */
async function reloadLibrary(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { stale?: boolean }).stale = true;
    setTimeout(() => location.reload(), 0);
  });
  await expect
    .poll(
      () =>
        page
          .evaluate(
            () =>
              !(window as unknown as { stale?: boolean }).stale &&
              (document.querySelector('.count')?.textContent ?? '').includes('article'),
          )
          .catch(() => false),
      { timeout: KEPT_WITHIN_MS },
    )
    .toBe(true);
}

/** The library page, opened and settled. */
async function libraryPage(): Promise<TestPage> {
  const page = await openExtensionPage(session, 'library.html');
  open.add(page);
  await waitForElement(page, '.count', { text: 'article' });
  return page;
}

/** The articles the library page lists: outlet, address, and the line under the title. */
function listed(page: TestPage): Promise<{ outlet: string; href: string | null; meta: string }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.article'), (item) => ({
      outlet: item.querySelector('.article-outlet')?.textContent ?? '',
      href: item.querySelector('a.article-title')?.getAttribute('href') ?? null,
      meta: (item.querySelector('.article-meta')?.textContent ?? '').replace(/\s+/g, ' '),
    })),
  );
}

/** The library as its page lists it once it holds `count` articles (reloading until it does). */
async function waitForLibrary(count: number, page?: TestPage): Promise<TestPage> {
  const shown = page ?? (await libraryPage());
  await expect
    .poll(
      async () => {
        await reloadLibrary(shown);
        return (await listed(shown)).length;
      },
      { timeout: KEPT_WITHIN_MS },
    )
    .toBe(count);
  return shown;
}

/** The outlets a popup lists, each with its "read on" note and link. */
async function popupOutlets(tabId: number) {
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  open.add(popup);
  await waitForElement(popup, '.report-title');
  const outlets = await popup.evaluate(() =>
    Array.from(document.querySelectorAll('.outlet'), (item) => ({
      outlet: item.querySelector('a, span')?.firstChild?.textContent ?? '',
      read: item.querySelector('.match-read')?.textContent ?? null,
      href: item.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
  return { popup, outlets };
}

/**
 * The links stored with each placement, read from the library's database in an extension page:
 * per placement, how many (four numbers each), or −1 for a placement stored without links.
 */
function storedLinks(page: TestPage): Promise<number[]> {
  return page.evaluate(
    (name) =>
      new Promise<number[]>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(new Error('the library did not open'));
        opening.onsuccess = () => {
          const db = opening.result;
          const all = db.transaction('placements').objectStore('placements').getAll();
          all.onsuccess = () => {
            const records = all.result as { links?: { links: number[] } }[];
            resolve(records.map((r) => (r.links ? r.links.links.length / 4 : -1)));
            db.close();
          };
          all.onerror = () => reject(new Error('the placements could not be read'));
        };
      }),
    LIBRARY_DB,
  );
}

/** Deletes every article from the library page (accepting its question). */
async function deleteAll(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    window.confirm = () => true;
  });
  await clickElement(page, 'button', { text: 'Delete all articles…' });
  await page.waitForFunction(() => document.querySelector('.empty') !== null);
}

describe("the reader's library", () => {
  let northgateUrl = '';
  let exported = '';

  test('keeping is off until the reader switches it on in the options', async () => {
    const options = await openExtensionPage(session, 'options.html');
    open.add(options);
    await waitForElement(options, 'label.check', { text: 'Keep the articles I read' });
    const checked = () =>
      options.evaluate(() => {
        const label = Array.from(document.querySelectorAll('label.check')).find((l) =>
          l.textContent?.startsWith('Keep the articles I read'),
        );
        return label?.querySelector('input')?.checked ?? null;
      });
    expect(await checked()).toBe(false);
    expect((await storedSettings(session))?.keepArticles).not.toBe(true);
    await clickElement(options, 'label.check', { text: 'Keep the articles I read' });
    await expect.poll(async () => (await storedSettings(session))?.keepArticles).toBe(true);
    expect(await checked()).toBe(true);
    await options.evaluate(() => document.getElementById('library-title')?.scrollIntoView());
    await screenshot(options, 'library-options');
    await closeAll();
  });

  test('an article read for a few seconds is kept, with its outlet, date and address', async () => {
    northgateUrl = urlOf(session, PAGES.northgate);
    await readAndStay(PAGES.northgate);
    const page = await waitForLibrary(1);
    const [kept] = await listed(page);
    expect(kept).toMatchObject({ outlet: NORTHGATE, href: northgateUrl });
    expect(kept!.meta).toMatch(/read on .*published/);
    await screenshot(page, 'library-page');
  });

  test('the next article sharing its claims lists it in the popup, with the date it was read', async () => {
    const { page, tabId, state } = await read(PAGES.harbour);
    const fromLibrary = state
      .report!.sentences.flatMap((s) => s.matches)
      .filter((m) => m.outlet === NORTHGATE);
    expect(fromLibrary.length).toBeGreaterThan(2);
    for (const match of fromLibrary) {
      expect(match.url).toBe(northgateUrl);
      expect(match.read).toBeTruthy();
      expect(match.text.length).toBeGreaterThan(0);
    }
    const { popup, outlets } = await popupOutlets(tabId);
    const northgate = outlets.find((o) => o.outlet === NORTHGATE);
    expect(northgate?.read).toMatch(READ_ON);
    expect(northgate?.href).toBe(northgateUrl);
    // A claim lists the library's wording with its outlet and date too.
    const claimDates = await popup.evaluate(
      (outlet) =>
        Array.from(document.querySelectorAll('.match-meta'))
          .filter((meta) => meta.textContent?.includes(outlet))
          .map((meta) => meta.querySelector('.match-read')?.textContent ?? null),
      NORTHGATE,
    );
    expect(claimDates.length).toBeGreaterThan(0);
    for (const date of claimDates) expect(date).toMatch(READ_ON);
    // Provenance counts the kept article: it retells the Reuters story, so it is one of that
    // echo group's outlets, not another independent source.
    const group = await popup.evaluate(
      (outlet) =>
        Array.from(document.querySelectorAll('.echo-group'))
          .map((g) => g.textContent ?? '')
          .find((text) => text.includes(outlet)) ?? null,
      NORTHGATE,
    );
    expect(group).toMatch(/^Reuters/);
    await screenshot(popup, 'library-popup');
    await popup.close();
    open.delete(popup);
    // The second article is kept as well once it has been in view long enough.
    await page.bringToFront();
    await page.waitForTimeout(KEEP_AFTER_MS + 1_500);
    await waitForLibrary(2);
    await closeAll();
  });

  test('after a restart with the same profile, the library and the match are still there', async () => {
    await closeAll();
    const { extensionOrigin } = session;
    await closeSession(session);
    session = await start({ privateWindows: true });
    // The same extension under the same address: its storage is that origin's.
    expect(session.extensionOrigin).toBe(extensionOrigin);
    const page = await waitForLibrary(2);
    expect((await listed(page)).map((a) => a.outlet).sort()).toEqual([NORTHGATE, HARBOUR].sort());
    // Each article's placement is stored with the links of its sentences, as the browser's
    // IndexedDB keeps them (src/core/verify/keyed-links.ts).
    await expect
      .poll(async () => (await storedLinks(page)).length, { timeout: KEPT_WITHIN_MS })
      .toBe(2);
    expect(Math.max(...(await storedLinks(page)))).toBeGreaterThan(3);
    const { tabId, state } = await read(PAGES.harbour);
    expect(state.report!.summary.outlets.map((o) => o.outlet)).toContain(NORTHGATE);
    const { popup, outlets } = await popupOutlets(tabId);
    expect(outlets.find((o) => o.outlet === NORTHGATE)?.read).toMatch(READ_ON);
    await screenshot(popup, 'library-popup-after-restart');
    await closeAll();
  });

  test('export, forget one, clear, import: its matches go with it and come back', async () => {
    const page = await libraryPage();
    // The export is a download; the blob it is made of is read from the page.
    await page.evaluate(() => {
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        (window as unknown as { exported: Blob }).exported = blob as Blob;
        return make(blob);
      };
    });
    await clickElement(page, 'button', { text: 'Export (JSON Lines)' });
    await page.waitForFunction(() => 'exported' in window);
    exported = await page.evaluate(() => (window as unknown as { exported: Blob }).exported.text());
    writeFileSync(path.join(RESULTS_DIR, 'library-export.jsonl'), exported);
    const lines = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines)
      expect(Object.keys(line)).toEqual(['url', 'outlet', 'title', 'published', 'read', 'text']);
    expect(lines.map((l) => l.outlet).sort()).toEqual([NORTHGATE, HARBOUR].sort());

    const outletsOfHarbour = async () => {
      const { page: article, tabId } = await read(PAGES.harbour);
      const { popup, outlets } = await popupOutlets(tabId);
      for (const shown of [popup, article]) {
        open.delete(shown);
        await shown.close();
      }
      return outlets.map((o) => o.outlet);
    };
    expect(await outletsOfHarbour()).toContain(NORTHGATE);

    // Forget the first article: the second no longer lists it.
    const row = await page.evaluate(
      (outlet) =>
        Array.from(document.querySelectorAll('.article')).findIndex((a) =>
          a.querySelector('.article-outlet')?.textContent?.includes(outlet),
        ),
      NORTHGATE,
    );
    await clickElement(page, '.article button', { nth: row });
    await waitForLibrary(1, page);
    expect(await outletsOfHarbour()).not.toContain(NORTHGATE);

    // Clear everything, then import the export: the match returns.
    await deleteAll(page);
    await page.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      const files = new DataTransfer();
      files.items.add(new File([text], 'library-export.jsonl', { type: 'application/x-ndjson' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, exported);
    await page.waitForFunction(
      () =>
        /Imported 2 articles; 0 were already/.test(
          document.querySelector('.import')?.textContent ?? '',
        ),
      null,
      20_000,
    );
    await screenshot(page, 'library-page-imported');
    await waitForLibrary(2, page);
    expect(await outletsOfHarbour()).toContain(NORTHGATE);
    await closeAll();
  });

  test('a site excluded from the library keeps nothing, while another is kept', async () => {
    const page = await libraryPage();
    await deleteAll(page);
    const options = await openExtensionPage(session, 'options.html');
    open.add(options);
    await waitForElement(options, '#exclude-site');
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#exclude-site')!;
      input.value = 'northgatecourier.test';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickElement(options, 'form.add-site button', { text: 'Add' });
    await expect
      .poll(async () => (await storedSettings(session))?.keepExcludedSites)
      .toEqual(['northgatecourier.test']);
    await options.close();
    open.delete(options);
    // Longer than an article needs to be kept: the control below shows one is kept in that time.
    await readAndStay(PAGES.northgate);
    await reloadLibrary(page);
    expect(await listed(page)).toEqual([]);
    await readAndStay(PAGES.harbour);
    await waitForLibrary(1, page);
    expect((await listed(page)).map((a) => a.outlet)).toEqual([HARBOUR]);
    await closeAll();
  });

  test('an article read in a private window is never kept, while the same one is in a normal window', async () => {
    const page = await libraryPage();
    const before = (await listed(page)).length;
    const url = urlOf(session, PAGES.meridian);
    // A private window with the article, opened through the extension's own API.
    const opened = await inExtension(
      session,
      async (address) => {
        const window = await chrome.windows.create({ incognito: true, url: address });
        return { windowId: window.id!, tabId: window.tabs![0]!.id!, incognito: window.incognito };
      },
      url,
    );
    expect(opened.incognito).toBe(true);
    // The extension checks the page there (it runs in the window) ...
    await expect
      .poll(async () => (await tabState(session, opened.tabId))?.status, {
        timeout: KEPT_WITHIN_MS,
      })
      .toBe('ready');
    // ... but keeps nothing, however long the article is read; the popup says why.
    await new Promise((resolve) => setTimeout(resolve, KEEP_AFTER_MS + 3_000));
    const popup = await openPopup(session, opened.tabId, { viewport: POPUP_VIEWPORT });
    open.add(popup);
    await waitForElement(popup, '.library-row', { text: 'private windows' });
    await popup.evaluate(() => document.querySelector('.library-row')?.scrollIntoView());
    await screenshot(popup, 'library-popup-private');
    await reloadLibrary(page);
    expect((await listed(page)).length).toBe(before);
    await inExtension(session, (windowId) => chrome.windows.remove(windowId), opened.windowId);
    // The control: the same article in a normal window is kept.
    await readAndStay(PAGES.meridian);
    await waitForLibrary(before + 1, page);
    await closeAll();
  });
});
