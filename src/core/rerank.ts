/**
 * The rerank: how much two text units say the same thing, from their content terms weighted by
 * rarity (idf). Both directions count — how much of the page sentence the report sentence covers
 * and the reverse — so a list item can match the part of a long sentence that makes its claim.
 */
import { SOFT_MIN_SIMILARITY, type Neighbours } from './spelling-neighbours';

/** The content terms of one unit, ready to compare. */
export interface TermBag {
  /** Distinct term ids. */
  ids: number[];
  /** Weight (idf) of each id in `ids`. */
  weights: number[];
  /** Sum of `weights`: the unit's informative mass. */
  mass: number;
  /** Term ids in text order (with repeats), for word-order evidence. */
  sequence: number[];
  /** `ids` as a set. */
  set: ReadonlySet<number>;
  /** Adjacent term pairs of `sequence`, as `a * PAIR_BASE + b`. */
  pairs: ReadonlySet<number>;
  /**
   * How much each id of `ids` counts towards the shared-term minimum when found on both sides (1
   * for most terms; see `makeBag`).
   */
  counts: number[];
}

/** Packs two term ids into one number for pair sets (term ids stay far below this). */
export const PAIR_BASE = 2 ** 26;

/**
 * Builds a bag from term ids in text order, a weight per term and what each term counts towards
 * the shared-term minimum (1 unless said otherwise).
 */
export function makeBag(
  sequence: readonly number[],
  weightOf: (id: number) => number,
  countOf: (id: number) => number = () => 1,
): TermBag {
  const set = new Set(sequence);
  const ids = [...set];
  const weights = ids.map(weightOf);
  const copy = [...sequence];
  // Word order is only asked of the candidates whose overlap reaches the caller's floor (most
  // report bags never are), so the pair set is made on first use.
  let pairs: Set<number> | null = null;
  return {
    ids,
    weights,
    mass: weights.reduce((a, b) => a + b, 0),
    sequence: copy,
    set,
    get pairs(): ReadonlySet<number> {
      pairs ??= pairsOf(copy);
      return pairs;
    },
    counts: ids.map(countOf),
  };
}

/** The adjacent term pairs of `sequence`, as `a * PAIR_BASE + b`. */
function pairsOf(sequence: readonly number[]): Set<number> {
  const pairs = new Set<number>();
  for (let i = 1; i < sequence.length; i++) pairs.add(sequence[i - 1]! * PAIR_BASE + sequence[i]!);
  return pairs;
}

/** How two units compare. */
export interface Similarity {
  /** Overall similarity in 0..1; the match decision compares it with a threshold. */
  score: number;
  /** Share of the page unit's mass found in the report unit. */
  forward: number;
  /** Share of the report unit's mass found in the page unit. */
  backward: number;
  /** Mass matched (the lighter side's). */
  matchedMass: number;
  /** Number of distinct terms found on both sides (soft matches count in part). */
  shared: number;
  /** Share of the page unit's adjacent term pairs found in the same order in the report unit. */
  order: number;
}

/**
 * A page unit ready to be compared with many report units: its bag, the spelling neighbours of
 * each of its terms, and the credit any report term earns against it. A page sentence meets up to
 * CANDIDATES report sentences that share most of their words, so what depends on the page alone
 * is worked out once per page unit (and remembered per report term), not once per comparison.
 */
export interface PageUnit {
  bag: TermBag;
  /** Spelling neighbours (and synonyms) of each term of `bag.ids`, in the same order. */
  near: readonly Neighbours[];
  /**
   * Credit of a report term against the page unit: 1 when the page has it, else the similarity
   * of its closest spelling neighbour or synonym the page has, else 0.
   */
  creditOf(id: number): number;
  /**
   * Optional: the credit of a report term as far as the shared-term count goes, cheaper than
   * `creditOf`. It must equal `creditOf(id)` whenever that reaches SHARED_MIN_CREDIT, and may
   * be anything below SHARED_MIN_CREDIT otherwise (such credits do not count). With it, a report
   * unit sharing too few terms is dropped before the credits below the count are worked out.
   */
  countedCreditOf?(id: number): number;
}

/**
 * The credits one page unit gives report terms (see PageUnit), by term id in arrays over the
 * vocabulary: the rerank asks for them of every term of every candidate, and an array read costs a
 * fraction of a map look-up. Page units use one table in turn; an entry is the current unit's
 * when it carries the unit's stamp, so nothing is cleared between units. Credits that `countedOf`
 * does not know are 0; a full credit is worked out by the unit and remembered here.
 */
