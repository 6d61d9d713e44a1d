// Starts Debian's Firefox ESR with the built extension, for the browser tests and `npm start`:
/* global location, document -- in functions evaluated in the extension page */
// puppeteer-core over WebDriver BiDi, plus the browser's own privileged window for what BiDi does
// not offer (opening the extension's pages, tab ids, the toolbar button, keyboard shortcuts).
// The recipe and its pitfalls are in test/e2e/README.md. Use it only in tests and the demo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { requireBuiltExtension, ROOT } from './chromium.mjs';

/** The built Firefox extension. */
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, 'dist/firefox');

const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';
const OTHER_NAMES = ['firefox-esr', 'firefox'];
// The extension's pages and tabs show up within a second here; far longer means something broke.
const CONTEXT_TIMEOUT_MS = 15_000;

/** How to get Firefox, for the error raised when none is found. */
export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) ' +
  'or set FIREFOX_PATH to a Firefox 140 or later.';

/** The browser to run: $FIREFOX_PATH, /usr/bin/firefox-esr, or one on PATH; throws with a hint. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH=${fromEnv} does not exist. ${FIREFOX_INSTALL_HINT}`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_FIREFOX)) return DEFAULT_FIREFOX;
  for (const name of OTHER_NAMES) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(FIREFOX_INSTALL_HINT);
}

/** The add-on id a build declares (browser_specific_settings.gecko.id). */
export function geckoIdOf(extensionDir = FIREFOX_EXTENSION_DIR) {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings?.gecko?.id ?? null;
}

/**
 * Preferences of the test profile: every *.test host resolves to 127.0.0.1 (Chromium's
 * --host-resolver-rules), everything else goes to the recording proxy, and the browser's own
 * background traffic (updates, telemetry, safe browsing, suggestions, captive-portal checks) is off.
 * puppeteer adds its own set of quiet defaults on top.
 */
export function firefoxPrefs({ proxyPort } = {}) {
  const prefs = {
    'network.dns.forceResolve': '127.0.0.1',
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.search.update': false,
    'browser.search.suggest.enabled': false,
    'browser.urlbar.suggest.searches': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.default.sites': '',
    'browser.topsites.contile.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'identity.fxaccounts.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'browser.ping-centre.telemetry': false,
    'privacy.trackingprotection.enabled': false,
  };
  if (proxyPort) {
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '.test',
      'network.proxy.allow_hijacking_localhost': true,
    });
  }
  return prefs;
}

/**
 * Code run in the browser's own window (chrome://browser/content/browser.xhtml), which only a
 * Firefox started with --remote-allow-system-access lets a BiDi client reach. Its functions map a
 * BiDi context id to its tab, and a tab to the id the extension API gives it.
 */
const CHROME_TABS = `(() => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const tabOf = (contextId) => {
    const tab = [...gBrowser.tabs].find((t) => NavigableManager.getIdForBrowser(t.linkedBrowser) === contextId);
    if (!tab) throw new Error('no tab for context ' + contextId);
    return tab;
  };
  return {
    tabOf,
    contextIdOf: (tab) => NavigableManager.getIdForBrowser(tab.linkedBrowser),
    tabIdOf: (contextId) => ExtensionParent.apiManager.global.tabTracker.getId(tabOf(contextId)),
  };
})()`;

/** Every file under `dir`, by its path relative to it (with forward slashes). */
function filesUnder(dir, prefix = '') {
  const files = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory())
      Object.assign(files, filesUnder(path.join(dir, entry.name), `${relative}/`));
    else files[relative] = readFileSync(path.join(dir, entry.name));
  }
  return files;
}

/**
 * Installs the extension as a reader's add-on, permanently (BiDi `webExtension.install` with
 * `moz:permanent`, which installs through the add-on manager as "Install Add-on From File"
 * does): the build is zipped into an .xpi, which Firefox copies into the profile. Firefox ESR
 * takes an unsigned one when `xpinstall.signatures.required` is false.
 */
