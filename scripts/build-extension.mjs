// The extension part of the build: dist/chrome and dist/firefox from the one top-level
// manifest.json, and a store zip of each. Called by build.mjs after the corpus index exists.
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { watch as watchPath } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The browsers built, each into dist/<browser>. */
export const BROWSERS = /** @type {const} */ (['chrome', 'firefox']);

/**
 * The content script is injected into every page the user opens; past this size it costs every
 * page load noticeably, so the build fails rather than let it grow unseen.
 */
export const CONTENT_SCRIPT_LIMIT = 50 * 1024;

// Chrome 105 brought the CSS Custom Highlight API (manifest.json's minimum_chrome_version says the
// same); Firefox 140 is the first with it enabled (strict_min_version).
const TARGETS = { chrome: 'chrome105', firefox: 'firefox140' };

// Zip entries get one fixed date so the same sources give byte-identical archives.
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

/**
 * The manifest for one browser, from the shared source: Chrome gets the service worker and no
 * Gecko settings (it warns about both); Firefox gets an event page (background.scripts) and no
 * Chrome-only keys. The version comes from package.json, so there is one place to bump it.
 */
export function manifestFor(source, browser, version) {
  const manifest = structuredClone(source);
  manifest.version = version;
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: source.background.service_worker };
  } else {
    delete manifest.minimum_chrome_version;
    manifest.background = { scripts: source.background.scripts };
    // Chrome's per-session resource URLs; Firefox's moz-extension host is already random per install.
    for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  }
  return manifest;
}

/** esbuild options: the classic scripts and styles, then the extractor module (an ES module). */
function esbuildOptions(root, outdir, browser) {
  const src = (file) => path.join(root, 'src', file);
  const common = {
    outdir,
    bundle: true,
    minify: true,
    target: TARGETS[browser],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Build flags: which browser this bundle is for. Never read from the user agent.
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
  };
  const scripts = {
    ...common,
    format: 'iife',
    entryPoints: [
      { in: src('background/main.ts'), out: 'background' },
      { in: src('content/main.ts'), out: 'content' },
      { in: src('content/content.css'), out: 'content' },
      { in: src('popup/main.tsx'), out: 'popup' },
      { in: src('popup/popup.css'), out: 'popup' },
      { in: src('options/main.tsx'), out: 'options' },
      { in: src('options/options.css'), out: 'options' },
      { in: src('library-page/main.tsx'), out: 'library' },
      { in: src('library-page/library.css'), out: 'library' },
      { in: src('check/main.tsx'), out: 'check' },
      { in: src('check/check.css'), out: 'check' },
    ],
  };
  // Imported by the content script once a page looks like an article (see extract-entry.ts).
  const extractor = {
    ...common,
    format: 'esm',
    entryPoints: [{ in: src('content/extract-entry.ts'), out: 'content-extract' }],
  };
  return [scripts, extractor];
}

async function copyTree(from, to, keep = () => true) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target, keep);
    else if (keep(entry.name)) await copyFile(source, target);
  }
}

/** Writes everything of dist/<browser> that esbuild does not: manifest, pages, locales, icons, corpus. */
async function writeStatic(root, dist, browser) {
  const out = path.join(dist, browser);
  const source = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  await mkdir(out, { recursive: true });
  await writeFile(
    path.join(out, 'manifest.json'),
    JSON.stringify(manifestFor(source, browser, version), null, 2) + '\n',
  );
  await copyFile(path.join(root, 'src/popup/popup.html'), path.join(out, 'popup.html'));
  await copyFile(path.join(root, 'src/options/options.html'), path.join(out, 'options.html'));
  await copyFile(path.join(root, 'src/library-page/library.html'), path.join(out, 'library.html'));
  await copyFile(path.join(root, 'src/check/check.html'), path.join(out, 'check.html'));
  await copyTree(path.join(root, 'assets/_locales'), path.join(out, '_locales'));
  await copyTree(path.join(root, 'assets/icons'), path.join(out, 'icons'), (name) =>
    name.endsWith('.png'),
  );
  const index = path.join(dist, 'corpus/index.json');
  try {
    await stat(index);
  } catch {
    throw new Error(
      `${path.relative(root, index)} is missing: the corpus step must run before the extension`,
    );
  }
  await mkdir(path.join(out, 'corpus'), { recursive: true });
  await copyFile(index, path.join(out, 'corpus/index.json'));
}

