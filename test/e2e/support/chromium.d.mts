import type { BrowserContext, Worker } from 'playwright-core';

/** A Chromium with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  extensionOrigin: string;
  profileDir: string;
  close(): Promise<void>;
}

export const ROOT: string;
export const EXTENSION_DIR: string;
export const INSTALL_HINT: string;
export function findChromium(): string;
export function requireBuiltExtension(dir?: string): void;
export function chromiumArgs(options?: { extensionDir?: string; proxyPort?: number }): string[];
export function launchWithExtension(options?: {
  extensionDir?: string;
  headless?: boolean;
  proxyPort?: number;
  viewport?: { width: number; height: number } | null;
  /** A profile to launch with and keep on close (a browser restarted with the same profile). */
  profileDir?: string;
}): Promise<ExtensionBrowser>;
export function currentServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker>;
