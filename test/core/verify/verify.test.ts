import { describe, expect, test } from 'vitest';
import { tokenize } from '../../../src/core/tokens';
import {
  MATCH_PROBABILITY,
  PARTNER_OVERLAP,
  TAG_NEGATED,
  coveredOverlap,
  neighbourSupport,
  partnerShares,
  SUPPORT_REACH,
  TAG_PREDICATE,
  sharedSpan,
  storyAffinity,
  termClass,
  isReportingTerm,
  unitTags,
  MONTH,
  NAME,
  NUMBER,
  TIME,
  WORD,
} from '../../../src/core/verify';
import {
  agentSwap,
  claimUnit,
  numberAgreement,
  timeAgreement,
  type ClaimUnit,
} from '../../../src/core/verify/features';
import { clauseOf, numbersInSpansAsFrame, TAG_ADJUNCT } from '../../../src/core/verify/analyse';
import { makeBag } from '../../../src/core/rerank';

/** The words of `text` tagged as predicates, negated, and their clause numbers. */
function analysed(text: string) {
  const tokens = tokenize(text);
  const tags = unitTags(text, tokens);
  const word = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
  return {
    predicates: tokens
      .map((_, i) => i)
      .filter((i) => tags[i]! & TAG_PREDICATE)
      .map(word),
    negated: tokens
      .map((_, i) => i)
      .filter((i) => tags[i]! & TAG_NEGATED)
      .map(word),
    clauses: tokens.map((_, i) => clauseOf(tags[i]!)),
    adjuncts: tokens
      .map((_, i) => i)
      .filter((i) => tags[i]! & TAG_ADJUNCT)
      .map(word),
  };
}

describe('the light analysis of a sentence', () => {
  test.each([
    ['after an auxiliary', 'Russia has presented a list of demands.', ['presented']],
    ['past forms', 'Putin agreed on Tuesday and declined the plan.', ['agreed', 'declined']],
    ['over an adverb', 'Trump is still waiting for an answer.', ['waiting']],
    ['after "to"', 'Moscow wants Washington to tackle the causes.', ['tackle']],
    ['not after a determiner', 'The proposed deal was signed.', ['signed']],
  ])('predicates %s', (_name, text, predicates) => {
    expect(analysed(text).predicates).toEqual(predicates);
  });

  test('a negation governs the rest of its clause only', () => {
    const { negated } = analysed(
      'The White House has not responded to the demands, but officials met on Friday.',
    );
    expect(negated).toEqual(['responded', 'demands']);
  });

  test('commas and clause words open clauses', () => {
    const { clauses } = analysed('Trump awaits an answer, which Zelenskiy said he would accept.');
    expect(clauses).toEqual([0, 0, 0, 1, 1, 1]);
  });

  test('adverbial phrases tell when, where and how', () => {
    const { adjuncts } = analysed(
      'Officials discussed the terms in person and by video over the past three weeks.',
    );
    // "three weeks" is read as a length of time: its count stands on "three".
    expect(adjuncts).toEqual(['person', 'video', 'past', 'three', 'weeks']);
  });

  test('an adverbial phrase ends at a predicate, a comma or a word outside it', () => {
    expect(
      analysed('After the talks in Riyadh, Moscow handed over a list of demands.').adjuncts,
    ).toEqual(['talks', 'Riyadh']);
    // A preposition that ends a clause opens nothing after its comma.
    expect(analysed('As agreed before, Russia handed a list of demands.').adjuncts).toEqual([]);
    // "By" straight after its verb names who acted.
    expect(analysed('Talks on the terms during March were held by envoys.').adjuncts).toEqual([
      'March',
    ]);
    // "Of", "to" and "for" attach to a noun of the claim as often as to the verb.
    expect(
      analysed('Russia handed a list of demands to the US for ending the war.').adjuncts,
    ).toEqual([]);
  });

  test('a particle of a verb, or a preposition before a count, opens no phrase', () => {
    expect(analysed('Moscow handed over a list of demands.').adjuncts).toEqual([]);
    expect(analysed('Russia freed over 100 prisoners over three weeks.').adjuncts).toEqual([
      'three',
      'weeks',
    ]);
    expect(analysed('Exports fell by 30 percent in March.').adjuncts).toEqual(['March']);
  });
});

describe('term classes', () => {
  test.each([
    ['30', false, NUMBER],
    ['tuesdai', true, TIME],
    ['march', true, MONTH],
    ['@RUS', false, NAME],
    ['NATO', false, NAME],
    ['putin', true, NAME],
    ['demand', false, WORD],
  ])('%s', (term, nameLike, expected) => {
    expect(termClass(term, nameLike)).toBe(expected);
  });
});

