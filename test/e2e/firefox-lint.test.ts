// The Firefox build passes Mozilla's add-on linter (offline) with no errors.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROOT } from './support/chromium.mjs';

const run = promisify(execFile);
const firefoxDir = path.join(ROOT, 'dist/firefox');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

test('web-ext lint reports no errors on dist/firefox', async () => {
  if (!existsSync(path.join(firefoxDir, 'manifest.json'))) {
    throw new Error('dist/firefox/manifest.json is missing: run npm run build first.');
  }
  const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
  // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
  const { stdout } = await run(
    bin,
    ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-input'],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
  const describe = (m: LintMessage) => `${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`;
  expect(report.errors.map(describe)).toEqual([]);
}, 60_000);
