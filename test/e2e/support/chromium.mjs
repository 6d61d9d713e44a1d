// Starts Chromium with the unpacked extension loaded, for the browser tests and `npm start`.
// Debian's Chromium under playwright-core: the recipe and its pitfalls are in test/e2e/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root folder. */
export const ROOT = path.resolve(here, '../../..');

/** The built Chrome extension. */
export const EXTENSION_DIR = path.join(ROOT, 'dist/chrome');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
// The worker starts within a second here; far longer means it failed to load.
const WORKER_TIMEOUT_MS = 15_000;
const OTHER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** How to get a browser, for the error raised when none is found. */
export const INSTALL_HINT =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** The browser to run: $CHROMIUM_PATH, /usr/bin/chromium, or one on PATH; throws with a hint. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  for (const name of OTHER_NAMES) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(INSTALL_HINT);
}

/** Throws unless the extension was built. */
export function requireBuiltExtension(dir = EXTENSION_DIR) {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `${path.relative(ROOT, dir)}/manifest.json is missing: run npm run build first.`,
    );
  }
}

/**
 * Command-line switches: the extension loaded, the fixture site's *.test hosts mapped to
 * 127.0.0.1, and the browser's own background traffic (sync, updates, field trials) turned off.
 */
export function chromiumArgs({ extensionDir = EXTENSION_DIR, proxyPort } = {}) {
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--host-resolver-rules=MAP *.test 127.0.0.1',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  ];
  // Chromium refuses to start its sandbox as root (as in CI containers).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (proxyPort) {
    // Everything not for the fixture site goes to a recording proxy that answers nothing.
    args.push(`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=*.test');
  }
  return args;
}

/**
 * Launches Chromium with a fresh profile and the extension, and waits for its service worker.
 * Returns the context, the worker, the extension's id and a `close` that removes the profile.
 * Given a `profileDir`, it launches with that profile and `close` keeps it (a browser restarted
 * with the same profile: the caller removes it).
 */
export async function launchWithExtension({
  extensionDir = EXTENSION_DIR,
  headless = true,
  proxyPort,
  viewport = { width: 1280, height: 900 },
  profileDir: givenProfile = undefined,
} = {}) {
  requireBuiltExtension(extensionDir);
  const executablePath = findChromium();
  const profileDir = givenProfile ?? mkdtempSync(path.join(os.tmpdir(), 'crosscheck-profile-'));
  const removeProfile = () => {
    if (!givenProfile) rmSync(profileDir, { recursive: true, force: true });
  };
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      viewport,
      // Playwright passes --disable-extensions by default; with it the extension never loads.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs({ extensionDir, proxyPort }),
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  let serviceWorker = context.serviceWorkers()[0];
  try {
    serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: WORKER_TIMEOUT_MS });
  } catch {
    await context.close().catch(() => undefined);
    removeProfile();
    throw new Error(
      `the extension's service worker did not start within ${WORKER_TIMEOUT_MS} ms: ` +
        `is ${path.relative(ROOT, extensionDir)} a complete build (npm run build)?`,
    );
  }
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    extensionOrigin: `chrome-extension://${extensionId}`,
    profileDir,
    async close() {
      await context.close().catch(() => undefined);
      removeProfile();
    },
  };
}

/**
 * The background's current service worker. Chromium stops an idle worker and starts a new one on
 * the next event; asking the context again always gives the live one.
 */
export async function currentServiceWorker(context, extensionId) {
  const live = context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return live ?? (await context.waitForEvent('serviceworker', { timeout: WORKER_TIMEOUT_MS }));
}
