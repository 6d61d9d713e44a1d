// Page structures that break naive DOM code: thousands of levels of nesting (built by script, past
// the parser's own limit), iframes of the same and of another origin, shadow roots (open, closed,
// declarative, and an article entirely inside one), and editable areas (contenteditable, text
// fields, a document in design mode), which hold the user's text and are never highlighted.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badgeOf, clickElement, screenshot, waitForTabState, type Session } from './harness';
import {
  openHostilePage,
  probe,
  probeHighlights,
  squash,
  startHostileSession,
} from './hostile-support';

/** The nesting the deep page builds (see test/fixtures/hostile/generate.mjs). */
const NESTING_LEVELS = 2000;

let session: Session;

beforeAll(async () => {
  session = await startHostileSession();
});

afterAll(async () => {
  await session?.close();
});

/** Opens a page and waits for the background's verdict on it. */
async function settled(host: string, pagePath = '/') {
  const opened = await openHostilePage(session, host, pagePath);
  const state = await waitForTabState(
    session,
    opened.page,
    opened.tabId,
    (s) => s.status !== 'ready' || s.report !== null,
  );
  return { ...opened, state };
}

/** The texts of the report's matched sentences, whitespace collapsed. */
function matchedTexts(state: Awaited<ReturnType<typeof settled>>['state']): string[] {
  return (state.report?.sentences ?? [])
    .filter((s) => s.matches.length > 0)
    .map((s) => squash(s.text));
}

test(`an article ${NESTING_LEVELS} levels deep, with a sentence split over 1,000 nested spans`, async () => {
  const { page, tabId, state, errors } = await settled('nested.test');
  expect(
    await probe(session, page, () => document.documentElement.getAttribute('data-depth')),
  ).toBe(String(NESTING_LEVELS));
  expect(state.status).toBe('ready');
  const matched = matchedTexts(state);
  expect(matched.length).toBeGreaterThan(0);
  // The sentence across the nested spans is one of them, and highlighted whole.
  expect(matched.some((text) => text.startsWith('Moscow has presented the United States'))).toBe(
    true,
  );
  await expect
    .poll(async () => (await probeHighlights(session, page)).map((r) => squash(r.text)).sort())
    .toEqual([...matched].sort());
  expect((await badgeOf(session, tabId)).text).toBe(String(matched.length));
  await screenshot(page, 'hostile-nested');
  expect(errors).toEqual([]);
  await page.close();
});

