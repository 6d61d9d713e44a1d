/**
 * Place names that stand for one another in the news: a country's name, its people ("Russian"),
 * its capital used for its government ("Moscow", "Kyiv", "Washington") and its acronyms ("US",
 * "UK"). Each becomes the country's one term, so "Moscow has presented…" and "Russia has
 * presented…" share it. Built from a world gazetteer (the `world-countries` data), not from the
 * corpus, so it holds for any story.
 */
import { NameVariants } from './name-variants';
import { tokenize, type Token } from './tokens';

/** The fields of a gazetteer record this module reads (a subset of `world-countries`). */
export interface CountryRecord {
  name: { common: string };
  cca3: string;
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** Prefix of the term that stands for a country ("@RUS"); no word or acronym can look like it. */
const COUNTRY_TERM_PREFIX = '@';

/** The single content term of a name, or null when it has several or none ("United States"). */
function singleTerm(name: string, acronyms: ReadonlySet<string>): string | null {
  // Trailing abbreviations say nothing of the place ("Washington D.C." is Washington).
  const tokens = tokenize(name, { acronyms }).filter(
    (t, i, all) => !(t.kind === 'acronym' && i > 0 && all[0]!.kind !== 'acronym'),
  );
  return tokens.length === 1 ? tokens[0]!.term : null;
}

/**
 * The alias table: term of a place word → term of its country. Words that would name two
 * countries (a capital shared by two, a demonym like "Congolese") are left out.
 */
export function placeAliasTable(countries: readonly CountryRecord[]): Record<string, string> {
  const acronyms = new Set<string>();
  for (const country of countries) {
    for (const spelling of country.altSpellings) {
      if (/^[A-Z]{2,3}$/.test(spelling)) acronyms.add(spelling.toLowerCase());
    }
  }
  const targets = new Map<string, Set<string>>();
  const add = (term: string | null, country: string): void => {
    if (term === null || term.length < 2) return;
    let set = targets.get(term);
    if (!set) targets.set(term, (set = new Set()));
    set.add(country);
  };
  for (const country of countries) {
    const target = COUNTRY_TERM_PREFIX + country.cca3;
    add(singleTerm(country.name.common, acronyms), target);
    for (const spelling of country.altSpellings) {
      // Only acronyms: other alternative spellings are official long forms or native names.
      if (/^[A-Z]{2,3}$/.test(spelling)) add(spelling, target);
    }
    for (const capital of country.capital) add(singleTerm(capital, acronyms), target);
    const demonyms = country.demonyms?.eng;
    if (demonyms) {
      add(singleTerm(demonyms.m, acronyms), target);
      add(singleTerm(demonyms.f, acronyms), target);
    }
  }
  const table: Record<string, string> = {};
  for (const [term, set] of [...targets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (set.size === 1) table[term] = [...set][0]!;
  }
  return table;
}

/** Applies an alias table to tokens, also to spelling variants of its names ("Kiev" for "Kyiv"). */
export class PlaceAliases {
  private readonly table: ReadonlyMap<string, string>;
  private readonly variants: NameVariants;

  constructor(table: Readonly<Record<string, string>>) {
    this.table = new Map(Object.entries(table));
    this.variants = new NameVariants(Object.keys(table).filter((t) => /^\p{Ll}+$/u.test(t)));
  }

  /** The country term for a token, or null. Only capitalised words are place names ("Male" is, "male" is not). */
  aliasOf(token: Token): string | null {
    if (!token.capitalized) return null;
    const exact = this.table.get(token.term);
    if (exact !== undefined) return exact;
    if (token.kind !== 'word') return null;
    const variant = this.variants.variantOf(token.term);
    return variant === null ? null : (this.table.get(variant) ?? null);
  }

  /** Tokens with place words replaced by their country's term. */
  apply(tokens: readonly Token[]): Token[] {
    return tokens.map((token) => {
      const alias = this.aliasOf(token);
      return alias === null ? token : { ...token, term: alias };
    });
  }
}
