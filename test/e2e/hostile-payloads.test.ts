// Markup and script payloads are data, never code. The article text of a page carries payloads
// (`<img onerror>`, `</script><script>`, `javascript:`, `<svg onload>`, `<iframe>`, template
// injections) inside sentences other outlets also made; the extension runs on a corpus whose outlet
// names, texts and links carry payloads too. The popup, the full report, the options page and the
// hover card must show every payload as text: no element from a payload, no link that is not
// http(s), no trace that a payload ran, no request one would make.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCorpus } from '../../src/cli/read-corpus';
import { compileCorpus } from '../../src/core/corpus';
import type { TabState } from '../../src/shared/messages';
import {
  clickElement,
  openExtensionPage,
  openPopup,
  screenshot,
  tabIdOf,
  visibleHoverCard,
  waitForElement,
  waitForTabState,
  type Session,
  type TestPage,
} from './harness';
import {
  BEACON_PREFIX,
  beaconRequests,
  copyExtension,
  hoverCardOverflow,
  hoverHighlight,
  payloadTrace,
  probeHighlights,
  RAN_ATTRIBUTE,
  recordErrors,
  startHostileSession,
} from './hostile-support';
import { ROOT } from './support/chromium.mjs';

const ran = (label: string) =>
  `document.documentElement.setAttribute('${RAN_ATTRIBUTE}','${label}')`;

/** Payloads put into the corpus: outlet names, report texts, report links. */
const CORPUS_PAYLOADS = {
  outletImg: `<img src=${BEACON_PREFIX}outlet onerror="${ran('outlet')}">`,
  outletScript: `</script><script>${ran('outlet-script')}</script>`,
  textImg: `<img src=${BEACON_PREFIX}corpus-text onerror="${ran('corpus-text')}">`,
  jsUrl: `javascript:${ran('url')}`,
  dataUrl: `data:text/html,<script>${ran('data-url')}</script>`,
  mixedCaseJsUrl: ` JaVaScRiPt:${ran('url-case')}`,
};

/** Page payloads that must appear, as text, in the popup's listing of the page's sentences. */
const PAGE_PAYLOAD_TEXTS = [
  `<img src=${BEACON_PREFIX}img onerror=`,
  `</script><script>`,
  `javascript:${ran('js')}`,
  `<svg onload=`,
  `<iframe src="${BEACON_PREFIX}iframe"`,
];

const PAGE = { host: 'payloads.test', path: '/' };

let session: Session;
let extension: { dir: string; remove(): void };
let hostileOutlet = '';

/** Inserts `insert` after the sixth space of every long enough line. */
function salt(text: string, insert: string): string {
  return text
    .split('\n')
    .map((line) => {
      let at = -1;
      for (let i = 0; i < 6; i++) {
        at = line.indexOf(' ', at + 1);
        if (at < 0) return line;
      }
      return `${line.slice(0, at + 1)}${insert} ${line.slice(at + 1)}`;
    })
    .join('\n');
}

beforeAll(async () => {
  const { story, inputs } = readCorpus(path.join(ROOT, 'assets/corpus'));
  const [, yourNews, truther, , eawaz] = inputs;
  hostileOutlet = `${yourNews!.meta.outlet} ${CORPUS_PAYLOADS.outletImg}`;
  yourNews!.meta = { ...yourNews!.meta, outlet: hostileOutlet, url: CORPUS_PAYLOADS.jsUrl };
  yourNews!.text = salt(yourNews!.text, CORPUS_PAYLOADS.textImg);
  truther!.meta = { ...truther!.meta, url: CORPUS_PAYLOADS.dataUrl };
  eawaz!.meta = {
    ...eawaz!.meta,
    outlet: `${eawaz!.meta.outlet} ${CORPUS_PAYLOADS.outletScript}`,
    url: CORPUS_PAYLOADS.mixedCaseJsUrl,
  };
  const index = compileCorpus(inputs, story);
  extension = copyExtension((dir) => {
    writeFileSync(path.join(dir, 'corpus/index.json'), JSON.stringify(index));
  });
  session = await startHostileSession({ extensionDir: extension.dir });
});

afterAll(async () => {
  await session?.close();
  extension?.remove();
});

/** What an extension page shows, and everything in it a payload could have become. */
async function extensionPageMarkup(page: TestPage) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.sr-only').forEach((n) => n.remove());
    const elements = Array.from(document.querySelectorAll('*'));
    return {
      text: (clone.textContent ?? '').replace(/\s+/g, ' '),
      images: Array.from(document.images).map((img) => img.getAttribute('src')),
      scripts: Array.from(document.scripts).map((s) => s.getAttribute('src')),
      foreign: elements.filter((el) =>
        ['IFRAME', 'SVG', 'OBJECT', 'EMBED'].includes(el.tagName.toUpperCase()),
      ).length,
      handlers: elements.flatMap((el) =>
        el.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
      links: Array.from(document.querySelectorAll('a[href]')).map(
        (a) => a.getAttribute('href') ?? '',
      ),
      ran: document.documentElement.getAttribute('data-hostile-ran'),
    };
  });
}