describe('story affinity', () => {
  test('the mean over the article of each unit best score in a report', () => {
    const affinity = storyAffinity(
      [
        new Map([[0, 0.6]]),
        new Map([
          [0, 0.2],
          [1, 0.4],
        ]),
        new Map(),
      ],
      3,
    );
    expect([...affinity].map((x) => +x.toFixed(3))).toEqual([0.267, 0.133, 0]);
  });
});

describe('partner shares', () => {
  /** A candidate on report sentence `sentence` covering the given mass of each of its terms. */
  const candidate = (sentence: number, score: number, covered: number[]) => ({
    sentence,
    similarity: { score },
    evidence: { reportCovered: Float32Array.from(covered) },
  });

  test('the overlap of two covered parts, over the smaller', () => {
    expect(coveredOverlap(Float32Array.from([2, 2, 0, 0]), Float32Array.from([2, 1, 0, 0]))).toBe(
      1,
    );
    expect(coveredOverlap(Float32Array.from([2, 2, 0, 0]), Float32Array.from([0, 0, 3, 1]))).toBe(
      0,
    );
    expect(coveredOverlap(Float32Array.from([2, 2, 0, 0]), Float32Array.from([1, 0, 1, 0]))).toBe(
      0.5,
    );
    expect(coveredOverlap(Float32Array.from([0, 0]), Float32Array.from([1, 1]))).toBe(0);
  });

  test('units sharing the same part of a report sentence compete for it', () => {
    const best = candidate(7, 0.6, [2, 2, 1, 0, 0]);
    const other = candidate(7, 0.3, [2, 2, 0, 0, 0]);
    const share = partnerShares([[best], [other]]);
    expect(share(best)).toBe(1);
    expect(share(other)).toBeCloseTo(0.5);
  });

  test('units sharing different parts of a report sentence joining two claims do not', () => {
    // "Trump awaits Putin's answer on a truce" and "Zelenskiy said he would accept it", against
    // one report sentence that makes both claims.
    const first = candidate(7, 0.6, [0, 0, 0, 3, 2]);
    const second = candidate(7, 0.3, [2, 2, 1, 0, 0]);
    const share = partnerShares([[first], [second]]);
    expect(share(first)).toBe(1);
    expect(share(second)).toBe(1);
  });

  test('a partial overlap counts the stronger unit in part, up to PARTNER_OVERLAP', () => {
    const strong = candidate(7, 0.8, [0, 2, 2, 0]);
    // They share 1 of the 4 units of mass the stronger covers: an overlap of 0.25.
    const weak = candidate(7, 0.4, [1, 1, 0, 6]);
    const share = partnerShares([[strong], [weak]]);
    const competitor = 0.8 * Math.min(1, 0.25 / PARTNER_OVERLAP);
    expect(share(weak)).toBeCloseTo(0.4 / Math.max(0.4, competitor));
    expect(partnerShares([[candidate(8, 0.8, [0, 2, 2, 0])], [weak]])(weak)).toBe(1);
  });
});

describe('neighbour support', () => {
  /** A candidate of report `report` on its sentence `sentence` with a rerank score. */
  const at = (report: number, sentence: number, score: number) => ({
    report,
    sentence,
    similarity: { score },
  });

  test('a pair whose neighbours align before and after it in both texts', () => {
    const pair = at(0, 11, 0.3);
    const support = neighbourSupport([[at(0, 10, 0.8)], [pair], [at(0, 13, 0.6)]]);
    expect(support(1, pair)).toBeCloseTo((0.8 + 0.6) / 2);
    // Only one side aligned: half of it.
    expect(neighbourSupport([[at(0, 10, 0.8)], [pair], []])(1, pair)).toBeCloseTo(0.4);
  });

  test('a pair standing alone, or against the order, has none', () => {
    const pair = at(0, 11, 0.3);
    expect(neighbourSupport([[], [pair], []])(1, pair)).toBe(0);
    // The unit before matches a sentence after, the unit after one before: the order is crossed.
    expect(neighbourSupport([[at(0, 14, 0.8)], [pair], [at(0, 8, 0.8)]])(1, pair)).toBe(0);
    // The same sentence again (the neighbouring unit returns to it) is no alignment either.
    expect(neighbourSupport([[at(0, 11, 0.8)], [pair], []])(1, pair)).toBe(0);
  });

  test('only sentences of the same report, within reach, count', () => {
    const pair = at(0, 11, 0.3);
    expect(neighbourSupport([[at(1, 10, 0.8)], [pair]])(1, pair)).toBe(0);
    const far = at(0, 11 - SUPPORT_REACH - 1, 0.8);
    expect(neighbourSupport([[far], [pair]])(1, pair)).toBe(0);
    const units: ReturnType<typeof at>[][] = Array.from({ length: SUPPORT_REACH + 2 }, () => []);
    units[0]!.push(at(0, 10, 0.8));
    units[SUPPORT_REACH + 1]!.push(pair);
    expect(neighbourSupport(units)(SUPPORT_REACH + 1, pair)).toBe(0);
    units[1]!.push(at(0, 10, 0.8));
    expect(neighbourSupport(units)(SUPPORT_REACH + 1, pair)).toBeCloseTo(0.4);
  });
});

