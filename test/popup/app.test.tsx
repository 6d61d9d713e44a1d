// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import type { Sourcing } from '../../src/core/provenance';
import { findDifferences } from '../../src/core/divergence';
import { matchKey } from '../../src/core/hidden-matches';
import type { ArticleReport, SentenceMatch } from '../../src/core/types';
import { App, WAIT_FOR_ROW_MS } from '../../src/popup/app';
import { partOf } from '../../src/popup/report-view';
import type { PopupClient } from '../../src/popup/client';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import type { CorpusInfo, LibraryPageState, Result, TabState } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const HOSTILE = '<img src=x onerror="window.pwned=1">';

function match(outlet: string, text: string, tier: SentenceMatch['tier'] = 'close'): SentenceMatch {
  return {
    report: outlet.toLowerCase().replace(/\W+/g, '-'),
    outlet,
    url: `https://${outlet.length}.example/r`,
    text,
    start: 0,
    end: text.length,
    score: 0.8,
    tier,
  };
}

function report(): ArticleReport {
  const first = 'Moscow has presented the United States with a list of demands.';
  const second = `Trump awaits a response from Putin. ${HOSTILE}`;
  return {
    self: { report: 'truther-daily', outlet: 'Truther Daily' },
    article: { title: 'Russia Issues Demands', detected: true },
    sentences: [
      {
        text: first,
        start: 0,
        end: first.length,
        matches: [
          match(
            'CNews Live English',
            'Russia has presented the United States with a list of demands.',
          ),
          match('eAwaz', first, 'verbatim'),
        ],
      },
      { text: 'An unmatched sentence.', start: 64, end: 86, matches: [] },
      {
        text: second,
        start: 87,
        end: 87 + second.length,
        matches: [match(`Evil ${HOSTILE}`, `Trump is waiting for Putin. ${HOSTILE}`, 'paraphrase')],
      },
    ],
    summary: {
      sentences: 21,
      matched: 12,
      outlets: [
        { report: 'cnews-live-english', outlet: 'CNews Live English', sentences: 7 },
        { report: 'eawaz', outlet: 'eAwaz', sentences: 1 },
      ],
    },
    provenance: {
      attributions: [],
      groups: [
        {
          id: 'group-cnews-live-english',
          reports: ['cnews-live-english', 'truther-daily', 'eawaz'],
          origin: 'Reuters',
          members: [
            member('cnews-live-english', 'CNews Live English', 'unnamed-only'),
            member('truther-daily', 'Truther Daily', 'names-origin'),
            member('eawaz', 'eAwaz', 'names-origin'),
          ],
        },
      ],
      pageGroup: 'group-cnews-live-english',
      published: null,
    },
  };
}

function member(report: string, outlet: string, sourcing: Sourcing) {
  return { report, outlet, sourcing, published: null };
}

function tabState(partial: Partial<TabState>): TabState {
  return {
    status: 'ready',
    url: 'https://trutherdaily.example/russia-demands',
    host: 'trutherdaily.example',
    hash: 'hash:1',
    report: report(),
    truncated: false,
    echo: { origin: 'Reuters report of 2025-03-13', reports: 5 },
    error: null,
    updatedAt: 0,
    ...partial,
  };
}

const corpus: CorpusInfo = {
  story: 'A story',
  reports: [],
  echo: { origin: 'Reuters report of 2025-03-13', reports: 5 },
};

