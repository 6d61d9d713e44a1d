/**
 * The verifier: the second stage of matching. Retrieval and the rerank find report sentences on
 * the same topic as a page sentence; the verifier judges each such pair on what the two sentences
 * assert — their predicates, the names they involve, their numbers, days and polarity — and gives
 * the probability that they make the same claim (a logistic regression over the features of
 * features.ts, its log-odds Platt-scaled on cross-validated predictions; see README.md here).
 *
 * UNIT_TAGS: what the verifier keeps about a corpus unit is one byte per term (`tags`, parallel to
 * `terms` in the compiled corpus), computed at compile time by {@link unitTags}. The page side is
 * analysed at check time by the same function.
 */
import { isPlaceTerm } from '../place-aliases';
import type { PageUnit, Similarity, TermBag } from '../rerank';
import { REPORTING_VERBS } from '../reporting-verbs';
import { tokenize, type Token } from '../tokens';
import { analyseUnit, TAG_PREDICATE, TAG_PUNCTUATED } from './analyse';
import { credits, forwardCredits, pairFeatures, MONTH, NAME, NUMBER, TIME, WORD } from './features';
import type { ClaimUnit } from './features';
import { probability, type Model } from './logistic';
import { MODEL } from './model';
import { DAY_STEMS, MONTH_STEMS } from './named-days';

export {
  numbersInSpansAsFrame,
  TAG_NEGATED,
  TAG_PREDICATE,
  TAG_PUNCTUATED,
  CLAUSE_SHIFT,
  MAX_CLAUSE,
} from './analyse';
export {
  claimUnit,
  FEATURES,
  FEATURE_SIGNS,
  MONTH,
  NAME,
  NUMBER,
  REPORT_DATE,
  TIME,
  WORD,
  type ClaimUnit,
} from './features';
export { reportDateIds } from './report-dates';
export { pageDates, reportDays, type PageDate } from './named-days';
export { logOdds, probability, sigmoid, type Model } from './logistic';
export {
  articleTitles,
  CorpusParties,
  partiesOf,
  tokenPartyTerms,
  type PartyIndex,
  type PartyTerm,
} from './parties';
export {
  articleShare,
  bestProbabilities,
  correctArticle,
  corrected,
  estimatedShare,
  SHARE_MIN_SENTENCES,
  shareFactor,
  factorOfShare,
  tellsTheStory,
  TRAINING_SHARE,
  type ShareUnit,
} from './article-share';
export {
  KeyedLinks,
  packLinks,
  unpackLinks,
  type KeyedLink,
  type KeyedTarget,
  type PackedLinks,
} from './keyed-links';
export { MODEL } from './model';
export {
  carriedMatches,
  sharesPartOf,
  mostProbablePerReport,
  unitLinks,
  CARRY_FROM,
  CARRY_PART,
  LINK_PROBABILITY,
  type CarriedMatch,
  type DirectMatch,
  type Link,
  type LinkCandidate,
} from './carry-over';

/**
 * Probability from which a pair is taken to make the same claim and shown. The score reads as
 * that probability (it is calibrated), so a match is shown when it is more likely the same claim
 * than not.
 */
export const MATCH_PROBABILITY = 0.5;

/** Stems of the days of the week and of the months. */
const DAY_TERMS = new Set<string>(DAY_STEMS);
const MONTH_TERMS = new Set<string>(MONTH_STEMS.filter((stem) => stem !== null));

/** Whether a token is name-like for the analysis: a name, an acronym or a place. */
function tokenIsName(token: Token): boolean {
  return token.kind === 'acronym' || token.name || isPlaceTerm(token.term);
}

/** The tags of a unit's tokens (place aliases applied): see UNIT_TAGS above. */
export function unitTags(text: string, tokens: readonly Token[]): Uint8Array {
  return analyseUnit(text, tokens, tokenIsName);
}

/**
 * The class of a term (WORD, NAME, NUMBER, TIME for a day of the week or MONTH) from its spelling
 * and whether it is written like a name.
 */
export function termClass(term: string, nameLike: boolean): number {
  if (/^\d/.test(term)) return NUMBER;
  const name = nameLike || isPlaceTerm(term) || /^\p{Lu}/u.test(term);
  if (!name) return WORD;
  return DAY_TERMS.has(term) ? TIME : MONTH_TERMS.has(term) ? MONTH : NAME;
}

/**
 * The terms (as tokenised: "says" and "saying" give "sai") of the verbs that tie a claim to its
 * source, and of "according (to)": their subject is who says the claim, not who acts in it.
 */
let reportingTerms: Set<string> | null = null;

/** Whether a term (as tokenised) is a verb of saying or believing (see REPORTING_VERBS). */
export function isReportingTerm(term: string): boolean {
  reportingTerms ??= new Set(
    tokenize([...REPORTING_VERBS, 'according'].join(' ')).map((t) => t.term),
  );
  return reportingTerms.has(term);
}

/** What the verifier finds in one candidate pair, before the article is seen as a whole. */
export interface PairEvidence {
  /**
   * The pair's features, all but the last three of FEATURES (story affinity, partner share and
   * neighbour support, which need the whole article).
   */
  features: number[];
  /**
   * The report unit's mass the page unit covers, per term of the report's bag (weight times
   * credit, in the order of its ids): which part of the report sentence the pair shares.
   */
  reportCovered: Float32Array;
}

