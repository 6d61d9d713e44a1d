import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

// Each case starts the CLI, which reads WordNet to compile a corpus: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/crosscheck.mjs');
const sample = path.join(root, 'examples/meridian-post.txt');
const corpusDir = path.join(root, 'assets/corpus');
const site = path.join(root, 'test/fixtures/site/hosts');
let scratch = '';

beforeAll(() => {
  if (!existsSync(cli))
    throw new Error('dist/cli/crosscheck.mjs is missing: build first (npm test does)');
  scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-corpus-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[]) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', cwd: root });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(scratch, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
}

let bundledAnswer: unknown = null;
/** The answer against the bundled corpus, asked once. */
const bundled = () => (bundledAnswer ??= JSON.parse(run(['match', sample, '--json']).stdout));

interface JsonAnswer {
  attributions: unknown[];
  groups: { id: string; reports: string[]; origin: string | null }[];
  page_group: string | null;
  sentences: {
    independent: number;
    matches: {
      report: string;
      score: number;
      group: string;
      span: { start: number; end: number };
      differences: { kind: string; page: string; report: string }[];
    }[];
  }[];
}

/** Checks that an answer has every field of the JSON contract, provenance and divergence too. */
function expectEveryField(json: JsonAnswer): void {
  expect(Array.isArray(json.attributions)).toBe(true);
  expect(json.groups.length).toBeGreaterThan(0);
  expect('page_group' in json).toBe(true);
  const matches = json.sentences.flatMap((s) => s.matches);
  expect(matches.length).toBeGreaterThan(0);
  for (const sentence of json.sentences) expect(typeof sentence.independent).toBe('number');
  for (const match of matches) {
    expect(json.groups.map((g) => g.id)).toContain(match.group);
    expect(Array.isArray(match.differences)).toBe(true);
    expect(match.span.end).toBeGreaterThan(match.span.start);
  }
  expect(matches.some((m) => m.differences.length > 0)).toBe(true);
}

/** What an answer says regardless of the reports' names: per sentence, its sources and flags. */
function shape(json: JsonAnswer) {
  return {
    groups: json.groups.map((g) => g.reports.length),
    pageGroup: json.page_group === null,
    attributions: json.attributions,
    sentences: json.sentences.map((s) => ({
      independent: s.independent,
      matches: s.matches
        .map((m) => ({ span: m.span, differences: m.differences, score: m.score }))
        .sort((a, b) => b.score - a.score),
    })),
  };
}

describe('crosscheck match --corpus', () => {
  test('a folder in the bundled format gives what the bundled corpus gives', () => {
    const { status, stdout, stderr } = run(['match', sample, '--json', '--corpus', corpusDir]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(bundled());
    expectEveryField(JSON.parse(stdout));
  });

  test('a folder of HTML pages without reports.json takes outlets from the pages', () => {
    const dir = path.join(scratch, 'pages');
    mkdirSync(dir);
    copyFileSync(
      path.join(
        site,
        'cnewslive.test/news/29835/russia-presents-us-with-demands-for-ending-ukraine-war-and-resetting-relations-aj.html',
      ),
      path.join(dir, 'one.html'),
    );
    copyFileSync(
      path.join(root, 'test/fixtures/heldout/northgate-courier.txt'),
      path.join(dir, 'northgate_courier.txt'),
    );
    const { status, stdout } = run(['match', sample, '--json', '--corpus', dir]);
    expect(status).toBe(0);
    const outlets = JSON.parse(stdout).summary.outlets.map((o: { outlet: string }) => o.outlet);
    expect(outlets).toContain('CNews Live English');
    expect(outlets).toContain('northgate courier');
  });

  test('a library export is matched with its read dates', () => {
    const lines = readFileSync(path.join(corpusDir, 'reports.json'), 'utf8');
    const manifest = JSON.parse(lines) as {
      reports: { file: string; outlet: string; url: string }[];
    };
    const jsonl = manifest.reports
      .map((r, i) =>
        JSON.stringify({
          url: r.url,
          outlet: r.outlet,
          title: null,
          published: null,
          read: `2025-05-0${i + 1}T08:00:00.000Z`,
          text: readFileSync(path.join(corpusDir, r.file), 'utf8'),
        }),
      )
      .join('\n');
    const { status, stdout } = run([
      'match',
      sample,
      '--json',
      '--corpus',
      file('library.jsonl', jsonl),
    ]);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    const expected = bundled();
    expect(json.summary.matched).toBe(expected.summary.matched);
    const match = json.sentences.find((s: { matches: unknown[] }) => s.matches.length > 0)
      .matches[0];
    expect(match.read).toMatch(/^2025-05-0\dT08:00:00.000Z$/);
    // Provenance and divergence as for the same reports bundled.
    expectEveryField(json);
    expect(shape(json)).toEqual(shape(expected));
  });

  test('build-corpus writes a file that gives the same answers', () => {
    const out = path.join(scratch, 'bundled.ccorpus');
    const built = run(['build-corpus', corpusDir, '--out', out]);
    expect(built.status).toBe(0);
    expect(built.stderr).toMatch(/wrote .*bundled\.ccorpus: 5 reports/);
    const { status, stdout } = run(['match', sample, '--json', '--corpus', out]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(bundled());
  });

  test.each([
    ['a missing path', () => path.join(scratch, 'nothing-here'), /no such file or folder/],
    [
      'an empty folder',
      () => (
        mkdirSync(path.join(scratch, 'empty'), { recursive: true }),
        path.join(scratch, 'empty')
      ),
      /has no reports/,
    ],
    ['an empty file', () => file('empty.jsonl', ''), /is empty/],
    [
      'a JSON Lines file with a bad line',
      () =>
        file(
          'bad.jsonl',
          '{"url":"https://a.example/1","outlet":"A","text":"Some words here."}\n{"url":\n',
        ),
      /line 2: not valid JSON/,
    ],
    [
      'binary data',
      () =>
        file(
          'noise.bin',
          Uint8Array.from({ length: 256 }, (_, i) => (i * 37) & 0xff),
        ),
      /is not a folder of reports/,
    ],
    [
      'a damaged corpus file',
      () => {
        const out = path.join(scratch, 'good.ccorpus');
        run(['build-corpus', corpusDir, '--out', out]);
        const bytes = readFileSync(out);
        bytes[bytes.length - 500] = bytes[bytes.length - 500]! ^ 0x55;
        return file('damaged.ccorpus', bytes);
      },
      /damaged/,
    ],
    [
      'a corpus file cut short',
      () => {
        const out = path.join(scratch, 'whole.ccorpus');
        run(['build-corpus', corpusDir, '--out', out]);
        return file('cut.ccorpus', readFileSync(out).subarray(0, 4000));
      },
      /cut short/,
    ],
  ])('%s gives a one-line error and exit status 1', (_name, target, message) => {
    const { status, stdout, stderr } = run(['match', sample, '--corpus', target()]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    const built = run(['build-corpus', target(), '--out', path.join(scratch, 'never.ccorpus')]);
    expect(built.status).toBe(1);
    expect(existsSync(path.join(scratch, 'never.ccorpus'))).toBe(false);
  });

  test.each([
    [['build-corpus', corpusDir]],
    [['build-corpus', '--out', 'x.ccorpus']],
    [['match', sample, '--corpus']],
    [['match', sample, '--out', 'x']],
  ])('%j is a usage error', (args) => {
    const { status, stderr } = run(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(/see crosscheck --help/);
  });
});
