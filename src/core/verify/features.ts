/**
 * What a candidate pair asserts alike and apart, as numbers a small model can weigh: how much of
 * each side's predicates, names and plain words the other side has, whether their numbers, dates
 * and polarity agree, how well the page sentence's best clause is covered, and whether who acts in
 * one is who acts in the other. Each side is a {@link ClaimUnit}: its terms (as the rerank sees
 * them), each term's class, and the analysis tags of each term in text order.
 */
import { marked, markTerms, type PageUnit, type Similarity, type TermBag } from '../rerank';
import { clauseOf, MAX_CLAUSE, TAG_ADJUNCT, TAG_NEGATED, TAG_PREDICATE } from './analyse';

/** Term classes: a plain word, a name (person, place, acronym), a number, a day or a month. */
export const WORD = 0;
export const NAME = 1;
export const NUMBER = 2;
export const TIME = 3;
/** A month: a time of another kind than a day of the week (see timeAgreement). */
export const MONTH = 4;
/**
 * A time that dates an outlet's report, not the claim (see report-dates.ts): compared as no time,
 * and never a name the corpus lacks.
 */
export const REPORT_DATE = 5;

/** One side of a pair, ready to compare. */
export interface ClaimUnit {
  bag: TermBag;
  /** Class of each id of `bag.ids` (WORD, NAME, NUMBER, TIME, MONTH). */
  classes: Uint8Array;
  /** Per id of `bag.ids`: 1 when some occurrence stands as a predicate. */
  predicate: Uint8Array;
  /**
   * Per id of `bag.ids`: 1 when every occurrence stands in an adverbial phrase (when, where or
   * how: see TAG_ADJUNCT).
   */
  adjunct: Uint8Array;
  /** Per id of `bag.ids`: bit k set when the term occurs in clause k. */
  clauses: Uint32Array;
  /** Some predicate of the unit is negated. */
  negated: boolean;
  /** Number of clauses holding a term. */
  clauseCount: number;
  /** Per id of `bag.ids`: 1 when the corpus does not know the term at all (page side only). */
  unknown: Uint8Array;
  /**
   * Ids of `bag.ids` with an occurrence among the unit's agent (see agentPositions): who or what
   * the claim is about.
   */
  agentIds: Set<number>;
}

/**
 * Whether a term is a verb of saying ("said", "told", "according"): the speaker of a claim is
 * not its agent.
 */
export type IsReporting = (id: number) => boolean;

/** Builds a side from its bag, the tags of `bag.sequence` and a class per distinct id. */
export function claimUnit(
  bag: TermBag,
  tags: ArrayLike<number>,
  classOf: (id: number, k: number) => number,
  isUnknown: (id: number) => boolean = () => false,
  isReporting: IsReporting = () => false,
): ClaimUnit {
  const n = bag.ids.length;
  const position = new Map<number, number>();
  const classes = new Uint8Array(n);
  const unknown = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const id = bag.ids[k]!;
    position.set(id, k);
    classes[k] = classOf(id, k);
    if (isUnknown(id)) unknown[k] = 1;
  }
  const predicate = new Uint8Array(n);
  const clauses = new Uint32Array(n);
  const adjunct = new Uint8Array(n).fill(1);
  let negated = false;
  let seen = 0;
  for (let i = 0; i < bag.sequence.length; i++) {
    const k = position.get(bag.sequence[i]!)!;
    const tag = tags[i] ?? 0;
    if (tag & TAG_PREDICATE) {
      predicate[k] = 1;
      if (tag & TAG_NEGATED) negated = true;
    }
    if (!(tag & TAG_ADJUNCT)) adjunct[k] = 0;
    const bit = 1 << clauseOf(tag);
    clauses[k]! |= bit;
    seen |= bit;
  }
  let clauseCount = 0;
  for (let s = seen; s; s &= s - 1) clauseCount++;
  const agentIds = new Set<number>();
  for (const i of agentPositions(bag.sequence, tags, isReporting)) {
    const id = bag.sequence[i]!;
    const cls = classes[position.get(id)!];
    if (cls !== NUMBER && cls !== TIME && cls !== MONTH && cls !== REPORT_DATE) agentIds.add(id);
  }
  return { bag, classes, predicate, adjunct, clauses, negated, clauseCount, unknown, agentIds };
}

/**
 * Positions of a unit's agent: the terms before its head in the head's clause, verbs of saying
 * left out. The head is its first predicate that is not a verb of saying, or, when every
 * predicate is one, the first ("Zelenskiy described the meeting as constructive").
 */
