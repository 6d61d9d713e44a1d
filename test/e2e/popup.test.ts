// The popup (opened as popup.html?tab=<id>), the hover card and the options page: what they list,
// what a click does, how they look in light and dark, and what axe-core finds.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusReport, expectedFor, meridianArticleText } from './expected';
import {
  axeViolations,
  clickElement,
  closeSession,
  countOf,
  highlightsOf,
  localeMessages,
  openExtensionPage,
  openPopup,
  openTab,
  optionsPath,
  PAGES,
  screenshot,
  sentenceHighlights,
  startSession,
  textKey,
  textsOf,
  visibleHoverCard,
  waitForElement,
  waitForTabState,
  type PageRef,
  type TestPage,
  type Session,
} from './harness';
import { listingOf, shownChance, shownListing } from './report-listing';

/** The toolbar popup's size in Chromium (it allows up to 800 × 600). */
const POPUP_VIEWPORT = { width: 420, height: 600 };
/** axe-core impacts that fail the test. */
const BLOCKING_IMPACTS = ['serious', 'critical'];

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(() => closeSession(session));

async function readyPage(ref: PageRef) {
  const { page, tabId } = await openTab(session, ref);
  await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  return { page, tabId };
}

/**
 * Moves the pointer onto the highlighted sentence that contains `words`. Scrolled to first and
 * measured after, so the pointer goes where the sentence is, not where it was; it aims at the
 * sentence's last line box, which starts at the column's left edge, so the pointer can come in
 * from the margin without crossing another highlighted sentence on the way.
 */
async function hoverSentence(page: TestPage, words: string): Promise<void> {
  const find = (scroll: boolean) =>
    page.evaluate(
      ({ scroll, words }) => {
        for (const [name, highlight] of CSS.highlights) {
          if (!/^crosscheck-\d$/.test(name)) continue;
          for (const range of highlight) {
            if (!(range instanceof Range) || !range.toString().includes(words)) continue;
            if (scroll)
              range.startContainer.parentElement?.scrollIntoView({
                block: 'center',
                behavior: 'instant',
              });
            const rects = range.getClientRects();
            const rect = rects[rects.length - 1]!;
            return { x: rect.x + Math.min(rect.width / 2, 60), y: rect.y + rect.height / 2 };
          }
        }
        return null;
      },
      { scroll, words },
    );
  await find(true);
  const target = await find(false);
  expect(target).not.toBeNull();
  await page.mouse.move(5, target!.y);
  await page.mouse.move(target!.x, target!.y, 4);
}

/** The same listing as the engine gives it for the text (a line repeating the title left out). */
function engineListing(text: string, title: string | null) {
  const { report } = expectedFor(text, title);
  return { ...listingOf(report), self: report.self };
}

describe.each([
  ['CNews Live English', PAGES.cnews, () => corpusReport('000')],
  ['yourNEWS', PAGES.yournews, () => corpusReport('001')],
  ['Truther Daily', PAGES.truther, () => corpusReport('002')],
  ['Chris Wick News', PAGES.chriswick, () => corpusReport('003')],
  ['eAwaz', PAGES.eawaz, () => corpusReport('004')],
  ['The Meridian Post', PAGES.meridian, () => ({ text: meridianArticleText(), meta: null })],
] as const)('popup on %s', (outlet, ref, source) => {
  test("lists the other outlets, their wording and links, never the page's own", async () => {
    const { page, tabId } = await readyPage(ref);
    const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
    const article = source();
    const expected = engineListing(article.text, article.meta?.title ?? null);
    const shown = await shownListing(popup);
    expect(shown.outlets).toEqual(expected.outlets);
    expect(shown.claims).toEqual(expected.claims);
    const named = [
      ...shown.outlets.map((o) => o.outlet),
      ...shown.claims.flatMap((c) => c.matches.map((m) => m.outlet)),
    ];
    expect(named).not.toContain(outlet);
    // The article's headline, and whether the page is one of the corpus reports.
    const headline = textKey((await textsOf(page, 'h1'))[0] ?? '');
    expect(textKey((await textsOf(popup, '.report-title'))[0] ?? '')).toBe(headline);
    const selfNote = async () => (await textsOf(popup, '.self-note')).join(' ');
    if (expected.self) {
      expect(expected.self.outlet).toBe(outlet);
      await expect.poll(selfNote).toContain(outlet);
    } else {
      expect(await selfNote()).toBe('');
    }
    await popup.close();
    await page.close();
  });
});

