// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import type { CorpusHit } from '../../src/core/corpus-search';
import type { ReportMeta } from '../../src/core/types';
import type { OptionsClient } from '../../src/options/client';
import { SEARCH_DEBOUNCE_MS } from '../../src/options/corpus-search-view';
import { OptionsApp } from '../../src/options/options-app';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import type { CorpusInfo, Result } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const reports: ReportMeta[] = [
  {
    id: 'cnews',
    file: 'a.txt',
    outlet: 'CNews Live English',
    site: 'cnews.example',
    url: 'https://cnews.example/a',
    title: 'Russia presents US with demands',
    published: '2025-03',
    origin: 'Reuters report',
  },
  {
    id: 'yournews',
    file: 'b.txt',
    outlet: 'yourNEWS',
    site: 'yournews.example',
    url: 'javascript:alert(1)',
    title: null,
    published: '2025-03',
    origin: 'Reuters report',
  },
];

function stubClient(
  corpus: Result<CorpusInfo>,
  initial: Partial<Settings> = {},
  search: (query: string) => Promise<Result<CorpusHit[]>> = async () => ({ ok: true, value: [] }),
) {
  let settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], ...initial };
  return {
    settings: vi.fn(async () => settings),
    updateSettings: vi.fn(
      async (change: (s: Settings) => Settings) => (settings = change(settings)),
    ),
    watchSettings: vi.fn(() => () => undefined),
    corpus: vi.fn(async () => corpus),
    searchCorpus: vi.fn(search),
    shortcut: vi.fn(async () => 'Alt+Shift+H'),
    requestPersist: vi.fn(async () => true),
    current: () => settings,
  } satisfies OptionsClient & { current: () => Settings };
}

async function show(client: OptionsClient): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<OptionsApp client={client} />, root));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return root;
}

const okCorpus: Result<CorpusInfo> = {
  ok: true,
  value: {
    story: 'Russia hands the US a list of demands',
    reports,
    echo: { origin: 'Reuters report', reports: 2 },
  },
};

test('shows every setting with its stored value', async () => {
  const view = await show(stubClient(okCorpus, { autoDetect: false, highlightStyle: 'underline' }));
  const boxes = [...view.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
  expect(boxes.map((box) => box.checked)).toEqual([false, true, false]);
  const radios = [...view.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
  expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
    ['0.5', true],
    ['0.7', false],
    ['0.85', false],
    ['marker', false],
    ['underline', true],
  ]);
  expect(view.textContent).toContain(
    'Keyboard shortcut to show or hide highlights: Alt+Shift+H. Change it',
  );
});

test('changing a setting stores it', async () => {
  const client = stubClient(okCorpus);
  const view = await show(client);
  await act(async () =>
    (view.querySelector('input[value="underline"]') as HTMLInputElement).click(),
  );
  expect(client.current().highlightStyle).toBe('underline');
  await act(async () => (view.querySelector('input[type="checkbox"]') as HTMLInputElement).click());
  expect(client.current().autoDetect).toBe(false);
  await act(async () => (view.querySelector('input[value="0.85"]') as HTMLInputElement).click());
  expect(client.current().minChance).toBe(0.85);
  expect(
    (view.querySelector('input[value="0.85"]') as HTMLInputElement).closest('fieldset')
      ?.textContent,
  ).toContain('Almost surely the same claim (85% or more)');
});

test('says how many matches were marked "not the same claim", and shows them all again', async () => {
  const none = await show(stubClient(okCorpus));
  expect(none.querySelector('.hidden-matches')?.textContent).toContain('No match is hidden.');
  expect(none.querySelector('.hidden-matches button')).toBeNull();
  const client = stubClient(okCorpus, { hiddenMatches: ['abc:1', 'def:2', 'ghi:3'] });
  const view = await show(client);
  const line = view.querySelector('.hidden-matches')!;
  expect(line.textContent).toBe(
    '3 matches you marked as not the same claim are hidden. Show them all again',
  );
  await act(async () => line.querySelector('button')!.click());
  expect(client.current().hiddenMatches).toEqual([]);
  expect(view.querySelector('.hidden-matches')?.textContent).toContain('No match is hidden.');
});

