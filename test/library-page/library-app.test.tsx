// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import type { LibraryArticle } from '../../src/core/library-format';
import type { ArticleRecord } from '../../src/library/schema';
import type { LibraryClient } from '../../src/library-page/client';
import { formatBytes, LibraryApp } from '../../src/library-page/library-app';
import type { ImportItem } from '../../src/library-page/read-files';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const record = (id: number, outlet: string, title: string, read: string): ArticleRecord => ({
  id,
  url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${id}`,
  outlet,
  title,
  published: null,
  read,
  hash: `h${id}`,
  chars: 100,
});

function stubClient(records: ArticleRecord[], items: ImportItem[] = []) {
  let list = [...records];
  return {
    articles: vi.fn(async () => list),
    exportLines: vi.fn(async () => list.map((r) => `${JSON.stringify({ url: r.url })}\n`)),
    storage: vi.fn(async () => ({ usage: 1_500_000, quota: 2_000_000_000, persisted: true })),
    forget: vi.fn(async (ids: number[]) => {
      list = list.filter((r) => !ids.includes(r.id));
      return { ok: true as const, value: null };
    }),
    clear: vi.fn(async () => {
      list = [];
      return { ok: true as const, value: null };
    }),
    importArticles: vi.fn(async (articles: LibraryArticle[]) => ({
      ok: true as const,
      value: {
        added: articles.length - 1,
        duplicates: 1,
        invalid: [],
        failed: 0,
        error: null,
        full: false,
      },
    })),
    importCorpus: vi.fn(async () => ({
      ok: true as const,
      value: { added: 5, duplicates: 0, invalid: [], failed: 0, error: null, full: false },
    })),
    readFiles: vi.fn(() => items),
    save: vi.fn(),
    onChange: vi.fn(() => () => undefined),
    confirm: vi.fn(() => true),
  } satisfies LibraryClient;
}

async function show(client: LibraryClient): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<LibraryApp client={client} />, root));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return root;
}
const titles = (view: HTMLElement) =>
  [...view.querySelectorAll('.article-title')].map((a) => a.firstChild?.textContent);
async function type(input: HTMLInputElement | HTMLSelectElement, value: string, event = 'input') {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event(event));
  });
}

const records = [
  record(1, 'The Northgate Courier', 'Kremlin price for peace', '2025-05-03T09:30:00Z'),
  record(2, 'The Harbour Ledger', 'Russia gives US list of demands', '2025-05-05T10:00:00Z'),
  record(3, 'The Meridian Post', 'Harbour City edge Rovers in derby', '2025-04-20T18:00:00Z'),
];

describe('the library page', () => {
  test('lists the articles newest first, with the storage used against the quota', async () => {
    const view = await show(stubClient(records));
    expect(titles(view)).toEqual([
      'Russia gives US list of demands',
      'Kremlin price for peace',
      'Harbour City edge Rovers in derby',
    ]);
    expect(view.textContent).toContain('3 articles');
    expect(view.textContent).toContain('Storage used: 1.5 MB of the 2.0 GB the browser allows.');
    expect(view.textContent).toContain('The browser will not clear your library');
  });

  test('search forgives typos; outlet and date filters narrow the list', async () => {
    const view = await show(stubClient(records));
    await type(view.querySelector('input[type="search"]') as HTMLInputElement, 'kremlim');
    expect(titles(view)).toEqual(['Kremlin price for peace']);
    await type(view.querySelector('input[type="search"]') as HTMLInputElement, '');
    await type(view.querySelector('select') as HTMLSelectElement, 'The Meridian Post', 'change');
    expect(titles(view)).toEqual(['Harbour City edge Rovers in derby']);
    await type(view.querySelector('select') as HTMLSelectElement, '', 'change');
    const [from, to] = [...view.querySelectorAll('input[type="date"]')] as HTMLInputElement[];
    await type(from!, '2025-05-01');
    await type(to!, '2025-05-04');
    expect(titles(view)).toEqual(['Kremlin price for peace']);
    expect(view.textContent).toContain('1 of 3 shown');
  });

  test('deletes one article, and all after asking', async () => {
    const client = stubClient(records);
    const view = await show(client);
    const remove = view.querySelector(
      'button[aria-label="Delete “Kremlin price for peace” from your library"]',
    ) as HTMLButtonElement;
    await act(async () => remove.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(client.forget).toHaveBeenCalledWith([1]);
    expect(titles(view)).toHaveLength(2);
    const all = [...view.querySelectorAll('button')].find(
      (b) => b.textContent === 'Delete all articles…',
    )!;
    await act(async () => all.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(client.confirm).toHaveBeenCalledWith(expect.stringMatching(/Delete all 2 articles/));
    expect(client.clear).toHaveBeenCalled();
    expect(view.textContent).toContain('Your library is empty.');
  });

  test('an import shows what it added, what was there already and the lines it could not read', async () => {
    const article: LibraryArticle = {
      url: 'https://a.example/1',
      outlet: 'A',
      title: null,
      published: null,
      read: '2025-05-03T00:00:00Z',
      text: 'Text one.',
    };
    const items: ImportItem[] = [
      {
        kind: 'articles',
        file: 'export.jsonl',
        articles: [article, { ...article, url: 'https://a.example/2' }],
        problems: [{ file: 'export.jsonl', line: 3, error: 'not valid JSON' }],
      },
      { kind: 'corpus', file: 'news.ccorpus', bytes: new Uint8Array([1]) },
    ];
    const client = stubClient([], items);
    const view = await show(client);
    const input = view.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'export.jsonl')] });
    await act(async () => void input.dispatchEvent(new Event('change')));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(client.importArticles).toHaveBeenCalledTimes(1);
    expect(client.importCorpus).toHaveBeenCalledTimes(1);
    expect(view.textContent).toContain('Imported 6 articles; 1 were already in your library.');
    expect(view.textContent).toContain('export.jsonl, line 3: not valid JSON');
  });

  test('exports every article as JSON Lines', async () => {
    const client = stubClient(records);
    const view = await show(client);
    const button = [...view.querySelectorAll('button')].find(
      (b) => b.textContent === 'Export (JSON Lines)',
    )!;
    await act(async () => button.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(client.save).toHaveBeenCalledWith(
      expect.stringMatching(/^crosscheck-library-\d{4}-\d{2}-\d{2}\.jsonl$/),
      expect.any(Array),
      'application/x-ndjson',
    );
    expect(view.textContent).toContain('Exported 3 articles.');
  });

  test.each([
    [999, '999 bytes'],
    [1_500, '1.5 KB'],
    [12_300_000, '12 MB'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