function agentPositions(
  sequence: readonly number[],
  tags: ArrayLike<number>,
  isReporting: IsReporting,
): number[] {
  let head = -1;
  let firstPredicate = -1;
  for (let i = 0; i < sequence.length && head < 0; i++) {
    if (!((tags[i] ?? 0) & TAG_PREDICATE)) continue;
    if (firstPredicate < 0) firstPredicate = i;
    if (!isReporting(sequence[i]!)) head = i;
  }
  if (head < 0) head = firstPredicate;
  if (head <= 0) return [];
  const clause = clauseOf(tags[head] ?? 0);
  const found: number[] = [];
  for (let i = 0; i < head; i++)
    if (clauseOf(tags[i] ?? 0) === clause && !isReporting(sequence[i]!)) found.push(i);
  return found;
}

/** Names of the features, in the order of the vector (the model's weights follow it). */
export const FEATURES = [
  'score',
  'light_cover',
  'heavy_cover',
  'light_words',
  'heavy_words',
  'page_predicates',
  'report_predicates',
  'light_names_missing',
  'heavy_names_missing',
  'number_conflict',
  'number_agree',
  'time_conflict',
  'negation_mismatch',
  'shared_terms',
  'rarest_shared_word',
  'best_clause',
  'order',
  'length_ratio',
  'page_unknown_names',
  'light_unmatched_rarest',
  'heavy_unmatched_rarest',
  'page_time_only',
  'agent_swap',
  'frame_number_agree',
  'story_affinity',
  'partner_share',
  'neighbour_support',
  'party_conflict',
] as const;

/**
 * The direction each feature may push the probability, fixed beforehand (the fit keeps a weight
 * of the wrong sign at zero): coverage and agreement are evidence for the same claim (+1),
 * missing names, conflicting numbers or dates, a negation on one side only and words or names the
 * other side lacks are evidence against it (-1); 0 leaves the fit free. A small training set can
 * otherwise give a conflict feature a positive weight by accident, and that would not carry over
 * to text the model has not seen.
 */
export const FEATURE_SIGNS: Readonly<Record<(typeof FEATURES)[number], -1 | 0 | 1>> = {
  score: 1,
  light_cover: 1,
  heavy_cover: 1,
  light_words: 1,
  heavy_words: 1,
  page_predicates: 1,
  report_predicates: 1,
  light_names_missing: -1,
  heavy_names_missing: -1,
  number_conflict: -1,
  number_agree: 1,
  time_conflict: -1,
  negation_mismatch: -1,
  shared_terms: 1,
  rarest_shared_word: 1,
  best_clause: 1,
  order: 1,
  length_ratio: 0,
  page_unknown_names: -1,
  light_unmatched_rarest: -1,
  heavy_unmatched_rarest: -1,
  page_time_only: -1,
  agent_swap: -1,
  frame_number_agree: 1,
  story_affinity: 1,
  partner_share: 1,
  neighbour_support: 1,
  party_conflict: -1,
};

/** Idf at which a shared word counts as fully rare for `rarest_shared_word`. */
const RARE_IDF = 6;

/** Coverage of one side by the other, by class, with the credit of each term. */
interface SideCover {
  credit: Float64Array;
  mass: number;
  covered: number;
  words: number;
  wordsCovered: number;
  predicates: number;
  predicatesCovered: number;
  names: number;
  namesMissing: number;
}

function coverOf(unit: ClaimUnit, credit: Float64Array): SideCover {
  const { ids, weights } = unit.bag;
  const c: SideCover = {
    credit,
    mass: 0,
    covered: 0,
    words: 0,
    wordsCovered: 0,
    predicates: 0,
    predicatesCovered: 0,
    names: 0,
    namesMissing: 0,
  };
  for (let k = 0; k < ids.length; k++) {
    const w = weights[k]!;
    const got = credit[k]! * w;
    c.mass += w;
    c.covered += got;
    const cls = unit.classes[k]!;
    if (cls === WORD) {
      c.words += w;
      c.wordsCovered += got;
      if (unit.predicate[k]) {
        c.predicates += w;
        c.predicatesCovered += got;
      }
    } else if (cls === NAME) {
      c.names += w;
      c.namesMissing += w - got;
    }
  }
  return c;
}

const share = (part: number, whole: number, empty: number): number =>
  whole > 0 ? part / whole : empty;

/**
 * The credit each term of the page earns in the report (1 for the same term, a neighbour's
 * similarity for a spelling variant or synonym, else 0), and the same for the report's terms.
 */
export function credits(
  page: PageUnit,
  report: TermBag,
  forward = new Float64Array(page.bag.ids.length),
  backward = new Float64Array(report.ids.length),
): [Float64Array, Float64Array] {
  forwardCredits(page, report, forward);
  for (let k = 0; k < report.ids.length; k++) backward[k] = page.creditOf(report.ids[k]!);
  return [forward, backward];
}

