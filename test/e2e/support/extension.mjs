// Reading the extension's state from outside, shared by the browser tests and `npm start`, in
// either browser: the background's stored state of a tab and the popup's path for it. Each takes
// `inExtension(fn, arg)`, which runs `fn(arg)` where the extension's API is (Chromium's service
// worker, or an extension page in Firefox) and returns its result.
/* global chrome -- the extension's global, in code run there through inExtension */

/** How long the extension may take to check a page (detection, extraction, matching). */
export const SETTLE_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * The background's stored state of a tab, or null. The key is the one src/background/tab-store.ts
 * (`tabKey`) writes to storage.session.
 */
export async function readTabState(inExtension, tabId) {
  return inExtension(async (key) => {
    const stored = await chrome.storage.session.get(key);
    return stored[key] ?? null;
  }, `tab:${tabId}`);
}

/**
 * Waits until the background holds a state for the page's current URL that `accept` takes, and
 * returns it.
 */
export async function waitForTabState(
  inExtension,
  page,
  tabId,
  accept = () => true,
  timeout = SETTLE_TIMEOUT_MS,
) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await readTabState(inExtension, tabId);
    if (last && last.url === page.url() && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const summary = last && { status: last.status, url: last.url, error: last.error };
  const known = await describeTabs(inExtension);
  throw new Error(
    `no accepted state of tab ${tabId} for ${page.url()} within ${timeout} ms; ` +
      `last: ${JSON.stringify(summary)}; tabs: ${JSON.stringify(known)}`,
  );
}

/** Every tab with whether it is active and the state stored for it: for error messages. */
async function describeTabs(inExtension) {
  return inExtension(async () => {
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

/** The popup's view of a tab as a page of its own (`popup.html?tab=<id>`, the full report). */
export function popupPath(tabId) {
  return `popup.html?tab=${tabId}`;
}
