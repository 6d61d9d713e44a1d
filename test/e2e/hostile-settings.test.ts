// Damaged and old-format settings in storage.local (as a crash mid-write, a hand edit or an older
// build leaves them): every part of the extension that reads them afterwards (the options page,
// the popup, the content script on a new page) works, every field that can be read keeps its
// value, the rest fall back to defaults, and the next change stores clean settings without
// losing what was kept.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, MAX_HIDDEN_MATCHES } from '../../src/shared/settings';
import {
  attributeOf,
  clickElement,
  openExtensionPage,
  openPopup,
  screenshot,
  storedSettings,
  textsOf,
  waitForElement,
  waitForTabState,
  type Session,
  type TestPage,
} from './harness';
import {
  openHostilePage,
  probeHighlights,
  startHostileSession,
  writeStoredSettings,
} from './hostile-support';

/** What the settings must read as, in the options page's terms. */
interface Shown {
  autoDetect: boolean;
  highlights: boolean;
  highlightStyle: 'marker' | 'underline';
  disabledSites: string[];
  minChance: number;
  /** How many matches the options page says are marked "not the same claim". */
  hidden: number;
}

const DEFAULTS: Shown = {
  autoDetect: true,
  highlights: true,
  highlightStyle: 'marker',
  disabledSites: [],
  minChance: 0.5,
  hidden: 0,
};

let session: Session;

beforeAll(async () => {
  session = await startHostileSession();
});

afterAll(async () => {
  await session?.close();
});

/** The count in the options page's line on hidden matches ("No match is hidden", "1 match…"). */
function hiddenShown(line: string): number {
  if (line.startsWith('No match')) return 0;
  const count = /^(\d+) match/.exec(line);
  return count ? Number(count[1]) : -1;
}

/**
 * What the options page shows: the two switches, the chosen style, the disabled sites, how sure a
 * match must be.
 */
async function optionsShow(): Promise<{ page: TestPage; shown: Shown }> {
  const page = await openExtensionPage(session, 'options.html');
  await waitForElement(page, 'input[type="checkbox"]');
  const boxes = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
      (b) => b.checked,
    ),
  );
  const shown: Shown = {
    autoDetect: boxes[0]!,
    highlights: boxes[1]!,
    highlightStyle: (await attributeOf(
      page,
      'input[name="highlight-style"]:checked',
      'value',
    )) as Shown['highlightStyle'],
    disabledSites: await textsOf(page, '.site > span'),
    minChance: Number(await attributeOf(page, 'input[name="min-chance"]:checked', 'value')),
    hidden: hiddenShown((await textsOf(page, '.hidden-matches'))[0] ?? ''),
  };
  return { page, shown };
}

