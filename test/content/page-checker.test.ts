// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { HighlightEntry, Highlighter } from '../../src/content/highlighter';
import {
  contextOf,
  PageChecker,
  type ArticleText,
  type PageCheckerDeps,
} from '../../src/content/page-checker';
import type { ArticleReport, SentenceResult } from '../../src/core/types';
import type { Result, TabState } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

type Env = Window & typeof globalThis;

const TEXT =
  'Moscow has presented a list of demands. Talks took place over three weeks. Trump awaits an answer.';

/** The sentences of TEXT, with as many other outlets as given. */
function sentences(outlets: number[]): SentenceResult[] {
  const parts = [
    'Moscow has presented a list of demands.',
    'Talks took place over three weeks.',
    'Trump awaits an answer.',
  ];
  return parts.map((text, i) => {
    const start = TEXT.indexOf(text);
    return {
      text,
      start,
      end: start + text.length,
      matches: Array.from({ length: outlets[i] ?? 0 }, (_, k) => ({
        report: `r${k}`,
        outlet: `Outlet ${k}`,
        url: `https://r${k}.example/`,
        text,
        start: 0,
        end: text.length,
        score: 0.9,
        tier: 'verbatim' as const,
      })),
    };
  });
}

function readyState(hash: string, list: SentenceResult[]): TabState {
  const report: ArticleReport = {
    self: null,
    article: { title: 'T', detected: true },
    sentences: list,
    summary: {
      sentences: list.length,
      matched: list.filter((s) => s.matches.length > 0).length,
      outlets: [],
    },
  };
  return {
    status: 'ready',
    url: location.href,
    host: location.hostname,
    hash,
    report,
    truncated: false,
    echo: null,
    error: null,
    updatedAt: 0,
  };
}

function fakeHighlighter(): Highlighter & { shown: number[][] } {
  const shown: number[][] = [];
  return {
    shown,
    changesDom: false,
    show: vi.fn((entries: HighlightEntry[]) => void shown.push(entries.map((e) => e.level))),
    clear: vi.fn(),
    setVisible: vi.fn(),
    setStyle: vi.fn(),
    flash: vi.fn(() => true),
    rectsOf: vi.fn(() => [new DOMRect(0, 100, 200, 20)]),
    entryAt: vi.fn(() => null),
    owns: vi.fn(() => false),
  };
}

function setup(
  options: {
    article?: boolean;
    settings?: Partial<Settings>;
    outlets?: number[];
    text?: () => string;
    /** False: the extractor finds no text on the page at all. */
    hasArticle?: boolean;
    /** Where the extractor found the text: `page` when no article body was found. */
    source?: ArticleText['source'];
    /** The page's visible main text, read alone on a page not taken for an article (null: none). */
    mainText?: string | null;
    /** The reader's selection (null: nothing selected). */
    selection?: string | null;
  } = {},
) {
  document.body.innerHTML = `<article><p id="t">${TEXT}</p></article>`;
  const textNode = () => document.getElementById('t')!.firstChild as Text;
  const currentText = options.text ?? (() => TEXT);
  const textOf = (
    text: string,
    title: string | null,
    source: ArticleText['source'] = options.source ?? 'readability',
  ): ArticleText => ({
    title,
    text,
    truncated: false,
    source,
    rangeFor(start, end) {
      const range = document.createRange();
      range.setStart(textNode(), start);
      range.setEnd(textNode(), end);
      return range;
    },
  });
  const extract = vi.fn(async (): Promise<ArticleText | null> =>
    options.hasArticle === false ? null : textOf(currentText(), 'T'),
  );
  const extractMainText = vi.fn(async (): Promise<ArticleText | null> =>
    options.mainText == null ? null : textOf(options.mainText, 'Page', 'page'),
  );
  const readSelection = vi.fn(async (): Promise<ArticleText | null> =>
    options.selection == null ? null : textOf(options.selection, null),
  );
  const sent: { type: string; payload: Record<string, unknown> }[] = [];
  let answer: (payload: Record<string, unknown>) => Result<TabState> = (payload) => ({
    ok: true,
    value: readyState(String(payload.hash), sentences(options.outlets ?? [3, 0, 1])),
  });
  const send = vi.fn(async (type: string, payload: unknown) => {
    sent.push({ type, payload: payload as Record<string, unknown> });
    if (type === 'page-status')
      return {
        ok: true,
        value: { status: (payload as { status: string }).status },
      } as Result<TabState>;
    return answer(payload as Record<string, unknown>);
  });
  const highlighter = fakeHighlighter();
  const onOrphaned = vi.fn();
  const deps: PageCheckerDeps = {
    doc: document,
    win: window as unknown as Env,
    detect: vi.fn(() => ({ isArticle: options.article ?? true })),
    published: () => '2025-03-14T08:30:00Z',
    extract,
    extractMainText,
    readSelection,
    send: send as PageCheckerDeps['send'],
    highlighter,
    settings: { ...DEFAULT_SETTINGS, disabledSites: [], ...options.settings },
    quietly: (work) => work(),
    onOrphaned,
  };
  const checker = new PageChecker(deps);
  return {
    checker,
    deps,
    sent,
    highlighter,
    extract,
    readSelection,
    onOrphaned,
    setAnswer: (next: typeof answer) => (answer = next),
  };
}

