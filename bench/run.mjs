// Runs the benchmarks: builds the project (the page benchmark needs dist/), bundles the benchmark
// sources with esbuild (Node 20 cannot run TypeScript itself) and runs them with --expose-gc, which
// the memory figures need.
// Usage: node bench/run.mjs [--no-build] [--only engine,scale,page,library] [--sizes 100,1000,10000]
//        [--library-sizes 1000,10000,50000] [--quick]
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from '../scripts/node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!args.includes('--no-build')) run(process.execPath, ['build.mjs']);

/**
 * Modules find their fixtures relative to their own file (`import.meta.url`); in one bundle every
 * module would see the bundle's URL instead, so each keeps the URL of its source file.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const contents = source.replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      );
      const loader = /\.m?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents, loader };
    });
  },
};

const outfile = path.join(root, 'bench/out/bench.mjs');
// The benchmark and the worker that compiles part of a large corpus on another thread.
await esbuild.build({
  entryPoints: {
    bench: path.join(root, 'bench/main.ts'),
    'compile-worker': path.join(root, 'src/cli/compile-worker.ts'),
    'library-worker': path.join(root, 'bench/library-worker.ts'),
    'library-replay': path.join(root, 'bench/library-replay.ts'),
  },
  outdir: path.dirname(outfile),
  outExtension: { '.js': '.mjs' },
  ...NODE_BUNDLE,
  sourcemap: 'inline',
  plugins: [ownImportMetaUrl],
});

run(process.execPath, [
  '--expose-gc',
  '--enable-source-maps',
  outfile,
  ...args.filter((a) => a !== '--no-build'),
]);