/**
 * Checks an extension page's markup: payloads only as text, links only to the web (or to the
 * extension's own library and check pages, which the popup and the options page link to).
 */
function expectInert(markup: Awaited<ReturnType<typeof extensionPageMarkup>>) {
  // The extension's own logo is the only image; its own bundle the only scripts.
  expect(markup.images.every((src) => src?.startsWith('icons/'))).toBe(true);
  expect(markup.scripts.every((src) => src !== null && /^[\w-]+\.js$/.test(src))).toBe(true);
  expect(markup.foreign).toBe(0);
  expect(markup.handlers).toEqual([]);
  for (const href of markup.links)
    expect(href).toMatch(/^(?:https?:\/\/|library\.html$|check\.html$)/);
  expect(markup.ran).toBeNull();
}

test('payloads in the article and the corpus stay text in the popup, the hover card and the options page', async () => {
  const page = await session.driver.newPage();
  const errors = recordErrors(page);
  await page.goto(session.site.url(PAGE.host, PAGE.path));
  const tabId = await tabIdOf(session, page);
  const state: TabState = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');

  // The payload sentences were matched, so every view below has to show them.
  const matched = state.report!.sentences.filter((s) => s.matches.length > 0);
  for (const payload of PAGE_PAYLOAD_TEXTS) {
    expect(
      matched.some((s) => s.text.includes(payload)),
      payload,
    ).toBe(true);
  }
  const hostileMatches = matched.filter((s) => s.matches.some((m) => m.outlet === hostileOutlet));
  expect(hostileMatches.length).toBeGreaterThan(0);
  expect(hostileMatches[0]!.matches.find((m) => m.outlet === hostileOutlet)!.text).toContain(
    CORPUS_PAYLOADS.textImg,
  );
  await expect.poll(async () => (await probeHighlights(session, page)).length).toBe(matched.length);

  // The popup (the same view as the full report).
  const popup = await openPopup(session, tabId, { viewport: { width: 420, height: 600 } });
  await waitForElement(popup, '.claim');
  const markup = await extensionPageMarkup(popup);
  expectInert(markup);
  for (const payload of [
    ...PAGE_PAYLOAD_TEXTS,
    CORPUS_PAYLOADS.outletImg,
    CORPUS_PAYLOADS.textImg,
  ]) {
    expect(markup.text, payload).toContain(payload);
  }
  // Long unbreakable payloads wrap instead of widening the popup.
  // (Against the width inside the scrollbar: Firefox's takes room, headless Chromium's does not.)
  expect(
    await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
  await screenshot(popup, 'hostile-payloads-popup');
  await screenshot(popup, 'hostile-payloads-popup-full', { fullPage: true });

  // Clicking the claim that contains a real javascript: link scrolls and flashes, nothing else.
  const urlBefore = page.url();
  await clickElement(popup, '.claim-sentence', { text: 'Crimea' });
  await expect
    .poll(async () =>
      (await probeHighlights(session, page)).some((h) => h.name === 'crosscheck-flash'),
    )
    .toBe(true);
  expect(page.url()).toBe(urlBefore);
  await popup.close();

  // The hover card over a sentence the hostile outlet also made.
  await page.bringToFront();
  const target = await hoverHighlight(session, page, hostileMatches[0]!.text);
  expect(target).not.toBeNull();
  await expect.poll(() => visibleHoverCard(session, page), { timeout: 5_000 }).not.toBeNull();
  const card = (await visibleHoverCard(session, page))!;
  // Escaped in the serialised card: the payloads are text nodes.
  expect(card).toContain('&lt;img src=/beacon/outlet');
  expect(card).toContain('&lt;img src=/beacon/corpus-text');
  expect(card).not.toMatch(/<(img|script|svg|iframe|object|embed)\b/i);
  // Inside tags only: the payloads' own text says "onerror=" and must.
  expect(card).not.toMatch(/<a\b[^>]*\shref="(?!https?:)/i);
  expect(card).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(await hoverCardOverflow(session, page)).toBe(0);
  await screenshot(page, 'hostile-payloads-hover-card');

  // A click pins the card; the page's own javascript: link is never followed.
  await page.mouse.click(target!.x, target!.y);
  await page.waitForTimeout(300);
  expect(page.url()).toBe(urlBefore);

  // The options page lists the corpus, hostile outlet names and links included.
  const options = await openExtensionPage(session, 'options.html');
  await options.waitForFunction((text) => document.body.textContent?.includes(text), hostileOutlet);
  const optionsMarkup = await extensionPageMarkup(options);
  expectInert(optionsMarkup);
  expect(optionsMarkup.text).toContain(CORPUS_PAYLOADS.outletImg);
  expect(optionsMarkup.text).toContain(CORPUS_PAYLOADS.outletScript);
  await screenshot(options, 'hostile-payloads-options', { fullPage: true });
  await options.close();

  // Nothing ran anywhere, nothing was requested, nothing was thrown.
  expect(await payloadTrace(session, page)).toBeNull();
  expect(beaconRequests(session)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