/** Scratch space for the credits of one comparison (most pairs are judged and forgotten). */
let scratchForward = new Float64Array(64);
let scratchBackward = new Float64Array(64);

/** The evidence of a page unit against a report unit the rerank found similar. */
export function comparePair(
  page: PageUnit,
  pageClaim: ClaimUnit,
  report: TermBag,
  reportClaim: ClaimUnit,
  similarity: Similarity,
): PairEvidence {
  if (scratchForward.length < page.bag.ids.length)
    scratchForward = new Float64Array(page.bag.ids.length * 2);
  if (scratchBackward.length < report.ids.length)
    scratchBackward = new Float64Array(report.ids.length * 2);
  const [pageCredit, reportCredit] = credits(page, report, scratchForward, scratchBackward);
  const reportCovered = new Float32Array(report.ids.length);
  for (let k = 0; k < report.ids.length; k++)
    reportCovered[k] = reportCredit[k]! * report.weights[k]!;
  return {
    features: pairFeatures(pageClaim, reportClaim, pageCredit, reportCredit, similarity),
    reportCovered,
  };
}

/** The credit each term of the page unit earns in the report unit (order of the page bag's ids). */
export function pageCredits(page: PageUnit, report: TermBag): Float64Array {
  return forwardCredits(page, report);
}

/**
 * How much the article as a whole tells the story of each report: over the article's informative
 * units, the mean of the best rerank score each unit reaches in the report (0 where it reaches
 * none). An article retelling a report's story shares many sentences with it; an article on a
 * neighbouring story shares a few background sentences and many names. A claim is likelier the
 * same when the stories are. `best[u]` maps report → best score of unit u.
 */
export function storyAffinity(
  best: readonly ReadonlyMap<number, number>[],
  reports: number,
): Float64Array {
  const sum = new Float64Array(reports);
  for (const unit of best) for (const [report, score] of unit) sum[report]! += score;
  const n = Math.max(1, best.length);
  return sum.map((x) => x / n);
}

/** `items` grouped by a numeric key, each group in the items' order. */
function groupedBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** What partnerShares reads of a candidate: its report sentence, rerank score and shared part. */
export interface PartnerCandidate {
  sentence: number;
  similarity: { score: number };
  evidence: { reportCovered: Float32Array };
}

/**
 * Share of the smaller of two covered parts of one report sentence that the other also covers
 * (see PairEvidence.reportCovered): 1 when two page units share the same words of the report
 * sentence, near 0 when they share different parts of it.
 */
export function coveredOverlap(a: Float32Array, b: Float32Array): number {
  let both = 0;
  let massA = 0;
  let massB = 0;
  for (let k = 0; k < a.length; k++) {
    both += Math.min(a[k]!, b[k]!);
    massA += a[k]!;
    massB += b[k]!;
  }
  const smaller = Math.min(massA, massB);
  return smaller > 0 ? both / smaller : 0;
}

/**
 * Overlap of covered parts from which a rival for a report sentence counts in full in the
 * partner share; below it, in proportion (no overlap: not at all).
 */
export const PARTNER_OVERLAP = 0.25;

/**
 * How much each candidate is its report sentence's best partner in the article: its rerank score
 * over the best score any unit of the article reaches with the same part of the same report
 * sentence (1 for the best). A retelling tells each claim of a report about once, so its
 * sentences pair off with the report's; an article on a neighbouring story comes back to the
 * same background sentence of a report from several of its own sentences, and all but the
 * closest of them are that sentence's topic, not its claim. The idea of competitive linking in
 * sentence and word alignment. Units that share different parts of a report sentence joining two
 * claims ("Trump awaits Putin's answer on a truce that Zelenskiy said he would accept") do not
 * compete: each may tell one of its claims.
 */
export function partnerShares(
  units: readonly (readonly PartnerCandidate[])[],
): (candidate: PartnerCandidate) => number {
  const bySentence = groupedBy(units.flat(), (c) => c.sentence);
  return (c) => {
    let best = c.similarity.score;
    for (const other of bySentence.get(c.sentence) ?? []) {
      if (other.similarity.score <= best) continue;
      const o = coveredOverlap(c.evidence.reportCovered, other.evidence.reportCovered);
      best = Math.max(best, other.similarity.score * Math.min(1, o / PARTNER_OVERLAP));
    }
    return c.similarity.score / Math.max(1e-9, best);
  };
}

/** What neighbourSupport reads of a candidate: its report, report sentence and rerank score. */
export interface SupportCandidate {
  report: number;
  sentence: number;
  similarity: { score: number };
}

/** How far (in sentences, on either side) neighbourSupport looks for aligned neighbours. */
export const SUPPORT_REACH = 12;

