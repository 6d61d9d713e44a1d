// Builds everything from one source: the CLI (dist/cli), the prebuilt corpus index, and the
// extension for Chrome (dist/chrome) and Firefox (dist/firefox), plus store zips.
// Usage: node build.mjs [--watch]
import * as esbuild from 'esbuild';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildExtension } from './scripts/build-extension.mjs';
import { NODE_BUNDLE } from './scripts/node-bundle.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const watch = process.argv.includes('--watch');

/** The command line, bundled for Node with its dependencies left in node_modules. */
async function buildCli() {
  await esbuild.build({
    entryPoints: { crosscheck: path.join(root, 'src/cli/main.ts') },
    outdir: path.join(dist, 'cli'),
    outExtension: { '.js': '.mjs' },
    ...NODE_BUNDLE,
    banner: { js: '#!/usr/bin/env node' },
    define: { CROSSCHECK_VERSION: JSON.stringify(await packageVersion()) },
  });
  await chmod(path.join(dist, 'cli/crosscheck.mjs'), 0o755);
}

/** The version in package.json, shown by `crosscheck --version`. */
async function packageVersion() {
  return JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version;
}

/**
 * Compiles assets/corpus (reports.json + one text per report) into dist/corpus/index.json, the
 * prebuilt index the CLI and the extension load. The compiler is TypeScript, so it is bundled to a
 * temporary module first, with the worker that compiles part of a large corpus on another thread.
 * A broken corpus throws a CorpusError naming the file and the problem.
 */
async function buildCorpus() {
  const tmp = path.join(dist, '.tmp');
  await esbuild.build({
    entryPoints: {
      'compile-corpus': path.join(root, 'src/cli/read-corpus.ts'),
      'compile-worker': path.join(root, 'src/cli/compile-worker.ts'),
    },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    ...NODE_BUNDLE,
  });
  const { compileCorpusDirInThreads } = await import(
    pathToFileURL(path.join(tmp, 'compile-corpus.mjs')).href
  );
  let compiled;
  try {
    compiled = await compileCorpusDirInThreads(
      path.join(root, 'assets/corpus'),
      pathToFileURL(path.join(tmp, 'compile-worker.mjs')),
    );
  } catch (error) {
    // One line naming the file and the problem; a stack trace would bury it.
    throw new Error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  await mkdir(path.join(dist, 'corpus'), { recursive: true });
  await writeFile(path.join(dist, 'corpus/index.json'), JSON.stringify(compiled));
  return compiled;
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildCorpus();
  await buildCli();
  // dist/chrome, dist/firefox and their zips; in watch mode this keeps running.
  await buildExtension({ root, dist, watch });
  await writeFile(path.join(dist, '.built'), new Date().toISOString());
}

main().catch((error) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
