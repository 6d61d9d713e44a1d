/**
 * The matcher: for every sentence of an article, the corpus reports that make the same claim.
 * Candidates come from a BM25 index over normalised terms (see index/); each is reranked by idf-weighted term
 * overlap in both directions (see rerank.ts); the verifier (verify/) then judges each candidate on
 * what the two sentences assert and gives the probability that they make the same claim. A report
 * counts when its most probable sentence reaches MATCH_THRESHOLD.
 */
import { bm25Idf } from './bm25';
import {
  changesEvent,
  quotesOtherWords,
  reversesStatement,
  sharesOnlyAttribution,
  toldOfOtherCountry,
} from './divergence';
import { sourcesOf } from './divergence/attribution';
import { validateCompiled, type CompiledCorpus } from './corpus-format';
import { indexOfCompiled } from './index/compile';
import { numbersOf, type SegmentedIndex } from './index/segmented-index';
import {
  compareBags,
  CreditTable,
  makeBag,
  SHARED_MIN_CREDIT,
  type PageUnit,
  type Similarity,
  type TermBag,
} from './rerank';
import { NO_NEIGHBOURS, type Neighbours } from './spelling-neighbours';
import { mergeNeighbours, SYNONYM_CREDIT } from './synonyms';
import { isPlaceTerm } from './place-aliases';
import { matchedText, splitSentences } from './sentences';
import { namesOfText, tokenize, type Token } from './tokens';
import {
  articleTitles,
  claimUnit,
  CorpusParties,
  isReportingTerm,
  partiesOf,
  tokenPartyTerms,
  MATCH_PROBABILITY,
  sharedSpan,
  termClass,
  unitTags,
  comparePair,
  carriedMatches,
  mostProbablePerReport,
  unitLinks,
  correctArticle,
  estimatedShare,
  sharesPartOf,
  tellsTheStory,
  type Link,
  KeyedLinks,
  type KeyedLink,
  type PackedLinks,
  packLinks,
  LINK_PROBABILITY,
  pageCredits,
  storyAffinity,
  neighbourSupport,
  partnerShares,
  REPORT_DATE,
  reportDateIds,
  pageDates,
  reportDays,
  verdict,
  withAffinity,
  numbersInSpansAsFrame,
  type ClaimUnit,
  type PairEvidence,
} from './verify';
import type {
  ArticleReport,
  OutletSummary,
  ReportMeta,
  Sentence,
  SentenceMatch,
  SentenceResult,
  Tier,
} from './types';

/**
 * Score (the verifier's calibrated probability that the pair makes the same claim) at or above
 * which a report's sentence is shown as making the page sentence's claim: more likely than not.
 */
export const MATCH_THRESHOLD = MATCH_PROBABILITY;
/**
 * Rerank score from which a candidate goes to the verifier. Low, because the verifier decides:
 * a loose paraphrase shares few words ("delivered its wish list" for "presented a list of
 * demands"), and dropping it here would lose it whatever the verifier could tell.
 */
export const CANDIDATE_FLOOR = 0.1;
/**
 * Fewest distinct content terms two units must share to be compared at all: one or two shared
 * words ("Leave a Reply" / "Leave a Comment", or just "Putin" and "NATO") are coincidence, not a
 * claim. With two, the verifier's recall on the development data was no higher, and site
 * furniture reached it.
 */
export const MIN_SHARED_TERMS = 2.5;
/**
 * What a place (a country's term: "Russia", "Moscow", "the Kremlin") counts towards
 * MIN_SHARED_TERMS. News about one story names the same countries in most sentences, so a shared
 * country is topic more than claim: two countries and one word ("Russia… Washington… requests")
 * are coincidence, while a country and two words may still be a claim. Half is where the first
 * stops matching and the second does not; pooled F1 at the calibrated threshold is 0.857 with
 * places counted in full, 0.861 at half, and 0.840 at a quarter, where a country and two words
 * no longer match.
 */
export const PLACE_COUNT = 0.5;
/**
 * Score from which a match is shown as `close` rather than `paraphrase`: about half of each
 * unit's informative words shared, i.e. the same sentence lightly reworded.
 */
export const CLOSE_CUT = 0.5;
/**
 * Coverage both ways (and word order) from which a match is `verbatim`: the same content words in
 * the same order, give or take an article or a punctuation mark.
 */
export const VERBATIM_CUT = 0.95;
/** Sentences of one report the verifier judges per page sentence, the rerank's best first. */
export const VERIFIED_PER_REPORT = 3;
/**
 * Candidates the verifier judges per page sentence, the rerank's best first: more reports than a
 * claim is usually told by in one corpus, and the verifier's cost (about 10 µs a pair) stays
 * bounded when a sentence is a commonplace many reports share.
 */
export const VERIFIED_PER_UNIT = 24;
/** Candidates reranked per page sentence: the BM25 top list is cheap, the rerank is not. */
export const CANDIDATES = 64;
/**
 * Most characters of an article the matcher checks: far longer than any news article (about
 * 15,000 words), so only pathological pages are cut, and the cost of a check stays bounded.
 */
export const MAX_CHECK_CHARS = 100_000;
/**
 * A report is the page's own when its near-verbatim matches cover at least this share of the
 * page's informative sentences…
 */
export const SELF_SHARE = 0.5;
/** …and at least this many sentences (one shared sentence is a quotation, not the same report). */
export const SELF_MIN_SENTENCES = 2;
/** Score of a match that counts as near-verbatim for self-detection. */
export const SELF_MATCH_SCORE = 0.9;

