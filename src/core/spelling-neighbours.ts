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

/** Spelling neighbours over a fixed vocabulary. */
export class SpellingNeighbours {
  private readonly sizes: Uint16Array;
  private readonly postings = new Map<string, number[]>();
  /** Neighbours found so far, by term id (arrays beat maps on this hot path). */
  private readonly cache: (Neighbours | undefined)[] = [];

  constructor(private readonly vocabulary: readonly string[]) {
    this.sizes = new Uint16Array(vocabulary.length);
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
      found = this.search(this.vocabulary[id] ?? '', id);
      this.cache[id] = found;
    }
    return found;
  }

  /** Neighbours of any spelling, e.g. a word the vocabulary does not have. */
  search(term: string, self = -1): Neighbours {
    const grams = trigramsOf(term);
    if (grams.length === 0) return NO_NEIGHBOURS;
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.postings.get(gram) ?? []) {
        if (id !== self) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    const ids: number[] = [];
    const similarities: number[] = [];
    for (const [id, common] of shared) {
      const dice = (2 * common) / (grams.length + this.sizes[id]!);
      if (dice < SOFT_MIN_SIMILARITY) continue;
      ids.push(id);
      similarities.push(dice);
    }
    return ids.length === 0 ? NO_NEIGHBOURS : { ids, similarities };
  }
}
