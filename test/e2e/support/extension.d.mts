import type { Page, Worker } from 'playwright-core';
import type { TabState } from '../../../src/shared/messages';

export const SETTLE_TIMEOUT_MS: number;
export function tabIdOf(worker: Worker, page: Page): Promise<number>;
export function readTabState(worker: Worker, tabId: number): Promise<TabState | null>;
export function waitForTabState(
  getWorker: () => Promise<Worker>,
  page: Page,
  tabId: number,
  accept?: (state: TabState) => boolean,
  timeout?: number,
): Promise<TabState>;
export function popupUrl(extensionId: string, tabId: number): string;