/** Options of {@link Matcher.check}. */
export interface CheckOptions {
  /** The article's title, reported back as is. */
  title?: string | null;
  /** Whether the page was detected as a news article, reported back as is. */
  detected?: boolean;
  /** Id of a report to leave out (e.g. the report being checked against the others). */
  exclude?: string;
  /**
   * Lowest score reported (default {@link MATCH_THRESHOLD}); calibration asks for lower ones to
   * sweep the threshold in one pass, and a reader may choose a higher one (settings: minChance).
   */
  threshold?: number;
  /**
   * The text around `text`: the article a reader's selection was made in. Its sentences are
   * judged with the text's, so that how much the whole tells the reports' story (story affinity,
   * partner shares, neighbour support, the article's share of claims) is the article's, not a lone
   * sentence's; a sentence of the text with the same words as one of the context is judged as that
   * one. Only the text's own sentences are reported.
   */
  context?: string;
}

/**
 * Most corpus units whose term bags are kept between checks. A bag costs about a kilobyte, so
 * bags are made when a unit is first a candidate rather than for the whole corpus up front (which
 * took most of the matcher's memory at 10,000 reports); this many covers every unit of a corpus
 * of several hundred reports and the candidates of many articles in a large one (about 20 MB).
 */
export const MAX_CACHED_BAGS = 20_000;

/** Answers, for any text, which corpus reports make the same claims as its sentences. */
export class Matcher {
  /** One line on the story the corpus reports tell, if known. */
  readonly story: string | null;
  /**
   * Where the corpus lives: its segments, their vocabulary and counts, candidate retrieval, and
   * each unit's terms, tags, report and text (see index/segmented-index.ts).
   */
  readonly index: SegmentedIndex;
  /** The index version the caches below were made for. */
  private cachedFor = -1;
  private bags: (TermBag | undefined)[] = [];
  /** The verifier's view of the units whose bags are kept (dropped with them). */
  private claims: (ClaimUnit | undefined)[] = [];
  private cachedBags = 0;
  /** Spelling neighbours and synonyms of each vocabulary term (remembered). */
  private similar: (Neighbours | undefined)[] = [];
  /** Synonyms of each vocabulary term (remembered: a page unit asks for them per report term). */
  private synonymsById: (Neighbours | undefined)[] = [];
  /** The verifier's class of each vocabulary term, plus one (0: not worked out yet). */
  private classes = new Int8Array(0);
  /** Whether each vocabulary term is a verb of saying (see isReportingTerm): 0 not known yet, 1 no, 2 yes. */
  private reporting = new Uint8Array(0);
  /** The parties of corpus units (verify/parties.ts). */
  private parties: CorpusParties;
  private reportList: { version: number; reports: ReportMeta[] } | null = null;
  /** The places each report names anywhere (see placesOfReport). */
  private reportPlaces = new Map<number, ReadonlySet<string>>();
  /** The dates each report names by the day of the week (see daysOfReport). */
  private reportDays = new Map<number, ReadonlySet<string>>();
  /** The country each name asked of placeOf stands for. */
  private places = new Map<string, string | null>();
  /** The credits of the page unit being compared (see pageUnit). */
  private readonly creditTable = new CreditTable();
  /**
   * Whether the links of a unit whose segment lacks them are worked out when first needed
   * (learnLinks), and those worked out so far: per report, its first unit and its units' links.
   */
  private linksOnDemand = false;
  /** Whether links are being made (see linksOfReport). */
  private makingLinks = false;
  private learnedLinks = new Map<number, { first: number; links: number[][] }>();
  /** The links of the reader's library, by report key and sentence number (keepLinks). */
  private readonly keptLinks = new KeyedLinks();

  private constructor(index: SegmentedIndex, story: string | null) {
    this.index = index;
    this.story = story;
    this.parties = this.newParties();
  }

  /**
   * The parties of corpus units, a unit that names none read by the sentences its links retell
   * it with (verify/parties.ts); none while links are being made.
   */
  private newParties(): CorpusParties {
    return new CorpusParties(this.index, MAX_CACHED_BAGS, (doc) =>
      this.makingLinks ? [] : this.linksOf(doc),
    );
  }

  /** The live reports of the corpus, in corpus order. */
  get reports(): ReportMeta[] {
    if (this.reportList?.version !== this.index.version)
      this.reportList = { version: this.index.version, reports: this.index.liveReports() };
    return this.reportList.reports;
  }

  /** What was derived from the index is dropped when the index changes. */
  private sync(): void {
    if (this.cachedFor === this.index.version) return;
    this.cachedFor = this.index.version;
    // The caches by term id are as long as the vocabulary: set here and there at random, an array
    // grown from empty turns into a dictionary, whose look-ups took six times as long (see
    // denseSlots). Those by unit stay grown from empty: a check reads few of them, so slots
    // made no difference there, and at 1.1 million units they would hold 18 MB.
    const { vocabularySize } = this.index;
    this.bags = [];
    this.claims = [];
    this.cachedBags = 0;
    this.similar = denseSlots(vocabularySize);
    this.synonymsById = denseSlots(vocabularySize);
    this.classes = new Int8Array(vocabularySize);
    this.reporting = new Uint8Array(vocabularySize);
    this.parties = this.newParties();
    this.reportPlaces = new Map();
    this.reportDays = new Map();
    this.places = new Map();
    this.learnedLinks = new Map();
  }

  /** The verifier's view of corpus unit `doc` (kept with its bag). */
  private claimAt(doc: number, bag: TermBag): ClaimUnit {
    let claim = this.claims[doc];
    if (!claim || claim.bag !== bag) {
      claim = claimUnit(
        bag,
        this.index.unitTags(doc),
        (id) => this.classOf(id),
        undefined,
        (id) => this.isReporting(id),
      );
      this.claims[doc] = claim;
    }
    return claim;
  }

  /** Term class of a vocabulary id. */
  private classOf(id: number): number {
    const known = this.classes[id];
    if (known) return known - 1;
    const found = termClass(this.index.term(id), this.index.isName(id));
    this.classes[id] = found + 1;
    return found;
  }

  /** Whether vocabulary term `id` is a verb of saying (remembered). */
  private isReporting(id: number): boolean {
    if (id >= this.index.vocabularySize) return false;
    const known = this.reporting[id];
    if (known) return known === 2;
    const reporting = isReportingTerm(this.index.term(id));
    this.reporting[id] = reporting ? 2 : 1;
    return reporting;
  }

