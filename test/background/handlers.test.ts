import { describe, expect, test, vi } from 'vitest';
import type { LoadedCorpus } from '../../src/background/corpus-service';
import { EchoGroups } from '../../src/core/provenance';
import { createBackgroundHandlers, type BackgroundDeps } from '../../src/background/handlers';
import { memorySelectionStore } from '../../src/background/selection-menu';
import { memoryTabStore } from '../../src/background/tab-store';
import { matchKey } from '../../src/core/hidden-matches';
import type { ArticleReport } from '../../src/core/types';
import type { Sender, TabState } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

const PAGE = 'https://news.example/world/story';
const sender: Sender = { id: 'own', url: PAGE, tab: { id: 5 } as Sender['tab'], frameId: 0 };

function report(text: string): ArticleReport {
  return {
    self: null,
    article: { title: 'Title', detected: true },
    sentences: [{ text, start: 0, end: text.length, matches: [] }],
    summary: { sentences: 1, matched: 0, outlets: [] },
  };
}

function setup(options: { settings?: Partial<Settings>; corpusError?: Error } = {}) {
  const check = vi.fn((text: string) => report(text));
  const search = vi.fn((query: string) => [
    { report: 'a', outlet: 'A', url: 'https://a.example/', text: query, score: 1, marks: [] },
  ]);
  const corpus: LoadedCorpus = {
    matcher: { reports: [], check },
    groups: new EchoGroups(),
    info: { story: null, reports: [], echo: { origin: 'One wire report', reports: 5 } },
    search,
  };
  const badges: [number, TabState | null][] = [];
  const store = memoryTabStore();
  const selections = memorySelectionStore(() => 'sel-1');
  const deps: BackgroundDeps = {
    corpus: async () => {
      if (options.corpusError) throw options.corpusError;
      return corpus;
    },
    store,
    settings: async () => ({ ...DEFAULT_SETTINGS, disabledSites: [], ...options.settings }),
    showBadge: async (tabId, state) => void badges.push([tabId, state]),
    now: () => 1_000,
    selections,
  };
  return { handlers: createBackgroundHandlers(deps), check, search, badges, store, selections };
}

const payload = {
  url: PAGE,
  title: 'Title',
  text: 'Moscow has presented the United States with a list of demands.',
  truncated: false,
  detected: true,
  hash: 'h:1',
  scope: 'article' as const,
};

