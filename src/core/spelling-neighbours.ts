/**
 * Terms spelled alike: "inperson" ~ "person", "previou" ~ "previous" (two Porter stems of one word),
 * "reestablish" ~ "establish". Found through an index over the vocabulary's character trigrams, so
 * a term's neighbours cost a few short posting lists, not a scan, and are remembered once found.
 */

/**
 * Shortest term compared by spelling; shorter stems ("war", "use") are too easily confused with
 * other words.
 */
export const SOFT_MIN_LENGTH = 5;
/**
 * Longest term compared by spelling. Longer runs of letters are not words a reader spells one
 * way or another (run-together text, encoded data), and the index's cost per term grows with the
 * square of its length.
 */
export const SOFT_MAX_LENGTH = 32;
/**
 * Character-trigram Dice similarity from which two different terms count as partly the same;
 * below it, spellings share too little ("russia" ~ "russian" is 0.77, "attack" ~ "attach" 0.6).
 */
export const SOFT_MIN_SIMILARITY = 0.7;
/** Neighbours of one term: other term ids and their similarity in SOFT_MIN_SIMILARITY..1. */
export interface Neighbours {
  readonly ids: readonly number[];
  readonly similarities: readonly number[];
}

/** No neighbours. */
export const NO_NEIGHBOURS: Neighbours = { ids: [], similarities: [] };

/** Whether a term is compared by spelling at all. */
function comparable(term: string): boolean {
  // Numbers and acronyms are exact or nothing: "30" is not like "300", "US" not like "USA".
  return (
    term.length >= SOFT_MIN_LENGTH && term.length <= SOFT_MAX_LENGTH && /^\p{Ll}+$/u.test(term)
  );
}

/** Trigrams made of "#" (the boundary) and a–z only: these get codes below ASCII_GRAMS. */
const ASCII_GRAMS = 27 ** 3;

/** Place of a character among "#", a–z, or -1. */
function asciiPlace(c: number): number {
  if (c === 0x23) return 0;
  return c >= 0x61 && c <= 0x7a ? c - 0x60 : -1;
}

/**
 * Writes the distinct boundary-padded character trigrams of a term into `out`, as numbers (a
 * trigram of "#" and a–z as a small code, any other as ASCII_GRAMS plus its three UTF-16 code
 * units), and returns how many; 0 for terms not compared by spelling.
 */
export function trigramCodes(term: string, out: number[]): number {
  if (!comparable(term)) return 0;
  const padded = `#${term}#`;
  let n = 0;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const c1 = padded.charCodeAt(i);
    const c2 = padded.charCodeAt(i + 1);
    const c3 = padded.charCodeAt(i + 2);
    const p1 = asciiPlace(c1);
    const p2 = asciiPlace(c2);
    const p3 = asciiPlace(c3);
    const code =
      p1 >= 0 && p2 >= 0 && p3 >= 0
        ? p1 * 729 + p2 * 27 + p3
        : ASCII_GRAMS + c1 * 2 ** 32 + c2 * 2 ** 16 + c3;
    let seen = false;
    for (let k = 0; k < n && !seen; k++) seen = out[k] === code;
    if (!seen) out[n++] = code;
  }
  return n;
}

/**
 * Most spellings outside the vocabulary whose neighbours are remembered: a long article brings a
 * few thousand words the corpus does not have, and each costs a few posting lists to look up.
 */
export const UNKNOWN_CACHE_SIZE = 20_000;

/**
 * Least number of trigrams a term of `size` trigrams shares with any term reaching the Dice cut:
 * Dice 2c/(a+b) ≥ t with c ≤ min(a, b) gives c ≥ t·size/(2-t). It is 2 or more for every size.
 */
function leastShared(size: number): number {
  return Math.max(1, Math.ceil((SOFT_MIN_SIMILARITY * size) / (2 - SOFT_MIN_SIMILARITY) - 1e-9));
}

/**
 * Trigrams beyond the one-trigram prefix of prefix filtering that each term is indexed under and
 * each look-up walks. With two more, two neighbours share their three rarest shared trigrams
 * inside both prefixes, hence three of the indexed pairs, and a term met fewer times is dropped
 * on its count alone. One more was slower (too many terms left to compare), three no faster.
 */
export const EXTRA_PREFIX = 2;