  /** Synonyms of vocabulary term `id` (remembered). */
  private synonymsOf(id: number): Neighbours {
    let found = this.synonymsById[id];
    if (!found) {
      const { synonyms } = this.index;
      // Most terms have none: their strings are not made to find out.
      found = synonyms.mayHave(id) ? synonyms.of(this.index.term(id)) : NO_NEIGHBOURS;
      this.synonymsById[id] = found;
    }
    return found;
  }

  /**
   * The term bag of corpus unit `doc`, made on first use and kept while the cache has room. With
   * `countedCreditOf` (a page unit's, see PageUnit), null for a unit without a bag yet that shares
   * fewer than MIN_SHARED_TERMS with the page unit: the rerank would drop it, and most candidates
   * of an unrelated article are such, so no bag is made for them.
   */
  private bagAt(doc: number, countedCreditOf?: (id: number) => number): TermBag | null {
    let bag = this.bags[doc];
    if (!bag) {
      // Most candidates of an unrelated article stop here: their terms are read without a copy.
      const view = this.index.unitTermsView(doc);
      if (countedCreditOf && this.sharedOf(view, countedCreditOf) < MIN_SHARED_TERMS) return null;
      const terms = numbersOf(view);
      if (this.cachedBags >= MAX_CACHED_BAGS) {
        this.bags = [];
        this.claims = [];
        this.cachedBags = 0;
      }
      bag = this.bagOf(terms);
      this.bags[doc] = bag;
      this.cachedBags++;
    }
    return bag;
  }

  /**
   * The shared-term count the rerank gives a report unit of terms `terms` against a page unit's
   * counted credits: the same sum, in the same order, as over the unit's bag (see compareBags).
   */
  private sharedOf(terms: Int32Array, countedCreditOf: (id: number) => number): number {
    let shared = 0;
    for (let i = 0; i < terms.length; i++) {
      const id = terms[i]!;
      // Each distinct term once, where it first occurs: the order of a bag's ids.
      let earlier = false;
      for (let j = 0; j < i && !earlier; j++) earlier = terms[j] === id;
      if (earlier) continue;
      const credit = countedCreditOf(id);
      if (credit >= SHARED_MIN_CREDIT) shared += credit * this.countOf(id);
    }
    return shared;
  }

  /**
   * Whether corpus unit `sentence` tells another claim than `text` where the verifier's features
   * cannot see it: one negates what the other states, or tells its event as done against still to
   * come or on a condition, or of other parties, or the two share who says something and nothing
   * of what is said, or both quote someone and give other words, or the page sentence is told of
   * a country the report never names (src/core/divergence).
   */
  contradicts(text: string, sentence: number): boolean {
    this.sync();
    const reportText = this.index.unitText(sentence);
    return (
      reversesStatement(text, reportText) ||
      changesEvent(text, reportText, this.placeOf) ||
      sharesOnlyAttribution(text, reportText, this.placeOf) ||
      quotesOtherWords(text, reportText) ||
      toldOfOtherCountry(text, reportText, this.placesOfReport(sentence), this.placeOf)
    );
  }

  /**
   * The term ids of a page unit's dates ("March 11") that a candidate's report names by the day
   * of the week ("Tuesday", published in the days after): days the corpus mentions, so not names
   * it lacks (verify/named-days.ts). Empty for most units, which give no date, or none with a term
   * the corpus lacks (`isFresh`).
   */
  private namedDayIds(
    text: string,
    tokens: readonly Token[],
    sequence: readonly number[],
    candidates: readonly { doc: number }[],
    isFresh: (id: number) => boolean,
  ): Set<number> {
    const named = new Set<number>();
    const dates = pageDates(text, tokens, sequence).filter((d) => d.ids.some(isFresh));
    if (dates.length === 0) return named;
    const days = new Set<string>();
    for (const { doc } of candidates) for (const day of this.daysOfReport(doc)) days.add(day);
    for (const date of dates) if (days.has(date.key)) for (const id of date.ids) named.add(id);
    return named;
  }

  /** The dates the report of unit `sentence` names by the day of the week (see namedDayIds). */
  private daysOfReport(sentence: number): ReadonlySet<string> {
    this.sync();
    const { index } = this;
    return this.ofReport(this.reportDays, sentence, (report, units) =>
      reportDays(index.report(report).published, units, (id) => index.term(id)),
    );
  }

  /** The places anywhere in the report of unit `sentence`. */
  private placesOfReport(sentence: number): ReadonlySet<string> {
    this.sync();
    const { index } = this;
    return this.ofReport(this.reportPlaces, sentence, (_, units) => {
      const places = new Set<string>();
      for (const ids of units)
        for (const id of ids) if (index.isPlace(id)) places.add(index.term(id));
      return places;
    });
  }

  /**
   * What `read` makes of the report of unit `sentence` from its units' terms, remembered in
   * `cache` (one of the per-report caches `sync` clears; bounded like the term bags).
   */
  private ofReport<T>(
    cache: Map<number, T>,
    sentence: number,
    read: (report: number, units: Iterable<Int32Array>) => T,
  ): T {
    const { index } = this;
    const report = index.unitReport(sentence);
    const known = cache.get(report);
    if (known !== undefined) return known;
    if (cache.size >= MAX_CACHED_BAGS) cache.clear();
    const [first, end] = index.reportUnits(sentence);
    const units = function* (): Generator<Int32Array> {
      for (let doc = first; doc < end; doc++) yield index.unitTermsView(doc);
    };
    const value = read(report, units());
    cache.set(report, value);
    return value;
  }

  /**
   * The country a name stands for, as one place term (by the index's aliases), or null
   * (remembered: the divergence checks ask it of the same few names again and again).
   */
  private readonly placeOf = (name: string): string | null => {
    let place = this.places.get(name);
    if (place === undefined) {
      const tokens = this.index.aliases.apply(tokenize(name, { acronyms: this.index.acronyms }));
      place = tokens.length === 1 && isPlaceTerm(tokens[0]!.term) ? tokens[0]!.term : null;
      if (this.places.size >= MAX_CACHED_BAGS) this.places.clear();
      this.places.set(name, place);
    }
    return place;
  };