test('lists the disabled sites and turns one back on', async () => {
  const client = stubClient(okCorpus, { disabledSites: ['a.example', 'b.example'] });
  const view = await show(client);
  expect([...view.querySelectorAll('.site span')].map((s) => s.textContent)).toEqual([
    'a.example',
    'b.example',
  ]);
  const remove = view.querySelector(
    'button[aria-label="Turn back on for a.example"]',
  ) as HTMLButtonElement;
  await act(async () => remove.click());
  expect(client.current().disabledSites).toEqual(['b.example']);
  expect([...view.querySelectorAll('.site span')].map((s) => s.textContent)).toEqual(['b.example']);
});

test('about the corpus: the story, the echo note and each report, with safe links only', async () => {
  const view = await show(stubClient(okCorpus));
  const text = view.textContent ?? '';
  expect(text).toContain('Story: Russia hands the US a list of demands');
  expect(text).toContain('All 2 reports in the corpus rewrite one source: Reuters report.');
  expect([...view.querySelectorAll('.report-outlet')].map((e) => e.textContent)).toEqual([
    'CNews Live English',
    'yourNEWS',
  ]);
  const links = [...view.querySelectorAll('.report-item a')];
  expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://cnews.example/a']);
  expect(text).toContain('(no title)');
});

test('a damaged corpus is explained, not left blank', async () => {
  const view = await show(stubClient({ ok: false, error: 'index.json: unknown version 9' }));
  expect(view.querySelector('[role="alert"]')?.textContent).toContain(
    'index.json: unknown version 9',
  );
});

const truce = 'Zelenskiy has signaled a willingness to agree to such a truce.';
const hits: CorpusHit[] = [
  {
    report: 'cnews',
    outlet: 'CNews Live English',
    url: 'https://cnews.example/a',
    text: truce,
    score: 0.9,
    marks: [
      [0, 9],
      [truce.indexOf('truce'), truce.indexOf('truce') + 5],
    ],
  },
  {
    report: 'yournews',
    outlet: 'yourNEWS',
    url: 'javascript:alert(1)',
    text: 'A <b>truce</b> proposal.',
    score: 0.5,
    marks: [[5, 10]],
  },
];

/** Types into the search field as a user would, one input event per value. */
async function type(view: HTMLElement, ...values: string[]): Promise<void> {
  const field = searchField(view);
  for (const value of values) {
    await act(async () => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  await act(async () => new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50)));
}

function searchField(view: HTMLElement): HTMLInputElement {
  const label = [...view.querySelectorAll('label')].find(
    (l) => l.textContent === 'Search the reports',
  );
  expect(label).toBeDefined();
  return view.querySelector(`#${label!.htmlFor}`) as HTMLInputElement;
}