test.each<[string, unknown, Shown]>([
  [
    'every field damaged, with a few valid sites among junk',
    {
      autoDetect: 'yes',
      highlights: 'false',
      highlightStyle: 42,
      disabledSites: [
        'shadow.test',
        17,
        null,
        '<script>alert(1)</script>',
        'a'.repeat(300),
        'WWW.Nested.Test.',
      ],
      unknownField: { deep: [1, 2, 3] },
      minChance: { strict: true },
      hiddenMatches: ['1x2y:2s', 7, '<b>x</b>', null, '1x2y:2s', 'zz9:1k'],
    },
    {
      autoDetect: true,
      highlights: false,
      highlightStyle: 'marker',
      disabledSites: ['shadow.test', 'nested.test'],
      minChance: 0.5,
      hidden: 2,
    },
  ],
  [
    'an older build\'s format (highlightsEnabled, "background" style, a map of sites)',
    {
      highlightsEnabled: false,
      highlightStyle: 'background',
      disabledSites: { 'shadow.test': true, 'frames.test': false },
    },
    {
      autoDetect: true,
      highlights: false,
      highlightStyle: 'marker',
      disabledSites: ['shadow.test'],
      minChance: 0.5,
      hidden: 0,
    },
  ],
  [
    'sites as one comma-separated string, style in capitals, strictness as text',
    {
      autoDetect: 0,
      highlightStyle: ' UNDERLINE ',
      disabledSites: 'shadow.test, nested.test\neditable.test',
      minChance: '0.85',
    },
    {
      autoDetect: false,
      highlights: true,
      highlightStyle: 'underline',
      disabledSites: ['shadow.test', 'nested.test', 'editable.test'],
      minChance: 0.85,
      hidden: 0,
    },
  ],
  ['a string instead of an object', 'corrupted{"autoDetect":false', DEFAULTS],
  ['an array instead of an object', [false, false, 'underline'], DEFAULTS],
  ['null', null, DEFAULTS],
])(
  '%s: options, popup and pages work, valid parts are kept, the rest is default',
  async (name, garbage, expected) => {
    // Every part of the extension reads the settings afresh: the pages opened from here on start
    // on the damaged value, as after a browser restart or an update.
    await writeStoredSettings(session, garbage);

    // The options page shows what could be read.
    const { page: options, shown } = await optionsShow();
    expect(shown).toEqual(expected);
    await screenshot(options, `hostile-settings-${name.split(/\W+/)[0]}-options`, {
      fullPage: true,
    });

    // The page and the popup follow the same reading.
    const host = 'shadow.test';
    const { page, tabId, errors } = await openHostilePage(session, host);
    const disabled = expected.disabledSites.includes(host);
    const state = await waitForTabState(session, page, tabId);
    if (disabled) expect(state.status).toBe('disabled');
    else if (!expected.autoDetect) expect(state.status).toBe('auto-off');
    else {
      expect(state.status).toBe('ready');
      await page.waitForTimeout(500);
      const count = (await probeHighlights(session, page)).length;
      if (expected.highlights) expect(count).toBeGreaterThan(0);
      else expect(count).toBe(0);
    }
    const popup = await openPopup(session, tabId);
    await expect
      .poll(() => attributeOf(popup, '[role="switch"]', 'aria-checked'))
      .toBe(String(expected.highlights));
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();

    // One change through the options page stores clean settings and keeps the rest.
    await clickElement(options, 'input[type="checkbox"]');
    // The library's settings, absent from every damaged value, are stored at their defaults.
    const { keepArticles, keepExcludedSites } = DEFAULT_SETTINGS;
    // The marks on hidden matches are stored as keys; the options page gives their count.
    const stored = async () => {
      const found = await storedSettings(session);
      if (!found) return found;
      const { hiddenMatches, ...rest } = found;
      return { ...rest, hidden: Array.isArray(hiddenMatches) ? hiddenMatches.length : -1 };
    };
    await expect
      .poll(stored)
      .toEqual({ ...expected, keepArticles, keepExcludedSites, autoDetect: !expected.autoDetect });
    await options.close();
  },
);

test('lists of 100,000 sites and hidden matches are cut to bounded lists, and the options page still opens', async () => {
  const sites = Array.from({ length: 100_000 }, (_, i) => `site-${i}.example`);
  await writeStoredSettings(session, {
    autoDetect: true,
    highlights: true,
    highlightStyle: 'marker',
    disabledSites: sites,
    hiddenMatches: Array.from({ length: 100_000 }, (_, i) => `k${i.toString(36)}:1`),
  });
  const started = Date.now();
  const { page, shown } = await optionsShow();
  console.log(
    `options page with 100,000 stored sites: ${shown.disabledSites.length} listed, open in ${Date.now() - started} ms`,
  );
  expect(shown.disabledSites.length).toBeGreaterThan(0);
  expect(shown.disabledSites.length).toBeLessThanOrEqual(1_000);
  expect(shown.disabledSites[0]).toBe('site-0.example');
  // Of 100,000 marks on hidden matches, the newest are kept, up to the bound.
  expect(shown.hidden).toBe(MAX_HIDDEN_MATCHES);
  await page.close();
});