  /** A report's publication date as its metadata gives it, by its key; null when not known. */
  publishedOf(report: string): string | null {
    return this.index.liveReport(report)?.published ?? null;
  }

  /** Loads a prebuilt corpus. Throws a CorpusError when the index is damaged or of another version. */
  static fromCompiled(corpus: CompiledCorpus): Matcher {
    validateCompiled(corpus);
    return new Matcher(indexOfCompiled(corpus), corpus.story);
  }

  /** A matcher over an index of segments (the bundled corpus and the reader's library). */
  static over(index: SegmentedIndex, story: string | null = null): Matcher {
    return new Matcher(index, story);
  }

  /**
   * Checks an article: splits it into sentences and lists, for each, the other reports making the
   * same claim (each report once, with its best sentence). Never throws.
   */
  check(text: string, options: CheckOptions = {}): ArticleReport {
    const input = typeof text === 'string' ? text : '';
    const truncated = input.length > MAX_CHECK_CHARS;
    const checked = truncated ? cutAt(input, MAX_CHECK_CHARS) : input;
    const threshold = options.threshold ?? MATCH_THRESHOLD;
    this.sync();
    const excluded = options.exclude === undefined ? -1 : this.index.reportIndexOf(options.exclude);

    const units = splitSentences(checked);
    const { judged, share, tells } = this.judgeInContext(units, options.context, excluded);
    // A report whose most probable sentence contradicts the page sentence (see contradicts) makes
    // another claim: it is not listed for that sentence, with that sentence or another of its own.
    // Decided here, for the few pairs that would be shown: the verifier reads no text of a corpus
    // unit.
    const perUnit = judged.map((unit, i) => {
      const matches = bestPerReport(unit.candidates);
      const reversed = matches.filter(
        (best) => best.probability >= threshold && this.contradicts(units[i]!.text, best.sentence),
      );
      const kept = reversed.length > 0 ? matches.filter((m) => !reversed.includes(m)) : matches;
      return {
        informative: unit.informative,
        matches: tells ? this.withCarried(units[i]!.text, kept, excluded, unit.candidates) : kept,
      };
    });

    const self = this.detectSelf(perUnit);
    // A report's metadata is parsed from the index's bytes: once per check, not once per match.
    const metas = new Map<number, ReportMeta>();
    const metaOf = (r: number): ReportMeta => {
      let meta = metas.get(r);
      if (meta === undefined) {
        meta = this.index.report(r);
        metas.set(r, meta);
      }
      return meta;
    };
    const counts = new Map<number, number>();
    const sentences: SentenceResult[] = units.map((unit, i) => {
      const kept = perUnit[i]!.matches.filter(
        (m) => m.report !== self && m.probability >= threshold,
      );
      for (const m of kept) counts.set(m.report, (counts.get(m.report) ?? 0) + 1);
      return {
        text: unit.text,
        start: unit.start,
        end: unit.end,
        matches: kept.map((m) => this.toMatch(m, unit.start, metaOf)),
      };
    });

    const outlets: OutletSummary[] = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([r, n]) => {
        const meta = metaOf(r);
        return { report: meta.id, outlet: meta.outlet, sentences: n };
      });
    const selfMeta = self === -1 ? null : metaOf(self);
    const report: ArticleReport = {
      self: selfMeta === null ? null : { report: selfMeta.id, outlet: selfMeta.outlet },
      article: {
        title: options.title ?? null,
        detected: options.detected ?? false,
      },
      sentences,
      summary: {
        sentences: sentences.length,
        matched: sentences.filter((s) => s.matches.length > 0).length,
        outlets,
      },
    };
    if (truncated) report.truncated = true;
    if (share !== null) report.claimShare = Math.round(share * 1000) / 1000;
    return report;
  }

  /**
   * The units of a text judged, with the article's correction (see article-share.ts) applied, on
   * their own or among the units of the article around them (CheckOptions.context).
   */
  private judgeInContext(
    units: readonly Sentence[],
    context: string | undefined,
    excluded: number,
  ): { judged: JudgedUnit[]; share: number | null; tells: boolean } {
    const own = units.map(matchedText);
    if (!context) {
      const judged = this.judgeUnits(own, excluded);
      const estimate = estimatedShare(judged);
      return {
        judged,
        share: correctArticle(judged, estimate),
        tells: tellsTheStory(estimate),
      };
    }
    const texts = splitSentences(cutAt(context, MAX_CHECK_CHARS)).map(matchedText);
    const at = new Map<string, number>();
    texts.forEach((text, i) => {
      if (text !== '' && !at.has(text)) at.set(text, i);
    });
    const positions = own.map((text) => {
      const found = text === '' ? undefined : at.get(text);
      if (found !== undefined) return found;
      texts.push(text);
      return texts.length - 1;
    });
    const all = this.judgeUnits(texts, excluded);
    const estimate = estimatedShare(all);
    return {
      judged: positions.map((k) => all[k]!),
      share: correctArticle(all, estimate),
      tells: tellsTheStory(estimate),
    };
  }

  /**
   * Every candidate of each unit of an article (the report sentences the rerank scores at
   * CANDIDATE_FLOOR or more), each with the verifier's probability of making the same claim. The
   * units are judged together: how much the article tells each report's story is part of the
   * evidence (see storyAffinity). `check` then corrects the probabilities for the article's share
   * of corpus claims (verify/article-share.ts); these are the verifier's own.
   */
  judgeUnits(texts: readonly string[], excluded = -1): JudgedUnit[] {
    const { index } = this;
    const tokenized = texts.map((text) =>
      index.aliases.apply(tokenize(text, { acronyms: index.acronyms })),
    );
    // The analysis of a page unit, made once: for its candidates, and for its parties.
    const tagged: Uint8Array[] = [];
    const tagsAt = (i: number): Uint8Array => (tagged[i] ??= unitTags(texts[i]!, tokenized[i]!));
    // The words the page writes as names, read only once some unit has a candidate.
    let names: Set<string> | undefined;
    const namesOf = (): Set<string> => (names ??= namesOfText(tokenized));
    const units = texts.map((text, i) =>
      this.compareUnit(text, tokenized[i]!, excluded, () => tagsAt(i), namesOf),
    );
    const informative = units.filter((u) => u.informative);
    const best = informative.map((u) => {
      const scores = new Map<number, number>();
      for (const c of u.candidates)
        scores.set(c.report, Math.max(scores.get(c.report) ?? 0, c.similarity.score));
      return scores;
    });
    const affinity = storyAffinity(best, this.index.reportCount);
    const partnerShare = partnerShares(units.map((u) => u.candidates));
    const support = neighbourSupport(units.map((u) => u.candidates));
    // The parties of the page's units, read only when some unit has a candidate.
    const pageTerms = units.some((u) => u.candidates.length > 0)
      ? tokenized.map((tokens, i) => tokenPartyTerms(tokens, () => tagsAt(i)))
      : [];
    const pageTitles = articleTitles(pageTerms);
    for (const [i, unit] of units.entries()) {
      const pageParties = unit.candidates.length > 0 ? partiesOf(pageTerms[i]!, pageTitles) : null;
      for (const c of unit.candidates) {
        const mutual = partnerShare(c);
        const parties = this.parties.conflictWith(pageParties!, c.sentence, excluded);
        c.features = withAffinity(
          c.evidence.features,
          affinity[c.report]!,
          mutual,
          support(i, c),
          parties,
        );
        c.probability = verdict(c.features);
      }
    }
    return units;
  }

  /** The candidates of one page unit with the verifier's evidence (probabilities come later). */
  private compareUnit(
    text: string,
    tokens: Token[],
    excluded: number,
    tagsOf: () => Uint8Array,
    namesOf: () => ReadonlySet<string>,
  ): JudgedUnit {
    const { index } = this;
    const query = this.pageUnit(tokens);
    const informative = query.bag.ids.length > 0;
    const found: Candidate[] = [];
    // Each distinct term shares at most one term's worth: a unit of fewer terms than
    // MIN_SHARED_TERMS cannot match anything, and is not searched ("U.S.", "Gen. Smith").
    if (query.bag.ids.length < MIN_SHARED_TERMS) return { informative, candidates: found };
    const hits = index.search(
      query.bag.ids,
      CANDIDATES,
      (doc) => index.unitClaim(doc) && index.unitReport(doc) !== excluded,
    );
    const compared: { doc: number; bag: TermBag; similarity: Similarity }[] = [];
    for (const hit of hits) {
      const bag = this.bagAt(hit.doc, query.countedCreditOf);
      if (!bag) continue;
      const similarity = compareBags(query, bag, CANDIDATE_FLOOR, MIN_SHARED_TERMS);
      if (similarity) compared.push({ doc: hit.doc, bag, similarity });
    }
    if (compared.length === 0) return { informative, candidates: found };
    // The verifier sees each report's three best-scored sentences: its probability follows the
    // rerank's score, so a report's fourth-best sentence is hardly ever its most probable (the
    // figures of the quality tests were the same with every candidate judged).
    compared.sort((a, b) => b.similarity.score - a.similarity.score || a.doc - b.doc);
    // The page unit's analysis, only for a unit that has candidates (most of an unrelated
    // article's have none).
    const tags = tagsOf();
    // Words the corpus lacks are classed by their own spelling and capitals, and a capital that
    // opens the sentence by how the rest of the page writes the word.
    const fresh = new Map<number, number>();
    const names = namesOf();
    tokens.forEach((t, i) => {
      const id = query.bag.sequence[i]!;
      if (id >= index.vocabularySize && !fresh.has(id)) {
        const nameLike = t.name || t.kind === 'acronym' || (t.capitalized && names.has(t.term));
        fresh.set(id, termClass(t.term, nameLike));
      }
    });
    const classOf = (id: number): number => fresh.get(id) ?? this.classOf(id);
    const reportDates = reportDateIds(text, tokens, query.bag.sequence, tags, classOf);
    const namedDays =
      fresh.size > 0
        ? this.namedDayIds(text, tokens, query.bag.sequence, compared, (id) => fresh.has(id))
        : null;
    const pageClaim = claimUnit(
      query.bag,
      // A count of the sources ("two people familiar with the matter said") is no number of the
      // claim: it is read as the frame's numbers are.
      numbersInSpansAsFrame(tokens, tags, attributionSpans(text, tokens)),
      (id) => (reportDates.has(id) ? REPORT_DATE : classOf(id)),
      (id) => fresh.has(id) && !namedDays?.has(id),
      (id) => this.isReporting(id),
    );
    const perReport = new Map<number, number>();
    let verified = 0;
    for (const { doc, bag, similarity } of compared) {
      if (verified >= VERIFIED_PER_UNIT) break;
      const report = index.unitReport(doc);
      const seen = perReport.get(report) ?? 0;
      if (seen >= VERIFIED_PER_REPORT) continue;
      perReport.set(report, seen + 1);
      verified++;
      const evidence = comparePair(query, pageClaim, bag, this.claimAt(doc, bag), similarity);
      found.push({
        report,
        sentence: doc,
        similarity,
        evidence,
        features: evidence.features,
        probability: 0,
        span: () => sharedSpan(text, tokens, tags, pageClaim, pageCredits(query, bag)),
      });
    }
    return { informative, candidates: found };
  }

  /**
   * The report most of whose sentences the page repeats nearly verbatim, or -1: that report is the
   * page itself (or a copy of it), not another outlet.
   */
  private detectSelf(
    perUnit: {
      informative: boolean;
      matches: { report: number; similarity: Similarity }[];
    }[],
  ): number {
    const informative = perUnit.filter((u) => u.informative).length;
    const counts = new Map<number, number>();
    for (const unit of perUnit) {
      for (const match of unit.matches) {
        if (match.similarity.score >= SELF_MATCH_SCORE)
          counts.set(match.report, (counts.get(match.report) ?? 0) + 1);
      }
    }
    let self = -1;
    let bestCount = 0;
    for (const [report, count] of counts) {
      if (count >= SELF_MIN_SENTENCES && count >= informative * SELF_SHARE && count > bestCount) {
        self = report;
        bestCount = count;
      }
    }
    return self;
  }

  /**
   * A page unit's best candidate per report with the reports its matches carry it to (see
   * verify/carry-over.ts), most probable first: a carried report's sentence stands in for its
   * direct candidate, unless it contradicts the page unit. `judged`: every candidate the verifier
   * judged against the unit (a carried match never goes to one of their sentences).
   */
  private withCarried(
    text: string,
    matches: Candidate[],
    excluded: number,
    judged: readonly Candidate[],
  ): Candidate[] {
    const compared = new Set(judged.map((c) => c.sentence));
    const carried = carriedMatches(
      matches,
      (sentence) => this.linksOf(sentence),
      (via, link) => this.carriesTo(via.sentence, via.evidence.reportCovered, link.sentence),
      (report) => report === excluded,
      (sentence) => compared.has(sentence),
    ).filter((c) => !this.contradicts(text, c.link.sentence));
    if (carried.length === 0) return matches;
    const replaced = new Set(carried.map((c) => c.link.report));
    return [
      ...matches.filter((m) => !replaced.has(m.report)),
      ...carried.map(({ via, link, probability }) => ({
        ...via,
        report: link.report,
        sentence: link.sentence,
        similarity: CARRIED_SIMILARITY,
        probability,
        via: via.report,
      })),
    ].sort((a, b) => b.probability - a.probability || a.report - b.report);
  }

  /**
   * Whether a page unit's match with corpus unit `via` carries over to corpus unit `to`, a unit
   * of another report that makes `via`'s claim: `to` has a good part of what the page unit covers
   * of `via` (`covered`: the mass of each term of `via`'s bag the page covers, as
   * PairEvidence.reportCovered gives it; see verify/carry-over.ts).
   */
  carriesTo(via: number, covered: Float32Array, to: number): boolean {
    this.sync();
    const a = this.bagAt(via)!;
    const b = this.bagAt(to)!;
    return sharesPartOf(
      a.ids,
      a.weights,
      (k) => covered[k]! > 0,
      (id) => b.set.has(id),
    );
  }

  /**
   * The links of corpus unit `doc`: the sentence of each other report that makes its claim with
   * probability LINK_PROBABILITY or more, as the corpus compiler stored them (the unit column
   * LINKS_COLUMN, see reportLinks) or as learnLinks has them worked out, and those of the
   * reader's library, made from it or to it (keepLinks); none otherwise.
   */
  private linksOf(doc: number): Link[] {
    const { index } = this;
    const stored =
      index.unitColumn(LINKS_COLUMN, doc) ?? (this.linksOnDemand ? this.learnedOf(doc) : null);
    const links: Link[] = [];
    const own = index.unitReport(doc);
    if (stored) {
      for (let k = 0; k + 1 < stored.length; k += 2) {
        const sentence = doc + stored[k]!;
        if (sentence < 0 || sentence >= index.unitCount || !index.unitLive(sentence)) continue;
        const report = index.unitReport(sentence);
        if (report === own) continue;
        links.push({ report, sentence, probability: stored[k + 1]! / LINK_SCALE });
      }
    }
    if (this.keptLinks.size === 0) return links;
    const key = index.reportKey(own);
    const ordinal = doc - index.unitOfReport(key, 0);
    for (const target of this.keptLinks.at(key, ordinal)) {
      const sentence = index.unitOfReport(target.report, target.sentence);
      if (sentence < 0 || links.some((l) => l.sentence === sentence)) continue;
      const report = index.unitReport(sentence);
      if (report !== own) links.push({ report, sentence, probability: target.probability });
    }
    return links;
  }

  /**
   * The links of the sentences of kept article `key` (a report of the reader's library), to read
   * as links of its units from now on, whatever segment its units move to; they replace those it
   * had. Made by linksOfChecked.
   */
  keepLinks(key: string, links: PackedLinks): void {
    this.keptLinks.set(key, links);
  }

  /** The links kept article `key` made are read no more (it was forgotten). */
  forgetLinks(key: string): void {
    this.keptLinks.delete(key);
  }

  /** No kept article's links are read (the library was cleared). */
  clearKeptLinks(): void {
    this.keptLinks.clear();
  }

  /**
   * The links of the sentences of kept article `key`, from `checked`, the check of its text with
   * itself excluded: of each sentence, the reports it matches directly (not carried over) with
   * probability LINK_PROBABILITY or more, each at its sentence. These are the links the build
   * makes (reportLinks: each report's most probable sentence, none that contradicts it), except
   * that the check reads a report sentence that names no one by its links, which the build leaves
   * out to make every report's links alike whatever is linked first; a library's articles are
   * linked in the order they are kept anyway. A sentence of the check that is not the article's
   * unit at the same place (a text kept otherwise than checked) gets none.
   */
  linksOfChecked(key: string, checked: ArticleReport): PackedLinks {
    const { index } = this;
    const links: KeyedLink[] = [];
    checked.sentences.forEach((sentence, unit) => {
      const doc = index.unitOfReport(key, unit);
      if (doc < 0 || index.unitOffsets(doc).start !== sentence.start) return;
      for (const match of sentence.matches) {
        if (match.via !== undefined || match.score < LINK_PROBABILITY) continue;
        const other = this.sentenceAt(match.report, match.start);
        if (other >= 0)
          links.push({ unit, report: match.report, sentence: other, probability: match.score });
      }
    });
    return packLinks(links);
  }

  /** The number, within report `key`, of its sentence that starts at `start`, or −1. */
  private sentenceAt(key: string, start: number): number {
    const { index } = this;
    const first = index.unitOfReport(key, 0);
    if (first < 0) return -1;
    const [, end] = index.reportUnits(first);
    for (let doc = first; doc < end; doc++)
      if (index.unitOffsets(doc).start === start) return doc - first;
    return -1;
  }

  /**
   * Has the links of the units whose segments do not carry them (a corpus the CLI reads from a
   * folder or a corpus file) worked out when a check first needs them, report by report, as the
   * build works them out for the bundled corpus (reportLinks): it then gives what the bundled
   * corpus gives. A check needs the links of the reports it matches, so only those are checked
   * against the others; kept until the index changes.
   */
  learnLinks(): void {
    this.linksOnDemand = true;
  }

  /** The links of unit `doc` worked out on demand (see learnLinks), its report's all at once. */
  private learnedOf(doc: number): number[] {
    const report = this.index.unitReport(doc);
    let known = this.learnedLinks.get(report);
    if (!known) {
      const [first, end] = this.index.reportUnits(doc);
      known = { first, links: this.linksOfReport(first, end) };
      if (this.learnedLinks.size >= MAX_CACHED_BAGS) this.learnedLinks.clear();
      this.learnedLinks.set(report, known);
    }
    return known.links[doc - known.first] ?? [];
  }

  /**
   * The links of every corpus unit, for the corpus compiler to store (LINKS_COLUMN): each report
   * checked against the others as a page is checked, and for each of its units, each other
   * report's most probable sentence at LINK_PROBABILITY or more that does not contradict it, as
   * pairs of numbers: the linked unit's position relative to the unit's own, and its probability
   * in thousandths.
   */
  reportLinks(): number[][] {
    this.sync();
    const { index } = this;
    const all: number[][] = [];
    for (let doc = 0; doc < index.unitCount;) {
      const [first, end] = index.reportUnits(doc);
      this.linksOfReport(first, end).forEach((links, i) => (all[first + i] = links));
      doc = end;
    }
    return all;
  }

  /** The links of the units of one report, units first to end (see reportLinks). */
  private linksOfReport(first: number, end: number): number[][] {
    const { index } = this;
    const texts: string[] = [];
    for (let d = first; d < end; d++) texts.push(index.unitText(d));
    // The links are judged without the parties links give (see newParties): the build and
    // learnLinks then make the same links, whichever reports' links are known already.
    this.makingLinks = true;
    let judged: JudgedUnit[];
    try {
      judged = this.judgeUnits(texts, index.unitReport(first));
    } finally {
      this.makingLinks = false;
    }
    correctArticle(judged);
    return judged.map((unit, i) =>
      unitLinks(
        unit.candidates.map((c) => ({
          report: c.report,
          sentence: c.sentence,
          probability: c.probability,
          score: c.similarity.score,
        })),
        (sentence) => this.contradicts(texts[i]!, sentence),
      ).flatMap((l) => [l.sentence - (first + i), Math.round(l.probability * LINK_SCALE)]),
    );
  }

  /** What is shown of a match; `metaOf` gives a report's metadata. */
  private toMatch(
    candidate: Candidate,
    unitStart: number,
    metaOf: (report: number) => ReportMeta,
  ): SentenceMatch {
    const { report, sentence, similarity } = candidate;
    const meta = metaOf(report);
    const span = candidate.span();
    const { start, end } = this.index.unitOffsets(sentence);
    const match: SentenceMatch = {
      report: meta.id,
      outlet: meta.outlet,
      url: meta.url,
      text: this.index.unitText(sentence),
      start,
      end,
      score: Math.round(candidate.probability * 1000) / 1000,
      tier: tierOf(similarity),
      pageSpan: { start: unitStart + span.start, end: unitStart + span.end },
    };
    if (meta.read) match.read = meta.read;
    if (candidate.via !== undefined) match.via = metaOf(candidate.via).id;
    return match;
  }

  /**
   * A page unit's terms, weights and spelling neighbours; words the corpus does not know get fresh
   * ids above the vocabulary.
   */
  private pageUnit(tokens: readonly Token[]): PageUnit {
    const { index } = this;
    const unknownIds = new Map<string, number>();
    const unknownNeighbours: Neighbours[] = [];
    const sequence: number[] = [];
    const vocabularySize = index.vocabularySize;
    for (const token of tokens) {
      let id = index.termId(token.term);
      if (id === undefined && token.kind === 'word' && token.capitalized) {
        const variant = index.variantOf(token.term);
        if (variant !== null) id = index.termId(variant);
      }
      if (id !== undefined) id = index.canonical(id);
      else {
        id = unknownIds.get(token.term);
        if (id === undefined) {
          id = vocabularySize + unknownIds.size;
          unknownIds.set(token.term, id);
          const found = mergeNeighbours(
            index.spelling.search(token.term),
            index.synonyms.of(token.term),
          );
          unknownNeighbours.push(found);
        }
      }
      sequence.push(id);
    }
    const bag = this.bagOf(sequence);
    // Unknown page words are never in a report unit, so a known term's neighbours among them
    // cannot add forward credit: its own neighbours suffice there.
    const near = bag.ids.map((id) =>
      id >= vocabularySize ? unknownNeighbours[id - vocabularySize]! : this.similarTo(id),
    );
    // Spelling similarity is symmetric, so the report terms spelled like a known page term are
    // exactly those in its spelling list: their credit comes from the page's lists, and a report
    // term's own spelling neighbours are never looked up (a trigram search per term, which took
    // most of the first check of an article against a large corpus). Unknown page words are never
    // in a report, so all their neighbours (spellings and synonyms) credit report terms. Synonyms
    // are a table look-up and need not be symmetric, so a report term's own are still asked.
    const soft = new Map<number, number>();
    const spellingLists = bag.ids.map((id) =>
      id >= vocabularySize ? unknownNeighbours[id - vocabularySize]! : index.spelling.of(id),
    );
    for (const list of spellingLists) {
      for (let k = 0; k < list.ids.length; k++) {
        const id = list.ids[k]!;
        const s = list.similarities[k]!;
        if (s > (soft.get(id) ?? 0)) soft.set(id, s);
      }
    }
    /** The credit of report term `id` (see PageUnit.creditOf), worked out. */
    const creditFor = (id: number): number => {
      if (bag.set.has(id)) return 1;
      let credit = soft.get(id) ?? 0;
      const synonyms = this.synonymsOf(id);
      for (let k = 0; k < synonyms.ids.length; k++) {
        const s = synonyms.similarities[k]!;
        if (s > credit && bag.set.has(synonyms.ids[k]!)) credit = s;
      }
      return credit;
    };
    // A page unit meets the same report terms in many candidates: while it is the credit table's
    // current unit (its candidates are compared one after another), each term's credit is worked
    // out once and read from the table. The table's counted credits are the page's own terms at 1
    // and their spellings' similarities: see countedCreditOf below.
    const table = this.creditTable;
    const stamp = table.begin(vocabularySize + unknownNeighbours.length);
    for (const [id, s] of soft) table.setCounted(id, s);
    for (const id of bag.ids) {
      table.setCounted(id, 1);
      table.setCredit(id, 1);
    }
    const creditOf = (id: number): number => {
      if (table.current !== stamp) return creditFor(id);
      if (table.knows(id)) return table.creditOf(id);
      const credit = creditFor(id);
      table.setCredit(id, credit);
      return credit;
    };
    // Synonyms are credited below the shared-term count (SYNONYM_CREDIT < SHARED_MIN_CREDIT), so
    // a report term counts through the page's terms and their spellings alone: what the rerank
    // checks first, without looking its synonyms up.
    const countedCreditOf =
      SYNONYM_CREDIT < SHARED_MIN_CREDIT
        ? (id: number): number =>
            table.current === stamp
              ? table.countedOf(id)
              : bag.set.has(id)
                ? 1
                : (soft.get(id) ?? 0)
        : creditOf;
    return { bag, near, creditOf, countedCreditOf };
  }

  /** Terms like vocabulary term `id`: its spelling neighbours and its synonyms (remembered). */
  private similarTo(id: number): Neighbours {
    let found = this.similar[id];
    if (!found) {
      const { index } = this;
      found = mergeNeighbours(index.spelling.of(id), this.synonymsOf(id));
      this.similar[id] = found;
    }
    return found;
  }

  private bagOf(sequence: readonly number[]): TermBag {
    const { index } = this;
    const known = index.vocabularySize;
    const unknownIdf = bm25Idf(0, index.docs);
    return makeBag(
      sequence,
      (id) => (id < known ? index.idf(id) : unknownIdf),
      (id) => this.countOf(id),
    );
  }

  /** What term `id` counts towards MIN_SHARED_TERMS when found on both sides. */
  private countOf(id: number): number {
    return id < this.index.vocabularySize && this.index.isPlace(id) ? PLACE_COUNT : 1;
  }
}

