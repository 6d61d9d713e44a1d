/**
 * Place names that stand for one another in the news: a country's name, its people ("Russian"),
 * its capital used for its government ("Moscow", "Kyiv", "Washington"), the seat of its government
 * ("the Kremlin", "the White House") and its acronyms ("US", "UK"). Each becomes the country's one
 * term, so "Moscow has presented…", "the Kremlin has presented…" and "Russia has presented…" share
 * it. Built from a world gazetteer (the `world-countries` data) and a short list of seats of
 * government, not from the corpus, so it holds for any story.
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
  /** Whether the country is sovereign (a territory is not: the Northern Mariana Islands). */
  independent?: boolean | null;
}

/** Prefix of the term that stands for a country ("@RUS"); no word or acronym can look like it. */
const COUNTRY_TERM_PREFIX = '@';

/** Whether a term is a country's term ("@RUS"). */
export function isPlaceTerm(term: string): boolean {
  return term.startsWith(COUNTRY_TERM_PREFIX);
}

/**
 * Seats of government whose names the news uses for the government itself, by the country's
 * ISO 3166-1 alpha-3 code: journalistic shorthand, like a capital ("Moscow said…").
 */
export const SEATS_OF_GOVERNMENT: Readonly<Record<string, string>> = {
  Kremlin: 'RUS',
  'White House': 'USA',
  'Downing Street': 'GBR',
  Élysée: 'FRA',
  Elysee: 'FRA',
  Zhongnanhai: 'CHN',
};

/**
 * Most content terms of a place name kept as one phrase ("Saudi Arabia", "Downing Street",
 * "Papua New Guinea"); the gazetteer's longer names are formal ones the news seldom writes out.
 */
export const MAX_PHRASE_TERMS = 3;

/**
 * The keys a place name is found under: its single content term (an acronym of the gazetteer
 * counts as one: "UK"), and, for a name of two to MAX_PHRASE_TERMS words, their terms joined by
 * spaces ("saudi arabia"), as a text without those acronyms tokenises it.
 */
function termKeys(name: string, acronyms: ReadonlySet<string>): string[] {
  // Trailing abbreviations say nothing of the place ("Washington D.C." is Washington).
  const withoutTrailing = (tokens: Token[]): Token[] =>
    tokens.filter((t, i, all) => !(t.kind === 'acronym' && i > 0 && all[0]!.kind !== 'acronym'));
  const keys: string[] = [];
  const single = withoutTrailing(tokenize(name, { acronyms }));
  if (single.length === 1) keys.push(single[0]!.term);
  const words = withoutTrailing(tokenize(name));
  if (
    words.length >= 2 &&
    words.length <= MAX_PHRASE_TERMS &&
    words.every((t) => t.kind === 'word')
  ) {
    keys.push(words.map((t) => t.term).join(' '));
  }
  return keys;
}

/**
 * The alias table: term of a place word (or the terms of a place name of a few words, joined by
 * spaces) → term of its country. Names that would stand for two countries (a capital shared by
 * two, a demonym like "Congolese") are left out, unless only one of them is sovereign.
 */
