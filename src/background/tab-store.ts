/**
 * Per-tab state in storage.session: it survives a restart of the service worker (so the popup is
 * answered after the worker was stopped) and disappears with the browser session.
 */
import type { Api } from '../shared/browser-api';
import { tabStateKey as tabKey, type TabState } from '../shared/messages';
import { isRecord } from '../shared/validate';

/** Where tab states are kept. */
export interface TabStore {
  get(tabId: number): Promise<TabState | null>;
  set(tabId: number, state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
}

function looksLikeTabState(value: unknown): value is TabState {
  return isRecord(value) && typeof value.status === 'string' && typeof value.url === 'string';
}

/** A TabStore over storage.session, or over memory where the browser lacks storage.session. */
export function sessionTabStore(api: Api): TabStore {
  const area = api.storage.session;
  if (!area) return memoryTabStore();
  return {
    async get(tabId) {
      const key = tabKey(tabId);
      const stored = await area.get(key);
      const value = stored[key];
      return looksLikeTabState(value) ? value : null;
    },
    async set(tabId, state) {
      await area.set({ [tabKey(tabId)]: state });
    },
    async remove(tabId) {
      await area.remove(tabKey(tabId));
    },
  };
}

/** A TabStore in memory (tests, and browsers without storage.session). */
export function memoryTabStore(): TabStore {
  const states = new Map<number, TabState>();
  return {
    get: async (tabId) => states.get(tabId) ?? null,
    set: async (tabId, state) => void states.set(tabId, structuredClone(state)),
    remove: async (tabId) => void states.delete(tabId),
  };
}
