/* global chrome -- the service worker's global, in code run there through worker.evaluate */
// Reading the extension's state from outside, shared by the browser tests and `npm start`: the
// tab id of a page, the background's stored state of that tab, and the popup's URL for it.

/** How long the extension may take to check a page (detection, extraction, matching). */
export const SETTLE_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * The extension's id of a page's tab. Without the `tabs` permission the extension cannot see tab
 * URLs, so the tab is found as the active one after bringing the page to the front.
 */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (typeof id !== 'number') throw new Error('no active tab found');
  return id;
}

/**
 * The background's stored state of a tab, or null. The key is the one src/background/tab-store.ts
 * (`tabKey`) writes to storage.session.
 */
export async function readTabState(worker, tabId) {
  return worker.evaluate(async (key) => {
    const stored = await chrome.storage.session.get(key);
    return stored[key] ?? null;
  }, `tab:${tabId}`);
}

/**
 * Waits until the background holds a state for the page's current URL that `accept` takes, and
 * returns it. `getWorker` is asked each time: Chromium replaces an idle service worker.
 */
export async function waitForTabState(
  getWorker,
  page,
  tabId,
  accept = () => true,
  timeout = SETTLE_TIMEOUT_MS,
) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await readTabState(await getWorker(), tabId);
    if (last && last.url === page.url() && accept(last)) return last;
    await page.waitForTimeout(POLL_MS);
  }
  const summary = last && { status: last.status, url: last.url, error: last.error };
  const known = await describeTabs(await getWorker());
  throw new Error(
    `no accepted state of tab ${tabId} for ${page.url()} within ${timeout} ms; ` +
      `last: ${JSON.stringify(summary)}; tabs: ${JSON.stringify(known)}`,
  );
}

/** Every tab with whether it is active and the state stored for it: for error messages. */
async function describeTabs(worker) {
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const stored = await chrome.storage.session.get(null);
    return tabs.map((tab) => {
      const state = stored[`tab:${tab.id}`];
      return {
        id: tab.id,
        active: tab.active,
        status: state?.status ?? null,
        url: state?.url ?? null,
      };
    });
  });
}

/** The popup's view of a tab, opened as a page (`popup.html?tab=<id>`). */
export function popupUrl(extensionId, tabId) {
  return `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
}