/**
 * How well a pair's surroundings align: a retelling follows its source's order, so the sentences
 * before a page sentence that retells a report sentence pair off with sentences before it in the
 * report, and those after with sentences after it (the monotone alignment that sentence aligners,
 * from Gale and Church's on, look for); a sentence of a neighbouring story that meets a report's
 * background sentence has no such surroundings. For a candidate of unit u on report sentence s:
 * the mean, over the two sides, of the best rerank score of a unit up to SUPPORT_REACH before u
 * with a sentence of the same report up to SUPPORT_REACH before s, and the same after. Sentences
 * of one report are numbered consecutively, in text order.
 */
export function neighbourSupport(
  units: readonly (readonly SupportCandidate[])[],
): (unit: number, candidate: SupportCandidate) => number {
  // Each unit's candidates by report (a few sentences of each report per unit).
  const byReport = units.map((candidates) => groupedBy(candidates, (c) => c.report));
  const side = (u: number, c: SupportCandidate, step: 1 | -1): number => {
    let best = 0;
    for (let a = 1; a <= SUPPORT_REACH; a++) {
      const unit = byReport[u + step * a];
      if (unit === undefined) break;
      for (const o of unit.get(c.report) ?? []) {
        const gap = step * (o.sentence - c.sentence);
        if (gap >= 1 && gap <= SUPPORT_REACH && o.similarity.score > best)
          best = o.similarity.score;
      }
    }
    return best;
  };
  return (u, c) => (side(u, c, -1) + side(u, c, 1)) / 2;
}

/**
 * The calibrated probability that a pair makes the same claim, from its full feature vector
 * (withAffinity: its evidence, the story affinity, its partner share, its neighbour support and
 * its party conflict).
 */
export function verdict(features: readonly number[], model: Model = MODEL): number {
  return probability(model, features);
}

/**
 * The full feature vector: the pair's own features, then the story affinity, the partner share,
 * the neighbour support and the party conflict (features read with each side's whole article in
 * view).
 */
export function withAffinity(
  features: readonly number[],
  affinity: number,
  mutual: number,
  support: number,
  parties: number,
): number[] {
  return [...features, affinity, mutual, support, parties];
}

/**
 * A clause at either end of a page unit is left out of the shared span when the report covers
 * less than this share of it: it says something the report does not.
 */
export const SPAN_UNCOVERED = 0.1;
/**
 * …and only when it carries at least this share of the unit's informative mass: a short clause
 * ("the sources said") is not a claim of its own.
 */
export const SPAN_MIN_CLAIM_SHARE = 0.25;
/** The part kept must itself be covered at least this well, or the whole unit is the span. */
export const SPAN_KEPT_COVER = 0.4;

/**
 * The part of a page unit that makes the matched claim, as offsets into the unit's text. A
 * sentence joining two claims ("Trump awaits Putin's answer, which Zelenskiy said he would
 * accept") matched by a report making one of them loses, at either end, the parts (between
 * punctuation) that make the other: parts of substance the report hardly covers. Otherwise the
 * span is the whole unit.
 */
export function sharedSpan(
  text: string,
  tokens: readonly Token[],
  tags: ArrayLike<number>,
  page: ClaimUnit,
  pageCredit: Float64Array,
): { start: number; end: number } {
  const whole = { start: 0, end: text.length };
  if (tokens.length === 0) return whole;
  const position = new Map<number, number>();
  page.bag.ids.forEach((id, k) => position.set(id, k));
  // Parts of the sentence between punctuation, in text order, each with its extent, mass, covered
  // mass and whether it holds a predicate (a term counted in every part it occurs in).
  const clauses: { start: number; end: number; mass: number; got: number; predicate: boolean }[] =
    [];
  let total = 0;
  tokens.forEach((token, i) => {
    const k = position.get(page.bag.sequence[i]!)!;
    const w = page.bag.weights[k]!;
    const tag = tags[i] ?? 0;
    let c = clauses[clauses.length - 1];
    if (!c || tag & TAG_PUNCTUATED)
      clauses.push((c = { start: token.start, end: token.end, mass: 0, got: 0, predicate: false }));
    c.end = token.end;
    c.mass += w;
    c.got += w * pageCredit[k]!;
    if (tag & TAG_PREDICATE) c.predicate = true;
    total += w;
  });
  const dropped = (c: { mass: number; got: number }): boolean =>
    c.mass >= SPAN_MIN_CLAIM_SHARE * total && c.got < SPAN_UNCOVERED * c.mass;
  let first = 0;
  let last = clauses.length - 1;
  while (first < last && dropped(clauses[first]!)) first++;
  while (last > first && dropped(clauses[last]!)) last--;
  if (first === 0 && last === clauses.length - 1) return whole;
  let mass = 0;
  let got = 0;
  let predicate = false;
  for (let c = first; c <= last; c++) {
    mass += clauses[c]!.mass;
    got += clauses[c]!.got;
    if (clauses[c]!.predicate) predicate = true;
  }
  // The part kept must be a claim: covered, and with a predicate of its own.
  if (mass <= 0 || got / mass < SPAN_KEPT_COVER || !predicate) return whole;
  const start = first === 0 ? 0 : clauses[first]!.start;
  // Close the span on the punctuation that ends the unit when its last clause is kept.
  const end = last === clauses.length - 1 ? text.length : clauses[last]!.end;
  return { start, end };
}
