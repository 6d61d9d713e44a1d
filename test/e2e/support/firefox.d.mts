import type { Browser, Page } from 'puppeteer-core';

/** A Firefox with the extension installed (see firefox.mjs). */
export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  extensionOrigin: string;
  profileDir: string;
  /** Evaluates an expression in the browser's privileged window and returns its JSON value. */
  inChrome<T = unknown>(expression: string): Promise<T>;
  /** Opens a page of the extension in a new tab. */
  openExtensionTab(pagePath: string, options?: { background?: boolean }): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export const FIREFOX_EXTENSION_DIR: string;
export const FIREFOX_INSTALL_HINT: string;
export function findFirefox(): string;
export function geckoIdOf(extensionDir?: string): string | null;
export function firefoxPrefs(options?: { proxyPort?: number }): Record<string, unknown>;
export function launchFirefoxWithExtension(options?: {
  extensionDir?: string;
  headless?: boolean;
  proxyPort?: number;
  viewport?: { width: number; height: number } | null;
  /** A profile kept by `close`, with the extension installed permanently in it. */
  profileDir?: string;
  /** Allows the add-on in private windows, as the reader does in about:addons. */
  allowPrivateBrowsing?: boolean;
}): Promise<FirefoxWithExtension>;
