/**
 * Fuzzy equality of names: transliterated names come in several spellings (Zelensky, Zelenskiy,
 * Zelenskyy; Kyiv, Kiev; Kharkiv, Kharkov; Odesa, Odessa). Two name terms are one when their
 * consonant skeletons agree and their spellings are close; the rule is general, not a list.
 */
import { distance } from 'fastest-levenshtein';

/** Letters that transliteration systems disagree on most: vowels and the semivowel y. */
const VOWELS = /[aeiouy]/g;
/** Shortest name that may have a variant: shorter ones are too easily confused. */
export const MIN_VARIANT_LENGTH = 4;
/**
 * Largest share of the shorter name's letters that may differ (edit distance / length): lets
 * "kyiv" ~ "kiev" (2 of 4) and "zelenskyy" ~ "zelensky" (1 of 8) meet, but keeps "volodymyr" and
 * "vladimir" (4 of 8), two different men in the news, and "putin" and "patton" (3 of 5) apart.
 */
export const MAX_VARIANT_DISTANCE_SHARE = 0.5;
/** At most this many edits whatever the length: longer names differing more are different names. */
export const MAX_VARIANT_DISTANCE = 2;
/** A term of letters only: only such terms are spellings of a name. */
const LETTERS = /^\p{L}+$/u;

/**
 * Consonant skeleton of a term: its first letter, then its consonants with vowels and y removed and
 * doubled letters collapsed ("zelenskyy" → "zlnsk", "kiev" → "kv", "odessa" → "ds").
 */
export function skeleton(term: string): string {
  if (term.length === 0) return '';
  const rest = term.slice(1).replace(VOWELS, '');
  return (term[0]! + rest).replace(/(.)\1+/g, '$1');
}

/** True when two name terms are spellings of one name. */
export function areVariants(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_VARIANT_LENGTH || b.length < MIN_VARIANT_LENGTH) return false;
  if (!LETTERS.test(a) || !LETTERS.test(b)) return false;
  if (skeleton(a) !== skeleton(b)) return false;
  const d = distance(a, b);
  return (
    d <= MAX_VARIANT_DISTANCE && d <= Math.min(a.length, b.length) * MAX_VARIANT_DISTANCE_SHARE
  );
}

/** Most answers of variantOf remembered: far more names than a long article holds. */
const VARIANT_CACHE_SIZE = 10_000;

/** Groups the name terms of a vocabulary into spelling variants and finds variants of new terms. */
export class NameVariants {
  /** Skeleton → names with that skeleton. */
  private readonly bySkeleton = new Map<string, string[]>();
  /** Answers of variantOf so far, until VARIANT_CACHE_SIZE of them (a page repeats its names). */
  private readonly variants = new Map<string, string | null>();

  /** `names`: the vocabulary's name terms. */
  constructor(names: Iterable<string>) {
    for (const name of names) this.add(name);
  }

  /** Takes a name in (a term that became a name as an index grew); `key` is its skeleton. */
  add(name: string, key = skeleton(name)): void {
    if (name.length < MIN_VARIANT_LENGTH) return;
    const list = this.bySkeleton.get(key);
    if (list) {
      if (list.includes(name)) return;
      list.push(name);
    } else this.bySkeleton.set(key, [name]);
    this.variants.clear();
  }

  /** Leaves a name out (a term no longer written as a name, or gone from the index). */
  remove(name: string, key = skeleton(name)): void {
    const list = this.bySkeleton.get(key);
    const at = list?.indexOf(name) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.bySkeleton.delete(key);
    this.variants.clear();
  }

  /**
   * The known names that could share a class with `name` (those of its skeleton): what to look at
   * again when `name` comes or goes.
   */
  namesLike(name: string, key = skeleton(name)): readonly string[] {
    return this.bySkeleton.get(key) ?? [];
  }

  /** The known name closest to `term` among its spelling variants, or null (the term itself excluded). */
  variantOf(term: string): string | null {
    if (term.length < MIN_VARIANT_LENGTH) return null;
    let found = this.variants.get(term);
    if (found === undefined) {
      found = closestVariant(term, this.bySkeleton.get(skeleton(term)) ?? []);
      // A bounded memory: when full, start again rather than track what is used least.
      if (this.variants.size >= VARIANT_CACHE_SIZE) this.variants.clear();
      this.variants.set(term, found);
    }
    return found;
  }

  /**
   * Classes of spelling variants among the known names: each name mapped to its class's
   * representative (the alphabetically first member, so the mapping is stable).
   */
  classes(): Map<string, string> {
    const representative = new Map<string, string>();
    for (const list of this.bySkeleton.values()) {
      for (const [name, first] of variantClasses(list)) representative.set(name, first);
    }
    return representative;
  }
}

/**
 * The name among `names` closest to `term` among its spelling variants (the term itself left
 * out), or null; of two as close, the alphabetically first.
 */
export function closestVariant(term: string, names: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    if (name === term || !areVariants(term, name)) continue;
    const d = distance(term, name);
    if (d < bestDistance || (d === bestDistance && best !== null && name < best)) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The classes of spelling variants among names of one skeleton: each name of a class of two or
 * more mapped to its representative (the alphabetically first member).
 */
export function variantClasses(list: readonly string[]): Map<string, string> {
  const representative = new Map<string, string>();
  if (list.length < 2) return representative;
  // Union-find over the bucket: variants of variants are one class.
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (areVariants(list[i]!, list[j]!)) parent[find(i)] = find(j);
    }
  }
  const members = new Map<number, string[]>();
  list.forEach((name, i) => {
    const root = find(i);
    const group = members.get(root);
    if (group) group.push(name);
    else members.set(root, [name]);
  });
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const first = [...group].sort()[0]!;
    for (const name of group) representative.set(name, first);
  }
  return representative;
}
