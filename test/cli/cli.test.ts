import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

// Each test starts the CLI as a process, some twice: on a machine busy with other work one start
// takes seconds, so the default 5 s per test fails for reasons that have nothing to do with the CLI.
vi.setConfig({ testTimeout: 30_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli/crosscheck.mjs');
const corpusReport = (file: string): string => path.join(root, 'assets/corpus', file);
const sample = path.join(root, 'examples/meridian-post.txt');
let scratch = '';

beforeAll(() => {
  if (!existsSync(cli) || !existsSync(path.join(root, 'dist/corpus/index.json'))) {
    throw new Error(
      'dist/cli/crosscheck.mjs or dist/corpus/index.json is missing: build first with `node build.mjs` (npm test does)',
    );
  }
  scratch = mkdtempSync(path.join(tmpdir(), 'crosscheck-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the built CLI; NO_COLOR and FORCE_COLOR from the caller's environment are removed. */
function run(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string> } = {},
) {
  const env = { ...process.env, ...options.env };
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], {
    input: options.input,
    env,
    encoding: 'utf8',
    cwd: root,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratchFile(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const KINDS = ['number', 'title', 'hedge', 'attribution', 'negation', 'quote', 'entity'];

describe('crosscheck match --json', () => {
  test('prints exactly the documented shape for every sentence', () => {
    const { status, stdout, stderr } = run(['match', sample, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    // The documented fields, then those provenance added (fields are added, never renamed).
    expect(Object.keys(json)).toEqual([
      'self',
      'article',
      'sentences',
      'summary',
      'attributions',
      'groups',
      'page_group',
      'claim_share',
      'page_too_short',
    ]);
    expect(json.self).toBeNull();
    // The sample is long enough for its echo to be told.
    expect(json.page_too_short).toBe(false);
    // The sample retells the corpus story: its chances are not lowered.
    expect(json.claim_share).toBeNull();
    expect(Object.keys(json.article)).toEqual(['title', 'detected', 'fallback']);
    expect(json.article.fallback).toBe(false);
    expect(Object.keys(json.summary)).toEqual(['sentences', 'matched', 'outlets']);
    const text = readFileSync(sample, 'utf8');
    for (const sentence of json.sentences) {
      expect(Object.keys(sentence)).toEqual([
        'text',
        'start',
        'end',
        'matches',
        'independent',
        'cites',
      ]);
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      for (const match of sentence.matches) {
        expect(Object.keys(match)).toEqual([
          'report',
          'outlet',
          'text',
          'score',
          'tier',
          'group',
          'differences',
          'span',
          // Only for a match carried over from another outlet's matching sentence.
          ...(match.via === undefined ? [] : ['via']),
        ]);
        if (match.via !== undefined) {
          // The outlet it was found through is listed for the same sentence.
          expect(sentence.matches.map((m: { report: string }) => m.report)).toContain(match.via);
          expect(match.via).not.toBe(match.report);
        }
        // The shared span lies inside the sentence; the score is a probability.
        expect(match.span.start).toBeGreaterThanOrEqual(sentence.start);
        expect(match.span.end).toBeLessThanOrEqual(sentence.end);
        expect(match.span.end).toBeGreaterThan(match.span.start);
        expect(match.score).toBeGreaterThanOrEqual(0.5);
        expect(match.score).toBeLessThanOrEqual(1);
        expect(['verbatim', 'close', 'paraphrase']).toContain(match.tier);
        for (const difference of match.differences) {
          // A `number` difference also says what its value is; the first three keys keep their place.
          expect(Object.keys(difference)).toEqual(
            difference.kind === 'number'
              ? ['kind', 'page', 'report', 'quantity']
              : ['kind', 'page', 'report'],
          );
          expect(KINDS).toContain(difference.kind);
          if (difference.kind === 'number')
            expect(['date', 'duration', 'percent', 'count']).toContain(difference.quantity);
          // Each side's words are the sentence's own, or "" when that side has none.
          if (difference.page !== '') expect(sentence.text).toContain(difference.page);
          if (difference.report !== '') expect(match.text).toContain(difference.report);
        }
      }
      // The sixth outlet retells the Reuters story: every matched claim has one source.
      expect(sentence.independent).toBe(sentence.matches.length === 0 ? 0 : 1);
      // Best first.
      const scores = sentence.matches.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(json.summary.sentences).toBe(json.sentences.length);
    expect(json.summary.matched).toBeGreaterThan(0);
    for (const outlet of json.summary.outlets)
      expect(Object.keys(outlet)).toEqual(['report', 'outlet', 'sentences']);
    expect(json.groups).toEqual([
      {
        id: 'group-cnews-live-english',
        reports: ['cnews-live-english', 'yournews', 'truther-daily', 'chris-wick-news', 'eawaz'],
        origin: 'Reuters',
      },
    ]);
    expect(json.page_group).toBe('group-cnews-live-english');
    for (const a of json.attributions) {
      expect(Object.keys(a)).toEqual(['source', 'kind', 'text', 'start', 'end']);
      expect(text.slice(a.start, a.end)).toBe(a.text);
    }
    expect(
      json.attributions.map((a: { kind: string; source: string }) => [a.kind, a.source]),
    ).toContainEqual(['anonymous', 'two people briefed on the exchanges']);
  });

  test('groups and attributions of an HTML page', () => {
    const page = path.join(root, 'test/fixtures/articles/eawaz-report-page.html');
    const json = JSON.parse(run(['match', page, '--json']).stdout);
    expect(json.page_group).toBe('group-cnews-live-english');
    expect(
      json.attributions.map((a: { kind: string; source: string }) => [a.kind, a.source]),
    ).toContainEqual(['outlet', 'Reuters']);
  });

  test('every match lists its differences, and the sample has some of each main kind', () => {
    const json = JSON.parse(run(['match', sample, '--json']).stdout);
    const differences = json.sentences.flatMap((s: { matches: { differences: unknown[] }[] }) =>
      s.matches.flatMap((m) => m.differences),
    );
    const kinds = new Set(differences.map((d: { kind: string }) => d.kind));
    for (const kind of ['number', 'title', 'hedge', 'attribution', 'quote']) {
      expect(kinds).toContain(kind);
    }
    // The day Zelenskiy spoke, which the page leaves out, given as a date.
    expect(differences).toContainEqual({
      kind: 'number',
      page: '',
      report: 'Tuesday',
      quantity: 'date',
    });
    // The sitting president called "former U.S. President" by one outlet.
    expect(differences).toContainEqual({
      kind: 'title',
      page: 'President',
      report: 'former U.S. President',
    });
  });

  test('a corpus report is recognised as itself', () => {
    const { status, stdout } = run(['match', corpusReport('001_1f74d85761ef329b.txt'), '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.self).toEqual({ report: 'yournews', outlet: 'yourNEWS' });
    expect(json.summary.outlets.map((o: { report: string }) => o.report)).not.toContain('yournews');
  });

  test('reads standard input with -', () => {
    const { status, stdout } = run(['match', '-', '--json'], { input: readFileSync(sample) });
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(run(['match', sample, '--json']).stdout));
  });

  test('extracts the article from an HTML page, scripts not run', () => {
    const page = path.join(root, 'test/fixtures/articles/eawaz-report-page.html');
    const { status, stdout } = run(['match', page, '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.article.detected).toBe(true);
    expect(json.article.title).toMatch(/^Putin's conditions/);
    expect(json.self).toEqual({ report: 'eawaz', outlet: 'eAwaz' });
    const texts: string[] = json.sentences.map((s: { text: string }) => s.text);
    // Menus, related links, comments and the footer are not part of the article.
    for (const furniture of ['Home', 'Ten recipes for spring', 'Leave a Reply', 'Back To Top']) {
      expect(texts.some((t) => t.includes(furniture))).toBe(false);
    }
  });

  test('an SVG sprite with styles before the article does not hide the article', () => {
    // happy-dom drops everything after a <style> inside <svg>; a browser does not.
    const story =
      'The harbour authority said on Monday that the new ferry terminal, delayed by two years of disputes, would open in the spring.';
    const page = scratchFile(
      'sprite.html',
      `<!doctype html><html><head><title>Terminal</title></head><body>
      <svg class="icons"><symbol id="i"><style>.c{opacity:.3}</style><circle r="1"/></symbol></svg>
      <article><h1>Ferry terminal to open in spring</h1>${`<p>${story}</p>`.repeat(6)}</article>
      </body></html>`,
    );
    const { status, stdout, stderr } = run(['match', page, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.article).toMatchObject({ detected: true, fallback: false });
    expect(json.sentences.map((s: { text: string }) => s.text)).toContain(story);
  });

  test('a page without an article body: its main text is checked, and the CLI says so', () => {
    const line =
      'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by four thousand residents.';
    // An old table layout, too large for Readability (a market table of 800 cells), with no
    // <p>, <article> or <main>: the story is text between <br>s next to a bar of links.
    const cells = Array.from({ length: 800 }, (_, i) => `<td>${(i * 7) % 101}</td>`).join('');
    const page = scratchFile(
      'table-layout.html',
      `<html><head><title>Town news</title></head><body>
      <div>${'<a href="/x">Section</a> '.repeat(30)}</div>
      <table><tr><td><font size="2">${`${line}<br><br>`.repeat(2)}</font></td></tr></table>
      <table><tr>${cells}</tr></table></body></html>`,
    );
    const { status, stdout, stderr } = run(['match', page, '--json']);
    expect(status).toBe(0);
    expect(stderr).toBe(
      "crosscheck: note: no article body was found; the page's main text was checked instead\n",
    );
    const json = JSON.parse(stdout);
    expect(json.article.fallback).toBe(true);
    const texts: string[] = json.sentences.map((s: { text: string }) => s.text);
    expect(texts).toContain(line);
    expect(texts.some((t) => t.includes('Section'))).toBe(false);
  });

  test('a page of nothing but navigation is never read as an article', () => {
    const page = scratchFile(
      'navigation.html',
      `<html><body><div class="top"><a href="#main">Skip to main content</a>
      <a href="#nav">Jump to navigation</a></div><div id="main"><ul>${Array.from(
        { length: 40 },
        (_, i) => `<li><a href="/s/${i}">World news section number ${i}</a></li>`,
      ).join('')}</ul></div></body></html>`,
    );
    const { status, stdout, stderr } = run(['match', page, '--json']);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^crosscheck: .*no article text found in the HTML\n$/);
    expect(status).toBe(1);
  });

  test('--min-chance shows only the matches at least that likely the same claim', () => {
    type Out = { sentences: { matches: { score: number }[] }[] };
    const scores = (args: string[]): number[] => {
      const { status, stdout, stderr } = run(['match', sample, '--json', ...args]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      return (JSON.parse(stdout) as Out).sentences.flatMap((s) => s.matches.map((m) => m.score));
    };
    const all = scores([]);
    const strict = scores(['--min-chance', '0.85']);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((score) => score >= 0.5)).toBe(true);
    expect(strict.every((score) => score >= 0.85)).toBe(true);
    // The same matches, less those below the choice: nothing else changes.
    expect(strict).toEqual(all.filter((score) => score >= 0.85));
    expect(strict.length).toBeLessThan(all.length);
    expect(scores(['--min-chance=85%'])).toEqual(strict);
    // The readable report says what it shows.
    expect(run(['match', sample, '--min-chance', '0.7']).stdout).toContain(
      'Matches shown: at least 70% likely the same claim.',
    );
    expect(run(['match', sample]).stdout).not.toContain('Matches shown');
  });

  test('an article on another subject matches nothing', () => {
    const { stdout } = run([
      'match',
      path.join(root, 'test/fixtures/articles/sport-cup-final.txt'),
      '--json',
    ]);
    expect(JSON.parse(stdout).summary).toMatchObject({ matched: 0, outlets: [] });
  });
});

describe('crosscheck match (readable report)', () => {
  test('speaks of one sentence in the singular', () => {
    const one = run(['match', '-'], {
      input: 'Russia has presented the United States with a list of demands for ending the war.',
    });
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('The one sentence was also reported by other outlets:');
    const none = run(['match', '-'], { input: 'The harbour reopened to ferries on Monday.' });
    expect(none.status).toBe(0);
    expect(none.stdout).toContain("The one sentence was not found in the other outlets' reports.");
  });

  test('says that questions were not checked, and checks the statements', () => {
    const { status, stdout } = run(['match', '-'], {
      input:
        'Will Putin accept the 30-day ceasefire that Ukraine agreed to in Saudi Arabia?\n\n' +
        'Russia has presented the United States with a list of demands for ending the war.\n\n' +
        'Has Russia handed the United States a list of demands?',
    });
    expect(status).toBe(0);
    expect(stdout).toContain('1 of 3 sentences were also reported by other outlets:');
    expect(stdout).toContain(
      '(Its 2 questions were not checked: a question asserts nothing that another outlet could have reported.)',
    );
    expect(stdout).not.toContain('1. Will Putin');
    const one = run(['match', '-'], { input: 'Did Russia hand over its demands?' });
    expect(one.stdout).toContain('(Its question was not checked:');
    const none = run(['match', '-'], { input: 'Russia handed over its demands.' });
    expect(none.stdout).not.toContain('not checked');
  });

  test('--context: a passage of an article is matched as in the article, only its sentences listed', () => {
    const article = readFileSync(
      path.join(root, 'test/fixtures/neighbours/putin-trump-call.txt'),
      'utf8',
    );
    const passage =
      "Vladimir Putin agreed on Tuesday to stop attacking Ukraine's energy infrastructure for 30 days but declined to back the full ceasefire that Washington had proposed, after a telephone call with Donald Trump that lasted about two and a half hours.";
    expect(article).toContain(passage);
    const alone = JSON.parse(run(['match', '-', '--json'], { input: passage }).stdout);
    expect(alone.sentences[0].matches.length).toBeGreaterThanOrEqual(3);
    const file = scratchFile('putin-trump-call.txt', article);
    const within = run(['match', '-', '--json', '--context', file], { input: passage });
    expect(within.status).toBe(0);
    const json = JSON.parse(within.stdout);
    expect(json.sentences.map((s: { text: string }) => s.text)).toEqual([passage]);
    expect(json.sentences[0].matches).toEqual([]);
    const twice = run(['match', '-', '--context', '-'], { input: passage });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('not both');
  });

  test('lists the shared sentences, the outlets and the computed echo groups, without colour off a terminal', () => {
    const { status, stdout } = run(['match', sample]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\d+ of \d+ sentences were also reported by other outlets/);
    expect(stdout).toContain('Outlets that made the same claims:');
    expect(stdout).toMatch(/^ {3}\d outlets?, 1 independent source: Reuters$/m);
    // The groups come after the summary.
    const groups = stdout.indexOf('Where the claims come from');
    expect(groups).toBeGreaterThan(stdout.indexOf('Outlets that made the same claims:'));
    expect(stdout.slice(groups)).toContain(
      '5 outlets, 1 independent source: Reuters; 4 of them name it, 1 cites only unnamed sources.',
    );
    expect(stdout.slice(groups)).toContain(
      '- Reuters (5 reports): CNews Live English (only unnamed sources), yourNEWS, Truther Daily, Chris Wick News, eAwaz + this page',
    );
    expect(stdout).not.toContain('\u001b[');
  });

  test('prints what each wording changed under it', () => {
    const { stdout } = run(['match', sample]);
    const lines = stdout.split('\n');
    const cnews = lines.findIndex(
      (line) => line.includes('CNews Live English') && line.includes('former U.S. President'),
    );
    expect(cnews).toBeGreaterThan(-1);
    expect(lines[cnews + 1]).toMatch(/^\s+! Title: President → former U\.S\. President$/);
    // A day is a date, not a number.
    expect(stdout).toMatch(/! Date added: Tuesday/);
    expect(stdout).not.toMatch(/! Number[^\n]*: (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/m);
  });

  test('--color forces colour, NO_COLOR wins over nothing', () => {
    expect(run(['match', sample, '--color']).stdout).toContain('\u001b[');
    expect(run(['match', sample], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  test("names the page as the outlet's own report", () => {
    const { stdout } = run(['match', corpusReport('003_992c80810b19968e.txt')]);
    expect(stdout).toContain("This is Chris Wick News's own report");
  });
});

describe('help, version and errors', () => {
  test('--help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: crosscheck match FILE \[--json\]/);
  });

  test('--version is the package version', () => {
    const version = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(run(['--version']).stdout.trim()).toBe(`crosscheck ${version}`);
  });

  test.each([
    ['no arguments', () => [], 2, /missing command/],
    ['unknown command', () => ['compare', 'x'], 2, /unknown command: compare/],
    ['unknown option', () => ['match', sample, '--fast'], 2, /unknown option: --fast/],
    ['no file', () => ['match'], 2, /needs a FILE/],
    [
      'a chance below the engine’s own',
      () => ['match', sample, '--min-chance', '0.3'],
      2,
      /--min-chance takes a chance from 0\.5 to 0\.99/,
    ],
    ['a chance that is no number', () => ['match', sample, '--min-chance=sure'], 2, /not sure/],
    ['a chance without a value', () => ['match', sample, '--min-chance'], 2, /needs a value/],
    ['missing file', () => ['match', path.join(scratch, 'nope.txt')], 1, /nope\.txt: no such file/],
    ['a directory', () => ['match', scratch], 1, /is a directory/],
    ['empty file', () => ['match', scratchFile('empty.txt', '')], 1, /empty input/],
    ['blank file', () => ['match', scratchFile('blank.txt', ' \n\n \t')], 1, /empty input/],
    [
      'binary file',
      () => [
        'match',
        scratchFile('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49])),
      ],
      1,
      /binary input/,
    ],
    [
      'invalid UTF-8',
      () => ['match', scratchFile('latin1.txt', Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]))],
      1,
      /binary input, not UTF-8/,
    ],
  ])('%s: one line on stderr, non-zero exit, no stack trace', (_name, args, code, message) => {
    const { status, stdout, stderr } = run(args());
    expect(status).toBe(code);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('empty standard input', () => {
    const { status, stderr } = run(['match', '-'], { input: '' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/standard input: empty input/);
  });
});