test('the popup says where the claims come from: one independent source, computed from the texts', async () => {
  const { page, tabId } = await readyPage(PAGES.meridian);
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  await expect
    .poll(() => textsOf(popup, '.echo-statement'))
    .toEqual([
      '5 outlets, 1 independent source: Reuters; 4 of them name it, 1 cites only unnamed sources.',
    ]);
  // The group's members are listed together, and the page is marked as retelling the group.
  const group = textKey((await textsOf(popup, '.echo-group')).join(' '));
  for (const outlet of [
    'yourNEWS',
    'eAwaz',
    'CNews Live English',
    'Truther Daily',
    'Chris Wick News',
  ])
    expect(group).toContain(outlet);
  expect(await countOf(popup, '.echo-page-note')).toBe(1);
  // Each claim states its sources.
  const lines = await textsOf(popup, '.claim-sources strong');
  expect(lines.length).toBe(await countOf(popup, '.claim'));
  for (const line of lines) expect(line).toMatch(/^\d outlets?, 1 independent source: Reuters$/);
  await popup.close();
  await page.close();
});

test('clicking a claim scrolls the page to the sentence and flashes it', async () => {
  const { page, tabId } = await readyPage(PAGES.cnews);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  await waitForElement(popup, '.claim-sentence');
  const sentence = textKey((await textsOf(popup, '.claim-sentence')).at(-1)!);
  await clickElement(popup, '.claim-sentence', { last: true });

  // The page scrolled so that the sentence is on screen...
  await expect
    .poll(() =>
      page.evaluate((key) => {
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
        let onScreen = false;
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('crosscheck')) return;
          highlight.forEach((range) => {
            if (!(range instanceof Range) || norm(range.toString()) !== key) return;
            const rect = range.getBoundingClientRect();
            onScreen = window.scrollY > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
          });
        });
        return onScreen;
      }, sentence),
    )
    .toBe(true);
  // ...and flashes it (a highlight of its own for a moment).
  await expect
    .poll(async () =>
      (await highlightsOf(page))
        .filter((h) => h.name === 'crosscheck-flash')
        .map((h) => textKey(h.text)),
    )
    .toContain(sentence);
  await popup.close();
  await page.close();
});

test('screenshots: popup in light and dark, both themes really applied', async () => {
  const { page, tabId } = await readyPage(PAGES.meridian);
  const backgrounds: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await openPopup(session, tabId, {
      colorScheme: scheme,
      viewport: POPUP_VIEWPORT,
    });
    await waitForElement(popup, '.claim');
    await screenshot(popup, `popup-${scheme}`);
    await screenshot(popup, `popup-${scheme}-full`, { fullPage: true });
    backgrounds.push(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor));
    await popup.close();
  }
  expect(backgrounds[0]).not.toBe(backgrounds[1]);
  await page.close();
});

test('hovering a highlighted sentence shows the card with the other outlets, light and dark', async () => {
  const { page } = await readyPage(PAGES.meridian);
  const { report } = expectedFor(meridianArticleText());
  await expect.poll(async () => (await sentenceHighlights(page)).length).toBeGreaterThan(0);
  const target = await page.evaluate(() => {
    let found: { x: number; y: number; text: string } | null = null;
    CSS.highlights.forEach((highlight, name) => {
      if (found || !/^crosscheck-\d$/.test(name)) return;
      let range: AbstractRange | undefined;
      highlight.forEach((r) => (range ??= r));
      if (!(range instanceof Range)) return;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      found = {
        x: rect.x + Math.min(rect.width / 2, 60),
        y: rect.y + rect.height / 2,
        text: range.toString(),
      };
    });
    return found as { x: number; y: number; text: string } | null;
  });
  expect(target).not.toBeNull();
  const sentence = report.sentences.find((s) => textKey(s.text) === textKey(target!.text));
  expect(sentence?.matches.length).toBeGreaterThan(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.setColorScheme(scheme);
    // From a corner with no card open, straight onto the sentence: a pointer that crossed another
    // highlighted sentence on its way would open that one's card, which stays while the pointer
    // heads towards it (as a reader moving into the card expects).
    await page.mouse.move(5, 5);
    await expect.poll(() => visibleHoverCard(session, page)).toBeNull();
    await page.mouse.move(target!.x, target!.y);
    const isTargets = (card: string | null) =>
      card !== null && sentence!.matches.every((m) => card.includes(m.outlet));
    await expect.poll(async () => isTargets(await visibleHoverCard(session, page))).toBe(true);
    const card = (await visibleHoverCard(session, page))!;
    for (const match of sentence!.matches) {
      expect(card).toContain(match.outlet);
      expect(card).toContain(shownChance(match.score));
    }
    // Where the claim comes from, in one line, computed from the texts.
    expect(card).toMatch(/\d outlets?, 1 independent source: Reuters/);
    await screenshot(page, `hover-card-${scheme}`);
  }
  await page.setColorScheme('light');
  await page.close();
});

