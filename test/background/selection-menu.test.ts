import type { Menus, Tabs } from 'webextension-polyfill';
import { describe, expect, test, vi } from 'vitest';
import {
  createSelectionMenu,
  KEPT_SELECTIONS,
  memorySelectionStore,
  onSelectionMenu,
  openExtensionPage,
  SELECTION_MENU_ID,
  sessionSelectionStore,
  type SelectionMenuDeps,
} from '../../src/background/selection-menu';
import type { Api } from '../../src/shared/browser-api';

const TAB = { id: 12, index: 3, windowId: 2 } as Tabs.Tab;
const PAGE = 'https://social.example/post/1';

function click(partial: Partial<Menus.OnClickData> = {}): Menus.OnClickData {
  return {
    menuItemId: SELECTION_MENU_ID,
    selectionText: 'Russia has handed the US a list of demands.',
    frameId: 0,
    pageUrl: PAGE,
    editable: false,
    modifiers: [],
    ...partial,
  } as Menus.OnClickData;
}

function setup(inPage: boolean | (() => Promise<boolean>) = true) {
  const opened: string[] = [];
  const selections = memorySelectionStore(() => 'sel-1');
  const deps: SelectionMenuDeps = {
    checkInPage: vi.fn(typeof inPage === 'function' ? inPage : async () => inPage),
    selections,
    openPage: vi.fn(async (path: string) => void opened.push(path)),
  };
  return { deps, opened, selections };
}

describe('onSelectionMenu', () => {
  test('the page checks its own selection, and its report opens next to it', async () => {
    const { deps, opened } = setup(true);
    expect(await onSelectionMenu(deps, click(), TAB)).toBe('page');
    expect(deps.checkInPage).toHaveBeenCalledWith(12);
    expect(opened).toEqual(['popup.html?tab=12']);
    expect(deps.openPage).toHaveBeenCalledWith('popup.html?tab=12', TAB);
  });

  test.each([
    ['the page cannot (no content script, or no selection it can read)', click(), false],
    [
      'the selection is in a frame',
      click({ frameId: 3, frameUrl: 'https://embed.example/p' }),
      true,
    ],
    ['the selection is in a form field', click({ editable: true }), true],
  ])('the check page gets the text when %s', async (_name, info, pageAnswer) => {
    const { deps, opened, selections } = setup(pageAnswer);
    expect(await onSelectionMenu(deps, info, TAB)).toBe('check-page');
    expect(opened).toEqual(['check.html?selection=sel-1']);
    expect(await selections.get('sel-1')).toEqual({
      text: 'Russia has handed the US a list of demands.',
      url: info.frameUrl ?? PAGE,
    });
    if (info.frameId !== 0 || info.editable) expect(deps.checkInPage).not.toHaveBeenCalled();
  });

  test('a page that does not answer in time is given up on', async () => {
    const { deps, opened } = setup(() => new Promise<boolean>(() => undefined));
    expect(await onSelectionMenu(deps, click(), TAB, 20)).toBe('check-page');
    expect(opened).toEqual(['check.html?selection=sel-1']);
  });

  test('a page whose answer fails counts as one that cannot check', async () => {
    const { deps } = setup(() => Promise.reject(new Error('Receiving end does not exist.')));
    expect(await onSelectionMenu(deps, click(), TAB)).toBe('check-page');
  });

  test('nothing opens without text, and other menu items are not ours', async () => {
    const { deps, opened } = setup(false);
    expect(await onSelectionMenu(deps, click({ selectionText: '  ' }), TAB)).toBe('nothing');
    expect(await onSelectionMenu(deps, click({ menuItemId: 'other' }), TAB)).toBe('ignored');
    expect(opened).toEqual([]);
  });

  test('without a tab (e.g. a sidebar), the check page is used', async () => {
    const { deps, opened } = setup(true);
    expect(await onSelectionMenu(deps, click(), undefined)).toBe('check-page');
    expect(deps.checkInPage).not.toHaveBeenCalled();
    expect(opened).toEqual(['check.html?selection=sel-1']);
  });
});

/** A storage area in memory, shaped like storage.session. */
function fakeArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: vi.fn(async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {})),
    set: vi.fn(
      async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    ),
  };
}

describe('kept selections', () => {
  test('are kept in storage.session, the newest few only, and read back by id', async () => {
    const area = fakeArea();
    let n = 0;
    const store = sessionSelectionStore(
      { storage: { session: area } } as unknown as Api,
      () => `id-${++n}`,
    );
    for (let i = 0; i < KEPT_SELECTIONS + 2; i++) {
      await store.keep({ text: `text ${i}`, url: `https://a.example/${i}` });
    }
    expect(await store.get(`id-${KEPT_SELECTIONS + 2}`)).toEqual({
      text: `text ${KEPT_SELECTIONS + 1}`,
      url: `https://a.example/${KEPT_SELECTIONS + 1}`,
    });
    expect(await store.get('id-1')).toBeNull();
    expect(await store.get('unknown')).toBeNull();
    expect((area.data.selections as unknown[]).length).toBe(KEPT_SELECTIONS);
  });

  test('damaged stored entries are ignored', async () => {
    const area = fakeArea();
    area.data.selections = [{ id: 'x', text: 5 }, 'junk', { id: 'ok', text: 'fine', url: '' }];
    const store = sessionSelectionStore({ storage: { session: area } } as unknown as Api);
    expect(await store.get('x')).toBeNull();
    expect(await store.get('ok')).toEqual({ text: 'fine', url: '' });
  });
});

describe('the menu item and the opened tab', () => {
  test('one item, on selected text, replacing any left from before', async () => {
    const calls: string[] = [];
    const api = {
      contextMenus: {
        removeAll: vi.fn(async () => void calls.push('removeAll')),
        create: vi.fn((props: Menus.CreateCreatePropertiesType) => {
          calls.push(`create ${JSON.stringify(props)}`);
          return props.id!;
        }),
      },
    } as unknown as Api;
    await createSelectionMenu(api);
    expect(calls).toEqual([
      'removeAll',
      `create ${JSON.stringify({ id: SELECTION_MENU_ID, title: 'menuCheckSelection', contexts: ['selection'] })}`,
    ]);
  });

  test('opens next to the tab it came from, or anywhere when the window refuses', async () => {
    const created: unknown[] = [];
    let refuse = false;
    const api = {
      runtime: { getURL: (p: string) => `chrome-extension://id/${p}` },
      tabs: {
        create: vi.fn(async (props: unknown) => {
          if (refuse && (props as { windowId?: number }).windowId !== undefined) {
            throw new Error('incognito');
          }
          created.push(props);
        }),
      },
    } as unknown as Api;
    await openExtensionPage(api, 'popup.html?tab=12', TAB);
    refuse = true;
    await openExtensionPage(api, 'check.html', TAB);
    expect(created).toEqual([
      { url: 'chrome-extension://id/popup.html?tab=12', openerTabId: 12, windowId: 2, index: 4 },
      { url: 'chrome-extension://id/check.html' },
    ]);
  });
});
