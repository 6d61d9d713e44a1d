/**
 * Terms spelled alike: "inperson" ~ "person", "previou" ~ "previous" (two Porter stems of one word),
 * "reestablish" ~ "establish". Found through a character-trigram index over the vocabulary, so a
 * term's neighbours cost a few posting lists, not a scan, and are remembered once found.
 */

/**
 * Shortest term compared by spelling; shorter stems ("war", "use") are too easily confused with
 * other words.
 */
export const SOFT_MIN_LENGTH = 5;
/**
 * Character-trigram Dice similarity from which two different terms count as partly the same;
 * below it, spellings share too little ("russia" ~ "russian" is 0.77, "attack" ~ "attach" 0.6).
 */
export const SOFT_MIN_SIMILARITY = 0.7;
/**
 * Posting lists walked beyond the fewest prefix filtering needs: each one more raises the shared
 * trigrams a candidate must show in the walked lists, so far fewer candidates are left to check
 * one by one. Three was the fastest on a 140,000-term vocabulary (about 10× faster than none).
 */
export const EXTRA_LISTS_WALKED = 3;

/** Neighbours of one term: other term ids and their similarity in SOFT_MIN_SIMILARITY..1. */
export interface Neighbours {
  readonly ids: readonly number[];
  readonly similarities: readonly number[];
}

/** No neighbours. */
export const NO_NEIGHBOURS: Neighbours = { ids: [], similarities: [] };

/** Boundary-padded character trigrams of a term, or [] for terms not compared by spelling. */
export function trigramsOf(term: string): string[] {
  // Numbers and acronyms are exact or nothing: "30" is not like "300", "US" not like "USA".
  if (term.length < SOFT_MIN_LENGTH || !/^\p{Ll}+$/u.test(term)) return [];
  const padded = `#${term}#`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/**
 * Most spellings outside the vocabulary whose neighbours are remembered: a long article brings a
 * few thousand words the corpus does not have, and each costs a few posting lists to look up.
 */
export const UNKNOWN_CACHE_SIZE = 20_000;

/** Spelling neighbours over a fixed vocabulary. */
export class SpellingNeighbours {
  private readonly sizes: Uint16Array;
  /** Scratch of a look-up: shared trigrams per candidate term, and the candidates counted. */
  private readonly counts: Uint8Array;
  private readonly touched: Int32Array;
  private readonly postings = new Map<string, number[]>();
  /** Neighbours found so far, by term id (arrays beat maps on this hot path). */
  private readonly cache: (Neighbours | undefined)[] = [];
  /** Neighbours of spellings looked up by `search`, until UNKNOWN_CACHE_SIZE of them. */
  private readonly byTerm = new Map<string, Neighbours>();

  constructor(private readonly vocabulary: readonly string[]) {
    this.sizes = new Uint16Array(vocabulary.length);
    this.counts = new Uint8Array(vocabulary.length);
    this.touched = new Int32Array(vocabulary.length);
    vocabulary.forEach((term, id) => {
      const grams = trigramsOf(term);
      this.sizes[id] = grams.length;
      for (const gram of grams) {
        const list = this.postings.get(gram);
        if (list) list.push(id);
        else this.postings.set(gram, [id]);
      }
    });
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
   * Prefix filtering: a term reaching the Dice cut with a spelling of `a` trigrams shares at least
   * `minShared` of them, so it holds one of any `a - minShared + 1` of them. Only the rarest lists
   * are walked (that many, plus EXTRA_LISTS_WALKED); the common trigrams ("ion", "#co") are then
   * looked up for the few candidates left. The result is the same as walking every list.
   */
  private lookUp(term: string, self: number): Neighbours {
    const grams = trigramsOf(term);
    const a = grams.length;
    if (a === 0) return NO_NEIGHBOURS;
    const lists = grams
      .map((g) => this.postings.get(g) ?? EMPTY)
      .sort((x, y) => x.length - y.length);
    const t = SOFT_MIN_SIMILARITY;
    // Dice 2c/(a+b) ≥ t with c ≤ min(a, b) gives b ≥ ta/(2-t), c ≥ ta/(2-t) and b ≤ a(2-t)/t.
    const minShared = Math.max(1, Math.ceil((t * a) / (2 - t) - 1e-9));
    const minSize = (t * a) / (2 - t) - 1e-9;
    const maxSize = (a * (2 - t)) / t + 1e-9;
    const probe = Math.min(a, a - minShared + 1 + EXTRA_LISTS_WALKED);
    // Counts in a typed array reused between look-ups: thousands of postings per look-up in a
    // large vocabulary, where a Map's insertions cost most of the time.
    const { counts, touched } = this;
    let found = 0;
    for (let g = 0; g < probe; g++) {
      for (const id of lists[g]!) {
        if (id === self) continue;
        const b = this.sizes[id]!;
        if (b < minSize || b > maxSize) continue;
        if (counts[id] === 0) touched[found++] = id;
        counts[id]!++;
      }
    }
    const ids: number[] = [];
    const similarities: number[] = [];
    for (let k = 0; k < found; k++) {
      const id = touched[k]!;
      let common = counts[id]!;
      counts[id] = 0;
      // With fewer shared trigrams in the walked lists, the others cannot make up minShared.
      if (common < minShared - (a - probe)) continue;
      // Posting lists hold ids in vocabulary order, so each of the others is a binary search.
      for (let g = probe; g < a; g++) if (holds(lists[g]!, id)) common++;
      const dice = (2 * common) / (a + this.sizes[id]!);
      if (dice < SOFT_MIN_SIMILARITY) continue;
      ids.push(id);
      similarities.push(dice);
    }
    return ids.length === 0 ? NO_NEIGHBOURS : { ids, similarities };
  }
}

const EMPTY: readonly number[] = [];

/** Whether an ascending list holds `id`. */
function holds(list: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
