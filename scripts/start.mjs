// `npm start`: builds the extension, serves the fixture news site on 127.0.0.1 and opens Chromium
// (or Firefox, with --browser firefox) with the extension loaded on a news page that retells the
// corpus story in its own words. With no display (no DISPLAY / WAYLAND_DISPLAY, or in CI) it runs
// headless instead: it saves screenshots of the page and the popup, prints where they are and the
// page's report, and exits.
// Usage: npm start [-- --browser chromium|firefox] [-- --headless] [-- --page <URL path on meridianpost.test>]
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXTENSION_DIR, launchWithExtension, ROOT } from '../test/e2e/support/chromium.mjs';
import { popupPath, waitForTabState } from '../test/e2e/support/extension.mjs';
import { launchFirefoxWithExtension } from '../test/e2e/support/firefox.mjs';
import { startSiteServer } from '../test/e2e/support/site-server.mjs';

const DEMO_HOST = 'meridianpost.test';
const DEMO_PATH = '/world/2025/mar/14/russia-demands-ceasefire-talks';
const OUT_DIR = path.join(ROOT, 'test-results/demo');
// The popup's width in the toolbar (Chromium allows up to 800 px); the screenshot shows it at that size.
const POPUP_VIEWPORT = { width: 420, height: 600 };
// Time for the page's highlights to be painted after the background answered.
const PAINT_MS = 500;