test('the hover card says in one line what each outlet told differently', async () => {
  const { page } = await readyPage(PAGES.meridian);
  await expect.poll(async () => (await sentenceHighlights(page)).length).toBeGreaterThan(0);
  // The sentence eAwaz retells with the day Zelenskiy spoke, which the page leaves out.
  await hoverSentence(page, 'he would accept the pause');
  await expect.poll(() => visibleHoverCard(session, page)).toContain('Told differently: Date');
  await screenshot(page, 'hover-card-differences');
  await page.close();
});

test('the hover card and the popup name the outlet a match was found through', async () => {
  const { page, tabId } = await readyPage(PAGES.meridian);
  // A sentence with a match carried over from another outlet's matching sentence, as the engine
  // gives it (src/core/verify/carry-over.ts).
  const { report } = expectedFor(meridianArticleText());
  const sentence = report.sentences.find((s) => s.matches.some((m) => m.via !== undefined))!;
  expect(sentence).toBeDefined();
  const carried = sentence.matches.find((m) => m.via !== undefined)!;
  const via = sentence.matches.find((m) => m.report === carried.via)!;
  const line = `Found through ${via.outlet}`;
  await expect.poll(async () => (await sentenceHighlights(page)).length).toBeGreaterThan(0);
  await hoverSentence(page, sentence.text.slice(0, 40));
  await expect.poll(() => visibleHoverCard(session, page)).toContain(line);
  await screenshot(page, 'hover-card-found-through');
  // The popup says it under the carried outlet's wording.
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  await waitForElement(popup, '.claim');
  await expect
    .poll(() =>
      popup.evaluate(() => [...document.querySelectorAll('.match-via')].map((e) => e.textContent)),
    )
    .toContain(
      `${line}: its sentence, in words closer to this page's, makes the same claim as this one.`,
    );
  await popup.close();
  await page.close();
});

test('"Check this page anyway" checks a page that was not detected as an article', async () => {
  const { page, tabId } = await openTab(session, PAGES.search);
  expect((await waitForTabState(session, page, tabId)).status).toBe('not-article');
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  const messages = await localeMessages();
  await clickElement(popup, 'button', { text: messages.buttonCheckAnyway!.message });
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  expect(state.report?.article.detected).toBe(false);
  // The popup follows: it now shows the page's report (or its "no matches" state).
  await waitForElement(popup, '.report');
  await popup.close();
  await page.close();
});

describe('accessibility (axe-core): no serious or critical violations', () => {
  test.each(['light', 'dark'] as const)('popup with a report, %s', async (scheme) => {
    const { page, tabId } = await readyPage(PAGES.eawaz);
    const popup = await openPopup(session, tabId, {
      colorScheme: scheme,
      viewport: POPUP_VIEWPORT,
    });
    await waitForElement(popup, '.claim');
    const blocking = (await axeViolations(popup)).filter((v) =>
      BLOCKING_IMPACTS.includes(v.impact ?? ''),
    );
    expect(blocking).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('popup on a page that is not an article', async () => {
    const { page, tabId } = await openTab(session, PAGES.shop);
    await waitForTabState(session, page, tabId);
    const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
    await waitForElement(popup, 'main button');
    await screenshot(popup, 'popup-not-article');
    const blocking = (await axeViolations(popup)).filter((v) =>
      BLOCKING_IMPACTS.includes(v.impact ?? ''),
    );
    expect(blocking).toEqual([]);
    await popup.close();
    await page.close();
  });

  test.each(['light', 'dark'] as const)('options page, %s', async (scheme) => {
    const options = await openExtensionPage(session, await optionsPath(), { colorScheme: scheme });
    await waitForElement(options, 'main, form, h1');
    await screenshot(options, `options-${scheme}`, { fullPage: true });
    const blocking = (await axeViolations(options)).filter((v) =>
      BLOCKING_IMPACTS.includes(v.impact ?? ''),
    );
    expect(blocking).toEqual([]);
    await options.close();
  });
});
