// Real news pages (Mozilla Readability's test pages, test/fixtures/readability/) read by the
// content script in the browser, for the pages where the browser's path differs from the command
// line's: the browser parses inline SVG styles that happy-dom cannot (cnet), treats <noscript>
// content as text where happy-dom builds elements from it (medicalnewstoday, whose consent banner
// sits in one), and reads a long feature a slice at a time (lazy-image-2). Each page is served as
// saved, its own scripts blocked by its Content-Security-Policy, nothing fetched from elsewhere.
// CROSSCHECK_REAL_PAGES=all runs every page of the suite.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedText, REAL_PAGES } from '../content/real-pages/pages';
import { wordF1 } from '../content/real-pages/word-f1';
import {
  isAllowedUrl,
  launchDriver,
  openPopup,
  openTab,
  screenshot,
  startBrowser,
  textsOf,
  waitForElement,
  waitForTabState,
  type Session,
} from './harness';
import { startSiteServer } from './support/site-server.mjs';

/** The same bar as the command line's suite (test/content/real-pages/real-pages.test.ts). */
const MIN_WORD_F1 = 0.9;

/** The fixture host the saved pages are served from. */
const HOST = 'readability.test';

/** Pages whose reading in the browser differs from the command line's (see the top). */
const BROWSER_PAGES = ['cnet', 'medicalnewstoday', 'lazy-image-2'];

/** Pages that are rightly not taken for an article (see DIFFERS_ON_PURPOSE of the CLI suite). */
const NOT_ARTICLES = new Set(['nytimes-5']);

const slugs =
  process.env.CROSSCHECK_REAL_PAGES === 'all'
    ? REAL_PAGES.map((page) => page.slug).filter((slug) => !NOT_ARTICLES.has(slug))
    : BROWSER_PAGES;

let session: Session;

beforeAll(async () => {
  const routes = Object.fromEntries(
    REAL_PAGES.map(({ slug }) => [
      `${HOST}/${slug}`,
      (_req: unknown, res: import('node:http').ServerResponse) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          // The page's own scripts ran when it was saved; here they would only fail or redirect.
          'content-security-policy': "script-src 'none'",
          'cache-control': 'no-store',
        });
        res.end(
          readFileSync(new URL(`../fixtures/readability/${slug}/source.html`, import.meta.url)),
        );
      },
    ]),
  );
  const site = await startSiteServer({ routes });
  // No recording proxy: the saved pages ask for their ads, images and fonts, and those requests
  // fail at once (every host but the fixture site's resolves nowhere or to 127.0.0.1, where
  // nothing answers for them). Nothing leaves the machine.
  session = await startBrowser(site, () => launchDriver());
});

afterAll(async () => {
  // The pages' own requests are refused (see above), so the harness's check that nothing leaves
  // the browser would name them. The extension's own requests are checked here instead:
  // everything the extension origin asked for; test/e2e/privacy.test.ts checks the extension
  // everywhere.
  const fromExtension = session.requests.filter(
    (r) =>
      (r.from.startsWith('service worker') || r.from.includes(session.extensionOrigin)) &&
      !isAllowedUrl(session, r.url),
  );
  await session.close();
  expect(fromExtension).toEqual([]);
});

describe('real news pages in the browser', () => {
  test.each(slugs)('%s: detected, and its article read as Readability reads it', async (slug) => {
    const { page, tabId } = await openTab(session, { host: HOST, path: `/${slug}` });
    const state = await waitForTabState(
      session,
      page,
      tabId,
      (s) => s.status !== 'ready' || s.report !== null,
    );
    expect(state.status).toBe('ready');
    expect(state.report!.article.detected).toBe(true);
    expect(state.scope).toBe('article');
    const text = state.report!.sentences.map((s) => s.text).join('\n');
    const score = wordF1(await expectedText(slug), text);
    console.log(
      `${slug}: F1 ${score.f1.toFixed(3)} (P ${score.precision.toFixed(3)}, R ${score.recall.toFixed(3)}), ${state.report!.sentences.length} sentences`,
    );
    expect(text).not.toMatch(/would like to process and share personal data|skip to main content/i);
    expect(score.f1).toBeGreaterThanOrEqual(MIN_WORD_F1);
    if (slug === 'medicalnewstoday') {
      // What the reader sees: the article's title and its sentences, no consent text.
      const popup = await openPopup(session, tabId, { viewport: { width: 420, height: 600 } });
      await waitForElement(popup, '.report-title');
      expect((await textsOf(popup, '.report-title')).join(' ')).toMatch(/a-ha|unconscious/i);
      await screenshot(popup, `real-page-${slug}-popup`);
      await popup.close();
    }
    await page.close();
  });
});