/**
 * A unit's claim side over term strings (ids are indices into `terms`, which it extends), with
 * the verbs of saying known.
 */
function side(text: string, terms: string[]) {
  const tokens = tokenize(text);
  const sequence = tokens.map((t) => {
    if (!terms.includes(t.term)) terms.push(t.term);
    return terms.indexOf(t.term);
  });
  return claimUnit(
    makeBag(sequence, () => 2),
    unitTags(text, tokens),
    (id) =>
      termClass(
        terms[id]!,
        /^\p{Lu}/u.test(text) && tokens.some((t) => t.term === terms[id] && t.name),
      ),
    undefined,
    (id) => isReportingTerm(terms[id]!),
  );
}

describe('the agent of a claim', () => {
  const agentOf = (text: string) => {
    const terms: string[] = [];
    const unit = side(text, terms);
    return [...unit.agentIds].map((id) => terms[id]);
  };

  test('the terms before the first predicate, in its clause', () => {
    expect(agentOf('Vladimir Putin agreed on Tuesday to stop the strikes.')).toEqual([
      'vladimir',
      'putin',
    ]);
  });

  test('a verb of saying names the source, not the agent', () => {
    expect(agentOf('Two sources told Reuters that Russia has presented a list.')).toEqual([
      'russia',
    ]);
    expect(agentOf('Zelenskiy has said Ukraine will not accept the deal.')).toEqual([
      'zelenskii',
      'ukrain',
    ]);
  });

  test('a verb of saying heads a sentence that has no other predicate', () => {
    expect(agentOf('Zelenskiy described the meeting as constructive.')).toEqual(['zelenskii']);
  });

  test('a sentence with no predicate found has no agent', () => {
    expect(agentOf('Russia Issues Demands to U.S. for Ending Ukraine War')).toEqual([]);
  });

  test('verbs of saying and believing, as tokenised', () => {
    for (const word of ['said', 'says', 'told', 'according', 'warned', 'believes'])
      expect(isReportingTerm(tokenize(word)[0]!.term)).toBe(true);
    for (const word of ['presented', 'agreed', 'truce'])
      expect(isReportingTerm(tokenize(word)[0]!.term)).toBe(false);
  });

  test('who acts in one sentence and is acted on in the other', () => {
    const terms: string[] = [];
    const putinActs = side('Putin agreed to a truce with Trump.', terms);
    const trumpActs = side('Trump is awaiting an answer from Putin on a truce.', terms);
    const putinAgain = side('Putin said yes to a truce.', terms);
    const creditIn = (a: typeof putinActs, b: typeof putinActs) =>
      Float64Array.from(a.bag.ids, (id) => (b.bag.set.has(id) ? 1 : 0));
    // Putin, the agent of the first, is in the second only as whom Trump waits on.
    expect(agentSwap(putinActs, creditIn(putinActs, trumpActs), trumpActs)).toBe(1);
    expect(agentSwap(putinActs, creditIn(putinActs, putinAgain), putinAgain)).toBe(0);
    // Nothing to compare with a side that has no agent.
    const headline = side('Putin Trump Truce Talks', terms);
    expect(agentSwap(putinActs, creditIn(putinActs, headline), headline)).toBe(0);
  });
});

/**
 * Two sentences as a pair's sides, the page's terms credited where the report has them, handed
 * to `compare`.
 */
function comparedSides<T>(
  page: string,
  report: string,
  compare: (a: ClaimUnit, credit: Float64Array, b: ClaimUnit) => T,
): T {
  const terms: string[] = [];
  const a = side(page, terms);
  const b = side(report, terms);
  return compare(
    a,
    Float64Array.from(a.bag.ids, (id) => (b.bag.ids.includes(id) ? 1 : 0)),
    b,
  );
}

