// Nothing leaves the browser: a tour of every fixture page, the popup, the full report and the
// options page records every request of every page, frame and the extension's background (Chromium:
// through Playwright; Firefox: BiDi's network events, and the recording proxy for the background
// page); only the fixture site and the extension's own files may appear. A control shows the
// recorder sees leaks.
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  inExtension,
  leaks,
  openExtensionPage,
  openPage,
  openPopup,
  openTab,
  optionsPath,
  PAGES,
  startSession,
  waitForTabState,
  type Session,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

test('a tour of the site, the popup and the options page sends nothing anywhere else', async () => {
  for (const ref of Object.values(PAGES)) {
    const { page, tabId } = await openTab(session, ref);
    await waitForTabState(session, page, tabId);
    const popup = await openPopup(session, tabId);
    // Hover over the article text, where hover cards open.
    await page.bringToFront();
    await page.mouse.move(400, 300, 3);
    await page.waitForTimeout(300);
    await popup.close();
    await page.close();
  }
  const options = await openExtensionPage(session, await optionsPath());
  await options.waitForTimeout(500);
  await options.close();
  // The recorder saw the tour: the pages themselves and the extension's own files.
  expect(
    session.requests.some((r) => r.url.startsWith(session.site.origin('meridianpost.test'))),
  ).toBe(true);
  // Chromium reports the extension's own files too; Firefox's BiDi reports http(s) requests only.
  if (session.browser === 'chromium') {
    expect(session.requests.some((r) => r.url.startsWith(`${session.extensionOrigin}/`))).toBe(
      true,
    );
  }
  expect(leaks(session)).toEqual([]);
});

test('control: the recorder catches a request from a page and from the extension', async () => {
  const before = { requests: session.requests.length, proxied: session.proxied.length };
  const page = await openPage(session, PAGES.shop);
  await page.evaluate(() => fetch('https://leak-from-page.example/collect').catch(() => null));
  // Chromium: the service worker. Firefox: an extension page (its background page is not a
  // context the driver sees; what any of its contexts sends reaches the recording proxy).
  await inExtension(session, () =>
    fetch('https://leak-from-extension.example/collect').catch(() => null),
  );
  await page.waitForTimeout(500);
  const found = leaks(session).join('\n');
  expect(found).toContain('https://leak-from-page.example/collect');
  expect(found).toContain('leak-from-extension.example');
  if (session.browser === 'chromium') {
    expect(found).toMatch(/https:\/\/leak-from-extension\.example\/collect \(from service worker/);
  }
  // Take the planted requests out again so the tour's result above stays the file's result.
  session.requests.splice(before.requests);
  session.proxied.splice(before.proxied);
  expect(leaks(session)).toEqual([]);
  await page.close();
});