describe('check-article', () => {
  test('matches the text, stores the tab state and shows it on the badge', async () => {
    const { handlers, check, badges, store } = setup();
    const state = await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenCalledOnce();
    expect(state).toMatchObject({
      status: 'ready',
      url: PAGE,
      host: 'news.example',
      hash: 'h:1',
      echo: { origin: 'One wire report', reports: 5 },
    });
    expect(await store.get(5)).toEqual(state);
    expect(badges).toEqual([[5, state]]);
  });

  test('the same text again is answered without matching twice', async () => {
    const { handlers, check } = setup();
    await handlers['check-article'](payload, sender);
    await handlers['check-article'](payload, { ...sender, tab: { id: 6 } as Sender['tab'] });
    expect(check).toHaveBeenCalledOnce();
    await handlers['check-article']({ ...payload, text: `${payload.text} More.` }, sender);
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('a selection is matched with the article it lies in, and is another text without it', async () => {
    const { handlers, check } = setup();
    const selection = { ...payload, scope: 'selection' as const, detected: false };
    const article = `${payload.text} Talks took place over three weeks.`;
    await handlers['check-article']({ ...selection, context: article }, sender);
    expect(check).toHaveBeenLastCalledWith(
      payload.text,
      expect.objectContaining({ context: article }),
    );
    // The article is checked whole as well, once, to place the selection among the echo groups.
    expect(check).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenCalledWith(
      article,
      expect.not.objectContaining({ context: expect.anything() }),
    );
    await handlers['check-article'](selection, sender);
    expect(check).toHaveBeenCalledTimes(3);
    expect(check).toHaveBeenLastCalledWith(
      payload.text,
      expect.not.objectContaining({ context: expect.anything() }),
    );
  });

  test("matches at the reader's chosen strictness, and again when they choose another", async () => {
    const chosen: Partial<Settings> = {};
    const { handlers, check } = setup({ settings: chosen });
    await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenLastCalledWith(
      payload.text,
      expect.objectContaining({ threshold: 0.5 }),
    );
    chosen.minChance = 0.85;
    await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenLastCalledWith(
      payload.text,
      expect.objectContaining({ threshold: 0.85 }),
    );
    // The same text at the same strictness again comes from the cache.
    await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('leaves out the matches the reader marked "not the same claim", checking again on a new mark', async () => {
    const chosen: Partial<Settings> = {};
    const { handlers, check } = setup({ settings: chosen });
    const match = {
      report: 'eawaz',
      outlet: 'eAwaz',
      url: 'https://eawaz.example/r',
      text: 'Russia has presented the US with a list of demands.',
      start: 40,
      end: 91,
      score: 0.9,
      tier: 'paraphrase' as const,
    };
    check.mockImplementation((text: string) => ({
      ...report(text),
      sentences: [{ text, start: 0, end: text.length, matches: [match] }],
      summary: {
        sentences: 1,
        matched: 1,
        outlets: [{ report: 'eawaz', outlet: 'eAwaz', sentences: 1 }],
      },
    }));
    const shown = await handlers['check-article'](payload, sender);
    expect(shown.report?.summary.matched).toBe(1);
    chosen.hiddenMatches = [matchKey(payload.text, match)];
    const hidden = await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenCalledTimes(2);
    expect(hidden.report?.sentences[0]!.matches).toEqual([]);
    expect(hidden.report?.summary).toMatchObject({ matched: 0, outlets: [] });
    expect(hidden.report?.hidden).toEqual(chosen.hiddenMatches);
    // Shown again: the cache answers with the first report.
    chosen.hiddenMatches = [];
    const again = await handlers['check-article'](payload, sender);
    expect(again.report?.summary.matched).toBe(1);
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('a site the user turned off is not matched, even if a late message arrives', async () => {
    const { handlers, check } = setup({ settings: { disabledSites: ['news.example'] } });
    const state = await handlers['check-article'](payload, sender);
    expect(state.status).toBe('disabled');
    expect(check).not.toHaveBeenCalled();
  });

  test('a damaged corpus gives an error state naming the problem', async () => {
    const { handlers, store } = setup({
      corpusError: new Error('index.json: "sentences" is missing'),
    });
    const state = await handlers['check-article'](payload, sender);
    expect(state).toMatchObject({ status: 'error', error: 'index.json: "sentences" is missing' });
    expect(await store.get(5)).toMatchObject({ status: 'error' });
  });

  test.each([
    ['another origin than the sender', 'https://evil.example/story'],
    ['a non-web URL', 'javascript:alert(1)'],
    ['not a URL', 'not a url'],
  ])('refuses %s, storing nothing', async (_name, url) => {
    const { handlers, store, check } = setup();
    await expect(handlers['check-article']({ ...payload, url }, sender)).rejects.toThrow();
    expect(await store.get(5)).toBeNull();
    expect(check).not.toHaveBeenCalled();
  });

  test('a text cut by the engine is noted as truncated', async () => {
    const { handlers, check } = setup();
    check.mockImplementationOnce((text: string) => ({ ...report(text), truncated: true }));
    expect((await handlers['check-article'](payload, sender)).truncated).toBe(true);
  });

  test.each(['article', 'page', 'selection'] as const)(
    'keeps what part of the page was checked: %s',
    async (scope) => {
      const { handlers, store } = setup();
      await handlers['check-article']({ ...payload, title: null, scope }, sender);
      expect(await store.get(5)).toMatchObject({ status: 'ready', scope });
    },
  );
});

describe('check-text', () => {
  test('checks the text through the same path as a page, and stores nothing', async () => {
    const { handlers, check, store, badges } = setup();
    const answer = await handlers['check-text'](
      { text: payload.text, title: 'Title', detected: true },
      sender,
    );
    expect(answer.echo).toEqual({ origin: 'One wire report', reports: 5 });
    expect(answer.report.sentences.map((s) => s.text)).toEqual([payload.text]);
    // Where the claims come from is worked out as for a page: the corpus's groups.
    expect(answer.report.provenance).toMatchObject({ groups: [], pageGroup: null });
    expect(check).toHaveBeenCalledWith(payload.text, {
      title: 'Title',
      threshold: 0.5,
      detected: true,
    });
    // The same text from a page is answered from the same cache.
    await handlers['check-article'](payload, sender);
    expect(check).toHaveBeenCalledOnce();
    expect(badges).toHaveLength(1);
    expect(await store.get(5)).toMatchObject({ scope: 'article' });
  });

  test("an HTML file's publication date goes with it", async () => {
    const { handlers } = setup();
    const answer = await handlers['check-text'](
      { text: payload.text, title: null, detected: true, published: '2025-03-12T10:00:00Z' },
      sender,
    );
    expect(answer.report.provenance?.published).toBe('2025-03-12T10:00:00Z');
  });

  test('a corpus that cannot be loaded is an error', async () => {
    const { handlers } = setup({ corpusError: new Error('index damaged') });
    await expect(
      handlers['check-text']({ text: 'Text.', title: null, detected: true }, sender),
    ).rejects.toThrow('index damaged');
  });
});

test('get-selection-text reads a kept selection back, null when unknown', async () => {
  const { handlers, selections } = setup();
  const id = await selections.keep({ text: 'Selected.', url: PAGE });
  expect(await handlers['get-selection-text']({ id }, sender)).toEqual({
    text: 'Selected.',
    url: PAGE,
  });
  expect(await handlers['get-selection-text']({ id: 'other' }, sender)).toBeNull();
});

test('page-status stores the status without a report', async () => {
  const { handlers, store, badges } = setup();
  const state = await handlers['page-status']({ url: PAGE, status: 'not-article' }, sender);
  expect(state).toMatchObject({ status: 'not-article', report: null, host: 'news.example' });
  expect(await store.get(5)).toEqual(state);
  expect(badges[0]?.[1]?.status).toBe('not-article');
});

test('get-tab-state and get-corpus answer from the store and the corpus', async () => {
  const { handlers } = setup();
  expect(await handlers['get-tab-state']({ tabId: 99 }, sender)).toBeNull();
  await handlers['page-status']({ url: PAGE, status: 'auto-off' }, sender);
  expect(await handlers['get-tab-state']({ tabId: 5 }, sender)).toMatchObject({
    status: 'auto-off',
  });
  expect((await handlers['get-corpus']({}, sender)).echo).toEqual({
    origin: 'One wire report',
    reports: 5,
  });
});

test('search-corpus searches the corpus with the query trimmed', async () => {
  const { handlers, search } = setup();
  const hits = await handlers['search-corpus']({ query: '  Zelenskyy ceasfire ' }, sender);
  expect(search).toHaveBeenCalledWith('Zelenskyy ceasfire');
  expect(hits.map((hit) => hit.text)).toEqual(['Zelenskyy ceasfire']);
});
