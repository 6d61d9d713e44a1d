import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpus } from '../../src/cli/read-corpus';
import { compileCorpus } from '../../src/core/corpus';
import { CorpusSearch, DEFAULT_HITS, MAX_QUERY_CHARS } from '../../src/core/corpus-search';

const { story, inputs } = readCorpus(path.resolve(__dirname, '../../assets/corpus'));
const search = CorpusSearch.fromCompiled(compileCorpus(inputs, story));

/** The marked words of a hit, as the reader sees them. */
const marked = (hit: { text: string; marks: [number, number][] }): string[] =>
  hit.marks.map(([start, end]) => hit.text.slice(start, end));

describe('what ranks first', () => {
  test.each<[string, string, RegExp]>([
    ['a misspelt name and word', 'Zelenskyy ceasfire', /Zelensk\w+\b.*\b(ceasefire|cease-fire)/i],
    ['the lead claim, in other words order', 'demands list', /presented .* list of demands/],
    ['two rare words', 'Crimea recognition', /recognition of (its claims over )?Crimea/i],
    ['a place and a year', 'Istanbul 2022', /draft agreement .* Istanbul in 2022/],
    ['one spelling of the capital', 'Kiev', /\bKiev\b/],
    ['a straight apostrophe finds a curly one', "Kremlin's demands", /Kremlin’s\b.*\bdemands/],
    ['a typo in a short name', 'Sudzah', /\bSudzha\b/],
    ['upper case and extra spaces', '  NATO   MEMBERSHIP ', /membership in NATO|NATO membership/],
  ])('%s: %s', (_name, query, first) => {
    const hits = search.search(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.text).toMatch(first);
  });

  test('the truce sentences of several outlets are all found, each word marked', () => {
    const hits = search.search('Zelenskyy ceasfire');
    expect(new Set(hits.map((h) => h.report)).size).toBeGreaterThanOrEqual(3);
    for (const hit of hits) {
      const words = marked(hit).join(' ');
      expect(words).toMatch(/Zelensk/);
      expect(words).toMatch(/cease|truce/i);
    }
  });
});

describe('nothing relevant, nothing shown', () => {
  test.each([
    ['another subject', 'football transfer window'],
    ['a word of the story next to one that is not in it', 'Putin bitcoin'],
    ['only fragments of longer words', 'ist ment'],
    ['single letters and punctuation', 'a ! ? , .'],
    ['white space', '   '],
    ['empty', ''],
  ])('%s: %j', (_name, query) => {
    expect(search.search(query)).toEqual([]);
  });
});

describe('hits', () => {
  test('carry the report, its outlet and link, and a score in 0..1, best first', () => {
    const hits = search.search('Putin');
    expect(hits).toHaveLength(DEFAULT_HITS);
    const byId = new Map(inputs.map((input) => [input.meta.id, input.meta]));
    for (const hit of hits) {
      expect(byId.get(hit.report)?.outlet).toBe(hit.outlet);
      expect(hit.url).toBe(byId.get(hit.report)?.url);
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(search.search('Putin', 3)).toHaveLength(3);
  });

  test('marks whole words, never fragments inside longer words', () => {
    const hit = search.search('list of demands').find((h) => h.text.includes('U.S. officials'));
    expect(hit).toBeDefined();
    // "of" is inside "officials" too; only the word "of" is marked.
    expect(marked(hit!)).toEqual(['list', 'of', 'demands']);
  });

  test('marks point into the original text, past curly quotes and accents', () => {
    const hit = search.search('Putins commitment')[0];
    expect(hit).toBeDefined();
    for (const [start, end] of hit!.marks) {
      expect(start).toBeLessThan(end);
      expect(hit!.text.slice(start, end)).toMatch(/^[\p{L}\p{N}]+$/u);
    }
    expect(search.search('Zelenský').map((h) => h.text)).toEqual(
      search.search('Zelensky').map((h) => h.text),
    );
  });

  test('straight and curly apostrophes search alike', () => {
    const curly = search.search('Kremlin’s demands');
    expect(curly.length).toBeGreaterThan(0);
    expect(search.search("Kremlin's demands")).toEqual(curly);
  });

  test('a query over the length cap is cut, not refused', () => {
    const long = `Istanbul ${'x'.repeat(MAX_QUERY_CHARS * 2)}`;
    expect(() => search.search(long)).not.toThrow();
  });
});
