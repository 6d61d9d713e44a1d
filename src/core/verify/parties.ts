/**
 * The parties a sentence names: the countries (by name, people, capital or seat of government,
 * already one term each: see place-aliases.ts) and the bodies written as acronyms (NATO, the EU,
 * the IAEA), and the people its article introduces with a country's title ("Russian President
 * Vladimir Putin", "Kremlin spokesman Dmitry Peskov"), who then stand for that country wherever the
 * article names them ("Putin's commitment…"). Two sentences that both name a party the other does
 * not ("Indian and Russian officials discussed the terms" against "Russian and U.S. officials
 * discussed the terms") tell of other parties, however alike their wording.
 *
 * People are resolved from the article's own titles, not from a list: the news introduces a
 * person with a title at first mention, and an article that never does leaves the name as it is
 * (a person so named is not a party, and takes no side).
 */
import { isPlaceTerm } from '../place-aliases';
import type { Token } from '../tokens';
import { clauseOf, TAG_PREDICATE, TAG_PUNCTUATED } from './analyse';

/** One term of a sentence, as the parties are read from it. */
export interface PartyTerm {
  /** The term as tokenised ("@RUS", "NATO", "putin"). */
  term: string;
  /** Written as a name: a capital inside running text, or an acronym. */
  name: boolean;
  /**
   * Written with a capital at all, also as the first word ("Putin's commitment…"): enough to
   * look the word up among the titled people, not to start a title.
   */
  capitalized: boolean;
  /** Stands as a predicate (see analyse.ts): a verb, not part of a title. */
  predicate: boolean;
  /**
   * Opens a clause that a word opens ("…in Ukraine and international recognition of President
   * Vladimir Putin's claim"), not punctuation ("Ukraine's leader, Volodymyr Zelenskiy"): a title
   * does not reach across it.
   */
  opensClause: boolean;
}

/**
 * Most words of a title written in lower case between a country and a name ("Kremlin spokesman
 * Dmitry Peskov"); a title written with capitals is part of the run of names.
 */
export const MAX_TITLE_WORDS = 3;

/** Whether a term is written as an acronym (NATO, EU; "US" is a country's term by then). */
function isAcronym(term: string): boolean {
  return /^[A-Z][A-Z0-9]+$/.test(term);
}

/** Whether a term names a party by itself: a country's term or an acronym. */
function isPartyTerm(term: string): boolean {
  return isPlaceTerm(term) || isAcronym(term);
}

/** A name that is not a party by itself: a person's, or a title written with capitals. */
function isPersonName(t: PartyTerm): boolean {
  return t.name && !isPartyTerm(t.term);
}

/**
 * Adds to `into` the people a sentence introduces with a country's title: a country's term, then
 * up to MAX_TITLE_WORDS words of a title written in lower case ("spokesman"), then a run of names
 * (a title written with capitals is part of it: "President Vladimir Putin"), with no predicate
 * among them. The run's last name, the surname the article goes on to use, stands for the country
 * from then on; a name already given a country keeps its first. The title does not reach across a
 * clause opened by a word: "troops in Ukraine and international recognition of President Vladimir
 * Putin's claim" gives Putin to no country.
 */
export function addTitledNames(terms: readonly PartyTerm[], into: Map<string, string>): void {
  for (let i = 0; i < terms.length; i++) {
    if (!isPlaceTerm(terms[i]!.term)) continue;
    let j = i + 1;
    while (
      j < terms.length &&
      j - i - 1 < MAX_TITLE_WORDS &&
      !terms[j]!.name &&
      !terms[j]!.predicate &&
      !terms[j]!.opensClause &&
      !isPartyTerm(terms[j]!.term)
    )
      j++;
    let k = j;
    while (
      k < terms.length &&
      isPersonName(terms[k]!) &&
      !terms[k]!.predicate &&
      !terms[k]!.opensClause
    )
      k++;
    if (k === j) continue;
    const surname = terms[k - 1]!.term;
    if (!into.has(surname)) into.set(surname, terms[i]!.term);
  }
}

/** The parties a sentence names, its people resolved by the titles of its article (`titled`). */
export function partiesOf(
  terms: readonly PartyTerm[],
  titled: ReadonlyMap<string, string>,
): Set<string> {
  const parties = new Set<string>();
  for (const t of terms) {
    if (isPartyTerm(t.term)) parties.add(t.term);
    else {
      const country = t.name || t.capitalized ? titled.get(t.term) : undefined;
      if (country) parties.add(country);
    }
  }
  return parties;
}