async function installPermanently(connection, extensionDir) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-xpi-'));
  try {
    const xpi = path.join(scratch, 'crosscheck.xpi');
    writeFileSync(xpi, zipSync(filesUnder(extensionDir)));
    const { result } = await connection.send('webExtension.install', {
      extensionData: { type: 'archivePath', path: xpi },
      'moz:permanent': true,
    });
    return result.extension;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Launches Firefox with the extension and finds its moz-extension:// origin. Returns the
 * puppeteer browser, the add-on id, the origin, `inChrome` (runs an expression in the browser's
 * privileged window), `openExtensionTab` and `close`.
 *
 * By default the profile is fresh and the extension a temporary add-on (as about:debugging
 * installs it), both gone at `close`. Given a `profileDir`, Firefox runs with that profile and
 * `close` keeps it (the caller removes it), and the extension is installed permanently, as a
 * reader's add-on is: restarted with the same profile, Firefox starts the installed add-on under
 * the same internal address (the profile keeps its UUID), with its storage. A temporary add-on
 * is uninstalled when Firefox quits, its storage with it.
 *
 * `allowPrivateBrowsing` allows the add-on in private windows as the reader does in about:addons
 * ("Run in Private Windows": the permission, then a reload of the running add-on).
 */
export async function launchFirefoxWithExtension({
  extensionDir = FIREFOX_EXTENSION_DIR,
  headless = true,
  proxyPort,
  viewport = { width: 1280, height: 900 },
  profileDir: givenProfile = undefined,
  allowPrivateBrowsing = false,
} = {}) {
  requireBuiltExtension(extensionDir);
  const executablePath = findFirefox();
  const permanent = givenProfile !== undefined;
  const profileDir = givenProfile ?? mkdtempSync(path.join(os.tmpdir(), 'crosscheck-firefox-'));
  const removeProfile = () => {
    if (!permanent) rmSync(profileDir, { recursive: true, force: true });
  };
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      userDataDir: profileDir,
      defaultViewport: viewport,
      // The privileged window (see CHROME_TABS) is reachable only with this switch.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...firefoxPrefs({ proxyPort }),
        // An unsigned build installed for good (ESR honours this; release builds do not).
        ...(permanent ? { 'xpinstall.signatures.required': false } : {}),
      },
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    removeProfile();
  };
  try {
    const connection = browser.connection;
    const { result: tree } = await connection.send('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const chromeContext = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
    if (!chromeContext) throw new Error("Firefox's browser window was not found over BiDi");

    /** Evaluates an expression in the browser window (`tabs` is CHROME_TABS); returns its JSON value. */
    const inChrome = async (expression) => {
      const { result } = await connection.send('script.evaluate', {
        expression: `(async (tabs) => JSON.stringify(await (${expression})))(${CHROME_TABS})`,
        target: { context: chromeContext },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (result.type !== 'success') {
        throw new Error(`privileged evaluation failed: ${result.exceptionDetails?.text}`);
      }
      const text = result.result.value;
      return text === undefined ? undefined : JSON.parse(text);
    };

    /** Polls a privileged expression until it is truthy. */
    const waitInChrome = async (expression, what) => {
      const deadline = Date.now() + CONTEXT_TIMEOUT_MS;
      while (!(await inChrome(expression))) {
        if (Date.now() > deadline) throw new Error(`${what} within ${CONTEXT_TIMEOUT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    let extensionId;
    if (!permanent) {
      extensionId = await browser.installExtension(extensionDir);
    } else {
      extensionId = geckoIdOf(extensionDir);
      if (!extensionId) throw new Error(`${extensionDir}/manifest.json declares no gecko id`);
      const installed = await inChrome(`(async () => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        return (await AddonManager.getAddonByID(${JSON.stringify(extensionId)})) !== null;
      })()`);
      if (!installed) {
        const id = await installPermanently(connection, extensionDir);
        if (id !== extensionId) throw new Error(`installed ${id}, not ${extensionId}`);
      }
    }
    const policy = `WebExtensionPolicy.getByID(${JSON.stringify(extensionId)})`;
    // An add-on installed in an earlier run starts with the browser, a moment after its window.
    await waitInChrome(`${policy}?.active`, `the add-on ${extensionId} did not start`);

    if (allowPrivateBrowsing) {
      const changed = await inChrome(`(async () => {
        if (${policy}.privateBrowsingAllowed) return false;
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        await ExtensionPermissions.add(${JSON.stringify(extensionId)},
          { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, ${policy}.extension);
        await (await AddonManager.getAddonByID(${JSON.stringify(extensionId)})).reload();
        return true;
      })()`);
      if (changed) {
        await waitInChrome(
          `${policy}?.active && ${policy}.privateBrowsingAllowed`,
          `the add-on ${extensionId} was not allowed in private windows`,
        );
      }
    }

    const extensionOrigin = (
      await inChrome(`WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).getURL('')`)
    ).replace(/\/$/, '');

    /**
     * Opens a page of the extension in a new tab and returns its puppeteer page. BiDi refuses to
     * navigate to moz-extension:// URLs, so the tab is added by the browser window itself, with
     * the system principal (as the extension's own tabs.create would). The tab comes to the
     * front, as a new page does, unless `background`: a background tab gets no animation frames
     * and timers at most once a second, which slows a page's rendering by seconds.
     */
    const openExtensionTab = async (pagePath, { background = false } = {}) => {
      const url = `${extensionOrigin}/${pagePath.replace(/^\//, '')}`;
      // Rarely, BiDi never reports the new tab's browsing context to puppeteer, though the tab
      // is there with the page loaded: the tab is then closed and opened once more.
      for (let attempt = 1; ; attempt++) {
        const contextId = await inChrome(`(() => {
          const tab = gBrowser.addTab(${JSON.stringify(url)}, {
            triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
          });
          if (!${background}) gBrowser.selectedTab = tab;
          return tabs.contextIdOf(tab);
        })()`);
        const deadline = Date.now() + CONTEXT_TIMEOUT_MS;
        while (Date.now() < deadline) {
          const page = (await browser.pages()).find((p) => p.mainFrame()._id === contextId);
          if (page) {
            // Wait for the extension page itself (the tab starts on about:blank).
            // Polled on a timer: a tab in the background gets no animation frames to poll on.
            const polling = { polling: 50, timeout: CONTEXT_TIMEOUT_MS };
            await page.waitForFunction((prefix) => location.href.startsWith(prefix), polling, url);
            await page.waitForFunction(() => document.readyState === 'complete', polling);
            return page;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const known = (await browser.pages()).map((p) => `${p.mainFrame()._id} ${p.url()}`);
        const tabs = await inChrome(
          `[...gBrowser.tabs].map((t) => tabs.contextIdOf(t) + ' ' + t.linkedBrowser.currentURI.spec)`,
        );
        const message =
          `the extension page ${pagePath} (context ${contextId}) did not open within ` +
          `${CONTEXT_TIMEOUT_MS} ms; pages: ${JSON.stringify(known)}; tabs: ${JSON.stringify(tabs)}`;
        if (attempt >= 2) throw new Error(message);
        console.warn(`${message}; opening it again`);
        await inChrome(`(() => {
          const tab = [...gBrowser.tabs].find((t) => tabs.contextIdOf(t) === ${JSON.stringify(contextId)});
          if (tab) gBrowser.removeTab(tab);
          return true;
        })()`);
      }
    };

    return {
      browser,
      extensionId,
      extensionOrigin,
      profileDir,
      inChrome,
      openExtensionTab,
      /** The extension's id of a page's tab. */
      tabIdOf: (page) => inChrome(`tabs.tabIdOf(${JSON.stringify(page.mainFrame()._id)})`),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
