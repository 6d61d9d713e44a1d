// Detection and highlights on every page of the fixture site: the extension checks news articles
// only, highlights exactly the sentences the engine finds in other outlets' reports, never lists
// the page's own outlet, and shows the count on the badge.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusReport, expectedFor, meridianArticleText, type ExpectedHighlight } from './expected';
import {
  badgeOf,
  closeSession,
  highlightVisibility,
  openTab,
  PAGES,
  screenshot,
  sentenceHighlights,
  startSession,
  textKey,
  waitForTabState,
  type PageRef,
  type Session,
  type TestPage,
} from './harness';

/** Least share of a highlighted sentence's pixels the highlight must change to count as visible. */
const MIN_VISIBLE_SHARE = 0.2;

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(() => closeSession(session));

async function checkedPage(ref: PageRef) {
  const { page, tabId } = await openTab(session, ref);
  const state = await waitForTabState(
    session,
    page,
    tabId,
    (s) => s.status !== 'ready' || s.report !== null,
  );
  return { page, tabId, state };
}

/** The page's highlights as comparable rows, sorted by sentence text. */
async function shownRows(page: TestPage) {
  const ranges = await sentenceHighlights(page);
  return ranges
    .map((r) => ({ key: textKey(r.text), name: r.name }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Waits until the page shows exactly the expected highlights (the diff names any difference). */
async function expectHighlights(page: TestPage, expected: ExpectedHighlight[]) {
  const rows = expected.map(({ key, name }) => ({ key, name }));
  await expect.poll(() => shownRows(page)).toEqual(rows);
}

describe.each([
  ['CNews Live English', '000', PAGES.cnews],
  ['yourNEWS', '001', PAGES.yournews],
  ['Truther Daily', '002', PAGES.truther],
  ['Chris Wick News', '003', PAGES.chriswick],
  ['eAwaz', '004', PAGES.eawaz],
] as const)("%s's report on its own news page", (outlet, prefix, ref) => {
  test('is detected, recognised as that report, and never listed against itself', async () => {
    const { meta, text } = corpusReport(prefix);
    const { page, tabId, state } = await checkedPage(ref);
    expect(state.status).toBe('ready');
    expect(state.report?.article.detected).toBe(true);
    expect(state.report?.self).toEqual({ report: meta.id, outlet });
    const listed = state.report!.sentences.flatMap((s) => s.matches.map((m) => m.report));
    expect(listed).not.toContain(meta.id);
    expect(state.report!.summary.outlets.map((o) => o.report)).not.toContain(meta.id);

    const expected = expectedFor(text, meta.title);
    // A page that matched nothing would make the comparison below empty.
    expect(expected.highlights.length).toBeGreaterThanOrEqual(2);
    await expectHighlights(page, expected.highlights);
    expect(await badgeOf(session, tabId)).toMatchObject({
      text: String(expected.highlights.length),
    });

    const first = expected.highlights[0]!.name;
    expect(await highlightVisibility(session, page, first)).toBeGreaterThan(MIN_VISIBLE_SHARE);
    await screenshot(page, `page-${prefix}-highlighted`, { fullPage: true });
    await page.close();
  });
});

test('the sixth outlet: its paraphrases are highlighted as the engine finds them', async () => {
  const { page, tabId, state } = await checkedPage(PAGES.meridian);
  expect(state.status).toBe('ready');
  expect(state.report?.article.detected).toBe(true);
  expect(state.report?.self).toBeNull();
  const expected = expectedFor(meridianArticleText());
  expect(expected.highlights.length).toBeGreaterThanOrEqual(3);
  await expectHighlights(page, expected.highlights);
  expect((await badgeOf(session, tabId)).text).toBe(String(expected.highlights.length));
  expect(await highlightVisibility(session, page, expected.highlights[0]!.name)).toBeGreaterThan(
    MIN_VISIBLE_SHARE,
  );
  await screenshot(page, 'page-meridian-highlighted', { fullPage: true });
  // The highlight colours have a dark-scheme variant (content.css).
  await page.setColorScheme('dark');
  await screenshot(page, 'page-meridian-highlighted-dark', { fullPage: true });
  await page.close();
});

test('an article on another subject is checked and has no matches', async () => {
  const { page, tabId, state } = await checkedPage(PAGES.sport);
  expect(state.status).toBe('ready');
  expect(state.report?.article.detected).toBe(true);
  expect(state.report?.summary.matched).toBe(0);
  expect(await sentenceHighlights(page)).toEqual([]);
  expect((await badgeOf(session, tabId)).text).toBe('');
  await page.close();
});

describe.each([
  ['a news homepage with teasers on the story', PAGES.home],
  ['a search-results page quoting the reports', PAGES.search],
  ['a shop page', PAGES.shop],
  ['a social thread quoting the story', PAGES.thread],
] as const)('%s', (_name, ref) => {
  test('is not treated as an article: no check, no highlights, an empty badge', async () => {
    const { page, tabId, state } = await checkedPage(ref);
    expect(state.status).toBe('not-article');
    expect(state.report).toBeNull();
    // Give a late check time to show up before asserting there is none.
    await page.waitForTimeout(500);
    expect(await sentenceHighlights(page)).toEqual([]);
    const badge = await badgeOf(session, tabId);
    expect(badge.text).toBe('');
    await page.close();
  });
});

test('the badge title tells "not a news article" apart from "no matches"', async () => {
  const shop = await checkedPage(PAGES.shop);
  const sport = await checkedPage(PAGES.sport);
  const notArticle = (await badgeOf(session, shop.tabId)).title;
  const noMatches = (await badgeOf(session, sport.tabId)).title;
  expect(notArticle).not.toBe(noMatches);
  await shop.page.close();
  await sport.page.close();
});
