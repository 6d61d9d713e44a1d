// Checking any text: the check page (pasted text, a dropped file, empty input, a text over the
// cap), "Cross-check selection" through the context menu's own listener, and "Check this page
// anyway" on a page where no article is found. Each report is compared with what the command line
// or the engine finds for the same text.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_CHECK_CHARS } from '../../src/core/matcher';
import { cutForCheck } from '../../src/core/text-cut';
import type { ArticleReport } from '../../src/core/types';
import { engine, meridianArticleText } from './expected';
import {
  axeViolations,
  clickElement,
  clickSelectionMenu,
  closeSession,
  countOf,
  dropFile,
  fillElement,
  localeMessages,
  openExtensionPage,
  openPopup,
  openTab,
  PAGES,
  ROOT,
  screenshot,
  sentenceHighlights,
  startSession,
  tabState,
  textKey,
  textsOf,
  valueOf,
  waitForElement,
  waitForTabState,
  type Session,
  type TestPage,
} from './harness';
import { listingOf, shownListing } from './report-listing';
import { SITE_ROOT } from './support/site-server.mjs';

const run = promisify(execFile);

/** The command line's example article: a sixth outlet's retelling of the story. */
const EXAMPLE = path.join(ROOT, 'examples/meridian-post.txt');
/** The sixth outlet's page on the fixture site, as a file a reader might have saved. */
const SAVED_PAGE = path.join(
  SITE_ROOT,
  'meridianpost.test/world/2025/mar/14/russia-demands-ceasefire-talks.html',
);
/** An article on a neighbouring story (other events of the same weeks) that repeats some background. */
const OTHER_STORY = path.join(ROOT, 'test/fixtures/fresh/neighbours/sumy-strike.txt');
/** The posts of the social thread on the fixture site. */
const THREAD_POSTS = path.join(ROOT, 'test/fixtures/site/texts/chatter-thread.txt');

/** axe-core impacts that fail the test. */
const BLOCKING_IMPACTS = ['serious', 'critical'];
/** The check page's "Check" button (the form's submit button). */
const CHECK_BUTTON = 'form button[type="submit"]';

let session: Session;
let messages: Record<string, { message: string }>;

beforeAll(async () => {
  session = await startSession();
  messages = await localeMessages();
});

afterAll(() => closeSession(session));

/** What `crosscheck match FILE --json` says. */
async function cliReport(file: string): Promise<ArticleReport> {
  const { stdout } = await run(process.execPath, [
    path.join(ROOT, 'dist/cli/crosscheck.mjs'),
    'match',
    file,
    '--json',
  ]);
  return JSON.parse(stdout) as ArticleReport;
}

/** The check page in a new tab, with a record of its errors (page errors and console errors). */
async function openCheckPage(): Promise<{ page: TestPage; errors: string[] }> {
  const page = await openExtensionPage(session, 'check.html');
  const errors: string[] = [];
  page.onError((line) => errors.push(line));
  await waitForElement(page, 'textarea');
  return { page, errors };
}

/** The text of the first element matching `selector` ('' when there is none). */
async function textOf(page: TestPage, selector: string): Promise<string> {
  return (await textsOf(page, selector))[0] ?? '';
}

/** The location of a page as its document knows it. */
function locationOf(page: TestPage): Promise<URL> {
  return page.evaluate(() => location.href).then((href) => new URL(href));
}