export function placeAliasTable(countries: readonly CountryRecord[]): Record<string, string> {
  const acronyms = new Set<string>();
  for (const country of countries) {
    for (const spelling of country.altSpellings) {
      if (/^[A-Z]{2,3}$/.test(spelling)) acronyms.add(spelling.toLowerCase());
    }
  }
  const targets = new Map<string, Set<string>>();
  const add = (terms: readonly string[], country: string): void => {
    for (const term of terms) {
      if (term.length < 2) continue;
      let set = targets.get(term);
      if (!set) targets.set(term, (set = new Set()));
      set.add(country);
    }
  };
  for (const country of countries) {
    const target = COUNTRY_TERM_PREFIX + country.cca3;
    add(termKeys(country.name.common, acronyms), target);
    for (const spelling of country.altSpellings) {
      // Only acronyms: other alternative spellings are official long forms or native names.
      if (/^[A-Z]{2,3}$/.test(spelling)) add([spelling], target);
    }
    for (const capital of country.capital) add(termKeys(capital, acronyms), target);
    const demonyms = country.demonyms?.eng;
    if (demonyms) {
      add(termKeys(demonyms.m, acronyms), target);
      add(termKeys(demonyms.f, acronyms), target);
    }
  }
  for (const [seat, code] of Object.entries(SEATS_OF_GOVERNMENT)) {
    add(termKeys(seat, acronyms), COUNTRY_TERM_PREFIX + code);
  }
  // A name shared by a sovereign country and territories stands for the country: "American" is
  // the demonym of the United States and of the Northern Mariana Islands. Not an acronym: two
  // letters shared by several places are as likely an abbreviation of something else ("PM").
  const sovereign = new Set(
    countries.filter((c) => c.independent === true).map((c) => COUNTRY_TERM_PREFIX + c.cca3),
  );
  for (const seatCountry of Object.values(SEATS_OF_GOVERNMENT)) {
    sovereign.add(COUNTRY_TERM_PREFIX + seatCountry);
  }
  const table: Record<string, string> = {};
  for (const [term, set] of [...targets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const states = [...set].filter((country) => sovereign.has(country));
    if (set.size === 1) table[term] = [...set][0]!;
    else if (states.length === 1 && /^\p{Ll}/u.test(term)) table[term] = states[0]!;
  }
  return table;
}

/** Applies an alias table to tokens, also to spelling variants of its names ("Kiev" for "Kyiv"). */
export class PlaceAliases {
  private readonly table: ReadonlyMap<string, string>;
  /** Names of several words: their first term → the whole names starting with it (as term lists). */
  private readonly phrases = new Map<string, string[][]>();
  private readonly variants: NameVariants;

  constructor(table: Readonly<Record<string, string>>) {
    this.table = new Map(Object.entries(table));
    for (const key of this.table.keys()) {
      const terms = key.split(' ');
      if (terms.length < 2) continue;
      const list = this.phrases.get(terms[0]!);
      if (list) list.push(terms);
      else this.phrases.set(terms[0]!, [terms]);
    }
    this.variants = new NameVariants(Object.keys(table).filter((t) => /^\p{Ll}+$/u.test(t)));
  }

  /**
   * The country term for a token, or null. Only capitalised words are place names ("Male" is,
   * "male" is not). A spelling variant of a place name is read as one only where no capitalised
   * word follows: a word opening a name of several is a first name ("Angela Stent", not Angola).
   */
  aliasOf(token: Token, next?: Token): string | null {
    if (!token.capitalized) return null;
    const exact = this.table.get(token.term);
    if (exact !== undefined) return exact;
    if (token.kind !== 'word') return null;
    if (next?.capitalized && next.kind === 'word' && next.start - token.end <= 1) return null;
    const variant = this.variants.variantOf(token.term);
    return variant === null ? null : (this.table.get(variant) ?? null);
  }

  /** Tokens with place names replaced by their country's term (a name of several words by one). */
  apply(tokens: readonly Token[]): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const phrase = this.phraseAt(tokens, i);
      if (phrase) {
        const last = tokens[i + phrase.length - 1]!;
        out.push({ ...token, term: phrase.country, end: last.end });
        i += phrase.length - 1;
        continue;
      }
      const alias = this.aliasOf(token, tokens[i + 1]);
      out.push(alias === null ? token : { ...token, term: alias });
    }
    return out;
  }

  /** The longest name of several capitalised words starting at token `i`, if any. */
  private phraseAt(
    tokens: readonly Token[],
    i: number,
  ): { length: number; country: string } | null {
    const candidates = tokens[i]!.capitalized ? this.phrases.get(tokens[i]!.term) : undefined;
    if (!candidates) return null;
    let best: { length: number; country: string } | null = null;
    for (const terms of candidates) {
      if (best && best.length >= terms.length) continue;
      const fits = terms.every((term, k) => {
        const t = tokens[i + k];
        return t !== undefined && t.capitalized && t.term === term;
      });
      if (fits) best = { length: terms.length, country: this.table.get(terms.join(' '))! };
    }
    return best;
  }
}