describe('search the reports', () => {
  test('one search after typing stops, hits with outlet, marked words and a safe link', async () => {
    const client = stubClient(okCorpus, {}, async () => ({ ok: true, value: hits }));
    const view = await show(client);
    expect(searchField(view).type).toBe('search');
    await type(view, 'Z', 'Zel', 'Zelenskyy truce ');
    expect(client.searchCorpus.mock.calls).toEqual([['Zelenskyy truce']]);

    const items = [...view.querySelectorAll('.search-hit')];
    expect(items.map((item) => item.querySelector('.search-hit-outlet')?.textContent)).toEqual([
      'CNews Live English',
      'yourNEWS',
    ]);
    expect([...items[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Zelenskiy',
      'truce',
    ]);
    expect(items[0]!.querySelector('.search-hit-text')?.textContent).toBe(truce);
    // Report text is text, never markup.
    expect(items[1]!.querySelector('b')).toBeNull();
    expect(items[1]!.querySelector('mark')?.textContent).toBe('truce');

    const links = [...view.querySelectorAll('.search-hit a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://cnews.example/a');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(view.querySelector('.corpus-search [role="status"]')?.textContent).toBe(
      'Sentences found: 2',
    );
  });

  test('no match is said so, with the query and what to try', async () => {
    const view = await show(stubClient(okCorpus));
    await type(view, 'bitcoin');
    const text = view.querySelector('.search-results')?.textContent ?? '';
    expect(text).toContain('No sentence matches “bitcoin”');
    expect(text).toContain('Try fewer words');
    expect(view.querySelector('.search-hit')).toBeNull();
  });

  test('a failed search is explained', async () => {
    const view = await show(
      stubClient(okCorpus, {}, async () => ({ ok: false, error: 'Sender not allowed' })),
    );
    await type(view, 'NATO');
    const text = view.querySelector('.search-results')?.textContent ?? '';
    expect(text).toContain('The reports could not be searched.');
    expect(text).toContain('Sender not allowed');
  });

  test('white space is not searched, and clearing the field clears the results', async () => {
    const client = stubClient(okCorpus, {}, async () => ({ ok: true, value: hits }));
    const view = await show(client);
    await type(view, '   ');
    expect(client.searchCorpus).not.toHaveBeenCalled();
    await type(view, 'truce');
    expect(view.querySelectorAll('.search-hit')).toHaveLength(2);
    await type(view, '');
    expect(view.querySelectorAll('.search-hit')).toHaveLength(0);
    expect(view.querySelector('.search-results')?.textContent).toBe('');
  });

  test('a slow answer to an older query never replaces the newer one', async () => {
    let releaseOld: (result: Result<CorpusHit[]>) => void = () => undefined;
    const client = stubClient(okCorpus, {}, (query) =>
      query === 'old'
        ? new Promise((resolve) => (releaseOld = resolve))
        : Promise.resolve({ ok: true, value: [hits[0]!] }),
    );
    const view = await show(client);
    await type(view, 'old');
    await type(view, 'new');
    await act(async () => releaseOld({ ok: true, value: hits }));
    expect(view.querySelectorAll('.search-hit')).toHaveLength(1);
  });

  test('not offered when the corpus could not be loaded', async () => {
    const view = await show(stubClient({ ok: false, error: 'index.json: unknown version 9' }));
    expect(view.querySelector('.corpus-search')).toBeNull();
  });
});

describe('the library', () => {
  const keepBox = (view: HTMLElement) =>
    [...view.querySelectorAll('label.check')]
      .find((label) => label.textContent?.startsWith('Keep the articles I read'))!
      .querySelector('input') as HTMLInputElement;

  test('keeping is off by default; switching it on stores it and asks for lasting storage', async () => {
    const client = stubClient(okCorpus);
    const view = await show(client);
    expect(keepBox(view).checked).toBe(false);
    await act(async () => keepBox(view).click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(client.current().keepArticles).toBe(true);
    expect(client.requestPersist).toHaveBeenCalledTimes(1);
    expect(view.textContent).toContain('The browser will not clear your library');
    const link = [...view.querySelectorAll('a')].find((a) => a.textContent === 'Open your library');
    expect(link?.getAttribute('href')).toBe('library.html');
  });

  test('a site is excluded from keeping, and let back in', async () => {
    const client = stubClient(okCorpus);
    const view = await show(client);
    const input = view.querySelector('#exclude-site') as HTMLInputElement;
    const form = view.querySelector('form.add-site') as HTMLFormElement;
    await act(async () => {
      input.value = 'not a site';
      input.dispatchEvent(new Event('input'));
    });
    await act(async () => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(view.querySelector('[role="alert"]')?.textContent).toMatch(/not a site name/);
    await act(async () => {
      input.value = 'https://www.Bank.example/login';
      input.dispatchEvent(new Event('input'));
    });
    await act(async () => void form.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(client.current().keepExcludedSites).toEqual(['bank.example']);
    const remove = view.querySelector(
      'button[aria-label="Keep articles from bank.example again"]',
    ) as HTMLButtonElement;
    await act(async () => remove.click());
    expect(client.current().keepExcludedSites).toEqual([]);
  });
});

test('links to the check page, where any text can be checked', async () => {
  const view = await show(stubClient(okCorpus));
  const link = [...view.querySelectorAll('a')].find((a) => a.textContent === 'Check a text');
  expect(link?.getAttribute('href')).toBe('check.html');
  expect(view.textContent).toContain('“Cross-check selection”');
});