describe('the check page', () => {
  test('pasted text: the same claims and outlets as the command line finds for it', async () => {
    const { page, errors } = await openCheckPage();
    await screenshot(page, 'check-page-empty');
    const text = readFileSync(EXAMPLE, 'utf8');
    await fillElement(page, 'textarea', text);
    await clickElement(page, CHECK_BUTTON);
    const shown = await shownListing(page);
    const expected = await cliReport(EXAMPLE);
    expect(expected.summary.matched).toBeGreaterThan(0);
    expect(shown).toEqual(listingOf(expected));
    expect(await textOf(page, '.report-title')).toBe(messages.reportTextTitle!.message);
    expect(await textOf(page, '.summary')).toContain(
      `${expected.summary.matched} of ${expected.summary.sentences}`,
    );
    // Where the claims come from names the text as the reader's, not as a page.
    expect(await textOf(page, '.echo-page-note')).toBe(
      'Your text retells the same text as the Reuters group.',
    );
    expect(await textOf(page, '.echo')).not.toMatch(/this page/i);
    await screenshot(page, 'check-page-report');
    await screenshot(page, 'check-page-report-full', { fullPage: true });
    // Choosing a claim selects its sentence in the box, scrolled into view: the first claim is in
    // the first lines, and the box was scrolled to the end by the paste.
    await clickElement(page, '.claim-sentence');
    const box = await page.evaluate(() => {
      const el = document.querySelector('textarea')!;
      return {
        selected: el.value.slice(el.selectionStart, el.selectionEnd),
        scrollTop: el.scrollTop,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
        start: el.value.slice(0, el.selectionStart).split('\n').length,
      };
    });
    expect(textKey(box.selected)).toBe(shown.claims[0]!.sentence);
    expect(box.start).toBeLessThan(8);
    expect(box.scrollTop).toBeLessThan(box.lineHeight * 8);
    await screenshot(page, 'check-page-claim-selected');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('pasted text on another story: the few claims the command line finds, and a note that its chances were lowered', async () => {
    const { page, errors } = await openCheckPage();
    await fillElement(page, 'textarea', readFileSync(OTHER_STORY, 'utf8'));
    await clickElement(page, CHECK_BUTTON);
    const shown = await shownListing(page);
    const expected = await cliReport(OTHER_STORY);
    expect((expected as unknown as { claim_share: number | null }).claim_share).not.toBeNull();
    expect(shown).toEqual(listingOf(expected));
    expect(await textOf(page, '.share-note')).toBe(messages.reportClaimShareText!.message);
    await screenshot(page, 'check-page-other-story', { fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('pasted questions are not checked, the page says so, and the statement beside them is', async () => {
    const text = [
      'Will Putin accept the 30-day ceasefire that Ukraine agreed to in Saudi Arabia?',
      'Russia has presented the United States with a list of demands for ending the war in Ukraine.',
      'Has Russia handed the United States a list of demands?',
    ].join('\n\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-questions-'));
    const file = path.join(dir, 'questions.txt');
    writeFileSync(file, text);
    const expected = await cliReport(file);
    rmSync(dir, { recursive: true });
    expect(expected.summary).toMatchObject({ sentences: 3, matched: 1 });
    const { page, errors } = await openCheckPage();
    await fillElement(page, 'textarea', text);
    await clickElement(page, CHECK_BUTTON);
    expect(await shownListing(page)).toEqual(listingOf(expected));
    expect(await textOf(page, '.question-note')).toBe(
      messages.checkQuestions!.message.replace('$COUNT$', '2'),
    );
    await screenshot(page, 'check-page-questions');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a dropped .html file: the article the command line extracts from it, and its claims', async () => {
    const { page, errors } = await openCheckPage();
    await dropFile(page, 'textarea', {
      name: 'kremlin-price.html',
      type: 'text/html',
      content: readFileSync(SAVED_PAGE, 'utf8'),
    });
    const shown = await shownListing(page);
    const expected = await cliReport(SAVED_PAGE);
    expect(shown).toEqual(listingOf(expected));
    // The box holds the article's text, not the page's markup; the report is named after it.
    const box = (await valueOf(page, 'textarea')) ?? '';
    expect(box).toContain('The list has not been published.');
    expect(box).not.toContain('<');
    expect(await textOf(page, '.report-title')).toBe(
      'Kremlin sends Washington its price for peace in Ukraine',
    );
    expect(await textOf(page, '.check-notes')).toContain('kremlin-price.html');
    await screenshot(page, 'check-page-dropped-file');
    // Chromium's HTML parser reports each inline event handler of the parsed file (the page's
    // comment form has `onsubmit`) against the extension page's policy, even in DOMParser's inert
    // document where nothing can run; the message says the handler was blocked. Those are the
    // file's, not the extension's: anything else is an error.
    const fromFile =
      /^console: Executing inline event handler violates .* The action has been blocked\./;
    expect(errors.filter((error) => !fromFile.test(error))).toEqual([]);
    await page.close();
  });

  test('empty input: a clear message, no error, nothing checked', async () => {
    const { page, errors } = await openCheckPage();
    await clickElement(page, CHECK_BUTTON);
    await waitForElement(page, '[role="status"]', { text: messages.checkEmptyTitle!.message });
    expect(await textsOf(page, '.status-body')).toEqual([messages.checkEmptyBody!.message]);
    expect(await countOf(page, '[role="alert"]')).toBe(0);
    expect(await countOf(page, '.report')).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector('textarea')?.getAttribute('aria-invalid')),
    ).toBe('true');
    await screenshot(page, 'check-page-empty-input');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('from the keyboard: type, Ctrl+Enter, and the report appears', async () => {
    const { page, errors } = await openCheckPage();
    // The box has the focus when the page opens.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-text');
    await page.keyboard.type(
      'Trump is still waiting to hear whether Putin will sign up to a 30-day truce.',
    );
    await page.keyboard.press('Control+Enter');
    await waitForElement(page, '.claim');
    // Tab reaches the Check button after the box.
    await page.evaluate(() => document.querySelector('textarea')?.focus());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      messages.checkButton!.message,
    );
    // Light and dark, both readable (axe-core), both really applied.
    const backgrounds: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.setColorScheme(scheme);
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await screenshot(page, `check-page-${scheme}`);
      const blocking = (await axeViolations(page)).filter((v) =>
        BLOCKING_IMPACTS.includes(v.impact ?? ''),
      );
      expect(blocking).toEqual([]);
    }
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a text over the cap says what was cut, and the report covers the rest only', async () => {
    const { page, errors } = await openCheckPage();
    const text = readFileSync(EXAMPLE, 'utf8').repeat(45);
    expect(text.length).toBeGreaterThan(MAX_CHECK_CHARS);
    await fillElement(page, 'textarea', text);
    await clickElement(page, CHECK_BUTTON);
    await waitForElement(page, '.cut-note', {}, 30_000);
    const { checked, rest } = cutForCheck(text);
    const format = (n: number) => n.toLocaleString('en');
    expect(await textOf(page, '.cut-note')).toContain(
      `The last ${format(rest.length)} characters, from “${rest.trim().split(/\s+/).slice(0, 8).join(' ')}…”, were not checked.`,
    );
    const expected = engine().check(checked, { detected: true });
    expect(await textOf(page, '.summary')).toContain(
      `${expected.summary.matched} of ${expected.summary.sentences}`,
    );
    await screenshot(page, 'check-page-cut');
    // "Select the part not checked" selects exactly the rest in the box.
    await clickElement(page, '.cut-note button');
    const selected = await page.evaluate(() => {
      const el = document.querySelector('textarea')!;
      return { start: el.selectionStart, end: el.selectionEnd };
    });
    expect(selected).toEqual({ start: checked.length, end: text.length });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('"Cross-check selection"', () => {
  test('the page checks the selection, highlights it, and the report opens in a tab', async () => {
    const { page, tabId } = await openTab(session, PAGES.meridian);
    await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
    // Three paragraphs of the article, selected as a reader would.
    const selected = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.article-body p')].slice(1, 4);
      const range = document.createRange();
      range.setStartBefore(paragraphs[0]!);
      range.setEndAfter(paragraphs[2]!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return {
        blocks: paragraphs.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()),
        browserText: selection.toString(),
      };
    });
    const report = await clickSelectionMenu(session, tabId, {
      selectionText: selected.browserText,
      pageUrl: page.url(),
    });
    const reportUrl = await locationOf(report);
    expect(reportUrl.pathname).toBe('/popup.html');
    expect(reportUrl.searchParams.get('tab')).toBe(String(tabId));

    const state = await waitForTabState(session, page, tabId, (s) => s.scope === 'selection');
    // Judged with the article it was selected in (the page's article text as the extension reads
    // it), so each sentence is matched as in the article's own report.
    const expected = engine().check(selected.blocks.join('\n\n'), {
      detected: false,
      context: meridianArticleText(),
    });
    expect(expected.summary.matched).toBeGreaterThan(0);
    expect(state.report?.sentences.map((s) => textKey(s.text))).toEqual(
      expected.sentences.map((s) => textKey(s.text)),
    );
    expect(await shownListing(report)).toEqual(listingOf(expected));
    expect(await textOf(report, '.report-title')).toBe(`Text selected on ${PAGES.meridian.host}`);
    expect(await textOf(report, '.scope-note')).toBe(messages.reportScopeSelection!.message);
    // Three matched sentences of four cannot show whether the selection retells Reuters; the
    // article it was selected from does, and places it.
    expect(await textOf(report, '.echo-page-note')).toBe(
      messages.echoPageInGroup!.message.replace('$GROUP$', 'Reuters'),
    );
    await screenshot(report, 'selection-report', { fullPage: true });

    // On the page, the sentences of the selection that other outlets reported, and only those.
    const matched = expected.sentences.filter((s) => s.matches.length > 0);
    await expect
      .poll(async () => (await sentenceHighlights(page)).map((h) => textKey(h.text)).sort())
      .toEqual(matched.map((s) => textKey(s.text)).sort());
    await page.bringToFront();
    await page.evaluate(() => {
      getSelection()?.removeAllRanges();
      document.querySelectorAll('.article-body p')[2]?.scrollIntoView({ block: 'center' });
    });
    await screenshot(page, 'selection-highlights');

    // "Check the whole page" goes back to the article.
    await report.bringToFront();
    await clickElement(report, 'button', { text: messages.buttonCheckWholePage!.message });
    await waitForTabState(session, page, tabId, (s) => s.scope === 'article');
    await report.waitForFunction(() => document.querySelector('.scope-note') === null);
    await report.close();
    await page.close();
  });

  test('a selection the page cannot check (in a form field) opens the check page with its text', async () => {
    const { page, tabId } = await openTab(session, PAGES.thread);
    await waitForTabState(session, page, tabId);
    const text = readFileSync(THREAD_POSTS, 'utf8').split('\n')[1]!;
    const check = await clickSelectionMenu(session, tabId, {
      selectionText: text,
      pageUrl: page.url(),
      editable: true,
    });
    expect((await locationOf(check)).pathname).toBe('/check.html');
    await check.waitForFunction(
      (expected) => document.querySelector('textarea')?.value === expected,
      text,
    );
    const expected = engine().check(text, { detected: false });
    expect(await shownListing(check)).toEqual(listingOf(expected));
    expect(await textOf(check, '.check-notes')).toContain(PAGES.thread.host);
    // The page's own state is untouched: it was not checked.
    expect((await tabState(session, tabId))?.status).toBe('not-article');
    await screenshot(check, 'selection-check-page');
    await check.close();
    await page.close();
  });
});

test('"Check this page anyway" where no article is found checks the visible text, and says so', async () => {
  const { page, tabId } = await openTab(session, PAGES.thread);
  expect((await waitForTabState(session, page, tabId)).status).toBe('not-article');
  const popup = await openPopup(session, tabId, { viewport: { width: 420, height: 600 } });
  await clickElement(popup, 'button', { text: messages.buttonCheckAnyway!.message });
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  expect(state.scope).toBe('page');
  await expect.poll(() => textOf(popup, '.scope-note')).toBe(messages.reportScopePage!.message);
  // The posts' claims are found as the engine finds them in the posts themselves.
  const posts = readFileSync(THREAD_POSTS, 'utf8')
    .trim()
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').slice(1).join(' '));
  const expected = engine().check(posts.join('\n\n'), { detected: false });
  const claims = (report: Pick<ArticleReport, 'sentences'>) =>
    report.sentences.filter((s) => s.matches.length > 0).map((s) => textKey(s.text));
  expect(claims(expected).length).toBeGreaterThan(0);
  expect(claims(state.report!)).toEqual(claims(expected));
  await expect
    .poll(async () => (await sentenceHighlights(page)).map((h) => textKey(h.text)).sort())
    .toEqual([...claims(expected)].sort());
  await screenshot(popup, 'popup-page-text');
  await page.bringToFront();
  await screenshot(page, 'thread-highlights');
  await popup.close();
  await page.close();
});