/** A report sentence the verifier judged against a page unit. */
export interface Candidate {
  /** Index of the report, and of the sentence among all corpus units. */
  report: number;
  sentence: number;
  similarity: Similarity;
  evidence: PairEvidence;
  /**
   * Every feature of the pair, story affinity, partner share and neighbour support last (in the
   * order of FEATURES).
   */
  features: number[];
  /** The verifier's calibrated probability that the two make the same claim. */
  probability: number;
  /** The part of the page unit the report sentence covers, as offsets into the unit. */
  span(): { start: number; end: number };
  /**
   * The report whose matched sentence carried this one (see verify/carry-over.ts); the span is
   * the part of the page unit that sentence covers.
   */
  via?: number;
}

/** The unit column of the compiled corpus that holds each unit's links (see Matcher.reportLinks). */
export const LINKS_COLUMN = 'links';
/** Links store their probability in thousandths. */
const LINK_SCALE = 1000;

/** A carried match's similarity: its words were not compared with the page's (tier paraphrase). */
const CARRIED_SIMILARITY: Similarity = {
  score: 0,
  forward: 0,
  backward: 0,
  matchedMass: 0,
  shared: 0,
  order: 0,
};

/** A page unit with its judged candidates. */
export interface JudgedUnit {
  /** The unit has a content term at all. */
  informative: boolean;
  candidates: Candidate[];
}

