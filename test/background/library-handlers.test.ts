import { describe, expect, test, vi } from 'vitest';
import type { LoadedCorpus } from '../../src/background/corpus-service';
import { createBackgroundHandlers } from '../../src/background/handlers';
import { libraryService } from '../../src/background/library-service';
import { memorySelectionStore } from '../../src/background/selection-menu';
import { memoryTabStore } from '../../src/background/tab-store';
import type { Sender } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { corpusGroups, harbour, northgate, openLibrary } from '../library/library-support';

function senderFor(url: string, tabId: number, incognito = false): Sender {
  return { id: 'own', url, tab: { id: tabId, incognito } as Sender['tab'], frameId: 0 };
}

/** The background's handlers over the real engine and a library in a fresh database. */
async function setup(settings: Partial<Settings> = { keepArticles: true }, database?: string) {
  const opened = openLibrary(database);
  await opened.library.load();
  const service = await libraryService(opened.matcher, opened.library, opened.store, {
    groups: corpusGroups,
    placeDelayMs: null,
  });
  const corpus: LoadedCorpus = {
    matcher: opened.matcher,
    info: { story: null, reports: [], echo: null },
    groups: corpusGroups,
    search: () => [],
  };
  const tabs = memoryTabStore();
  const refreshTab = vi.fn(async () => undefined);
  const handlers = createBackgroundHandlers({
    corpus: async () => corpus,
    store: tabs,
    settings: async () => ({
      ...DEFAULT_SETTINGS,
      disabledSites: [],
      keepExcludedSites: [],
      ...settings,
    }),
    showBadge: async () => undefined,
    now: () => Date.parse('2025-05-03T09:30:00Z'),
    library: async () => service,
    isPrivateTab: async (tabId) => tabId === 99,
    refreshTab,
    refreshAll: async () => undefined,
    selections: memorySelectionStore(() => 'sel-1'),
  });
  return { handlers, tabs, service, refreshTab, ...opened };
}

const page = (article: ReturnType<typeof northgate>) => ({
  check: {
    url: article.url,
    title: article.title,
    text: article.text,
    truncated: false,
    scope: 'article' as const,
    detected: true,
    hash: 'h',
  },
  keep: {
    url: article.url,
    title: article.title,
    text: article.text,
    hash: 'h',
    outlet: article.outlet,
    published: article.published,
    manual: false,
  },
});

