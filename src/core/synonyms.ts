/**
 * Synonyms: different words for one thing ("truce" and "ceasefire", "terms" and "conditions").
 * The corpus compiler asks a thesaurus (WordNet at build time, see src/cli/wordnet.ts) for the
 * synonyms of the corpus's words and keeps a small table of their stems in the prebuilt index; at
 * match time a page word that is a synonym of a report word earns part of an exact match's credit.
 */
import type { Neighbours } from './spelling-neighbours';
import { NO_NEIGHBOURS } from './spelling-neighbours';
import { tokenize } from './tokens';

/** A thesaurus: the words sharing one of a word's most frequent senses. */
export interface Lexicon {
  synonymsOf(word: string): string[];
}

/**
 * Credit of a synonym against an exact match: well above nothing, since a paraphrase changes
 * words, yet below a spelling variant of the same word (0.7..1), since a synonym shares only one
 * of its senses with the word and the thesaurus cannot tell which sense a sentence means.
 */
export const SYNONYM_CREDIT = 0.6;

/** Term of a synonym as the tokenizer would write it, or null when it is not one content word. */
function termOf(word: string, cache: Map<string, string | null>): string | null {
  let term = cache.get(word);
  if (term === undefined) {
    const tokens = tokenize(word);
    term = tokens.length === 1 && tokens[0]!.kind === 'word' ? tokens[0]!.term : null;
    cache.set(word, term);
  }
  return term;
}

/**
 * The synonym table of a corpus: term of a corpus word → terms of its synonyms (sorted). Only
 * lower-case word terms take part; names, numbers and acronyms are exact or spelled alike.
 * `surfaces` gives, per vocabulary id, the words of the corpus written with that term.
 */
export function synonymTable(
  vocabulary: readonly string[],
  surfaces: ReadonlyMap<number, ReadonlySet<string>>,
  lexicon: Lexicon,
): Record<string, string[]> {
  const cache = new Map<string, string | null>();
  const table: Record<string, string[]> = {};
  const ids = [...surfaces.keys()].sort((a, b) =>
    vocabulary[a]! < vocabulary[b]! ? -1 : vocabulary[a]! > vocabulary[b]! ? 1 : 0,
  );
  for (const id of ids) {
    const term = vocabulary[id]!;
    if (!/^\p{Ll}+$/u.test(term)) continue;
    const found = new Set<string>();
    for (const word of surfaces.get(id)!) {
      for (const synonym of lexicon.synonymsOf(word)) {
        const other = termOf(synonym, cache);
        if (other !== null && other !== term) found.add(other);
      }
    }
    if (found.size > 0) table[term] = [...found].sort();
  }
  return table;
}

/** The word a token was written as, lower case, without a possessive ("Ukraine’s" → "ukraine"). */
export function surfaceWord(text: string): string {
  return text.toLowerCase().replace(/['\u2019](?:s)?$/u, '');
}

/** Synonym lookups over a corpus's table, both ways: any term → the vocabulary terms it may stand for. */
export class Synonyms {
  private readonly related = new Map<string, Map<number, number>>();
  /** Vocabulary ids of the terms that have synonyms (the keys of `related` the corpus knows). */
  private readonly keyIds = new Set<number>();

  /**
   * `termIds`: the corpus vocabulary's term → id; `canonical`: id → id of its spelling class
   * (the ids that occur in term bags).
   */
  constructor(
    table: Readonly<Record<string, readonly string[]>>,
    termIds: Pick<ReadonlyMap<string, number>, 'get'>,
    canonical?: ArrayLike<number>,
  ) {
    const add = (term: string, raw: number): void => {
      const id = canonical ? canonical[raw]! : raw;
      let ids = this.related.get(term);
      if (!ids) this.related.set(term, (ids = new Map()));
      ids.set(id, SYNONYM_CREDIT);
    };
    for (const [term, synonyms] of Object.entries(table)) {
      const id = termIds.get(term);
      if (id === undefined) continue;
      for (const synonym of synonyms) {
        add(synonym, id);
        const other = termIds.get(synonym);
        if (other !== undefined) {
          this.keyIds.add(other);
          add(term, other);
          this.keyIds.add(id);
        }
      }
    }
  }

  /**
   * Whether vocabulary term `id` may have synonyms: when not, `of` its term gives none, and a
   * caller holding only the id need not make its string to ask.
   */
  mayHave(id: number): boolean {
    return this.keyIds.has(id);
  }

  /** Vocabulary ids of the synonyms of `term` (known to the corpus or not), with their credit. */
  of(term: string): Neighbours {
    const ids = this.related.get(term);
    if (!ids) return NO_NEIGHBOURS;
    return { ids: [...ids.keys()], similarities: [...ids.values()] };
  }
}

/** Both lists of neighbours; an id in both keeps its higher similarity. */
export function mergeNeighbours(a: Neighbours, b: Neighbours): Neighbours {
  if (b.ids.length === 0) return a;
  if (a.ids.length === 0) return b;
  const best = new Map<number, number>();
  for (const list of [a, b]) {
    list.ids.forEach((id, k) => {
      const s = list.similarities[k]!;
      if (s > (best.get(id) ?? 0)) best.set(id, s);
    });
  }
  return { ids: [...best.keys()], similarities: [...best.values()] };
}
