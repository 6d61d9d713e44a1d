import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Matcher } from '../../../src/core/matcher';
import {
  carriedMatches,
  CARRY_FROM,
  LINK_PROBABILITY,
  sharesPartOf,
  unitLinks,
  type Link,
} from '../../../src/core/verify';
import { loadDevCorpus } from '../../quality/predict';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (file: string): string =>
  readFileSync(path.join(here, '../../fixtures', file), 'utf8');

describe('the links of a report sentence', () => {
  const candidate = (report: number, sentence: number, probability: number, score: number) => ({
    report,
    sentence,
    probability,
    score,
  });

  test('each other report’s most probable sentence, at the link probability or more, most probable first', () => {
    const links = unitLinks(
      [
        candidate(1, 20, 0.85, 0.4),
        candidate(1, 21, 0.95, 0.3),
        candidate(2, 30, 0.9, 0.5),
        candidate(3, 40, LINK_PROBABILITY - 0.01, 0.9),
      ],
      () => false,
    );
    expect(links).toEqual([
      { report: 1, sentence: 21, probability: 0.95 },
      { report: 2, sentence: 30, probability: 0.9 },
    ]);
  });

  test('of two alike, the better rerank score; a sentence that contradicts is no link', () => {
    const links = unitLinks(
      [candidate(1, 20, 0.9, 0.3), candidate(1, 21, 0.9, 0.6), candidate(2, 30, 0.99, 0.7)],
      (sentence) => sentence === 30,
    );
    expect(links).toEqual([{ report: 1, sentence: 21, probability: 0.9 }]);
  });
});

describe('carrying a match over the reports’ links', () => {
  // Report 0's sentence 10 is linked to report 1's sentence 20 and report 2's sentence 30.
  const links = new Map<number, Link[]>([
    [
      10,
      [
        { report: 1, sentence: 20, probability: 0.9 },
        { report: 2, sentence: 30, probability: LINK_PROBABILITY - 0.01 },
      ],
    ],
  ]);
  const linksOf = (sentence: number): Link[] => links.get(sentence) ?? [];
  const always = (): boolean => true;
  const never = (): boolean => false;

  test('a match is carried with the weaker of the two probabilities, over strong links only', () => {
    const carried = carriedMatches(
      [{ report: 0, sentence: 10, probability: 0.95 }],
      linksOf,
      always,
      never,
      never,
    );
    expect(carried.map((c) => [c.link.report, c.probability])).toEqual([[1, 0.9]]);
    expect(carried[0]!.via.report).toBe(0);
  });

  test('nothing is carried from a match below CARRY_FROM', () => {
    expect(
      carriedMatches(
        [{ report: 0, sentence: 10, probability: CARRY_FROM - 0.01 }],
        linksOf,
        always,
        never,
        never,
      ),
    ).toEqual([]);
  });

  test('a sentence the verifier judged against the page keeps its own judgement', () => {
    expect(
      carriedMatches(
        [{ report: 0, sentence: 10, probability: 0.95 }],
        linksOf,
        always,
        never,
        (sentence) => sentence === 20,
      ),
    ).toEqual([]);
  });

  test('nor is it carried to an excluded report, against the part test, or below a direct match', () => {
    const direct = { report: 0, sentence: 10, probability: 0.95 };
    expect(carriedMatches([direct], linksOf, always, (r) => r === 1, never)).toEqual([]);
    expect(carriedMatches([direct], linksOf, never, never, never)).toEqual([]);
    expect(
      carriedMatches(
        [direct, { report: 1, sentence: 21, probability: 0.92 }],
        linksOf,
        always,
        never,
        never,
      ),
    ).toEqual([]);
  });

  test('the part the page covers of a must be found in b', () => {
    const ids = [1, 2, 3, 4];
    const weights = [1, 1, 3, 3];
    // The page covers terms 3 and 4 (mass 6); b has term 4 (3 of 6) or only term 1 (0 of 6).
    const page = (k: number): boolean => k >= 2;
    expect(sharesPartOf(ids, weights, page, (id) => id === 4)).toBe(true);
    expect(sharesPartOf(ids, weights, page, (id) => id === 1)).toBe(false);
    expect(
      sharesPartOf(
        ids,
        weights,
        () => false,
        () => true,
      ),
    ).toBe(false);
  });
});

describe('the matcher carries claims over the links the build stores', () => {
  const corpus = loadDevCorpus();
  const retelling = fixture('retellings/lakeside-gazette.txt');

  test('a retelling gets reports its words alone do not reach, each found through a listed one', () => {
    const report = corpus.matcher.check(retelling);
    const carried = report.sentences.flatMap((s) =>
      s.matches.filter((m) => m.via !== undefined).map((m) => ({ s, m })),
    );
    expect(carried.length).toBeGreaterThan(0);
    for (const { s, m } of carried) {
      const via = s.matches.find((other) => other.report === m.via);
      expect(via).toBeDefined();
      expect(via!.score).toBeGreaterThanOrEqual(m.score);
      expect(m.tier).toBe('paraphrase');
    }
    // Without the stored links the same check carries nothing.
    const unlinked = Matcher.fromCompiled({
      ...corpus.compiled,
      sentences: corpus.compiled.sentences.map((s) => {
        const { links: _links, ...rest } = s as typeof s & { links?: number[] };
        return rest;
      }),
    } as typeof corpus.compiled);
    const plain = unlinked.check(retelling);
    expect(plain.sentences.flatMap((s) => s.matches).some((m) => m.via !== undefined)).toBe(false);
    expect(plain.sentences.flatMap((s) => s.matches).length).toBeLessThan(
      report.sentences.flatMap((s) => s.matches).length,
    );
    // Links worked out on demand (a corpus the CLI reads) give what the stored ones give.
    unlinked.learnLinks();
    const listed = (r: typeof report) =>
      r.sentences.map((s) => s.matches.map((m) => [m.report, m.score, m.via ?? null]));
    expect(listed(unlinked.check(retelling))).toEqual(listed(report));
  });

  test('an article on a neighbouring story, or a short text, carries nothing', () => {
    const neighbour = corpus.matcher.check(fixture('neighbours/prisoner-exchange.txt'));
    expect(neighbour.sentences.flatMap((s) => s.matches).some((m) => m.via)).toBe(false);
    // Three sentences of the retelling: too few to tell whether the text tells the story.
    const paragraph = retelling.split('\n\n').slice(1, 2).join('\n\n');
    const short = corpus.matcher.check(paragraph);
    expect(short.sentences.flatMap((s) => s.matches).some((m) => m.via)).toBe(false);
  });
});
