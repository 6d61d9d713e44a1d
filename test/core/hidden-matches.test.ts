import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/core/check-article';
import { isMatchKey, matchKey, withoutHidden } from '../../src/core/hidden-matches';
import { corpusEchoGroups } from '../../src/core/provenance';
import { loadDevCorpus } from '../quality/predict';

const corpus = loadDevCorpus();
const { matcher } = corpus;
const groups = corpusEchoGroups(corpus.compiled, (text, exclude) =>
  matcher.check(text, { exclude }),
);
const ARTICLE = readFileSync(new URL('../../examples/meridian-post.txt', import.meta.url), 'utf8');

describe('matchKey', () => {
  const match = { report: 'eawaz', start: 120 };

  test('names the page sentence by its text, whatever its spacing', () => {
    const key = matchKey('Moscow has handed  the list\nto Washington. ', match);
    expect(key).toBe(matchKey('Moscow has handed the list to Washington.', match));
    expect(isMatchKey(key)).toBe(true);
  });

  test('tells apart another sentence, another report and another report sentence', () => {
    const key = matchKey('Moscow has handed the list to Washington.', match);
    expect(matchKey('Moscow has handed a list to Washington.', match)).not.toBe(key);
    expect(
      matchKey('Moscow has handed the list to Washington.', { ...match, report: 'cnews' }),
    ).not.toBe(key);
    expect(
      matchKey('Moscow has handed the list to Washington.', { ...match, start: 121 }),
    ).not.toBe(key);
  });
});

describe('withoutHidden', () => {
  const report = matcher.check(ARTICLE);
  const claims = report.sentences.filter((s) => s.matches.length > 0);

  test('with no mark on its matches the report is left as it is', () => {
    expect(withoutHidden(report, new Set())).toBe(report);
    expect(withoutHidden(report, new Set(['zzz:1']))).toBe(report);
  });

  test('a marked match is left out, and every count is made again without it', () => {
    // A claim that one outlet alone makes: hiding it unmatches the sentence.
    const lone = claims.find((s) => s.matches.length === 1)!;
    const only = lone.matches[0]!;
    const key = matchKey(lone.text, only);
    const hidden = withoutHidden(report, new Set([key]));
    expect(hidden.hidden).toEqual([key]);
    const after = hidden.sentences.find((s) => s.start === lone.start)!;
    expect(after.matches).toEqual([]);
    expect(hidden.summary.matched).toBe(report.summary.matched - 1);
    const count = (r: typeof report, id: string) =>
      r.summary.outlets.find((o) => o.report === id)?.sentences ?? 0;
    expect(count(hidden, only.report)).toBe(count(report, only.report) - 1);
    // Every other sentence keeps its matches.
    const others = (r: typeof report) =>
      r.sentences.filter((s) => s.start !== lone.start).map((s) => s.matches);
    expect(others(hidden)).toEqual(others(report));
    // The counts are those the sentences give.
    for (const outlet of hidden.summary.outlets) {
      const n = hidden.sentences.filter((s) => s.matches.some((m) => m.report === outlet.report));
      expect(outlet.sentences).toBe(n.length);
    }
  });

  test('a match carried over from a marked wording leaves with it', () => {
    // The demo article's lead lists Truther Daily through eAwaz's sentence.
    const lead = claims.find((s) => s.matches.some((m) => m.via !== undefined))!;
    const carried = lead.matches.find((m) => m.via !== undefined)!;
    const via = lead.matches.find((m) => m.report === carried.via)!;
    const hidden = withoutHidden(report, new Set([matchKey(lead.text, via)]));
    const after = hidden.sentences.find((s) => s.start === lead.start)!;
    expect(after.matches.map((m) => m.report)).not.toContain(via.report);
    expect(after.matches.map((m) => m.report)).not.toContain(carried.report);
    // Only the reader's own mark is listed: the carried match comes back with the wording.
    expect(hidden.hidden).toEqual([matchKey(lead.text, via)]);
    // Hiding the carried match alone leaves the wording it came through.
    const alone = withoutHidden(report, new Set([matchKey(lead.text, carried)]));
    const kept = alone.sentences.find((s) => s.start === lead.start)!;
    expect(kept.matches.map((m) => m.report)).toContain(via.report);
  });

  test('an outlet whose every match is marked leaves the outlets', () => {
    const last = report.summary.outlets.at(-1)!;
    const keys = report.sentences.flatMap((s) =>
      s.matches.filter((m) => m.report === last.report).map((m) => matchKey(s.text, m)),
    );
    const hidden = withoutHidden(report, new Set(keys));
    expect(hidden.summary.outlets.map((o) => o.report)).not.toContain(last.report);
    expect(hidden.hidden).toHaveLength(last.sentences);
  });
});

describe('checkArticle with marks', () => {
  test('hidden matches count nowhere after matching: not in where the claim comes from', () => {
    const before = checkArticle(matcher, ARTICLE, { groups });
    // (A claim none of whose matches was carried over from its first: see the test above.)
    const claim = before.sentences.find(
      (s) => s.matches.length >= 2 && !s.matches.some((m) => m.via === s.matches[0]!.report),
    )!;
    expect(claim.independent).toBeGreaterThan(0);
    // One match hidden: the others stay, in their order.
    const one = checkArticle(matcher, ARTICLE, {
      groups,
      hidden: [matchKey(claim.text, claim.matches[0]!)],
    });
    const fewer = one.sentences.find((s) => s.start === claim.start)!;
    expect(fewer.matches.map((m) => m.report)).toEqual(claim.matches.slice(1).map((m) => m.report));
    expect(one.hidden).toHaveLength(1);
    // Every match hidden: the sentence is unmatched, and provenance, worked out afterwards, gives
    // it no source.
    const all = checkArticle(matcher, ARTICLE, {
      groups,
      hidden: claim.matches.map((m) => matchKey(claim.text, m)),
    });
    const none = all.sentences.find((s) => s.start === claim.start)!;
    expect(none.matches).toEqual([]);
    expect(none.independent ?? 0).toBe(0);
    expect(all.summary.matched).toBe(before.summary.matched - 1);
  });
});