/**
 * Trigrams of a term of `size` trigrams (rarest first) that it is indexed under: with c trigrams
 * shared in all, the k-th rarest shared one stands at most at place size - c + k of either term's
 * list, so a neighbour's 1 + EXTRA_PREFIX rarest shared trigrams lie in both prefixes.
 */
function prefixOf(size: number): number {
  return Math.min(size, size - leastShared(size) + 1 + EXTRA_PREFIX);
}

/** Bucket of the trigram pair of ranks `r < s` in a table of `mask + 1` buckets. */
function bucketOf(r: number, s: number, mask: number): number {
  return (Math.imul(r, 0x9e3779b1) ^ Math.imul(s, 0x85ebca6b)) & mask;
}

/**
 * The bounds of the pair lists of the first `prefix` of the ascending ranks `known`, start and end
 * of each in turn, into `lists`; returns how many numbers it wrote. The walks read every list's
 * bounds first and the lists after: the bounds' reads (each a cache miss in a large index) do not
 * wait on one another, and look-ups took about a sixth less time on the 10,000-report benchmark
 * corpus.
 */
function pairListBounds(
  bucketStart: Int32Array,
  mask: number,
  known: Int32Array,
  prefix: number,
  lists: Int32Array,
): number {
  let count = 0;
  for (let i = 0; i < prefix; i++) {
    for (let j = i + 1; j < prefix; j++) {
      const bucket = bucketOf(known[i]!, known[j]!, mask);
      lists[count++] = bucketStart[bucket]!;
      lists[count++] = bucketStart[bucket + 1]!;
    }
  }
  return count;
}

/**
 * Walks the pair lists of the first `prefix` of the ascending ranks `known`, counting in `met` how
 * often each term is met and listing the terms met in `touched`; returns how many. A stored index
 * is bounded here rather than checked whole at load: an offset past the end stops at it, and an
 * id outside the vocabulary reads and writes nothing in `met`.
 */
function walkNarrow(
  posts: Uint16Array,
  bucketStart: Int32Array,
  mask: number,
  known: Int32Array,
  prefix: number,
  met: Uint16Array,
  touched: Int32Array,
  lists: Int32Array,
): number {
  const count = pairListBounds(bucketStart, mask, known, prefix, lists);
  let found = 0;
  for (let q = 0; q < count; q += 2) {
    const end = Math.min(lists[q + 1]!, posts.length);
    for (let p = lists[q]!; p < end; p++) {
      const id = posts[p]!;
      const m = met[id]!;
      if (m === 0) touched[found++] = id;
      if (m < 0xffff) met[id] = m + 1;
    }
  }
  return found;
}

/** {@link walkNarrow} over 32-bit ids (the same code, for its own type feedback). */
function walkWide(
  posts: Int32Array,
  bucketStart: Int32Array,
  mask: number,
  known: Int32Array,
  prefix: number,
  met: Uint16Array,
  touched: Int32Array,
  lists: Int32Array,
): number {
  const count = pairListBounds(bucketStart, mask, known, prefix, lists);
  let found = 0;
  for (let q = 0; q < count; q += 2) {
    const end = Math.min(lists[q + 1]!, posts.length);
    for (let p = lists[q]!; p < end; p++) {
      const id = posts[p]!;
      const m = met[id]!;
      if (m === 0) touched[found++] = id;
      if (m < 0xffff) met[id] = m + 1;
    }
  }
  return found;
}

/** The arrays of a built {@link SpellingNeighbours}, as stored. */
export interface SpellingParts {
  /** (trigram code, rank) pairs of the trigrams of "#" and a–z. */
  ascii: Int32Array;
  /** (trigram code, rank) pairs of every other trigram (codes above 2^32, hence doubles). */
  other: Float64Array;
  gramStart: Int32Array;
  /** 16 bits each where fewer than NARROW_IDS distinct trigrams rank, else 32. */
  grams: Int32Array | Uint16Array;
  /** Bucket offsets of the pair index (a power of two buckets, plus one). */
  bucketStart: Int32Array;
  /** Term ids, 16 bits each in a vocabulary of fewer than NARROW_IDS terms, else 32. */
  posts: Int32Array | Uint16Array;
}