/**
 * The credit each term of the page earns in the report, as {@link credits} gives it, written to
 * `forward` (order of the page bag's ids).
 */
export function forwardCredits(
  page: PageUnit,
  report: TermBag,
  forward = new Float64Array(page.bag.ids.length),
): Float64Array {
  const ids = page.bag.ids;
  const mark = markTerms(report);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (marked(id, mark)) {
      forward[k] = 1;
      continue;
    }
    const near = page.near[k]!;
    let best = 0;
    for (let j = 0; j < near.ids.length; j++) {
      const s = near.similarities[j]!;
      if (s > best && marked(near.ids[j]!, mark)) best = s;
    }
    forward[k] = best;
  }
  return forward;
}

/**
 * How side a's terms of a class (numbers, days, months) meet side b's: both give some and share
 * none (conflict), they share one (agree), a gives one that b lacks (unmatched), b gives some
 * (bHas).
 */
function classAgreement(
  a: ClaimUnit,
  aCredit: Float64Array,
  b: ClaimUnit,
  cls: number,
): { conflict: boolean; agree: boolean; unmatched: boolean; bHas: boolean } {
  let aHas = false;
  let shared = false;
  let unmatched = false;
  for (let k = 0; k < a.classes.length; k++) {
    if (a.classes[k] !== cls) continue;
    aHas = true;
    if (aCredit[k]! >= 1) shared = true;
    else unmatched = true;
  }
  const bHas = b.classes.some((c) => c === cls);
  return { conflict: aHas && bHas && !shared, agree: shared, unmatched, bHas };
}

/**
 * How the numbers of a pair meet: both give some and share none (conflict); they share one that
 * stands in the page sentence's claim, a count or an amount (agree); they share only numbers of
 * the page's adverbial phrases, its time frame ("over the past three weeks": frameAgree). Events
 * of the same weeks are told with the same time frames, so a shared frame is weaker evidence of
 * the same claim than a shared count.
 */
export function numberAgreement(
  page: ClaimUnit,
  pageCredit: Float64Array,
  report: ClaimUnit,
): { conflict: boolean; agree: boolean; frameAgree: boolean } {
  const numbers = classAgreement(page, pageCredit, report, NUMBER);
  let agree = false;
  for (let k = 0; k < page.bag.ids.length && !agree; k++)
    if (page.classes[k] === NUMBER && pageCredit[k]! >= 1 && !page.adjunct[k]) agree = true;
  return { conflict: numbers.conflict, agree, frameAgree: numbers.agree && !agree };
}

/**
 * Days of the week and months, compared kind by kind: a day and a date in a month may name the
 * same day ("on Tuesday", "on March 11"), so a page time of one kind is unmatched only where the
 * report names a time of that kind or no time at all, and two sides conflict only where they name
 * times of one kind and share none.
 */
export function timeAgreement(
  page: ClaimUnit,
  pageCredit: Float64Array,
  report: ClaimUnit,
): { conflict: boolean; unmatched: boolean } {
  const days = classAgreement(page, pageCredit, report, TIME);
  const months = classAgreement(page, pageCredit, report, MONTH);
  return {
    conflict: days.conflict || months.conflict,
    unmatched:
      (days.unmatched && (days.bHas || !months.bHas)) ||
      (months.unmatched && (months.bHas || !days.bHas)),
  };
}

/** Coverage of the page's best-covered clause (mass share), for sentences that join claims. */
function bestClause(page: ClaimUnit, credit: Float64Array): number {
  if (page.clauseCount <= 1) return share(coverTotal(page, credit), page.bag.mass, 0);
  const mass = clauseMass.fill(0);
  const got = clauseGot.fill(0);
  for (let k = 0; k < page.bag.ids.length; k++) {
    const w = page.bag.weights[k]!;
    for (let bits = page.clauses[k]!; bits; bits &= bits - 1) {
      const clause = 31 - Math.clz32(bits & -bits);
      mass[clause]! += w;
      got[clause]! += credit[k]! * w;
    }
  }
  let best = 0;
  for (let clause = 0; clause < MAX_CLAUSES; clause++) {
    // A clause of a single light term ("he said") says too little to stand for the sentence.
    if (mass[clause]! >= 4 && got[clause]! / mass[clause]! > best)
      best = got[clause]! / mass[clause]!;
  }
  return best;
}

/** Clause numbers a unit can have (see MAX_CLAUSE in analyse.ts). */
const MAX_CLAUSES = MAX_CLAUSE + 1;
/** Scratch space of bestClause: the mass of each clause, and how much of it is covered. */
const clauseMass = new Float64Array(MAX_CLAUSES);
const clauseGot = new Float64Array(MAX_CLAUSES);

