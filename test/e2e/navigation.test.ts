// Pages whose own scripts change the article: a single-page app that swaps stories with
// history.pushState, and a page that re-renders its article after load. Highlights must follow
// the text on screen; none may be left on removed nodes or on the previous story.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { corpusReport, expectedFor, expectedForReport, type ExpectedHighlight } from './expected';
import {
  badgeOf,
  clickElement,
  closeSession,
  openTab,
  PAGES,
  screenshot,
  sentenceHighlights,
  startSession,
  textKey,
  waitForTabState,
  type Session,
  type TestPage,
} from './harness';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(() => closeSession(session));

/** The page's highlights as comparable rows, and how many point at removed or no text. */
async function shown(page: TestPage) {
  const ranges = await sentenceHighlights(page);
  return {
    rows: ranges
      .map((r) => ({ key: textKey(r.text), name: r.name }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    stale: ranges.filter((r) => !r.connected || r.collapsed).length,
  };
}

/** Waits until the page shows exactly the expected highlights, all on live nodes. */
async function expectHighlights(page: TestPage, expected: ExpectedHighlight[]) {
  const rows = expected.map(({ key, name }) => ({ key, name }));
  await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual({ rows, stale: 0 });
}

test('single-page app: highlights follow each story as the app swaps it with pushState', async () => {
  const { page, tabId } = await openTab(session, PAGES.spa);
  const first = expectedForReport('003');
  const second = expectedForReport('004');
  expect(first.highlights.length).toBeGreaterThan(0);
  expect(second.highlights.length).toBeGreaterThan(0);

  await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  await expectHighlights(page, first.highlights);

  // The app's own links: pushState and a rebuilt view, no page load.
  await clickElement(page, 'a', { text: corpusReport('004').meta.title! });
  await expect.poll(() => new URL(page.url()).pathname).toBe('/story/putins-conditions');
  await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  await expectHighlights(page, second.highlights);
  await expect
    .poll(async () => (await badgeOf(session, tabId)).text)
    .toBe(String(second.highlights.length));
  await screenshot(page, 'spa-second-story');

  await clickElement(page, 'a', { text: 'Harbour City edge Rovers in rain-soaked derby' });
  await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  await expectHighlights(page, []);
  await expect.poll(async () => (await badgeOf(session, tabId)).text).toBe('');

  // Back (popstate) to the second story.
  await page.goBack();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/story/putins-conditions');
  await expectHighlights(page, second.highlights);
  await page.close();
});

test('re-rendered article: highlights move to the new nodes and follow an updated text', async () => {
  const { page, tabId } = await openTab(session, PAGES.rerender);
  const initial = expectedFor(corpusReport('001').text);
  expect(initial.highlights.length).toBeGreaterThan(0);
  await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  await expectHighlights(page, initial.highlights);

  // Same text, brand-new nodes: the old ranges now point into removed nodes.
  await page.evaluate(() =>
    (window as unknown as { ledger: { rerender(): void } }).ledger.rerender(),
  );
  await expectHighlights(page, initial.highlights);

  // A newer version of the story replaces the text.
  const updatedText = await page.evaluate(() => {
    const versions = JSON.parse(document.getElementById('versions')!.textContent!) as {
      updated: { text: string };
    };
    return versions.updated.text;
  });
  const updated = expectedFor(updatedText);
  expect(updated.highlights.map((h) => h.key)).not.toEqual(initial.highlights.map((h) => h.key));
  await page.evaluate(() => (window as unknown as { ledger: { update(): void } }).ledger.update());
  await expectHighlights(page, updated.highlights);
  await expect
    .poll(async () => (await badgeOf(session, tabId)).text)
    .toBe(String(updated.highlights.length));
  await page.close();
});