/**
 * Each spelling's neighbours among the terms of a spelling index, found once (when a segment is
 * built) so that looking up a term the segment has reads a short list rather than walking the pair
 * index, whose lists in a large vocabulary hold hundreds of terms per look-up: spelling `t`'s
 * neighbours are ids[start[t]..start[t + 1]] (ids of the index), each with the number of trigrams
 * it shares with `t`, from which their similarity follows.
 */
export interface NeighbourLists {
  start: Uint32Array;
  /** 16 bits each in an index of at most NARROW_IDS terms, else 32. */
  ids: Int32Array | Uint16Array;
  shared: Uint8Array;
}

/** Lists of consecutive runs of spellings (see SpellingNeighbours.lists) as one. */
export function joinLists(runs: readonly NeighbourLists[]): NeighbourLists {
  let terms = 0;
  let entries = 0;
  for (const run of runs) {
    terms += run.start.length - 1;
    entries += run.ids.length;
  }
  const wide = runs.some((run) => run.ids instanceof Int32Array);
  const joined: NeighbourLists = {
    start: new Uint32Array(terms + 1),
    ids: wide ? new Int32Array(entries) : new Uint16Array(entries),
    shared: new Uint8Array(entries),
  };
  let t = 0;
  let at = 0;
  for (const run of runs) {
    for (let k = 1; k < run.start.length; k++) joined.start[t + k] = at + run.start[k]!;
    joined.ids.set(run.ids, at);
    joined.shared.set(run.shared, at);
    t += run.start.length - 1;
    at += run.ids.length;
  }
  return joined;
}

/**
 * Ids below this fit in 16 bits: trigram ranks (a vocabulary has a few tens of thousands of
 * distinct trigrams) and the term ids of all but the largest segments' pair index are stored in
 * half the bytes, which a restart reads and the loaded index keeps.
 */
export const NARROW_IDS = 2 ** 16;

/**
 * Spelling neighbours over a fixed vocabulary, found by prefix filtering (Chaudhuri et al. 2006;
 * Bayardo et al., "Scaling up all pairs similarity search", 2007), on pairs of trigrams.
 *
 * Every term's trigrams are put in one global order, rarest first. Two neighbours share at least
 * three trigrams (two for the shortest terms), and their rarest shared ones lie in the prefix (see
 * prefixOf) of both terms' lists. So each term is indexed under every pair of trigrams of its
 * prefix, and a look-up walks the lists of its own prefix's pairs, counting how often it meets
 * each term: a neighbour is met once per pair of those shared trigrams, at least three times.
 * Pairs are far rarer than single trigrams, so a look-up meets hundreds of terms rather than
 * thousands, and only the few met often enough are compared, by merging the two sorted trigram
 * lists. The result is the same as comparing the term with every other term.
 *
 * The pair lists are buckets of a hash table in one flat array: pairs sharing a bucket only add
 * terms to count (never remove one), and the table is built in two passes without sorting. On the
 * 145,000-term vocabulary of the 10,000-report benchmark corpus, look-ups are about 4× faster
 * than walking whole single-trigram lists, for about 20 MB more memory.
 */
export class SpellingNeighbours {
  /**
   * Rank of each trigram in the global order (rarest first, ties in order of first sight) by its
   * code, or -1: a table for the trigrams of "#" and a–z, a map for the others.
   */
  private readonly asciiRank: Int32Array;
  private readonly otherRank = new Map<number, number>();
  /** Trigram ranks of each term, ascending: term `id`'s at gramStart[id]..gramStart[id + 1]. */
  private readonly gramStart: Int32Array;
  private readonly grams: Int32Array | Uint16Array;
  /** Buckets of the pair index: the terms of bucket `k` at bucketStart[k]..bucketStart[k + 1]. */
  private readonly mask: number;
  private readonly bucketStart: Int32Array;
  private readonly posts: Int32Array | Uint16Array;
  /** Scratch of a look-up, zero between look-ups: how often each term was met, and the terms met. */
  private readonly met: Uint16Array;
  private readonly touched: Int32Array;
  /** Scratch of a look-up: the ranks of the spelling's trigrams this index knows, ascending. */
  private known = new Int32Array(SOFT_MAX_LENGTH);
  /** Scratch of a look-up: the bounds of the pair lists it walks, two for each pair of trigrams. */
  private listBounds = new Int32Array(SOFT_MAX_LENGTH * (SOFT_MAX_LENGTH - 1));
  /** Neighbours found so far, by term id (arrays beat maps on this hot path). */
  private readonly cache: (Neighbours | undefined)[] = [];
  /** Neighbours of spellings looked up by `search`, until UNKNOWN_CACHE_SIZE of them. */
  private readonly byTerm = new Map<string, Neighbours>();