/**
 * An array of `length` empty slots, for a cache by term id that is filled at random: one grown
 * from empty by such writes becomes a dictionary in V8, and reading a dictionary took six times as
 * long as reading slots. Eight bytes a slot: about 1.2 MB for the 145,000 terms of 10,000 reports.
 */
function denseSlots<T>(length: number): (T | undefined)[] {
  return new Array<T | undefined>(length);
}

/** The most probable sentence of every report, most probable first. */
function bestPerReport(candidates: readonly Candidate[]): Candidate[] {
  return mostProbablePerReport(candidates, (c) => c.similarity.score);
}

/** The tier shown for a match. */
function tierOf(similarity: Similarity): Tier {
  if (
    Math.min(similarity.forward, similarity.backward) >= VERBATIM_CUT &&
    similarity.order >= VERBATIM_CUT
  ) {
    return 'verbatim';
  }
  return similarity.score >= CLOSE_CUT ? 'close' : 'paraphrase';
}

/** Cuts `text` to at most `max` code units, at a whitespace if one is near, never inside a surrogate pair. */
export function cutAt(text: string, max: number): string {
  let end = max;
  const space = text.lastIndexOf(' ', end);
  if (space > max * 0.9) end = space;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end);
}

/** The spans of a unit's attributions (see sourcesOf), read only when it has a number. */
function attributionSpans(
  text: string,
  tokens: readonly Token[],
): { start: number; end: number }[] {
  if (!tokens.some((t) => t.kind === 'number')) return [];
  return sourcesOf(text).map((s) => s.attribution);
}