/** Other pages of the fixture site worth opening by hand. */
const MORE_PAGES = [
  [
    'cnewslive.test',
    '/news/29835/russia-presents-us-with-demands-for-ending-ukraine-war-and-resetting-relations-aj',
  ],
  [
    'eawaz.test',
    '/usa-news/putins-conditions-without-which-there-is-no-truce-trump-is-waiting-for-an-answer-to-a-key-question/',
  ],
  ['newsline.test', '/story/russia-demands'],
  ['meridianpost.test', '/sport/2025/mar/15/harbour-city-rovers-derby'],
  ['meridianpost.test', '/'],
];

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function build() {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

/** The page's report as text: summary, outlets, then each matched sentence with the others' wording. */
function describeReport(state) {
  const report = state.report;
  if (state.status !== 'ready' || !report)
    return `Not checked: ${state.status}${state.error ? ` (${state.error})` : ''}`;
  const lines = [
    `Title: ${report.article.title ?? '(none)'}`,
    `Detected as a news article: ${report.article.detected ? 'yes' : 'no'}`,
    `Corpus report of its own: ${report.self ? report.self.outlet : 'none (an outlet outside the corpus)'}`,
    `${report.summary.matched} of ${report.summary.sentences} sentences also reported by other outlets`,
    `Outlets: ${report.summary.outlets.map((o) => `${o.outlet} (${o.sentences})`).join(', ') || 'none'}`,
  ];
  const provenance = report.provenance;
  if (provenance) {
    const groups = provenance.groups.map(
      (g) => `${g.origin ?? '(no source named)'}: ${g.members.map((m) => m.outlet).join(', ')}`,
    );
    lines.push(
      `Echo groups, computed from the texts: ${groups.join('; ')}`,
      `The page's group: ${provenance.pageGroup ?? 'none (an independent report)'}`,
    );
  }
  let n = 0;
  for (const sentence of report.sentences) {
    if (sentence.matches.length === 0) continue;
    n += 1;
    const independent =
      sentence.independent === undefined ? '' : ` [${sentence.independent} independent]`;
    lines.push('', `${n}. ${sentence.text}${independent}`);
    for (const match of sentence.matches) {
      lines.push(`   - ${match.outlet} [${match.tier}]: ${match.text}`, `     ${match.url}`);
    }
  }
  return lines.join('\n');
}

/* global chrome -- the extension's global, in functions run through inExtension */

/** Chromium under playwright-core, behind the few operations the demo needs. */
async function openChromium(headless) {
  const browser = await launchWithExtension({
    headless,
    extensionDir: EXTENSION_DIR,
    viewport: headless ? undefined : null,
  });
  const worker = () =>
    browser.context.serviceWorkers().find((w) => w.url().startsWith(browser.extensionOrigin)) ??
    browser.serviceWorker;
  return {
    name: 'Chromium',
    hint: 'Pin Crosscheck in the toolbar (puzzle icon) and click it for the list of outlets.',
    async openPage(url) {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(url);
      return page;
    },
    inExtension: (fn, arg) => worker().evaluate(fn, arg),
    // Without the `tabs` permission a tab is found as the active one.
    async tabIdOf(page) {
      await page.bringToFront();
      return worker().evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
    },
    async openReport(tabId, viewport) {
      const report = await browser.context.newPage();
      if (viewport) await report.setViewportSize(viewport);
      await report.goto(`${browser.extensionOrigin}/${popupPath(tabId)}`);
      return report;
    },
    closed: () => new Promise((resolve) => browser.context.on('close', resolve)),
    close: () => browser.close(),
  };
}

/** Firefox under puppeteer-core over WebDriver BiDi, behind the same operations. */
async function openFirefox(headless) {
  const firefox = await launchFirefoxWithExtension({
    headless,
    viewport: headless ? undefined : null,
  });
  // Firefox's background page is not reachable over BiDi; an extension page has the same API.
  let apiPage = null;
  const extensionPage = () =>
    (apiPage ??= firefox.openExtensionTab('options.html', { background: true }));
  return {
    name: 'Firefox',
    hint: 'Click the Crosscheck button in the toolbar for the list of outlets.',
    async openPage(url) {
      const page = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    inExtension: async (fn, arg) => (await extensionPage()).evaluate(fn, arg),
    async tabIdOf(page) {
      await page.bringToFront();
      return firefox.tabIdOf(page);
    },
    // The extension's pages cannot be navigated to over BiDi; the browser window opens them.
    async openReport(tabId, viewport) {
      const report = await firefox.openExtensionTab(popupPath(tabId));
      if (viewport) await report.setViewport(viewport);
      return report;
    },
    closed: () => new Promise((resolve) => firefox.browser.on('disconnected', resolve)),
    close: () => firefox.close(),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const forceHeadless = process.argv.includes('--headless');
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
  const headless = forceHeadless || !hasDisplay;
  const pagePath = argValue('--page') ?? DEMO_PATH;
  const browserName = argValue('--browser') ?? 'chromium';
  if (!['chromium', 'firefox'].includes(browserName)) {
    throw new Error(`--browser takes chromium or firefox, not ${browserName}`);
  }

  console.log('Building…');
  build();
  const site = await startSiteServer();
  let browser;
  try {
    browser = await (browserName === 'firefox' ? openFirefox(headless) : openChromium(headless));
  } catch (error) {
    await site.close();
    throw error;
  }
  const shutdown = async () => {
    await browser.close();
    await site.close();
  };
  try {
    const url = site.url(DEMO_HOST, pagePath);
    const page = await browser.openPage(url);
    const tabId = await browser.tabIdOf(page);

    if (!headless) {
      // The report opens full-size in a second tab (as "Open full report" does) and follows the
      // page's check as it completes; the page stays in front.
      await browser.openReport(tabId);
      await page.bringToFront();
      console.log(`\n${browser.name} is open on ${url} (its report in the second tab).`);
      console.log(browser.hint);
      console.log('More pages of the fixture site:');
      for (const [host, p] of MORE_PAGES) console.log(`  ${site.url(host, p)}`);
      console.log('\nClose the browser window (or press Ctrl+C) to stop.');
      await new Promise((resolve) => {
        browser.closed().then(resolve);
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      return;
    }

    const state = await waitForTabState(
      browser.inExtension,
      page,
      tabId,
      (s) => s.status !== 'ready' || s.report !== null,
    );
    await sleep(PAINT_MS);
    const outDir = path.join(OUT_DIR, browserName);
    await mkdir(outDir, { recursive: true });
    const pageShot = path.join(outDir, 'page.png');
    await writeFile(pageShot, await page.screenshot({ fullPage: true }));
    const popup = await browser.openReport(tabId, POPUP_VIEWPORT);
    await sleep(PAINT_MS);
    // As the toolbar popup shows it, then the whole report as "Open full report" shows it.
    const popupShot = path.join(outDir, 'popup.png');
    await writeFile(popupShot, await popup.screenshot());
    const reportShot = path.join(outDir, 'popup-full.png');
    await writeFile(reportShot, await popup.screenshot({ fullPage: true }));

    console.log(`\nNo display: ran ${browser.name} headless on ${url}`);
    const shots = [pageShot, popupShot, reportShot].map((file) => `  ${path.relative(ROOT, file)}`);
    console.log(`Screenshots:\n${shots.join('\n')}\n`);
    console.log(describeReport(state));
  } finally {
    await shutdown();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
