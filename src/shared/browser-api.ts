import type Browser from 'webextension-polyfill';

/** The WebExtension API surface we use, typed from webextension-polyfill's declarations. */
export type Api = typeof Browser;

/**
 * The running browser's extension API: `browser` in Firefox, `chrome` in Chromium.
 *
 * Manifest V3 returns promises in both browsers, so the polyfill's runtime (10 KB, injected into
 * every page with the content script) buys nothing; the one API whose promise form differs,
 * `runtime.onMessage`, goes through `listen` in messages.ts, which answers with `sendResponse`.
 * Resolved lazily so tests can install a stub before the first call.
 */
export function getApi(): Api {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api?.runtime) throw new Error('The WebExtension API is not available here.');
  return api;
}
