/**
 * A copy of dist/chrome whose content scripts keep their function names (identifiers are not
 * minified; everything else is built as for the store), so a profile of the page says which
 * functions of the content script the time went to.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './articles';

/** Builds the copy under bench/out and returns its folder. */
export async function buildNamedExtension(): Promise<string> {
  const out = path.join(ROOT, 'bench/out/chrome-named');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(path.join(ROOT, 'dist/chrome'), out, { recursive: true });
  // Same entries, format and flags as the store build of the content script and its extractor.
  const common = {
    outdir: out,
    bundle: true,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    target: 'chrome105',
    define: { __BROWSER__: JSON.stringify('chrome') },
    logLevel: 'warning' as const,
  };
  await esbuild.build({
    ...common,
    format: 'iife',
    entryPoints: [{ in: path.join(ROOT, 'src/content/main.ts'), out: 'content' }],
  });
  await esbuild.build({
    ...common,
    format: 'esm',
    entryPoints: [{ in: path.join(ROOT, 'src/content/extract-entry.ts'), out: 'content-extract' }],
  });
  return out;
}