function stubClient(options: {
  state?: TabState | null;
  stateAfterRefresh?: TabState | null;
  reachable?: boolean;
  corpus?: Result<CorpusInfo>;
  settings?: Partial<Settings>;
  fullPage?: boolean;
  library?: Partial<LibraryPageState>;
}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [], ...options.settings };
  let refreshed = false;
  const client = {
    fullPage: options.fullPage ?? false,
    tabId: vi.fn(async () => 42),
    tabState: vi.fn(async (): Promise<Result<TabState | null>> => ({
      ok: true,
      value:
        refreshed && options.stateAfterRefresh !== undefined
          ? options.stateAfterRefresh
          : (options.state ?? null),
    })),
    corpus: vi.fn(async () => options.corpus ?? { ok: true as const, value: corpus }),
    settings: vi.fn(async () => settings),
    updateSettings: vi.fn(
      async (change: (s: Settings) => Settings) => (settings = change(settings)),
    ),
    refresh: vi.fn(async () => {
      refreshed = true;
      return options.reachable ?? true;
    }),
    checkNow: vi.fn(async () => true),
    flash: vi.fn(async () => true),
    shortcut: vi.fn(async () => 'Alt+Shift+H'),
    openFullReport: vi.fn(async () => undefined),
    openOptions: vi.fn(async () => undefined),
    openCheckPage: vi.fn(async () => undefined),
    subscribe: vi.fn(() => () => undefined),
    libraryPage: vi.fn(async (): Promise<Result<LibraryPageState>> => ({
      ok: true,
      value: {
        keeping: false,
        kept: null,
        blocked: null,
        articles: 0,
        error: null,
        generation: 1,
        ...options.library,
      },
    })),
    keepArticle: vi.fn(async () => ({
      ok: true as const,
      value: { status: 'kept' as const, id: 7, message: null },
    })),
    forgetArticles: vi.fn(async () => ({ ok: true as const, value: null })),
    openLibrary: vi.fn(async () => undefined),
  } satisfies PopupClient;
  return client;
}

