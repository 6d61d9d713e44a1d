// The popup (opened as popup.html?tab=<id>), the hover card and the options page: what they list,
// what a click does, how they look in light and dark, and what axe-core finds.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusReport, expectedFor, meridianArticleText } from './expected';
import {
  axeViolations,
  builtManifest,
  closeSession,
  highlightsOf,
  localeMessages,
  openPopup,
  openTab,
  PAGES,
  screenshot,
  sentenceHighlights,
  startSession,
  textKey,
  visibleHoverCard,
  waitForTabState,
  type PageRef,
  type Session,
} from './harness';
import { listingOf, shownListing } from './report-listing';

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

/** Visible text of an element, without the screen-reader-only additions. */
function visibleText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.sr-only').forEach((n) => n.remove());
    return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
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
    const headline = textKey((await page.locator('h1').first().textContent()) ?? '');
    expect(textKey((await popup.locator('.report-title').textContent()) ?? '')).toBe(headline);
    const selfNote = popup.locator('.self-note');
    if (expected.self) {
      expect(expected.self.outlet).toBe(outlet);
      await expect.poll(() => selfNote.textContent()).toContain(outlet);
    } else {
      expect(await selfNote.count()).toBe(0);
    }
    await popup.close();
    await page.close();
  });
});

test('clicking a claim scrolls the page to the sentence and flashes it', async () => {
  const { page, tabId } = await readyPage(PAGES.cnews);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  const claim = popup.locator('.claim-sentence').last();
  const sentence = textKey(await visibleText(claim));
  await claim.click();

  // The page scrolled so that the sentence is on screen...
  await expect
    .poll(() =>
      page.evaluate((key) => {
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('crosscheck')) continue;
          for (const range of highlight) {
            if (!(range instanceof Range) || norm(range.toString()) !== key) continue;
            const rect = range.getBoundingClientRect();
            return window.scrollY > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
          }
        }
        return false;
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
    await popup.locator('.claim').first().waitFor();
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
    for (const [name, highlight] of CSS.highlights) {
      if (!/^crosscheck-\d$/.test(name)) continue;
      const range = [...highlight][0];
      if (!(range instanceof Range)) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return {
        x: rect.x + Math.min(rect.width / 2, 60),
        y: rect.y + rect.height / 2,
        text: range.toString(),
      };
    }
    return null;
  });
  expect(target).not.toBeNull();
  const sentence = report.sentences.find((s) => textKey(s.text) === textKey(target!.text));
  expect(sentence?.matches.length).toBeGreaterThan(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.mouse.move(5, 5);
    await page.mouse.move(target!.x, target!.y, { steps: 4 });
    await expect.poll(() => visibleHoverCard(session, page)).not.toBeNull();
    const card = (await visibleHoverCard(session, page))!;
    for (const match of sentence!.matches) expect(card).toContain(match.outlet);
    await screenshot(page, `hover-card-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.close();
});

test('"Check this page anyway" checks a page that was not detected as an article', async () => {
  const { page, tabId } = await openTab(session, PAGES.search);
  expect((await waitForTabState(session, page, tabId)).status).toBe('not-article');
  const popup = await openPopup(session, tabId, { viewport: POPUP_VIEWPORT });
  const messages = await localeMessages();
  await popup.getByRole('button', { name: messages.buttonCheckAnyway!.message }).click();
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  expect(state.report?.article.detected).toBe(false);
  // The popup follows: it now shows the page's report (or its "no matches" state).
  await popup.locator('.report').waitFor();
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
    await popup.locator('.claim').first().waitFor();
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
    await popup.waitForLoadState('load');
    await popup.locator('main button').first().waitFor();
    await screenshot(popup, 'popup-not-article');
    const blocking = (await axeViolations(popup)).filter((v) =>
      BLOCKING_IMPACTS.includes(v.impact ?? ''),
    );
    expect(blocking).toEqual([]);
    await popup.close();
    await page.close();
  });

  test.each(['light', 'dark'] as const)('options page, %s', async (scheme) => {
    const manifest = await builtManifest();
    const optionsPath =
      (manifest.options_ui as { page?: string } | undefined)?.page ??
      (manifest.options_page as string | undefined);
    expect(optionsPath).toBeTruthy();
    const options = await session.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${session.extensionId}/${optionsPath}`);
    await options.locator('main, form, h1').first().waitFor();
    await screenshot(options, `options-${scheme}`, { fullPage: true });
    const blocking = (await axeViolations(options)).filter((v) =>
      BLOCKING_IMPACTS.includes(v.impact ?? ''),
    );
    expect(blocking).toEqual([]);
    await options.close();
  });
});