  /**
   * Builds the index over `vocabulary`, or adopts `parts` a previous build made of the same
   * vocabulary (see {@link SpellingNeighbours.parts}): a persisted index is loaded, not rebuilt.
   */
  constructor(
    private readonly vocabulary: readonly string[],
    parts?: SpellingParts,
  ) {
    const terms = vocabulary.length;
    this.met = new Uint16Array(terms);
    this.touched = new Int32Array(terms);
    if (parts) {
      this.asciiRank = new Int32Array(ASCII_GRAMS).fill(-1);
      for (let k = 0; k + 1 < parts.ascii.length; k += 2)
        this.asciiRank[parts.ascii[k]!] = parts.ascii[k + 1]!;
      for (let k = 0; k + 1 < parts.other.length; k += 2)
        this.otherRank.set(parts.other[k]!, parts.other[k + 1]!);
      this.gramStart = parts.gramStart;
      this.grams = parts.grams;
      this.bucketStart = parts.bucketStart;
      this.posts = parts.posts;
      this.mask = parts.bucketStart.length - 2;
      return;
    }
    // Every term's trigrams as ids in order of first sight, and how many terms have each.
    const asciiId = new Int32Array(ASCII_GRAMS).fill(-1);
    const otherId = new Map<number, number>();
    const frequency: number[] = [];
    const flat: number[] = [];
    const codes: number[] = [];
    this.gramStart = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) {
      const n = trigramCodes(vocabulary[id]!, codes);
      for (let k = 0; k < n; k++) {
        const code = codes[k]!;
        let g = code < ASCII_GRAMS ? asciiId[code]! : (otherId.get(code) ?? -1);
        if (g < 0) {
          g = frequency.length;
          if (code < ASCII_GRAMS) asciiId[code] = g;
          else otherId.set(code, g);
          frequency.push(0);
        }
        frequency[g]!++;
        flat.push(g);
      }
      this.gramStart[id + 1] = flat.length;
    }
    // Ranks: rarest first, ties in order of first sight.
    const order = frequency.map((_, g) => g).sort((x, y) => frequency[x]! - frequency[y]! || x - y);
    const rank = new Int32Array(order.length);
    order.forEach((g, r) => (rank[g] = r));
    this.asciiRank = asciiId.map((g) => (g < 0 ? -1 : rank[g]!));
    for (const [code, g] of otherId) this.otherRank.set(code, rank[g]!);
    const ranked =
      order.length <= NARROW_IDS ? new Uint16Array(flat.length) : new Int32Array(flat.length);
    for (let k = 0; k < flat.length; k++) ranked[k] = rank[flat[k]!]!;
    this.grams = ranked;
    let pairs = 0;
    for (let id = 0; id < terms; id++) {
      const from = this.gramStart[id]!;
      const to = this.gramStart[id + 1]!;
      if (to - from > 1) this.grams.subarray(from, to).sort();
      const prefix = prefixOf(to - from);
      pairs += (prefix * (prefix - 1)) / 2;
    }

