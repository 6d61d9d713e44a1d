// The page keeps working: a news page that watches itself (a MutationObserver counting every
// record, handlers counting clicks, keys and input, a ticker changing the page while the extension
// checks it, focus in its search box) is driven through the same steps twice, once with the
// extension at work and once on a site where it is turned off. The page's own counts must match.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { clickElement, waitForTabState, type Session, type TestPage } from './harness';
import {
  openHostilePage,
  probeHighlights,
  startHostileSession,
  writeStoredSettings,
} from './hostile-support';

/** What the page counted about itself (see SELF_CHECK in test/fixtures/hostile/generate.mjs). */
interface SelfCheck {
  body: number;
  outside: string[];
  clicks: Record<string, number>;
  keys: number;
  inputs: number;
  ticks: number;
  linkClicks: number;
  done: boolean;
}

/**
 * The one change outside <body> the extension may make: the hover card's host element, appended
 * to <html> with its content in a closed shadow root (so no light-DOM children).
 */
const CARD_HOST_RECORD = 'childList:div[0]/';

let session: Session;

beforeAll(async () => {
  session = await startHostileSession();
  await writeStoredSettings(session, {
    autoDetect: true,
    highlights: true,
    highlightStyle: 'marker',
    disabledSites: ['intact-off.test'],
  });
});

afterAll(async () => {
  await session?.close();
});

/** Drives the page through the same steps and returns what it counted. */
async function drive(page: TestPage) {
  await page.waitForFunction(
    () => (window as unknown as { selfCheck: SelfCheck }).selfCheck.done,
    null,
    10_000,
  );
  const focusedFirst = await page.evaluate(() => document.activeElement?.id ?? null);
  // A point on the first line of the article's first paragraph (highlighted where the extension works).
  const point = await page.evaluate(() => {
    const p = document.getElementById('inline-link')!.closest('p')!;
    const rect = p.getClientRects()[0]!;
    return { x: rect.x + 30, y: rect.y + 12 };
  });
  await page.mouse.move(point.x, point.y, 4);
  await page.waitForTimeout(400);
  await page.mouse.click(point.x, point.y);
  await clickElement(page, '#more');
  await clickElement(page, '#inline-link');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.getElementById('search')?.focus());
  await page.keyboard.type('ceasefire');
  await page.waitForTimeout(1_000);
  const counts = await page.evaluate(
    () => (window as unknown as { selfCheck: SelfCheck }).selfCheck,
  );
  return {
    counts,
    focusedFirst,
    search: await page.evaluate(
      () => (document.getElementById('search') as HTMLInputElement).value,
    ),
    url: page.url().replace(/^http:\/\/[^/]+/, ''),
    scrollY: await page.evaluate(() => window.scrollY),
  };
}

test("the page's own mutations, clicks, keys, focus and links behave the same with and without the extension", async () => {
  const on = await openHostilePage(session, 'intact.test');
  const onState = await waitForTabState(session, on.page, on.tabId, (s) => s.status === 'ready');
  expect(onState.report!.summary.matched).toBeGreaterThan(0);
  const withExtension = await drive(on.page);
  // The extension really worked on this run: highlights in place.
  expect((await probeHighlights(session, on.page)).length).toBeGreaterThan(0);

  const off = await openHostilePage(session, 'intact-off.test');
  await waitForTabState(session, off.page, off.tabId, (s) => s.status === 'disabled');
  const without = await drive(off.page);
  expect((await probeHighlights(session, off.page)).length).toBe(0);

  console.log(
    `page self-check with / without the extension: body mutations ${withExtension.counts.body} / ` +
      `${without.counts.body}, clicks ${JSON.stringify(withExtension.counts.clicks)} / ` +
      `${JSON.stringify(without.counts.clicks)}, records outside <body> ` +
      `${withExtension.counts.outside.length} / ${without.counts.outside.length}`,
  );
  const { outside: outsideOn, ...restOn } = withExtension.counts;
  const { outside: outsideOff, ...restOff } = without.counts;
  expect(restOn).toEqual(restOff);
  expect({ ...withExtension, counts: null }).toEqual({ ...without, counts: null });
  expect(withExtension.focusedFirst).toBe('search');
  expect(restOn.linkClicks).toBe(1);
  // Outside <body>: nothing but the hover card's host, at most once.
  expect(outsideOff).toEqual([]);
  expect(outsideOn.filter((record) => record !== CARD_HOST_RECORD)).toEqual([]);
  expect(outsideOn.length).toBeLessThanOrEqual(1);
  expect([...on.errors, ...off.errors]).toEqual([]);
  await on.page.close();
  await off.page.close();
});
