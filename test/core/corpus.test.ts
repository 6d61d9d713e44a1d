import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { compileCorpusDir, readCorpus } from '../../src/cli/read-corpus';
import {
  compileCorpus,
  CorpusError,
  parseManifest,
  type CompiledCorpus,
} from '../../src/core/corpus';
import { Matcher } from '../../src/core/matcher';
import { CORPUS_DIR } from '../quality/predict';

const manifest = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'reports.json'), 'utf8')) as {
  reports: Record<string, unknown>[];
};
const entry = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...manifest.reports[0]!,
  ...overrides,
});

/** The CorpusError a function throws (fails the test when it throws nothing or something else). */
function corpusError(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error('expected a CorpusError');
}

describe('the bundled corpus', () => {
  const compiled = compileCorpusDir(CORPUS_DIR);

  test('report ids are readable slugs of the outlets', () => {
    expect(compiled.reports.map((r) => r.id)).toEqual([
      'cnews-live-english',
      'yournews',
      'truther-daily',
      'chris-wick-news',
      'eawaz',
    ]);
  });

  test('every sentence keeps its offsets in its report', () => {
    const { inputs } = readCorpus(CORPUS_DIR);
    for (const sentence of compiled.sentences) {
      expect(inputs[sentence.report]!.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  test("every unit carries the verifier's tags, one byte per term", () => {
    for (const sentence of compiled.sentences) {
      expect(sentence.tags.length).toBe(sentence.terms.length);
      expect(sentence.tags.every((t) => Number.isInteger(t) && t >= 0 && t <= 255)).toBe(true);
    }
    expect(compiled.sentences.some((s) => s.tags.some((t) => t & 1))).toBe(true);
  });

  test('the compiled index survives JSON and loads', () => {
    const again = JSON.parse(JSON.stringify(compiled)) as CompiledCorpus;
    expect(Matcher.fromCompiled(again).reports).toHaveLength(5);
  });
});

describe('reports.json is checked', () => {
  test.each([
    ['not an object', [], /expected an object/],
    ['no list', { story: 'x' }, /"reports" list/],
    ['empty list', { reports: [] }, /"reports" is empty/],
    ['entry not an object', { reports: ['x'] }, /reports\[0\] is not an object/],
    ['missing outlet', { reports: [entry({ outlet: undefined })] }, /reports\[0\] has no "outlet"/],
    ['empty outlet', { reports: [entry({ outlet: ' ' })] }, /reports\[0\]\.outlet is empty/],
    ['missing url', { reports: [entry({ url: undefined })] }, /reports\[0\] has no "url"/],
    ['bad url', { reports: [entry({ url: 'javascript:alert(1)' })] }, /not an http\(s\) URL/],
    [
      'file outside the folder',
      { reports: [entry({ file: '../secret.txt' })] },
      /not a plain file name/,
    ],
    ['file twice', { reports: [entry(), entry()] }, /listed twice/],
    ['title not a string', { reports: [entry({ title: 3 })] }, /title must be a string/],
  ])('%s', (_name, json, message) => {
    const error = corpusError(() => parseManifest(json, 'reports.json'));
    expect(error.message).toMatch(/^reports\.json: /);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  test('a missing title is null and a missing site comes from the URL', () => {
    const parsed = parseManifest({ reports: [entry({ title: undefined, site: undefined })] });
    expect(parsed.reports[0]!.title).toBeNull();
    expect(parsed.reports[0]!.site).toBe('cnewsliveenglish.com');
  });
});

describe('a broken corpus folder names the file and the problem', () => {
  let dir = '';
  const setUp = (files: Record<string, string | Buffer>): string => {
    dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-corpus-'));
    for (const [name, content] of Object.entries(files))
      writeFileSync(path.join(dir, name), content);
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const oneReport = JSON.stringify({ reports: [entry({ file: 'a.txt' })] });

  test.each([
    ['no manifest', {}, /^reports\.json: file is missing$/],
    ['manifest not JSON', { 'reports.json': '{ nope' }, /^reports\.json: is not valid JSON/],
    ['report file missing', { 'reports.json': oneReport }, /^a\.txt: file is missing$/],
    ['report empty', { 'reports.json': oneReport, 'a.txt': '  \n ' }, /^a\.txt: is empty$/],
    [
      'report binary',
      { 'reports.json': oneReport, 'a.txt': Buffer.from([0x52, 0x00, 0x01, 0x02]) },
      /^a\.txt: looks like binary/,
    ],
    [
      'report not UTF-8',
      { 'reports.json': oneReport, 'a.txt': Buffer.from([0x52, 0xff, 0xfe, 0x41]) },
      /^a\.txt: is not valid UTF-8/,
    ],
  ])('%s', (_name, files, message) => {
    const error = corpusError(() => compileCorpusDir(setUp(files)));
    expect(error.message).toMatch(message);
  });

  test('a good folder compiles', () => {
    const compiled = compileCorpusDir(
      setUp({ 'reports.json': oneReport, 'a.txt': 'Russia has presented demands. NATO said no.' }),
    );
    expect(compiled.sentences).toHaveLength(2);
  });
});

describe('compileCorpus checks its inputs', () => {
  const { inputs } = readCorpus(CORPUS_DIR);
  test('duplicate ids', () => {
    expect(corpusError(() => compileCorpus([inputs[0]!, inputs[0]!])).message).toMatch(
      /used twice/,
    );
  });
  test('no reports', () => {
    expect(corpusError(() => compileCorpus([])).message).toMatch(/has no reports/);
  });
});

describe('a damaged prebuilt index is refused with a CorpusError', () => {
  const good = compileCorpusDir(CORPUS_DIR);
  const damaged = (change: (c: Record<string, unknown>) => void): CompiledCorpus => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return copy as unknown as CompiledCorpus;
  };
  test.each([
    ['not an index', () => damaged((c) => (c.format = 'other')), /not a Crosscheck corpus index/],
    ['another version', () => damaged((c) => (c.version = 0)), /version 0/],
    ['no sentences', () => damaged((c) => delete c.sentences), /no "sentences" list/],
    [
      'term out of range',
      () => damaged((c) => ((c.sentences as { terms: number[] }[])[0]!.terms = [1e9])),
      /outside the vocabulary/,
    ],
    [
      'report out of range',
      () => damaged((c) => ((c.sentences as { report: number }[])[0]!.report = 99)),
      /refers to no report/,
    ],
    ['short df list', () => damaged((c) => (c.df = [])), /do not fit/],
    [
      'tags that do not fit the terms',
      () => damaged((c) => ((c.sentences as { tags: number[] }[])[0]!.tags = [1])),
      /tags that do not fit/,
    ],
    [
      'no tags (an index of the previous version)',
      () => damaged((c) => delete (c.sentences as { tags?: number[] }[])[0]!.tags),
      /tags that do not fit/,
    ],
    [
      'report without url',
      () => damaged((c) => ((c.reports as { url: string }[])[0]!.url = '')),
      /has no url/,
    ],
  ])('%s', (_name, make, message) => {
    expect(corpusError(() => Matcher.fromCompiled(make())).message).toMatch(message);
  });
  test('null', () => {
    expect(
      corpusError(() => Matcher.fromCompiled(null as unknown as CompiledCorpus)).message,
    ).toMatch(/not an object/);
  });
});
