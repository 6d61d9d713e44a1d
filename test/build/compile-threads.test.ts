// The build compiles a large corpus on several threads (src/cli/compile-threads.ts). Worker
// threads run bundled JavaScript, so the worker is bundled with esbuild first, as the build does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NODE_BUNDLE } from '../../scripts/node-bundle.mjs';
import { compileCorpusInThreads } from '../../src/cli/compile-threads';
import { readCorpus } from '../../src/cli/read-corpus';
import { readWordNet } from '../../src/cli/wordnet';
import { compileCorpus } from '../../src/core/corpus';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir = '';
let worker: URL;

beforeAll(async () => {
  // Inside the project, so that the bundle finds the packages it leaves external.
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  dir = mkdtempSync(path.join(ROOT, 'test-results', 'threads-'));
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/cli/compile-worker.ts')],
    outfile: path.join(dir, 'compile-worker.mjs'),
    ...NODE_BUNDLE,
  });
  worker = pathToFileURL(path.join(dir, 'compile-worker.mjs'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { story, inputs } = readCorpus(path.join(ROOT, 'assets/corpus'));

test('threads give the same index as one compile, synonyms included', async () => {
  const lexicon = readWordNet();
  const whole = JSON.stringify(compileCorpus(inputs, story, lexicon));
  for (const threads of [2, 3, 5]) {
    const threaded = await compileCorpusInThreads(inputs, story, lexicon, {
      worker,
      threads,
      minCharsPerThread: 1,
    });
    expect(JSON.stringify(threaded)).toBe(whole);
  }
}, 60_000);

test('a thread that fails fails the compile, and nothing waits for it', async () => {
  const broken = path.join(dir, 'broken-worker.mjs');
  writeFileSync(broken, "throw new Error('worker broke');\n");
  await expect(
    compileCorpusInThreads(inputs, story, undefined, {
      worker: pathToFileURL(broken),
      threads: 2,
      minCharsPerThread: 1,
    }),
  ).rejects.toThrow(/worker broke/);
});