/**
 * 1 when each of two sentences names a party the other does not: the claim is about other
 * parties. 0 when one names all the other's parties or more (a retelling drops or adds who was
 * there more often than it swaps them), or either names none.
 */
export function partyConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return namesOther(a, b) && namesOther(b, a) ? 1 : 0;
}

/** The parties both `a` and `b` name. */
function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const both = new Set<string>();
  for (const p of a) if (b.has(p)) both.add(p);
  return both;
}

/** Whether `x` names a party that `y` does not. */
function namesOther(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  for (const p of x) if (!y.has(p)) return true;
  return false;
}

/** Whether term `i` opens a clause that a word opened (see PartyTerm.opensClause). */
function opensClause(tags: ArrayLike<number>, i: number): boolean {
  if (i === 0 || i >= tags.length) return false;
  const tag = tags[i]!;
  return clauseOf(tag) !== clauseOf(tags[i - 1]!) && (tag & TAG_PUNCTUATED) === 0;
}

/** No analysis tags: every term reads as no predicate. */
const NO_TAGS = new Uint8Array(0);

/**
 * A unit's tokens (place aliases applied) as PartyTerms, with their analysis tags (`tagsOf`),
 * which are asked for only when the unit names a country: a title follows a country, and only a
 * title needs to know the predicates.
 */
export function tokenPartyTerms(
  tokens: readonly Token[],
  tagsOf: () => ArrayLike<number>,
): PartyTerm[] {
  const tags = tokens.some((t) => isPlaceTerm(t.term)) ? tagsOf() : NO_TAGS;
  return tokens.map((t, i) => ({
    term: t.term,
    name: t.name || t.kind === 'acronym' || isPlaceTerm(t.term),
    capitalized: t.capitalized,
    predicate: ((tags[i] ?? 0) & TAG_PREDICATE) !== 0,
    opensClause: opensClause(tags, i),
  }));
}

/**
 * The titled people of one article (see addTitledNames), read from all its units: a name is
 * titled once, at first mention, and stands for its country in every unit.
 */
export function articleTitles(units: readonly (readonly PartyTerm[])[]): Map<string, string> {
  const titled = new Map<string, string>();
  for (const terms of units) addTitledNames(terms, titled);
  return titled;
}

/** What CorpusParties reads of a corpus index (a SegmentedIndex). */
export interface PartyIndex {
  unitReport(doc: number): number;
  reportUnits(doc: number): [number, number];
  unitTermsView(doc: number): ArrayLike<number>;
  unitTags(doc: number): ArrayLike<number>;
  isName(id: number): boolean;
  isPlace(id: number): boolean;
  term(id: number): string;
}

/** No titled people: a unit's parties as it names them outright. */
const NO_TITLES: ReadonlyMap<string, string> = new Map();

/**
 * The sentences of other reports that make a corpus unit's claim (its links, see carry-over.ts),
 * each with its report.
 */
export type RetoldBy = (doc: number) => readonly { report: number; sentence: number }[];

/**
 * The parties of corpus units, read from the index's stored terms and tags (so a unit's text is
 * not needed), each report's titled people read from all its units. A unit that names no party
 * ("Discussions on these terms have taken place over the past three weeks…") takes those that
 * every sentence retelling its claim in other reports names (`retoldBy`): a reader of one report
 * knows from the rest of it who held the discussions, and the other reports say so in the
 * sentence. What
 * is read is remembered, for up to `maxUnits` units and as many reports; a new index needs a new
 * instance.
 */
export class CorpusParties {
  private terms: PartyTerm[][] = [];
  private outright: Set<string>[] = [];
  private cached = 0;
  private titles = new Map<number, Map<string, string>>();

  constructor(
    private readonly index: PartyIndex,
    private readonly maxUnits: number,
    private readonly retoldBy: RetoldBy = () => [],
  ) {}

  /**
   * The party conflict of a page unit naming the parties `page` with corpus unit `doc`. Its
   * report's titles are read only when they can decide it: when the page names a party the unit
   * does not name outright, and the unit names someone who may be titled. A unit that names no
   * party is read by the sentences that retell it, except those of report `excluded` (the page's
   * own, when the page is a corpus report: its retelling of the claim is the pair being judged).
   */
  conflictWith(page: ReadonlySet<string>, doc: number, excluded = -1): number {
    if (page.size === 0) return 0;
    if (!namesOther(page, this.outrightAt(doc))) return 0;
    let parties = this.partiesAt(doc);
    if (parties.size === 0) parties = this.retoldParties(doc, excluded);
    return partyConflict(page, parties);
  }