describe('keeping from a page', () => {
  test('the second article lists the first, with its outlet, read date and link', async () => {
    const { handlers } = await setup();
    const first = page(northgate());
    const kept = await handlers['keep-article'](first.keep, senderFor(first.keep.url, 1));
    expect(kept).toMatchObject({ status: 'kept', id: 1 });
    const second = page(harbour());
    const state = await handlers['check-article'](second.check, senderFor(second.check.url, 2));
    const match = state
      .report!.sentences.flatMap((s) => s.matches)
      .find((m) => m.report === 'library:1');
    expect(match).toMatchObject({
      outlet: 'Northgate Courier',
      read: '2025-05-03T09:30:00.000Z',
      url: northgate().url,
    });
    expect(match!.text.length).toBeGreaterThan(20);
  });

  test('a pasted text is checked against the library as a page is', async () => {
    const { handlers } = await setup();
    const first = page(northgate());
    await handlers['keep-article'](first.keep, senderFor(first.keep.url, 1));
    const second = harbour();
    const answer = await handlers['check-text'](
      { text: second.text, title: null, detected: true },
      senderFor('chrome-extension://own/check.html', 0),
    );
    const reports = answer.report.sentences.flatMap((s) => s.matches.map((m) => m.report));
    expect(reports).toContain('library:1');
  });

  test('a kept page is never its own match, and is not kept twice', async () => {
    const { handlers } = await setup();
    const first = page(northgate());
    await handlers['keep-article'](first.keep, senderFor(first.keep.url, 1));
    const state = await handlers['check-article'](first.check, senderFor(first.check.url, 1));
    const reports = state.report!.sentences.flatMap((s) => s.matches.map((m) => m.report));
    expect(reports).not.toContain('library:1');
    expect(await handlers['keep-article'](first.keep, senderFor(first.keep.url, 1))).toMatchObject({
      status: 'duplicate',
      id: 1,
    });
  });

  test.each([
    ['in a private window', {}, 99, false, /private windows/],
    [
      'on a site excluded from the library',
      { keepExcludedSites: ['northgatecourier.example'] },
      1,
      false,
      /not kept/,
    ],
    [
      'on a site where Crosscheck is off',
      { disabledSites: ['northgatecourier.example'] },
      1,
      false,
      /not kept/,
    ],
    ['while keeping is off', { keepArticles: false }, 1, false, /off/],
  ])('nothing is kept %s', async (_name, settings, tabId, manual, message) => {
    const { handlers, store } = await setup({ keepArticles: true, ...settings });
    const first = page(northgate());
    const answer = await handlers['keep-article'](
      { ...first.keep, manual },
      senderFor(first.keep.url, tabId, tabId === 99),
    );
    expect(answer.status).toBe('refused');
    expect(answer.message).toMatch(message);
    expect(await store.count()).toBe(0);
  });

  test('"Keep this article" keeps while keeping is off, and the popup then offers to forget it', async () => {
    const { handlers, store } = await setup({ keepArticles: false });
    const first = page(northgate());
    await handlers['check-article'](first.check, senderFor(first.check.url, 3));
    const before = await handlers['library-page'](
      { tabId: 3 },
      senderFor('chrome-extension://own/', 0),
    );
    expect(before).toMatchObject({ keeping: false, kept: null, blocked: null, articles: 0 });
    const kept = await handlers['keep-article'](
      { ...first.keep, manual: true },
      senderFor(first.keep.url, 3),
    );
    expect(kept.status).toBe('kept');
    const after = await handlers['library-page'](
      { tabId: 3 },
      senderFor('chrome-extension://own/', 0),
    );
    expect(after.kept).toEqual({ id: kept.id, read: '2025-05-03T09:30:00.000Z' });
    await handlers['library-forget']({ ids: [kept.id!] }, senderFor('chrome-extension://own/', 0));
    expect(await store.count()).toBe(0);
  });

  test('a report made before the library changed is made again when the popup asks for it', async () => {
    const { handlers, refreshTab } = await setup();
    const second = page(harbour());
    await handlers['check-article'](second.check, senderFor(second.check.url, 2));
    expect(await handlers['get-tab-state']({ tabId: 2 }, senderFor('x', 0))).not.toBeNull();
    expect(refreshTab).not.toHaveBeenCalled();
    const first = page(northgate());
    await handlers['keep-article'](first.keep, senderFor(first.keep.url, 1));
    await handlers['get-tab-state']({ tabId: 2 }, senderFor('x', 0));
    expect(refreshTab).toHaveBeenCalledWith(2);
  });
});

describe('importing', () => {
  test('records the background cannot read are reported by their place in the batch', async () => {
    const { handlers, store } = await setup();
    const answer = await handlers['library-import'](
      {
        articles: [
          { ...northgate() },
          { url: 'ftp://x', text: 'words' },
          { ...harbour() },
        ] as never,
      },
      senderFor('chrome-extension://own/', 0),
    );
    expect(answer).toMatchObject({ added: 2, duplicates: 0, failed: 0 });
    expect(answer.invalid).toEqual([{ index: 1, error: expect.stringMatching(/url/) }]);
    expect(await store.count()).toBe(2);
  });
});

describe('after a restart', () => {
  test('matches to library articles get their texts from storage, read once', async () => {
    const first = await setup();
    const kept = page(northgate());
    await first.handlers['keep-article'](kept.keep, senderFor(kept.keep.url, 1));
    first.store.close();
    const again = await setup({ keepArticles: true }, first.name);
    expect(again.texts.text('library:1')).toBeUndefined();
    const second = page(harbour());
    const state = await again.handlers['check-article'](
      second.check,
      senderFor(second.check.url, 2),
    );
    const fromLibrary = state
      .report!.sentences.flatMap((s) => s.matches)
      .filter((m) => m.report === 'library:1');
    expect(fromLibrary.length).toBeGreaterThan(2);
    for (const match of fromLibrary)
      expect(match.text).toBe(northgate().text.slice(match.start, match.end));
    expect(again.texts.text('library:1')).toBe(northgate().text);
  });
});
