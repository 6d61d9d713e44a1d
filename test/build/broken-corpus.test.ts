// A corpus file that is broken or incomplete fails the build itself (`node build.mjs` exits with
// an error) with one line naming the file and the problem, and writes no index. Each case runs the
// real build script on a copy of the project whose corpus was damaged in one way.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** What a build needs from the project (node_modules is linked, not copied). */
const PROJECT_PARTS = [
  'build.mjs',
  'manifest.json',
  'package.json',
  'tsconfig.json',
  'scripts',
  'src',
  'assets',
];

let copy = '';
const corpusDir = () => path.join(copy, 'assets/corpus');
const reportFiles = readdirSync(path.join(ROOT, 'assets/corpus'))
  .filter((name) => name.endsWith('.txt'))
  .sort();
const third = reportFiles[2]!;

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-build-'));
  for (const part of PROJECT_PARTS) {
    if (existsSync(path.join(ROOT, part)))
      cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

beforeEach(() => {
  // A whole corpus again before each case.
  rmSync(corpusDir(), { recursive: true, force: true });
  cpSync(path.join(ROOT, 'assets/corpus'), corpusDir(), { recursive: true });
});

/** The manifest of the copy, changed by `change`. */
function editManifest(change: (manifest: { reports: Record<string, unknown>[] }) => void): void {
  const file = path.join(corpusDir(), 'reports.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { reports: Record<string, unknown>[] };
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

test.each<[string, () => void, RegExp]>([
  [
    'reports.json cut off mid-way',
    () => {
      const file = path.join(corpusDir(), 'reports.json');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    },
    /reports\.json: is not valid JSON/,
  ],
  [
    'a report without its url',
    () => editManifest((m) => delete m.reports[2]!.url),
    /reports\.json: reports\[2\] has no "url"/,
  ],
  [
    'a report whose url is not a web address',
    () => editManifest((m) => (m.reports[1]!.url = 'javascript:alert(1)')),
    /reports\.json: reports\[1\]\.url .* is not an http\(s\) URL/,
  ],
  [
    'a report file that is missing',
    () => unlinkSync(path.join(corpusDir(), third)),
    new RegExp(`${third.replace('.', '\\.')}: file is missing`),
  ],
  [
    'a report file that is empty',
    () => writeFileSync(path.join(corpusDir(), third), '\n  \n'),
    new RegExp(`${third.replace('.', '\\.')}: is empty`),
  ],
  [
    'a report file that is not UTF-8',
    () => writeFileSync(path.join(corpusDir(), third), Buffer.from([0x52, 0x75, 0xff, 0xfe, 0x73])),
    new RegExp(`${third.replace('.', '\\.')}: is not valid UTF-8`),
  ],
])('%s fails the build, naming the file and the problem', (_name, damage, message) => {
  damage();
  const result = spawnSync(process.execPath, ['build.mjs'], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  // One line, first thing the build says about it, and no stack trace burying it.
  expect(lines.find((line) => line.startsWith('build failed:'))).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(path.join(copy, 'dist/corpus/index.json'))).toBe(false);
});