async function show(client: PopupClient): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App client={client} />, root);
  });
  // Let the loading effects' promises finish: the popup's, then the library row's it mounts.
  for (let i = 0; i < 2; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  return root;
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no button "${text}" in: ${container.textContent}`);
  return found;
}

describe('a checked article', () => {
  test('shows the title, own-report note, summary, echo note, outlets and claims', async () => {
    const view = await show(stubClient({ state: tabState({}) }));
    const text = view.textContent ?? '';
    expect(view.querySelector('h1')?.textContent).toBe('Russia Issues Demands');
    expect(text).toContain("This is Truther Daily's own report");
    expect(text).toContain('12 of 21 sentences also reported by other outlets');
    // Where the claims come from: computed groups, not the corpus's metadata.
    expect(view.querySelector('.echo-title')?.textContent).toBe('Where these claims come from');
    // Its second claim is told by no outlet of the Reuters group: for that one, the page is a
    // source of its own.
    expect(view.querySelector('.echo-statement')?.textContent).toBe(
      `3 outlets, 3 independent sources: Reuters, Evil ${HOSTILE} and this page.`,
    );
    expect(view.querySelector('.echo-page-note')?.textContent).toBe(
      'This page is one of the reports of the Reuters group.',
    );
    expect(view.querySelector('.echo-dates')?.textContent).toBe(
      'No exact publication date is known for any of them.',
    );
    expect([...view.querySelectorAll('.echo-group')].map((li) => li.textContent)).toEqual([
      'Reuters · 2 outlets: CNews Live English (only unnamed sources), eAwaz · this page belongs to this group',
      `Evil ${HOSTILE} · 1 outlet: Evil ${HOSTILE} (no source named)`,
    ]);
    expect([...view.querySelectorAll('.claim-sources strong')].map((p) => p.textContent)).toEqual([
      '2 outlets, 1 independent source: Reuters',
      `1 outlet, 2 independent sources: Evil ${HOSTILE} and this page`,
    ]);
    expect([...view.querySelectorAll('.outlet')].map((li) => li.textContent)).toEqual([
      'CNews Live English7 sentences in common',
      'eAwaz1 sentence in common',
    ]);
    expect(view.querySelectorAll('.claim')).toHaveLength(2);
    expect(view.querySelector('.claim .match-outlet')?.textContent).toBe('CNews Live English');
    // Each match's score, read as the chance that it is the same claim.
    const chance = view.querySelector<HTMLElement>('.claim .match .chance')!;
    expect(chance.textContent).toBe('80% same claim');
    expect(chance.title).toContain('about 80 in 100 made the same claim');
  });

  test('marks only the words another outlet worded differently', async () => {
    const view = await show(stubClient({ state: tabState({}) }));
    const first = view.querySelector('.claim')!;
    const [cnews, eawaz] = [...first.querySelectorAll('.match-text')];
    expect([...cnews!.querySelectorAll('mark.diff')].map((m) => m.textContent)).toEqual([
      'worded differently: Russia',
    ]);
    expect(eawaz!.querySelectorAll('mark.diff')).toHaveLength(0);
  });

  test('shows what each outlet told differently, marks those words, and filters on it', async () => {
    const page =
      'Ukrainian President Volodymyr Zelenskiy said on Tuesday he would accept a 30-day ceasefire.';
    const told =
      'Ukrainian President Volodymyr Zelenskiy has already agreed to a ceasefire, sources said.';
    const flagged = {
      ...report(),
      sentences: [
        {
          text: page,
          start: 0,
          end: page.length,
          matches: [
            { ...match('CNews Live English', told), differences: findDifferences(page, told) },
          ],
        },
        ...report().sentences.map((s) => ({
          ...s,
          matches: s.matches.map((m) => ({ ...m, differences: [] })),
        })),
      ],
    };
    const view = await show(stubClient({ state: tabState({ report: flagged }) }));
    const chips = [...view.querySelectorAll('.flag')].map((e) => e.textContent);
    expect(chips).toEqual([
      'Date dropped: Tuesday',
      'Number dropped: 30-day',
      'Hedge: would accept → has already agreed',
      'Attribution added: sources said',
    ]);
    // The words concerned are marked in the page's sentence and in the outlet's.
    const claim = view.querySelector('.claim-sentence')!;
    expect(
      [...claim.querySelectorAll('mark.flag-mark')].map((m) => m.lastChild?.textContent),
    ).toEqual(['Tuesday', 'would accept', '30-day']);
    const wording = view.querySelector('.match-text')!;
    expect(
      [...wording.querySelectorAll('mark.flag-mark')].map((m) => m.lastChild?.textContent),
    ).toEqual(['has already agreed', 'sources said']);
    // The filter keeps only the claim some outlet told differently.
    expect(view.querySelectorAll('.claim')).toHaveLength(3);
    const filter = view.querySelector<HTMLInputElement>('.filter input')!;
    expect(view.querySelector('.filter')?.textContent).toBe(
      'Show only claims told differently (1)',
    );
    await act(async () => {
      filter.click();
    });
    expect(view.querySelectorAll('.claim')).toHaveLength(1);
    expect(view.querySelector('.claim-sentence')?.textContent).toContain('30-day ceasefire');
  });

  test('without any difference there is no filter and no chip', async () => {
    const view = await show(stubClient({ state: tabState({}) }));
    expect(view.querySelector('.filter')).toBeNull();
    expect(view.querySelector('.flag')).toBeNull();
  });

  test('links open in a new tab without an opener', async () => {
    const view = await show(stubClient({ state: tabState({}) }));
    const links = [...view.querySelectorAll('.match a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:/);
    }
  });

  test('page and corpus text with markup is shown as text, never run', async () => {
    const view = await show(stubClient({ state: tabState({}) }));
    expect(view.querySelector('img[src="x"]')).toBeNull();
    expect(view.textContent).toContain(HOSTILE);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  test('clicking a claim asks the page to show that sentence of the checked text', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    await act(async () => {
      (view.querySelector('.claim-sentence') as HTMLButtonElement).click();
    });
    expect(client.flash).toHaveBeenCalledWith(42, { start: 0, end: 62, hash: 'hash:1' });
  });

  test('says where the text was cut, and shows the place on the page', async () => {
    const client = stubClient({ state: tabState({ truncated: true }) });
    const view = await show(client);
    const note = view.querySelector('.cut-note')!;
    // The last words of the last sentence checked, quoted as text (never as markup).
    expect(note.textContent).toContain(`checked up to “…awaits a response from Putin. ${HOSTILE}”`);
    expect(note.querySelector('img')).toBeNull();
    expect(note.textContent).toContain('The rest was not checked.');
    const last = report().sentences[2]!;
    await act(async () => {
      (note.querySelector('button') as HTMLButtonElement).click();
    });
    expect(client.flash).toHaveBeenCalledWith(42, {
      start: last.start,
      end: last.end,
      hash: 'hash:1',
    });
  });

  test('a cut text without sentences still says it was cut', async () => {
    const empty = {
      ...report(),
      sentences: [],
      summary: { sentences: 0, matched: 0, outlets: [] },
    };
    const view = await show(stubClient({ state: tabState({ truncated: true, report: empty }) }));
    expect(view.textContent).toContain('only its first part was checked');
  });

  test("says once when the page's visible text was checked because no article was found", async () => {
    const view = await show(stubClient({ state: tabState({ scope: 'page' }) }));
    const notes = [...view.querySelectorAll('.note')].map((n) => n.textContent);
    expect(notes).toEqual([
      'No article was found on this page, so Crosscheck checked its visible text instead.',
    ]);
    const plain = await show(stubClient({ state: tabState({}) }));
    expect(plain.querySelector('.scope-note')).toBeNull();
  });

  test('says when the reader chose to see only the surer matches, also when none is left', async () => {
    const strict = { ...report(), minChance: 0.85 };
    const view = await show(stubClient({ state: tabState({ report: strict }) }));
    expect(view.querySelector('.chance-note')?.textContent).toBe(
      'Only matches at least 85% likely the same claim are shown, as chosen in the options.',
    );
    const none = {
      ...strict,
      sentences: strict.sentences.map((s) => ({ ...s, matches: [] })),
      summary: { ...strict.summary, matched: 0, outlets: [] },
    };
    const empty = await show(stubClient({ state: tabState({ report: none }) }));
    expect(empty.querySelector('.chance-note')).not.toBeNull();
    const plain = await show(stubClient({ state: tabState({}) }));
    expect(plain.querySelector('.chance-note')).toBeNull();
  });

  test("says when the page tells another story and its matches' chances were lowered", async () => {
    const lowered = { ...report(), claimShare: 0.05 };
    const view = await show(stubClient({ state: tabState({ report: lowered }) }));
    expect(view.querySelector('.share-note')?.textContent).toBe(
      'Little of this page tells a story the reports or your library tell, so a match had to be clearer to be shown here, and its chance reads low.',
    );
    const plain = await show(stubClient({ state: tabState({}) }));
    expect(plain.querySelector('.share-note')).toBeNull();
  });

  test('a wording can be marked "not the same claim"; hidden matches are said, and can come back', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    const buttons = [...view.querySelectorAll<HTMLButtonElement>('.hide-match')];
    const matches = report().sentences.flatMap((s) => s.matches.map((m) => ({ s, m })));
    expect(buttons).toHaveLength(matches.length);
    await act(async () => buttons[0]!.click());
    await settle();
    const { s, m } = matches[0]!;
    expect((await client.settings()).hiddenMatches).toEqual([matchKey(s.text, m)]);
    expect(view.querySelector('.hidden-note')).toBeNull();
    // The report the page sends back says how many are hidden, with the way back.
    const hidden = { ...report(), hidden: ['abc:1', 'def:2'] };
    const other = stubClient({
      state: tabState({ report: hidden }),
      settings: { hiddenMatches: ['abc:1', 'xyz:3', 'def:2'] },
    });
    const again = await show(other);
    const note = again.querySelector('.hidden-note')!;
    expect(note.textContent).toBe(
      '2 matches you marked as not the same claim are hidden. Show them again',
    );
    await act(async () => note.querySelector('button')!.click());
    await settle();
    expect((await other.settings()).hiddenMatches).toEqual(['xyz:3']);
  });

  test('an article nobody else reported has its own empty state', async () => {
    const empty = {
      ...report(),
      self: null,
      sentences: [],
      summary: { sentences: 14, matched: 0, outlets: [] },
    };
    const view = await show(stubClient({ state: tabState({ report: empty }) }));
    expect(view.textContent).toContain('No other outlet reports these sentences');
    expect(view.textContent).toContain('None of the 14 sentences');
  });
});

describe('controls', () => {
  test('the highlights switch writes the shared setting', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    const toggle = view.querySelector('[role="switch"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(toggle.getAttribute('aria-labelledby')).toBe('switch-label');
    await act(async () => toggle.click());
    expect(client.updateSettings).toHaveBeenCalledOnce();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  test('"Disable on this site" adds the host; the popup then offers to turn it back on', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    await act(async () => button(view, 'Disable on this site').click());
    expect(await client.settings()).toMatchObject({ disabledSites: ['trutherdaily.example'] });
  });

  test('the controls wait for the library row, so a late row never moves the switch', async () => {
    const client = stubClient({ state: tabState({}) });
    let answer: (value: Result<LibraryPageState>) => void = () => {};
    client.libraryPage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const view = await show(client);
    expect(view.textContent).toContain('12 of 21 sentences');
    expect(view.querySelector('[role="switch"]')).toBeNull();
    await act(async () => {
      answer({ ok: false, error: 'no library' });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    // The row that could not be read shows nothing, and the controls come.
    expect(view.querySelector('.library-row')).toBeNull();
    expect(view.querySelector('[role="switch"]')).not.toBeNull();
    // Once shown they stay, also while the row reads itself again.
    client.libraryPage.mockImplementationOnce(() => new Promise(() => {}));
    await act(async () => button(view, 'Disable on this site').click());
    expect(view.querySelector('[role="switch"]')).not.toBeNull();
  });

  test('a library row that never answers holds the controls back only briefly', async () => {
    const client = stubClient({ state: tabState({}) });
    client.libraryPage.mockImplementation(() => new Promise(() => {}));
    const view = await show(client);
    expect(view.querySelector('[role="switch"]')).toBeNull();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, WAIT_FOR_ROW_MS + 50));
    });
    expect(view.querySelector('[role="switch"]')).not.toBeNull();
  });

  test('a library row that fails still lets the controls show', async () => {
    const client = stubClient({ state: tabState({}) });
    client.libraryPage.mockImplementationOnce(async () => {
      throw new Error('the background went away');
    });
    const view = await show(client);
    expect(view.querySelector('.library-row')).toBeNull();
    expect(view.querySelector('[role="switch"]')).not.toBeNull();
  });

  test('"Open full report" is offered in the popup, not in the full-page report', async () => {
    const popup = await show(stubClient({ state: tabState({}) }));
    expect(() => button(popup, 'Open full report')).not.toThrow();
    render(null, root);
    const full = await show(stubClient({ state: tabState({}), fullPage: true }));
    expect(() => button(full, 'Open full report')).toThrow();
  });
});

describe('other states', () => {
  test('a page that is not an article offers "Check this page anyway"', async () => {
    const client = stubClient({ state: tabState({ status: 'not-article', report: null }) });
    const view = await show(client);
    expect(view.textContent).toContain("This page doesn't look like a news article");
    await act(async () => button(view, 'Check this page anyway').click());
    expect(client.checkNow).toHaveBeenCalledWith(42);
  });

  test('a disabled site offers to turn it back on', async () => {
    const client = stubClient({
      state: tabState({ status: 'disabled', report: null }),
      settings: { disabledSites: ['trutherdaily.example'] },
    });
    const view = await show(client);
    expect(view.textContent).toContain('Crosscheck is off on trutherdaily.example');
    await act(async () => button(view, 'Turn on for this site').click());
    expect((await client.settings()).disabledSites).toEqual([]);
  });

  test('with nothing stored, the page is asked again before anything is shown', async () => {
    const client = stubClient({ state: null, stateAfterRefresh: tabState({}) });
    const view = await show(client);
    expect(client.refresh).toHaveBeenCalledWith(42);
    expect(view.querySelector('h1')?.textContent).toBe('Russia Issues Demands');
  });

  test('a page without a content script says why it cannot be checked', async () => {
    const view = await show(stubClient({ state: null, reachable: false }));
    expect(view.textContent).toContain("Crosscheck can't read this page");
  });

  test('a damaged corpus is an error state with details, not a blank popup', async () => {
    const view = await show(
      stubClient({ state: tabState({}), corpus: { ok: false, error: 'index.json: bad format' } }),
    );
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(
      'The bundled corpus of reports could not be loaded',
    );
    expect(view.textContent).toContain('index.json: bad format');
  });

  test('a page still being checked shows progress', async () => {
    const view = await show(stubClient({ state: null, stateAfterRefresh: null }));
    expect(view.textContent).toContain('Checking this page…');
    expect(view.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
  });
});

describe('the library', () => {
  test('a page not kept offers "Keep this article", which asks the page to send it', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    await act(async () => {
      button(view, 'Keep this article').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(client.keepArticle).toHaveBeenCalledWith(42);
    expect(view.textContent).toContain('Kept in your library.');
  });

  test('a kept page says when it was read and offers "Forget this article"', async () => {
    const client = stubClient({
      state: tabState({}),
      library: { kept: { id: 9, read: '2025-05-03T09:30:00.000Z' } },
    });
    const view = await show(client);
    expect(view.textContent).toMatch(/In your library \(read on (3 May|May 3)/);
    await act(async () => {
      button(view, 'Forget this article').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(client.forgetArticles).toHaveBeenCalledWith([9]);
  });

  test.each([
    ['private', 'Articles read in private windows are never kept.'],
    ['excluded', 'Articles from this site are not kept.'],
  ] as const)('a %s page offers no keeping and says why', async (blocked, text) => {
    const view = await show(stubClient({ state: tabState({}), library: { blocked } }));
    expect(view.textContent).toContain(text);
    expect([...view.querySelectorAll('button')].map((b) => b.textContent)).not.toContain(
      'Keep this article',
    );
  });

  test('a full library says so, and that nothing was lost', async () => {
    const view = await show(
      stubClient({ state: tabState({}), library: { error: { message: 'x', full: true } } }),
    );
    expect(view.querySelector('[role="alert"]')?.textContent).toMatch(
      /full.*Nothing already kept was lost/,
    );
  });

  test('a match to a library article shows when it was read, and links to it', async () => {
    const kept = report();
    kept.sentences[0]!.matches = [
      {
        ...match('Northgate Courier', 'Russia has handed Washington a list of demands.'),
        report: 'library:3',
        url: 'https://northgate.example/story',
        read: '2025-05-03T09:30:00.000Z',
      },
    ];
    kept.summary.outlets = [{ report: 'library:3', outlet: 'Northgate Courier', sentences: 1 }];
    const view = await show(stubClient({ state: tabState({ report: kept }) }));
    expect(view.querySelector('.match-read')?.textContent).toMatch(/read on (3 May|May 3)/);
    const link = [...view.querySelectorAll('.outlets a')][0] as HTMLAnchorElement;
    expect(link.href).toBe('https://northgate.example/story');
  });
});

describe('the part of a sentence a match makes the claim of', () => {
  const sentence = {
    text: 'Trump awaits an answer from Putin, and Zelenskiy said he would accept the truce.',
    start: 100,
    end: 180,
    matches: [],
  };
  test.each([
    ['a part', { start: 139, end: 180 }, 'Zelenskiy said he would accept the truce.'],
    ['the whole sentence', { start: 100, end: 180 }, null],
    ['no span given', undefined, null],
  ])('%s', (_name, pageSpan, part) => {
    root = document.createElement('div');
    const m = { ...match('eAwaz', 'Zelenskiy said he would accept.'), pageSpan };
    expect(partOf(sentence, m)).toBe(part);
  });

  test('the popup marks the shared part above the outlet wording', async () => {
    const text = 'Trump awaits an answer from Putin, and Zelenskiy said he would accept the truce.';
    const data = report();
    data.sentences = [
      {
        text,
        start: 0,
        end: text.length,
        matches: [
          {
            ...match('eAwaz', 'Zelensky said he would accept the truce.'),
            pageSpan: { start: 39, end: text.length },
          },
        ],
      },
    ];
    const shown = await show(stubClient({ state: tabState({ report: data }) }));
    expect(shown.querySelector('.match-part mark.shared')?.textContent).toBe(
      'Zelenskiy said he would accept the truce.',
    );
  });
});

describe('what was checked', () => {
  const untitled = () => ({ ...report(), article: { title: null, detected: false } });

  test('a selection: titled by its site, said to be only the selection, and the whole page a click away', async () => {
    const client = stubClient({ state: tabState({ scope: 'selection', report: untitled() }) });
    const view = await show(client);
    expect(view.querySelector('h1')?.textContent).toBe('Text selected on trutherdaily.example');
    expect(view.textContent).toContain(
      'Crosscheck checked only the text you selected on this page.',
    );
    await act(async () => button(view, 'Check the whole page').click());
    expect(client.checkNow).toHaveBeenCalledWith(42);
  });

  test("a page's visible text: the popup says no article was found", async () => {
    const view = await show(stubClient({ state: tabState({ scope: 'page' }) }));
    expect(view.textContent).toContain(
      'No article was found on this page, so Crosscheck checked its visible text instead.',
    );
    expect(view.textContent).not.toContain('Check the whole page');
  });

  test('a text given on the check page: named "your text" where the claims come from', async () => {
    const view = await show(stubClient({ state: tabState({ scope: 'text' }) }));
    expect(view.querySelector('.echo-page-note')?.textContent).toBe(
      'Your text is one of the reports of the Reuters group.',
    );
    expect(view.querySelector('.echo-group')?.textContent).toMatch(
      / · your text belongs to this group$/,
    );
    expect([...view.querySelectorAll('.claim-sources strong')].at(-1)?.textContent).toBe(
      `1 outlet, 2 independent sources: Evil ${HOSTILE} and your text`,
    );
    expect(view.querySelector('.echo')?.textContent).not.toMatch(/this page/i);
  });

  test('an article: no note, and no "Check the whole page"', async () => {
    const view = await show(stubClient({ state: tabState({ scope: 'article' }) }));
    expect(view.querySelector('.scope-note')).toBeNull();
    expect(view.textContent).not.toContain('Check the whole page');
  });

  test('a page where no article text was found offers to check it anyway', async () => {
    const client = stubClient({ state: tabState({ status: 'no-text', report: null }) });
    const view = await show(client);
    expect(view.textContent).toContain('No article text found');
    expect(view.textContent).toContain('choose “Cross-check selection” from the context menu');
    await act(async () => button(view, 'Check this page anyway').click());
    expect(client.checkNow).toHaveBeenCalledWith(42);
  });

  test('"Check a text" opens the check page', async () => {
    const client = stubClient({ state: tabState({}) });
    const view = await show(client);
    await act(async () => button(view, 'Check a text').click());
    expect(client.openCheckPage).toHaveBeenCalledOnce();
  });
});

test('the full-page report of a selection is named in the tab title as on the page', async () => {
  await show(
    stubClient({
      fullPage: true,
      state: tabState({
        scope: 'selection',
        report: { ...report(), article: { title: null, detected: false } },
      }),
    }),
  );
  expect(document.title).toBe('Crosscheck report: Text selected on trutherdaily.example');
});