function coverTotal(unit: ClaimUnit, credit: Float64Array): number {
  let got = 0;
  for (let k = 0; k < unit.bag.ids.length; k++) got += credit[k]! * unit.bag.weights[k]!;
  return got;
}

/** The feature vector of a pair (in the order of FEATURES). */
export function pairFeatures(
  page: ClaimUnit,
  report: ClaimUnit,
  pageCredit: Float64Array,
  reportCredit: Float64Array,
  similarity: Similarity,
): number[] {
  const p = coverOf(page, pageCredit);
  const r = coverOf(report, reportCredit);
  const [light, heavy] = p.mass <= r.mass ? [p, r] : [r, p];
  const numbers = numberAgreement(page, pageCredit, report);
  const times = timeAgreement(page, pageCredit, report);
  let shared = 0;
  let rarest = 0;
  for (let k = 0; k < page.bag.ids.length; k++) {
    if (pageCredit[k]! <= 0) continue;
    shared += pageCredit[k]!;
    if (page.classes[k] === WORD && pageCredit[k]! >= 1)
      rarest = Math.max(rarest, page.bag.weights[k]!);
  }
  const pageWords = share(p.wordsCovered, p.words, 0);
  // Names, numbers and dates the corpus never mentions: the page tells of something else.
  let unknownNames = 0;
  for (let k = 0; k < page.bag.ids.length; k++) {
    const cls = page.classes[k];
    if (page.unknown[k] && cls !== WORD && cls !== REPORT_DATE)
      unknownNames += page.bag.weights[k]!;
  }
  const [lightUnit, lightCredit, heavyUnit, heavyCredit] =
    p.mass <= r.mass
      ? [page, pageCredit, report, reportCredit]
      : [report, reportCredit, page, pageCredit];
  const reportWords = share(r.wordsCovered, r.words, 0);
  return [
    similarity.score,
    share(light.covered, light.mass, 0),
    share(heavy.covered, heavy.mass, 0),
    share(light.wordsCovered, light.words, 0),
    share(heavy.wordsCovered, heavy.words, 0),
    share(p.predicatesCovered, p.predicates, pageWords),
    share(r.predicatesCovered, r.predicates, reportWords),
    share(light.namesMissing, light.mass, 0),
    share(heavy.namesMissing, heavy.mass, 0),
    numbers.conflict ? 1 : 0,
    numbers.agree ? 1 : 0,
    times.conflict ? 1 : 0,
    page.negated !== report.negated ? 1 : 0,
    Math.log1p(shared),
    Math.min(1, rarest / RARE_IDF),
    bestClause(page, pageCredit),
    similarity.order,
    Math.min(page.bag.ids.length, report.bag.ids.length) /
      Math.max(1, page.bag.ids.length, report.bag.ids.length),
    share(unknownNames, p.mass, 0),
    rarestUnmatched(lightUnit, lightCredit),
    rarestUnmatched(heavyUnit, heavyCredit),
    // The page dates its sentence (a day or a month) where the report's does not say that date:
    // a retelling drops dates more often than it adds them; a sentence on another event has its
    // own.
    times.unmatched ? 1 : 0,
    Math.max(agentSwap(page, pageCredit, report), agentSwap(report, reportCredit, page)),
    numbers.frameAgree ? 1 : 0,
  ];
}

/**
 * Share of side a's agent mass (see ClaimUnit.agentIds) that side b has, but not as its agent:
 * who acts in one sentence is acted on, or speaks, in the other. 0 when either has no agent.
 */
export function agentSwap(a: ClaimUnit, aCredit: Float64Array, b: ClaimUnit): number {
  if (a.agentIds.size === 0 || b.agentIds.size === 0) return 0;
  let mass = 0;
  let swapped = 0;
  for (let k = 0; k < a.bag.ids.length; k++) {
    const id = a.bag.ids[k]!;
    if (!a.agentIds.has(id)) continue;
    const w = a.bag.weights[k]!;
    mass += w;
    if (aCredit[k]! >= 0.5 && !b.agentIds.has(id)) swapped += w;
  }
  return share(swapped, mass, 0);
}

/** The idf of the rarest word of a side the other side lacks, against RARE_IDF (at most 1). */
function rarestUnmatched(unit: ClaimUnit, credit: Float64Array): number {
  let rarest = 0;
  for (let k = 0; k < unit.bag.ids.length; k++) {
    if (unit.classes[k] === WORD && credit[k]! < 0.5)
      rarest = Math.max(rarest, unit.bag.weights[k]!);
  }
  return Math.min(1, rarest / RARE_IDF);
}