/** Lets the checker's idle callbacks and promises run. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(3_000);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('deciding whether to check', () => {
  test('an article is sent once and its matched sentences highlighted by level', async () => {
    const { checker, sent, highlighter } = setup();
    checker.schedule('load');
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['check-article']);
    expect(sent[0]!.payload).toMatchObject({
      text: TEXT,
      detected: true,
      truncated: false,
      url: location.href,
      published: '2025-03-14T08:30:00Z',
    });
    expect(highlighter.shown).toEqual([[3, 1]]);
    expect(checker.active).toBe(true);
  });

  test('a page that is not an article is reported as such, and not again for the same address', async () => {
    const { checker, sent, extract } = setup({ article: false });
    checker.schedule('load');
    await settle();
    checker.schedule('mutation');
    await settle();
    expect(sent).toEqual([
      { type: 'page-status', payload: { url: location.href, status: 'not-article' } },
    ]);
    expect(extract).not.toHaveBeenCalled();
  });

  test('a disabled site is left alone: no detection, no extraction', async () => {
    const { checker, sent, extract, deps } = setup({
      settings: { disabledSites: [location.hostname] },
    });
    checker.schedule('load');
    await settle();
    expect(sent.map((m) => m.payload.status)).toEqual(['disabled']);
    expect(deps.detect).not.toHaveBeenCalled();
    expect(extract).not.toHaveBeenCalled();
  });

  test('with automatic detection off, only "Check this page" checks, even a non-article', async () => {
    const { checker, sent } = setup({
      article: false,
      settings: { autoDetect: false },
      mainText: TEXT,
    });
    checker.schedule('load');
    await settle();
    expect(sent.map((m) => m.payload.status ?? m.type)).toEqual(['auto-off']);
    checker.handlers()['check-now']({}, {});
    await settle();
    expect(sent.at(-1)).toMatchObject({
      type: 'check-article',
      payload: { detected: false, scope: 'page' },
    });
  });
});

describe('checking again', () => {
  test('the same text re-rendered is re-highlighted without being sent again', async () => {
    const { checker, sent, highlighter } = setup();
    checker.schedule('load');
    await settle();
    checker.schedule('mutation');
    await settle();
    expect(sent).toHaveLength(1);
    expect(highlighter.shown).toHaveLength(2);
  });

  test('new text is sent; after an in-page navigation the same text is sent for the new address', async () => {
    let text = TEXT;
    const { checker, sent } = setup({ text: () => text });
    checker.schedule('load');
    await settle();
    text = `${TEXT} A new paragraph.`;
    checker.schedule('mutation');
    await settle();
    expect(sent).toHaveLength(2);
    checker.navigated();
    await settle();
    expect(sent).toHaveLength(3);
    expect(sent[2]!.payload.text).toBe(text);
  });

  test('requests during a run are merged into one follow-up run', async () => {
    const { checker, extract } = setup();
    checker.schedule('load');
    checker.schedule('mutation');
    checker.schedule('mutation');
    checker.schedule('mutation');
    await settle();
    expect(extract).toHaveBeenCalledTimes(2);
  });

  test('a reloaded extension stops all work on the page', async () => {
    const { checker, onOrphaned, setAnswer, extract, highlighter } = setup();
    setAnswer(() => ({ ok: false, error: 'Extension context invalidated.' }));
    checker.schedule('load');
    await settle();
    expect(onOrphaned).toHaveBeenCalledOnce();
    expect(highlighter.clear).toHaveBeenCalled();
    checker.schedule('mutation');
    await settle();
    expect(extract).toHaveBeenCalledOnce();
  });
});

describe('settings and popup requests', () => {
  test('turning highlights off hides them, turning the site off clears and reports it', async () => {
    const { checker, highlighter, sent } = setup();
    checker.schedule('load');
    await settle();
    checker.updateSettings({ ...DEFAULT_SETTINGS, disabledSites: [], highlights: false });
    expect(highlighter.setVisible).toHaveBeenLastCalledWith(false);
    checker.updateSettings({
      ...DEFAULT_SETTINGS,
      disabledSites: [location.hostname],
      highlights: false,
    });
    await settle();
    expect(sent.at(-1)?.payload.status).toBe('disabled');
    expect(checker.active).toBe(false);
  });

  test('a stricter choice of how sure a match must be checks the page again', async () => {
    const { checker, sent } = setup();
    checker.schedule('load');
    await settle();
    const checks = () => sent.filter((m) => m.type === 'check-article').length;
    expect(checks()).toBe(1);
    checker.updateSettings({ ...DEFAULT_SETTINGS, disabledSites: [], highlights: false });
    await settle();
    expect(checks()).toBe(1);
    checker.updateSettings({ ...DEFAULT_SETTINGS, disabledSites: [], minChance: 0.85 });
    await settle();
    expect(checks()).toBe(2);
  });

  test('a match marked "not the same claim", or shown again, checks the page again', async () => {
    const { checker, sent } = setup();
    checker.schedule('load');
    await settle();
    const checks = () => sent.filter((m) => m.type === 'check-article').length;
    const marked = { ...DEFAULT_SETTINGS, disabledSites: [], hiddenMatches: ['abc:1'] };
    checker.updateSettings(marked);
    await settle();
    expect(checks()).toBe(2);
    // The same marks (another object): nothing to do.
    checker.updateSettings({ ...marked, hiddenMatches: ['abc:1'] });
    await settle();
    expect(checks()).toBe(2);
    checker.updateSettings({ ...marked, hiddenMatches: [] });
    await settle();
    expect(checks()).toBe(3);
  });

  test('flash answers true for a sentence of the checked text only', async () => {
    const { checker, sent, highlighter } = setup();
    checker.schedule('load');
    await settle();
    const hash = String(sent[0]!.payload.hash);
    const [first] = sentences([3]);
    const flash = checker.handlers()['flash-sentence'];
    expect(await flash({ start: first!.start, end: first!.end, hash }, {})).toBe(true);
    expect(highlighter.flash).toHaveBeenCalledWith(0, null);
    expect(await flash({ start: first!.start, end: first!.end, hash: 'old' }, {})).toBe(false);
    expect(await flash({ start: 1, end: 5, hash }, {})).toBe(false);
  });

  test.each([
    ['visible', 'smooth'],
    // The article behind the full report: Firefox does not carry out a smooth scroll there.
    ['hidden', 'auto'],
  ] as const)('flash scrolls a %s page with %s behaviour', async (visibility, behavior) => {
    const { checker, sent } = setup();
    checker.schedule('load');
    await settle();
    const scrolls: (ScrollBehavior | undefined)[] = [];
    const toWindow = vi
      .spyOn(window, 'scrollTo')
      .mockImplementation((options?: ScrollToOptions | number) => {
        scrolls.push(typeof options === 'object' ? options.behavior : undefined);
      });
    // A page taller than the window, so the window scrolls.
    const scroller = document.scrollingElement ?? document.documentElement;
    Object.defineProperty(scroller, 'scrollHeight', { value: 10_000, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
    try {
      const [first] = sentences([3]);
      const hash = String(sent[0]!.payload.hash);
      const flash = checker.handlers()['flash-sentence'];
      expect(await flash({ start: first!.start, end: first!.end, hash }, {})).toBe(true);
      expect(scrolls).toEqual([behavior]);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
      delete (scroller as { scrollHeight?: number }).scrollHeight;
      toWindow.mockRestore();
    }
  });

  test('report-status sends the last state again', async () => {
    const { checker, sent } = setup({ article: false });
    checker.schedule('load');
    await settle();
    await checker.handlers()['report-status']({}, {});
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  test('the card shows a highlighted sentence’s matches', async () => {
    const { checker } = setup();
    checker.schedule('load');
    await settle();
    const range = document.createRange();
    expect(checker.cardData({ range, level: 3, index: 0 })?.sentence.matches).toHaveLength(3);
    expect(checker.cardData({ range, level: 1, index: 1 })).toBeNull();
  });
});

describe('a selection ("Cross-check selection")', () => {
  const SELECTED = 'Moscow has presented a list of demands. Talks took place over three weeks.';

  test('is checked instead of the article, highlighted, and answered true', async () => {
    const { checker, sent, highlighter } = setup({ selection: SELECTED });
    checker.schedule('load');
    await settle();
    const answer = checker.handlers()['check-selection']({}, {});
    await settle();
    expect(await answer).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      type: 'check-article',
      payload: { text: SELECTED, title: null, detected: false, scope: 'selection' },
    });
    expect(highlighter.shown.at(-1)).toEqual([3, 1]);
  });

  test('is sent with the article it lies in, as its context; alone when there is none', async () => {
    const selectionAfterLoad = async (selection: string, load: boolean) => {
      const { checker, sent } = setup({ selection });
      if (load) {
        checker.schedule('load');
        await settle();
      }
      const answer = checker.handlers()['check-selection']({}, {});
      await settle();
      await answer;
      return sent.find((m) => m.payload.scope === 'selection')!.payload;
    };
    expect((await selectionAfterLoad(SELECTED, true)).context).toBe(TEXT);
    // No article checked before it.
    expect(await selectionAfterLoad(SELECTED, false)).not.toHaveProperty('context');
    // Words the article does not have: a comment, a caption.
    expect(
      await selectionAfterLoad('A comment under the article, about the weather.', true),
    ).not.toHaveProperty('context');
  });

  test('stays what the page is checked for when the page changes, until it navigates', async () => {
    const { checker, sent, extract } = setup({ selection: SELECTED });
    const answer = checker.handlers()['check-selection']({}, {});
    await settle();
    await answer;
    checker.schedule('mutation');
    await settle();
    expect(sent).toHaveLength(1);
    expect(extract).not.toHaveBeenCalled();
    checker.navigated();
    await settle();
    expect(sent.map((m) => m.payload.scope)).toEqual(['selection', 'article']);
  });

  test('"Check the whole page" goes back to the article', async () => {
    const { checker, sent } = setup({ selection: SELECTED });
    const answer = checker.handlers()['check-selection']({}, {});
    await settle();
    await answer;
    checker.handlers()['check-now']({}, {});
    await settle();
    expect(sent.at(-1)).toMatchObject({ payload: { text: TEXT, scope: 'article' } });
  });

  test('is checked with automatic detection off and on a page that is not an article', async () => {
    const { checker, sent } = setup({
      article: false,
      settings: { autoDetect: false },
      selection: SELECTED,
    });
    const answer = checker.handlers()['check-selection']({}, {});
    await settle();
    expect(await answer).toBe(true);
    expect(sent.map((m) => m.payload.scope)).toEqual(['selection']);
  });

  test.each([
    ['nothing is selected', { selection: null }],
    [
      'the site is turned off',
      { selection: SELECTED, settings: { disabledSites: [location.hostname] } },
    ],
  ])('is answered false when %s, and nothing is sent for it', async (_name, options) => {
    const { checker, sent } = setup(options);
    const answer = checker.handlers()['check-selection']({}, {});
    await settle();
    expect(await answer).toBe(false);
    expect(sent.filter((m) => m.payload.scope === 'selection')).toEqual([]);
  });
});

describe('a page on which no article is found', () => {
  test('"Check this page anyway" on a page not taken for an article reads its visible text', async () => {
    const { checker, sent, highlighter, deps } = setup({ article: false, mainText: TEXT });
    checker.schedule('load');
    await settle();
    expect(sent.map((m) => m.payload.status)).toEqual(['not-article']);
    checker.handlers()['check-now']({}, {});
    await settle();
    expect(sent.at(-1)).toMatchObject({
      type: 'check-article',
      payload: { text: TEXT, title: 'Page', detected: false, scope: 'page' },
    });
    expect(highlighter.shown.at(-1)).toEqual([3, 1]);
    // Readability would find an "article" in most pages with prose: it is not asked here.
    expect(deps.extract).not.toHaveBeenCalled();
  });

  test('an article, checked when asked (automatic detection off), is checked as an article', async () => {
    const { checker, sent, deps } = setup({ settings: { autoDetect: false }, mainText: 'Other.' });
    checker.handlers()['check-now']({}, {});
    await settle();
    expect(sent.at(-1)).toMatchObject({ payload: { text: TEXT, scope: 'article' } });
    expect(deps.extractMainText).not.toHaveBeenCalled();
  });

  test('an article whose body is not found is checked by its visible main text, said so', async () => {
    const { checker, sent, deps } = setup({ source: 'page' });
    checker.schedule('load');
    await settle();
    expect(sent.at(-1)).toMatchObject({
      type: 'check-article',
      payload: { text: TEXT, detected: true, scope: 'page' },
    });
    expect(deps.extractMainText).not.toHaveBeenCalled();
  });

  test('a page without any visible text is reported as having none', async () => {
    const { checker, sent } = setup({ article: false, mainText: null });
    checker.handlers()['check-now']({}, {});
    await settle();
    expect(sent.at(-1)).toEqual({
      type: 'page-status',
      payload: { url: location.href, status: 'no-text' },
    });
  });
});

describe('the context of a selection', () => {
  test.each([
    ['the same words', 'Talks took place over three weeks.', true],
    ['laid out with other white space', 'demands.\n\nTalks  took place', true],
    ['words not in the article', 'Talks took place over four weeks.', false],
    ['nothing but white space', ' \n ', false],
  ])('%s', (_name, selection, inside) => {
    expect(contextOf(selection, TEXT)).toEqual(inside ? { context: TEXT } : {});
  });

  test('none without an article', () => {
    expect(contextOf('Talks took place', null)).toEqual({});
  });
});
