/**
 * "Cross-check selection" in the context menu of any page. The page's own content script checks
 * the selected text when it can: the selection then becomes what the tab's report is about, is
 * highlighted on the page, and the report opens in a tab (`popup.html?tab=<id>`). Where it cannot
 * (a selection in a frame or a form field, a page the content script does not run on), the text
 * the browser gives is kept for the check page, which opens with it and checks it there.
 */
import type { Menus, Tabs } from 'webextension-polyfill';
import type { Api } from '../shared/browser-api';
import { t } from '../shared/i18n';
import { MAX_MESSAGE_TEXT, type KeptSelection } from '../shared/messages';
import { isRecord } from '../shared/validate';

/** The id of the context-menu item. */
export const SELECTION_MENU_ID = 'crosscheck-selection';

/**
 * How long the page may take to check its selection before the check page is used instead. A
 * selection is at most a long article, checked in well under a second; a page that has not
 * answered by then is busy or frozen, and the reader is waiting.
 */
export const PAGE_CHECK_TIMEOUT_MS = 10_000;

/** Selections kept for the check page: they are only read back by the tab that was opened. */
export const KEPT_SELECTIONS = 8;

const SELECTIONS_KEY = 'selections';

/** Where selections for the check page are kept (storage.session: gone with the session). */
export interface SelectionStore {
  /** Keeps a selection and returns the id the check page asks for it by. */
  keep(selection: KeptSelection): Promise<string>;
  get(id: string): Promise<KeptSelection | null>;
}

/** What the menu's click handler needs from the extension. */
export interface SelectionMenuDeps {
  /** Asks the tab's content script to check its selection; true when it did. */
  checkInPage(tabId: number): Promise<boolean>;
  selections: SelectionStore;
  /** Opens an extension page (e.g. `check.html?…`) in a new tab next to `opener`. */
  openPage(path: string, opener: Tabs.Tab | undefined): Promise<void>;
}

/** Where a selection was checked: on its page, on the check page, or not at all. */
export type SelectionOutcome = 'page' | 'check-page' | 'nothing' | 'ignored';

/** Creates the menu item. Menus persist in both browsers, so this runs once per install. */
export async function createSelectionMenu(api: Api): Promise<void> {
  await api.contextMenus.removeAll();
  api.contextMenus.create({
    id: SELECTION_MENU_ID,
    title: t('menuCheckSelection'),
    contexts: ['selection'],
  });
}

function withTimeout(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.catch(() => false), late]).finally(() => clearTimeout(timer));
}

/** Handles a click on a context-menu item; anything but "Cross-check selection" is ignored. */
export async function onSelectionMenu(
  deps: SelectionMenuDeps,
  info: Menus.OnClickData,
  tab: Tabs.Tab | undefined,
  timeoutMs = PAGE_CHECK_TIMEOUT_MS,
): Promise<SelectionOutcome> {
  if (info.menuItemId !== SELECTION_MENU_ID) return 'ignored';
  const tabId = tab?.id;
  // The content script runs in the top frame only, and the text of a form field is not part of
  // the page's selection: those go to the check page, with the text the browser gives.
  const inPage =
    typeof tabId === 'number' && tabId >= 0 && (info.frameId ?? 0) === 0 && !info.editable;
  if (inPage && (await withTimeout(deps.checkInPage(tabId), timeoutMs))) {
    await deps.openPage(`popup.html?tab=${tabId}`, tab);
    return 'page';
  }
  const text = (info.selectionText ?? '').trim();
  if (text === '') return 'nothing';
  const id = await deps.selections.keep({
    text: text.slice(0, MAX_MESSAGE_TEXT),
    url: info.frameUrl ?? info.pageUrl ?? '',
  });
  await deps.openPage(`check.html?selection=${encodeURIComponent(id)}`, tab);
  return 'check-page';
}

/** Opens an extension page in a tab next to `opener` (in its window when the browser allows). */
export async function openExtensionPage(
  api: Api,
  path: string,
  opener: Tabs.Tab | undefined,
): Promise<void> {
  const url = api.runtime.getURL(path);
  try {
    await api.tabs.create({
      url,
      ...(opener?.id !== undefined && opener.id >= 0 ? { openerTabId: opener.id } : {}),
      ...(opener ? { windowId: opener.windowId, index: opener.index + 1 } : {}),
    });
  } catch {
    // A private window may refuse extension pages (Chrome's "spanning" incognito mode).
    await api.tabs.create({ url });
  }
}

interface StoredSelection extends KeptSelection {
  id: string;
}

function storedSelections(value: unknown): StoredSelection[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is StoredSelection =>
      isRecord(entry) &&
      typeof entry.id === 'string' &&
      typeof entry.text === 'string' &&
      typeof entry.url === 'string',
  );
}

/** A SelectionStore over a list read and written whole (it holds a few entries at most). */
function listStore(
  read: () => Promise<StoredSelection[]>,
  write: (kept: StoredSelection[]) => Promise<void>,
  newId: () => string,
): SelectionStore {
  return {
    async keep(selection) {
      const id = newId();
      await write([{ id, ...selection }, ...(await read())].slice(0, KEPT_SELECTIONS));
      return id;
    },
    async get(id) {
      const found = (await read()).find((entry) => entry.id === id);
      return found ? { text: found.text, url: found.url } : null;
    },
  };
}

/** A SelectionStore over storage.session, or over memory where the browser lacks it. */
export function sessionSelectionStore(
  api: Api,
  newId: () => string = () => crypto.randomUUID(),
): SelectionStore {
  const area = api.storage.session;
  if (!area) return memorySelectionStore(newId);
  return listStore(
    async () => storedSelections((await area.get(SELECTIONS_KEY))[SELECTIONS_KEY]),
    (kept) => area.set({ [SELECTIONS_KEY]: kept }),
    newId,
  );
}

/** A SelectionStore in memory (tests, and browsers without storage.session). */
export function memorySelectionStore(
  newId: () => string = () => crypto.randomUUID(),
): SelectionStore {
  let list: StoredSelection[] = [];
  return listStore(
    async () => list,
    async (kept) => {
      list = kept;
    },
    newId,
  );
}