    // The pair index, counted first and then filled: about two pairs per bucket.
    let buckets = 1024;
    while (buckets * 2 < pairs) buckets *= 2;
    const mask = buckets - 1;
    this.mask = mask;
    const { grams, gramStart } = this;
    const bucketStart = new Int32Array(buckets + 1);
    const posts = terms <= NARROW_IDS ? new Uint16Array(pairs) : new Int32Array(pairs);
    for (let pass = 0; pass < 2; pass++) {
      const fill = pass === 1 ? bucketStart.slice(0, buckets) : bucketStart;
      for (let id = 0; id < terms; id++) {
        const from = gramStart[id]!;
        const prefix = prefixOf(gramStart[id + 1]! - from);
        for (let i = 0; i < prefix; i++) {
          for (let j = i + 1; j < prefix; j++) {
            const bucket = bucketOf(grams[from + i]!, grams[from + j]!, mask);
            if (pass === 0) bucketStart[bucket + 1]!++;
            else posts[fill[bucket]!++] = id;
          }
        }
      }
      if (pass === 0) for (let k = 0; k < buckets; k++) bucketStart[k + 1]! += bucketStart[k]!;
    }
    this.bucketStart = bucketStart;
    this.posts = posts;
  }

  /** The index's arrays, to be stored and given back to the constructor with the same vocabulary. */
  parts(): SpellingParts {
    const ascii: number[] = [];
    this.asciiRank.forEach((rank, code) => {
      if (rank >= 0) ascii.push(code, rank);
    });
    const other: number[] = [];
    for (const [code, rank] of this.otherRank) other.push(code, rank);
    return {
      ascii: Int32Array.from(ascii),
      other: Float64Array.from(other),
      gramStart: this.gramStart,
      grams: this.grams,
      bucketStart: this.bucketStart,
      posts: this.posts,
    };
  }

  /**
   * Neighbours of any spelling among the vocabulary, not remembered: for callers that keep their
   * own memory of answers (an index over several vocabularies).
   */
  neighboursOf(term: string): Neighbours {
    return this.lookUp(term, -1);
  }

  /** Neighbours of vocabulary term `id` (remembered). */
  of(id: number): Neighbours {
    let found = this.cache[id];
    if (!found) {
      found = this.lookUp(this.vocabulary[id] ?? '', id);
      this.cache[id] = found;
    }
    return found;
  }

  /** Neighbours of any spelling, e.g. a word the vocabulary does not have (remembered). */
  search(term: string): Neighbours {
    let found = this.byTerm.get(term);
    if (!found) {
      found = this.lookUp(term, -1);
      // A bounded memory: when full, start again rather than track what is used least.
      if (this.byTerm.size >= UNKNOWN_CACHE_SIZE) this.byTerm.clear();
      this.byTerm.set(term, found);
    }
    return found;
  }

  /**
   * Neighbours of a spelling given as its `a` trigram codes (see trigramCodes): for an index over
   * several vocabularies, which works a spelling's trigrams out once for all of them.
   */
  neighboursOfCodes(codes: readonly number[], a: number): Neighbours {
    return a === 0 ? NO_NEIGHBOURS : this.lookUpCodes(codes, a, -1);
  }

  /**
   * Neighbours of term `t` of a list made by {@link neighbourLists} over this index, a spelling of
   * `a` trigrams: the same as looking it up, without walking the pair index. Ids outside the
   * index (a damaged list) are left out.
   */
  listed(lists: NeighbourLists, t: number, a: number): Neighbours {
    const { start, ids: listIds, shared } = lists;
    if (t + 1 >= start.length) return NO_NEIGHBOURS;
    const from = start[t]!;
    const to = Math.min(start[t + 1]!, listIds.length, shared.length);
    if (from >= to) return NO_NEIGHBOURS;
    const { gramStart } = this;
    const terms = gramStart.length - 1;
    const ids: number[] = [];
    const similarities: number[] = [];
    for (let k = from; k < to; k++) {
      const id = listIds[k]!;
      if (id >= terms) continue;
      const b = gramStart[id + 1]! - gramStart[id]!;
      // The very expression of a look-up, so that both give the same number.
      ids.push(id);
      similarities.push((2 * shared[k]!) / (a + b));
    }
    return ids.length === 0 ? NO_NEIGHBOURS : { ids, similarities };
  }

  /**
   * Neighbours of each spelling of `terms` (of those from `from` to `to`, as a list of their own)
   * as a look-up finds them, in the form of {@link NeighbourLists}.
   */
  lists(terms: readonly string[], from = 0, to = terms.length): NeighbourLists {
    const start = new Uint32Array(to - from + 1);
    const ids: number[] = [];
    const shared: number[] = [];
    const codes: number[] = [];
    for (let t = from; t < to; t++) {
      const a = trigramCodes(terms[t]!, codes);
      if (a > 0) {
        const found = this.lookUpCodes(codes, a, -1, shared);
        for (const id of found.ids) ids.push(id);
      }
      start[t - from + 1] = ids.length;
    }
    return {
      start,
      ids: this.gramStart.length - 1 <= NARROW_IDS ? Uint16Array.from(ids) : Int32Array.from(ids),
      shared: Uint8Array.from(shared),
    };
  }

  private lookUp(term: string, self: number): Neighbours {
    const codes: number[] = [];
    const a = trigramCodes(term, codes);
    if (a === 0) return NO_NEIGHBOURS;
    return this.lookUpCodes(codes, a, self);
  }

  /** With `sharedOut`, the number of trigrams each neighbour found shares is pushed onto it. */
  private lookUpCodes(
    codes: readonly number[],
    a: number,
    self: number,
    sharedOut?: number[],
  ): Neighbours {
    // Trigrams no vocabulary term has come first in the order (no term has fewer); no term shares
    // them, so only the known ones are walked, within the same prefix.
    const known = this.known.length >= a ? this.known : (this.known = new Int32Array(a));
    let knownCount = 0;
    for (let k = 0; k < a; k++) {
      const code = codes[k]!;
      const r = code < ASCII_GRAMS ? this.asciiRank[code]! : (this.otherRank.get(code) ?? -1);
      if (r < 0) continue;
      // Kept ascending as they come (a term has a few dozen trigrams at most).
      let at = knownCount++;
      while (at > 0 && known[at - 1]! > r) {
        known[at] = known[at - 1]!;
        at--;
      }
      known[at] = r;
    }
    // A neighbour shares at least leastShared(a) trigrams, all of them known here: with fewer
    // known, none can be (most look-ups in a small segment end here, before any list is walked).
    if (knownCount < leastShared(a)) return NO_NEIGHBOURS;
    const prefix = prefixOf(a) - (a - knownCount);
    const t = SOFT_MIN_SIMILARITY;
    // Dice 2c/(a+b) ≥ t with c ≤ min(a, b) gives b ≥ ta/(2-t) and b ≤ a(2-t)/t.
    const minSize = (t * a) / (2 - t) - 1e-9;
    const maxSize = (a * (2 - t)) / t + 1e-9;
    const { met, touched, posts, bucketStart, gramStart, mask } = this;
    // Two copies of one walk, each seeing one kind of id array: a loop that met both (large
    // segments hold 32-bit ids, the others 16-bit ones) ran about a quarter slower.
    const pairs = prefix * (prefix - 1);
    const bounds =
      this.listBounds.length >= pairs ? this.listBounds : (this.listBounds = new Int32Array(pairs));
    const found =
      posts instanceof Uint16Array
        ? walkNarrow(posts, bucketStart, mask, known, prefix, met, touched, bounds)
        : walkWide(posts, bucketStart, mask, known, prefix, met, touched, bounds);
    // Every term of a size that can reach the cut needs at least leastShared(a) trigrams shared.
    const leastInBoth = Math.min(leastShared(a), EXTRA_PREFIX + 1);
    const leastMet = (leastInBoth * (leastInBoth - 1)) / 2;
    const ids: number[] = [];
    const similarities: number[] = [];
    for (let k = 0; k < found; k++) {
      const id = touched[k]!;
      const m = met[id]!;
      met[id] = 0;
      if (m < leastMet) continue;
      const b = gramStart[id + 1]! - gramStart[id]!;
      if (id === self || b < minSize || b > maxSize) continue;
      const needed = Math.ceil((t * (a + b)) / 2 - 1e-9);
      const inBoth = Math.min(needed, EXTRA_PREFIX + 1);
      if (m < (inBoth * (inBoth - 1)) / 2) continue;
      const shared = this.shared(known, knownCount, id, needed);
      const dice = (2 * shared) / (a + b);
      if (shared < needed || dice < SOFT_MIN_SIMILARITY) continue;
      ids.push(id);
      similarities.push(dice);
      sharedOut?.push(shared);
    }
    return ids.length === 0 ? NO_NEIGHBOURS : { ids, similarities };
  }

  /**
   * Trigrams term `id` shares with the `count` ascending ranks `ranks`; stops early, with a smaller count,
   * once fewer than `needed` can be shared.
   */
  private shared(ranks: Int32Array, count: number, id: number, needed: number): number {
    const { grams } = this;
    let i = 0;
    let j = this.gramStart[id]!;
    const end = this.gramStart[id + 1]!;
    let common = 0;
    while (i < count && j < end) {
      if (common + Math.min(count - i, end - j) < needed) return common;
      const x = ranks[i]!;
      const y = grams[j]!;
      if (x === y) {
        common++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return common;
  }
}