/** The size of the built content script, checked against CONTENT_SCRIPT_LIMIT. */
async function contentScriptSize(dist, browser) {
  const { size } = await stat(path.join(dist, browser, 'content.js'));
  const line = `${browser}: content script ${(size / 1024).toFixed(1)} KB minified (limit ${CONTENT_SCRIPT_LIMIT / 1024} KB)`;
  return { size, line, over: size > CONTENT_SCRIPT_LIMIT };
}

async function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

/** Zips dist/<browser> into dist/crosscheck-<browser>-<version>.zip, as the stores take it. */
async function zipBrowser(root, dist, browser) {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const dir = path.join(dist, browser);
  const entries = {};
  for (const file of await listFiles(dir)) {
    entries[file] = [new Uint8Array(await readFile(path.join(dir, file))), { mtime: ZIP_DATE }];
  }
  const target = path.join(dist, `crosscheck-${browser}-${version}.zip`);
  await writeFile(target, zipSync(entries, { level: 9 }));
  return path.relative(root, target);
}

/**
 * Builds dist/chrome and dist/firefox (and their zips). With `watch`, keeps rebuilding on changes
 * to sources, pages, locales, icons, the manifest and the corpus index, and never exits.
 */
export async function buildExtension({ root, dist, watch = false }) {
  if (!watch) {
    for (const browser of BROWSERS) {
      const out = path.join(dist, browser);
      await rm(out, { recursive: true, force: true });
      for (const options of esbuildOptions(root, out, browser)) await esbuild.build(options);
      await writeStatic(root, dist, browser);
      const size = await contentScriptSize(dist, browser);
      console.log(size.line);
      if (size.over) throw new Error(`the content script is over its size limit (${size.line})`);
      console.log(`${browser}: ${await zipBrowser(root, dist, browser)}`);
    }
    return;
  }

  for (const browser of BROWSERS) {
    const out = path.join(dist, browser);
    const report = {
      name: 'report',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length > 0) return;
          const size = await contentScriptSize(dist, browser);
          console.log(
            `${new Date().toLocaleTimeString()} ${size.line}${size.over ? '  OVER THE LIMIT' : ''}`,
          );
        });
      },
    };
    const [scripts, extractor] = esbuildOptions(root, out, browser);
    const contexts = [
      await esbuild.context({ ...scripts, plugins: [report] }),
      await esbuild.context(extractor),
    ];
    await writeStatic(root, dist, browser);
    for (const context of contexts) await context.watch();
  }

  // Files esbuild does not see: copy them again (debounced) when one changes.
  let timer = null;
  const recopy = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      Promise.all(BROWSERS.map((browser) => writeStatic(root, dist, browser))).then(
        () => console.log(`${new Date().toLocaleTimeString()} static files copied`),
        (error) => console.error(`copy failed: ${error.message}`),
      );
    }, 100);
  };
  for (const watched of [
    'manifest.json',
    'package.json',
    'src/popup/popup.html',
    'src/options/options.html',
    'src/library-page/library.html',
    'src/check/check.html',
    'assets/_locales',
    'assets/icons',
    'dist/corpus',
  ]) {
    try {
      watchPath(path.join(root, watched), { recursive: true }, recopy);
    } catch {
      console.warn(`not watching ${watched} (missing)`);
    }
  }
  console.log('watching for changes (Ctrl+C to stop)');
}