test('iframes of the same and another origin: only the top page is checked and highlighted', async () => {
  const { page, state, errors } = await settled('frames.test');
  expect(state.status).toBe('ready');
  // Both frames loaded their own full news articles (corpus lines the top page does not have).
  await expect.poll(() => page.childFrames().length).toBe(2);
  const frames = page.childFrames();
  expect(frames.map((f) => new URL(f.url()).host.split(':')[0]).sort()).toEqual([
    'frames.test',
    'partner-frames.test',
  ]);
  const frameTexts: string[] = [];
  for (const frame of frames) {
    await expect.poll(() => frame.evaluate(() => document.readyState)).toBe('complete');
    // The frames' article paragraphs (their headline and byline are the site's, like the top page's).
    const text = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('article p:not(.byline)'), (p) => p.textContent).join(
        ' ',
      ),
    );
    frameTexts.push(squash(text));
    // No highlight of the extension in a frame's document.
    expect(
      await frame.evaluate(() => {
        const names: string[] = [];
        CSS.highlights.forEach((_h, name) => names.push(name));
        return names.filter((k) => k.startsWith('crosscheck'));
      }),
    ).toEqual([]);
  }
  // The report covers the top page's article only: no sentence of a frame in it.
  const sentences = state.report!.sentences.map((s) => squash(s.text));
  for (const sentence of sentences) {
    expect(frameTexts.some((text) => text.includes(sentence))).toBe(false);
  }
  const matched = matchedTexts(state);
  expect(matched.length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await probeHighlights(session, page)).map((r) => squash(r.text)).sort())
    .toEqual([...matched].sort());
  await screenshot(page, 'hostile-frames', { fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test('shadow roots (open, closed, declarative) beside the article: never a range across or inside one', async () => {
  const { page, state, errors } = await settled('shadow.test');
  expect(state.status).toBe('ready');
  const shadowTexts = await probe(session, page, () =>
    ['open-widget', 'declarative-widget']
      .map((id) => document.getElementById(id)?.shadowRoot?.textContent ?? '')
      .map((t) => t.replace(/\s+/g, ' ').trim()),
  );
  // The open and declarative roots are there and hold corpus sentences.
  expect(shadowTexts.every((t) => t.length > 100)).toBe(true);
  const matched = matchedTexts(state);
  expect(matched.length).toBeGreaterThan(0);
  await expect.poll(async () => (await probeHighlights(session, page)).length).toBe(matched.length);
  const ranges = await probeHighlights(session, page);
  expect(ranges.every((r) => r.inDocument)).toBe(true);
  for (const range of ranges) {
    expect(shadowTexts.some((t) => t.includes(squash(range.text)))).toBe(false);
  }
  expect(errors).toEqual([]);
  await page.close();
});

test('an article entirely inside a shadow root: the page is left alone, quietly', async () => {
  const { page, tabId, state, errors } = await settled('shadow.test', '/all-in-shadow.html');
  expect(['ready', 'no-text', 'not-article']).toContain(state.status);
  // Whatever the verdict, no highlight points into the shadow root or anywhere else broken.
  const ranges = await probeHighlights(session, page);
  expect(ranges.every((r) => r.inDocument)).toBe(true);
  expect((await badgeOf(session, tabId)).text).toBe(
    state.status === 'ready' ? String(ranges.length || '') : '',
  );
  expect(errors).toEqual([]);
  await page.close();
});

test('contenteditable areas, text areas and inputs are never highlighted, even when their text matches', async () => {
  const { page, state, errors } = await settled('editable.test');
  expect(state.status).toBe('ready');
  const editableTexts = await probe(session, page, () => ({
    div: document.getElementById('editable-div')?.textContent ?? '',
    p: document.getElementById('editable-p')?.textContent ?? '',
    textarea: (document.getElementById('reply') as HTMLTextAreaElement | null)?.value ?? '',
    input: (document.getElementById('quote') as HTMLInputElement | null)?.value ?? '',
  }));
  const editable = Object.values(editableTexts).map(squash);
  const matched = matchedTexts(state);
  expect(matched.length).toBeGreaterThan(0);
  // The article's editable text was extracted and matched like the rest: only highlighting skips it.
  const matchedEditable = matched.filter((text) => editable.some((e) => e.includes(text)));
  expect(matchedEditable.length).toBeGreaterThan(0);
  await expect.poll(async () => (await probeHighlights(session, page)).length).toBeGreaterThan(0);
  const ranges = await probeHighlights(session, page);
  expect(ranges.filter((r) => r.inEditable)).toEqual([]);
  for (const range of ranges) {
    expect(editable.some((text) => text.includes(squash(range.text)))).toBe(false);
  }

  // Typing in the editable area: the text is the user's, the caret stays, nothing is highlighted.
  const typed =
    ' Readers added this sentence by hand, long enough to count as a change of the page text.';
  await clickElement(page, '#editable-p');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('editable-p');
  expect(squash(await page.evaluate(() => document.getElementById('editable-p')!.innerText))).toBe(
    squash(editableTexts.p + typed),
  );
  await page.waitForTimeout(1_500);
  expect((await probeHighlights(session, page)).filter((r) => r.inEditable)).toEqual([]);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('editable-p');
  await screenshot(page, 'hostile-editable', { fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test('a document in design mode (all of it editable) gets no highlights', async () => {
  const { page, state, errors } = await settled('editable.test', '/design-mode.html');
  expect(await page.evaluate(() => document.designMode)).toBe('on');
  // Checked or not, nothing is highlighted in text the user is editing.
  expect(['ready', 'not-article', 'no-text']).toContain(state.status);
  await page.waitForTimeout(500);
  expect(await probeHighlights(session, page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