describe('numbers of a pair', () => {
  test.each([
    [
      'a shared count or amount agrees',
      'Putin has not agreed to a 30-day ceasefire.',
      'Trump awaits an answer on the 30-day truce.',
      { conflict: false, agree: true, frameAgree: false },
    ],
    [
      'a shared time frame only is told apart',
      'Prosecutors have questioned him several times over the past three weeks.',
      'Officials discussed the terms over the past three weeks.',
      { conflict: false, agree: false, frameAgree: true },
    ],
    [
      'numbers that differ conflict',
      'Ukraine accepted a 30-day truce.',
      'Ukraine accepted a 60-day truce.',
      { conflict: true, agree: false, frameAgree: false },
    ],
  ])('%s', (_name, page, report, expected) => {
    expect(comparedSides(page, report, numberAgreement)).toEqual(expected);
  });

  test('a count of the sources is read as the frame is, once the attribution is marked', () => {
    const page =
      'Warnig has presented the investors with a list of terms, two people familiar with the matter said.';
    const report =
      'Russia has presented the United States with a list of demands, two people familiar with the matter told Reuters.';
    // Unmarked, "two" agrees as a count of the claim would.
    expect(comparedSides(page, report, numberAgreement)).toEqual({
      conflict: false,
      agree: true,
      frameAgree: false,
    });
    const terms: string[] = [];
    const tokens = tokenize(page);
    const plain = side(page, terms);
    const from = page.indexOf('two people');
    const span = { start: from, end: page.indexOf(' said') + ' said'.length };
    const tags = numbersInSpansAsFrame(tokens, unitTags(page, tokens), [span]);
    const marked = claimUnit(plain.bag, tags, (id) => plain.classes[plain.bag.ids.indexOf(id)]!);
    const b = side(report, terms);
    const credit = Float64Array.from(marked.bag.ids, (id) => (b.bag.ids.includes(id) ? 1 : 0));
    expect(numberAgreement(marked, credit, b)).toEqual({
      conflict: false,
      agree: false,
      frameAgree: true,
    });
    // A count of the claim outside the attribution still agrees.
    const claimCount =
      'Russia has presented two lists of demands, two people familiar with the matter said.';
    const countTokens = tokenize(claimCount);
    const countSpan = { start: claimCount.indexOf('two people'), end: claimCount.length - 1 };
    expect(
      numbersInSpansAsFrame(countTokens, unitTags(claimCount, countTokens), [countSpan]).filter(
        (tag) => (tag & TAG_ADJUNCT) !== 0,
      ).length,
    ).toBe(1);
  });
});

describe('times of a pair', () => {
  /** The time agreement of two sentences, the page's terms credited where the report has them. */
  const timesOf = (page: string, report: string) => comparedSides(page, report, timeAgreement);

  test.each([
    // A day of the week and a date may be the same day: neither conflicts nor is unmatched.
    [
      'Zelenskiy said on March 11 he would accept.',
      'Zelenskiy said on Tuesday he would accept.',
      false,
      false,
    ],
    [
      'Zelenskiy said on Tuesday he would accept.',
      'Zelenskiy said on March 11 he would accept.',
      false,
      false,
    ],
    [
      'Zelenskiy said on Tuesday, March 11, he would accept.',
      'Zelenskiy said on Tuesday he would accept.',
      false,
      false,
    ],
    // Two days, or two months, are two times.
    [
      'Zelenskiy said on Tuesday he would accept.',
      'Zelenskiy said on Wednesday he would accept.',
      true,
      true,
    ],
    [
      'Zelenskiy said in February he would accept.',
      'Zelenskiy said in March he would accept.',
      true,
      true,
    ],
    // A time the other side does not give at all.
    ['Zelenskiy said on March 11 he would accept.', 'Zelenskiy said he would accept.', false, true],
  ])('%s / %s', (page, report, conflict, unmatched) => {
    expect(timesOf(page, report)).toEqual({ conflict, unmatched });
  });
});

describe('the shared span', () => {
  const text = 'Trump awaits an answer from Putin, and Zelenskiy said he would accept the truce.';
  const tokens = tokenize(text);
  const tags = unitTags(text, tokens);
  const ids = tokens.map((_, i) => i);
  const bag = makeBag(ids, () => 2);
  const unit = claimUnit(bag, tags, () => WORD);
  const creditFor = (words: string[]) =>
    Float64Array.from(bag.ids, (id) =>
      words.includes(text.slice(tokens[id]!.start, tokens[id]!.end)) ? 1 : 0,
    );

  test('a report making the second claim only gets the second clause', () => {
    const span = sharedSpan(text, tokens, tags, unit, creditFor(['Zelenskiy', 'accept', 'truce']));
    expect(text.slice(span.start, span.end)).toBe('Zelenskiy said he would accept the truce.');
  });

  test('a report making both gets the whole sentence', () => {
    const span = sharedSpan(
      text,
      tokens,
      tags,
      unit,
      creditFor(['Trump', 'awaits', 'answer', 'Putin', 'Zelenskiy', 'accept', 'truce']),
    );
    expect(span).toEqual({ start: 0, end: text.length });
  });

  test('the decision is "more likely than not"', () => {
    expect(MATCH_PROBABILITY).toBe(0.5);
  });
});
