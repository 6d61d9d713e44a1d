// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import type { ReportMeta } from '../../src/core/types';
import type { OptionsClient } from '../../src/options/client';
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

function stubClient(corpus: Result<CorpusInfo>, initial: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], ...initial };
  return {
    settings: vi.fn(async () => settings),
    updateSettings: vi.fn(
      async (change: (s: Settings) => Settings) => (settings = change(settings)),
    ),
    watchSettings: vi.fn(() => () => undefined),
    corpus: vi.fn(async () => corpus),
    shortcut: vi.fn(async () => 'Alt+Shift+H'),
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
  expect(boxes.map((box) => box.checked)).toEqual([false, true]);
  const radios = [...view.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
  expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
    ['marker', false],
    ['underline', true],
  ]);
  expect(view.textContent).toContain('Keyboard shortcut to show or hide highlights: Alt+Shift+H');
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