  /** The parties unit `doc` names outright, its people unresolved (remembered). */
  private outrightAt(doc: number): ReadonlySet<string> {
    const terms = this.termsAt(doc);
    return (this.outright[doc] ??= partiesOf(terms, NO_TITLES));
  }

  /** The parties unit `doc` names, its people resolved by its report's titles. */
  private partiesAt(doc: number): ReadonlySet<string> {
    const terms = this.termsAt(doc);
    return terms.some(isPersonName) ? partiesOf(terms, this.titlesOf(doc)) : this.outrightAt(doc);
  }

  /**
   * The parties every sentence retelling unit `doc` names, of those that name any (the
   * intersection: a party one retelling adds, "…in Saudi Arabia", is not the claim's), leaving out
   * those of report `excluded`.
   */
  private retoldParties(doc: number, excluded: number): ReadonlySet<string> {
    let parties: ReadonlySet<string> | undefined;
    for (const { report, sentence } of this.retoldBy(doc)) {
      if (report === excluded) continue;
      const own = this.partiesAt(sentence);
      if (own.size > 0) parties = parties ? intersection(parties, own) : own;
    }
    return parties ?? new Set();
  }

  /** The titled people of the report of unit `doc`. */
  private titlesOf(doc: number): ReadonlyMap<string, string> {
    const { index } = this;
    const report = index.unitReport(doc);
    let titled = this.titles.get(report);
    if (titled) return titled;
    const [first, end] = index.reportUnits(doc);
    const units: PartyTerm[][] = [];
    for (let d = first; d < end; d++) {
      const known = this.terms[d];
      if (known) {
        units.push(known);
        continue;
      }
      // Only a unit that may introduce someone is read (see mayTitle): reading every unit took
      // about half of the parties' time in a check against 10,000 reports.
      const view = index.unitTermsView(d);
      if (mayTitle(view, index)) units.push(this.termsOf(view, index.unitTags(d)));
    }
    titled = articleTitles(units);
    if (this.titles.size >= this.maxUnits) this.titles.clear();
    this.titles.set(report, titled);
    return titled;
  }

  /** Unit `doc`'s terms as its parties are read (remembered). */
  private termsAt(doc: number): PartyTerm[] {
    const found = this.terms[doc];
    if (found) return found;
    if (this.cached >= this.maxUnits) {
      this.terms = [];
      this.outright = [];
      this.cached = 0;
    }
    this.cached++;
    return (this.terms[doc] = this.read(doc));
  }

  /** Unit `doc`'s stored terms and tags as PartyTerms. */
  private read(doc: number): PartyTerm[] {
    return this.termsOf(this.index.unitTermsView(doc), this.index.unitTags(doc));
  }

  /** A unit's stored terms `ids` and their tags as PartyTerms. */
  private termsOf(ids: ArrayLike<number>, tags: ArrayLike<number>): PartyTerm[] {
    const { index } = this;
    // A loop rather than Array.from with a mapping function, which reads a typed array through
    // its iterator (several times slower).
    const terms: PartyTerm[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      // The index keeps whether a term is written as a name, not where it is written so. Only a
      // name's spelling is read: a plain word is never a party nor titled.
      const name = index.isName(id) || index.isPlace(id);
      terms.push({
        term: name ? index.term(id) : '',
        name,
        capitalized: name,
        predicate: ((tags[i] ?? 0) & TAG_PREDICATE) !== 0,
        opensClause: opensClause(tags, i),
      });
    }
    return terms;
  }
}

/**
 * Whether a unit of stored terms `ids` may introduce a titled person (see addTitledNames): it has
 * a country's term with a name that is not a place among the 1 + MAX_TITLE_WORDS terms after it,
 * where the person's name would have to start. A unit without one adds no titles.
 */
function mayTitle(ids: ArrayLike<number>, index: PartyIndex): boolean {
  for (let i = 0; i < ids.length; i++) {
    if (!index.isPlace(ids[i]!)) continue;
    const last = Math.min(ids.length - 1, i + 1 + MAX_TITLE_WORDS);
    for (let j = i + 1; j <= last; j++) {
      const id = ids[j]!;
      if (index.isName(id) && !index.isPlace(id)) return true;
    }
  }
  return false;
}