export class CreditTable {
  /** Per term id: the stamp of the unit whose counted credit `counted` holds. */
  private countedStamps = new Int32Array(0);
  private counted = new Float64Array(0);
  /** Per term id: the stamp of the unit whose full credit `credits` holds. */
  private creditStamps = new Int32Array(0);
  private credits = new Float64Array(0);
  /** The stamp of the current unit (0: none yet). */
  current = 0;

  /**
   * Makes a new unit the current one and returns its stamp; its terms and those given credits are
   * below `size`.
   */
  begin(size: number): number {
    if (size > this.counted.length) {
      const capacity = Math.max(size, 2 * this.counted.length);
      this.countedStamps = new Int32Array(capacity);
      this.counted = new Float64Array(capacity);
      this.creditStamps = new Int32Array(capacity);
      this.credits = new Float64Array(capacity);
    } else if (this.current === 0x7fffffff) {
      this.countedStamps.fill(0);
      this.creditStamps.fill(0);
      this.current = 0;
    }
    return ++this.current;
  }

  /** Sets the current unit's counted credit of term `id`. */
  setCounted(id: number, credit: number): void {
    this.countedStamps[id] = this.current;
    this.counted[id] = credit;
  }

  /** The current unit's counted credit of term `id` (0 when none was set). */
  countedOf(id: number): number {
    return id < this.counted.length && this.countedStamps[id] === this.current
      ? this.counted[id]!
      : 0;
  }

  /** Whether the current unit's full credit of term `id` is known. */
  knows(id: number): boolean {
    return id < this.credits.length && this.creditStamps[id] === this.current;
  }

  /** The current unit's full credit of term `id`, when `knows(id)`. */
  creditOf(id: number): number {
    return this.credits[id]!;
  }

  /** Remembers the current unit's full credit of term `id` (not when `id` is beyond the table). */
  setCredit(id: number, credit: number): void {
    if (id >= this.credits.length) return;
    this.creditStamps[id] = this.current;
    this.credits[id] = credit;
  }
}

/**
 * A containment match (a short unit inside a long one) earns at most this share of a full match:
 * the long unit also says other things, so it is never as close as a sentence saying just that.
 */
export const CONTAINMENT_WEIGHT = 0.9;
/**
 * Matched mass at which a containment match earns full credit: about two distinctive terms
 * (idf ≈ 3 each). Less shared inside a long sentence happens by chance.
 */
export const CONTAINMENT_FULL_MASS = 6;
/**
 * Share of the lighter unit that must be covered before containment earns anything: a long
 * sentence holding a fifth of a short one's words (a date, a country, "attack") is topic, not claim.
 */
export const CONTAINMENT_FLOOR = 0.2;
/**
 * Least credit for which a term counts towards the shared-term minimum: a spelling variant's.
 * Synonyms, credited below that, add to the overlap but not to the count: the count guards
 * against coincidence, and a thesaurus pairing ("leaves" ~ "going") is weaker evidence of a claim
 * than the same word.
 */
export const SHARED_MIN_CREDIT = SOFT_MIN_SIMILARITY;
/** Weight of word-order evidence (shared adjacent pairs) added on top of the term overlap. */
export const ORDER_WEIGHT = 0.1;

/** Mass of one unit's terms found in the other, and how many terms that is (partial ones in part). */
interface Cover {
  mass: number;
  shared: number;
}

/**
 * The terms of one bag, marked by term id for the loops that test a page unit's terms and their
 * neighbours against a report unit's: an array read per test rather than a set look-up. Marked
 * anew for each comparison (see markTerms).
 */
let termMarks = new Int32Array(1024);
/** The mark of the bag marked last: an entry of termMarks equal to it is a term of that bag. */
let termMark = 0;

/**
 * Marks the terms of `bag`, and returns the mark: while no other bag is marked, `marked(id, mark)`
 * tells whether term `id` is one of them (as `bag.set.has` does).
 */
export function markTerms(bag: TermBag): number {
  if (termMark === 0x7fffffff) {
    termMarks.fill(0);
    termMark = 0;
  }
  const mark = ++termMark;
  const { ids } = bag;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= termMarks.length) {
      const grown = new Int32Array(Math.max(id + 1, termMarks.length * 2));
      grown.set(termMarks);
      termMarks = grown;
    }
    termMarks[id] = mark;
  }
  return mark;
}

/** Whether term `id` is a term of the bag `markTerms` gave `mark` (while it is the last marked). */
export function marked(id: number, mark: number): boolean {
  return id >= 0 && id < termMarks.length && termMarks[id] === mark;
}

