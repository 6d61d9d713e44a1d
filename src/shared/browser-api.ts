import type Browser from 'webextension-polyfill';

/** The WebExtension API surface we use, typed from webextension-polyfill's declarations. */
export type Api = typeof Browser;

let chosen: Api | null = null;

/**
 * Makes `api` the one `getApi` returns. The background and the extension pages pass
 * webextension-polyfill's `browser`, which gives Chrome the same promise-based `browser` namespace
 * as Firefox, including promise answers from `runtime.onMessage` listeners. The content script
 * does not: it is injected into every page, and the polyfill's 10 KB buy it nothing, because
 * Manifest V3 returns promises in both browsers and the one API whose promise form differs,
 * `runtime.onMessage`, goes through `listen` in messages.ts, which answers with `sendResponse`.
 */
export function useApi(api: Api): void {
  chosen = api;
}

/**
 * The extension API: the one given to `useApi`, else the browser's own (`browser` in Firefox,
 * `chrome` in Chromium). Resolved lazily so tests can install a stub before the first call.
 */
export function getApi(): Api {
  if (chosen) return chosen;
  const scope = globalThis as { browser?: Api; chrome?: Api };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api?.runtime) throw new Error('The WebExtension API is not available here.');
  return api;
}
