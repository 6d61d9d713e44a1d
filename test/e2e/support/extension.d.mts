import type { TabState } from '../../../src/shared/messages';

/** Runs `fn(arg)` where the extension's API is, and returns its result. */
export type InExtension = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

export const SETTLE_TIMEOUT_MS: number;
export function readTabState(inExtension: InExtension, tabId: number): Promise<TabState | null>;
export function waitForTabState(
  inExtension: InExtension,
  page: { url(): string },
  tabId: number,
  accept?: (state: TabState) => boolean,
  timeout?: number,
): Promise<TabState>;
export function popupPath(tabId: number): string;