/** Adds up the mass of the page's terms that the report has (exactly, or in part through a neighbour). */
function forwardCoverOf(page: PageUnit, report: TermBag): Cover {
  const { ids, weights } = page.bag;
  const mark = markTerms(report);
  let mass = 0;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    let credit = 0;
    if (marked(ids[i]!, mark)) credit = 1;
    else {
      const near = page.near[i]!;
      for (let k = 0; k < near.ids.length; k++) {
        const s = near.similarities[k]!;
        if (s > credit && marked(near.ids[k]!, mark)) credit = s;
      }
    }
    mass += credit * weights[i]!;
    if (credit >= SHARED_MIN_CREDIT) shared += credit * page.bag.counts[i]!;
  }
  return { mass, shared };
}

/** Adds up the mass of the report's terms that the page has (exactly, or in part through a neighbour). */
function backwardCoverOf(report: TermBag, page: PageUnit): Cover {
  const { ids, weights } = report;
  let mass = 0;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    const credit = page.creditOf(ids[i]!);
    mass += credit * weights[i]!;
    if (credit >= SHARED_MIN_CREDIT) shared += credit * report.counts[i]!;
  }
  return { mass, shared };
}

/** What `backwardCoverOf` counts as shared, from the page unit's counted credits alone. */
function backwardSharedOf(report: TermBag, countedCreditOf: (id: number) => number): number {
  const { ids } = report;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    const credit = countedCreditOf(ids[i]!);
    if (credit >= SHARED_MIN_CREDIT) shared += credit * report.counts[i]!;
  }
  return shared;
}

/** Share of `a`'s adjacent term pairs that occur as adjacent pairs in `b`. */
function orderOverlap(a: TermBag, b: TermBag): number {
  if (a.pairs.size === 0) return 0;
  let found = 0;
  for (const pair of a.pairs) if (b.pairs.has(pair)) found++;
  return found / a.pairs.size;
}

/**
 * Compares a page unit with a report unit, or returns null when they share fewer than
 * `minShared` terms or score below `floor` (the candidates a caller would drop). Most candidates
 * are dropped, so the cheaper direction is worked out first (the one with fewer terms; the report
 * side's credits the page unit remembers) and ends the comparison when it already decides it.
 */
export function compareBags(
  unit: PageUnit,
  report: TermBag,
  floor = 0,
  minShared = 0,
): Similarity | null {
  const page = unit.bag;
  // The side with fewer terms first: either side sharing too little ends the comparison.
  let forwardCover: Cover | null = null;
  if (page.ids.length < report.ids.length) {
    forwardCover = forwardCoverOf(unit, report);
    if (forwardCover.shared < minShared) return null;
  }
  // The same count as backwardCoverOf's, in the same order, without the credits that cannot count.
  if (unit.countedCreditOf && backwardSharedOf(report, unit.countedCreditOf) < minShared)
    return null;
  const backwardCover = backwardCoverOf(report, unit);
  if (backwardCover.shared < minShared) return null;
  forwardCover ??= forwardCoverOf(unit, report);
  if (forwardCover.shared < minShared) return null;
  const forward = page.mass > 0 ? forwardCover.mass / page.mass : 0;
  const backward = report.mass > 0 ? backwardCover.mass / report.mass : 0;
  const both = forward + backward > 0 ? (2 * forward * backward) / (forward + backward) : 0;
  // Containment: the lighter unit's coverage, credited in full only once enough mass is shared.
  const lighterIsPage = page.mass <= report.mass;
  const lighterCoverage = lighterIsPage ? forward : backward;
  const matchedMass = lighterIsPage ? forwardCover.mass : backwardCover.mass;
  const beyondFloor = Math.max(0, (lighterCoverage - CONTAINMENT_FLOOR) / (1 - CONTAINMENT_FLOOR));
  const containment =
    CONTAINMENT_WEIGHT * beyondFloor * Math.min(1, matchedMass / CONTAINMENT_FULL_MASS);
  const overlap = Math.max(both, containment);
  // Word order only ever scales the overlap down (by up to ORDER_WEIGHT), so below the floor it
  // cannot lift a candidate over it.
  if (overlap < floor) return null;
  const order = lighterIsPage ? orderOverlap(page, report) : orderOverlap(report, page);
  const score = Math.min(1, overlap * (1 - ORDER_WEIGHT) + ORDER_WEIGHT * order * overlap);
  if (score < floor) return null;
  return {
    score,
    forward,
    backward,
    matchedMass,
    shared: Math.min(forwardCover.shared, backwardCover.shared),
    order,
  };
}
