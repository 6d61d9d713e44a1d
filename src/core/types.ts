/** Shared data shapes of the engine. Offsets are UTF-16 code-unit offsets into the text given. */
import type { PageProvenance } from './provenance/types';
import type { Difference } from './divergence/types';

/**
 * How a text unit was found: a sentence of running prose, a heading, a list item, a bare line, the
 * dateline that opens a paragraph of wire copy ("MOSCOW, March 13 (Reuters) -"), which says where
 * a story was filed, not what happened, or a paragraph that points to another article ("Read
 * more: …", "Related: …"), whose words are that article's headline. The last two are never
 * matched.
 */
export type UnitKind = 'sentence' | 'heading' | 'item' | 'line' | 'dateline' | 'link';

/** A sentence (or heading, list item, bare line) of a text, with its offsets in that text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  kind: UnitKind;
}

/** How closely a matched sentence follows the page's sentence. */
export type Tier = 'verbatim' | 'close' | 'paraphrase';

/** Metadata of one corpus report, as bundled. `id` is a readable slug of the outlet. */
export interface ReportMeta {
  id: string;
  file: string;
  outlet: string;
  site: string;
  url: string;
  title: string | null;
  published: string;
  origin: string;
  note?: string;
  /** When the reader read it (ISO 8601): set for articles of the reader's library only. */
  read?: string;
}

/** One other report's sentence making the same claim as a page sentence. */
export interface SentenceMatch {
  report: string;
  outlet: string;
  url: string;
  text: string;
  start: number;
  end: number;
  /** Calibrated probability that the report sentence makes the page sentence's claim. */
  score: number;
  tier: Tier;
  /** When the reader read the matched report (ISO 8601), for an article of their library. */
  read?: string;
  /** The echo group of the report (set by the provenance step). */
  group?: string;
  /** What this report's wording changed against the page's sentence (set by checkArticle). */
  differences?: Difference[];
  /**
   * The part of the page sentence that makes the matched claim, as offsets into the article text
   * (the whole sentence unless the sentence joins claims and the report makes only some of them).
   */
  pageSpan?: { start: number; end: number };
  /**
   * The report (id) through which this one was found: the page sentence matches that report's
   * sentence, which makes the same claim as this report's (see src/core/verify/carry-over.ts).
   */
  via?: string;
}

/** A page sentence with every other report that makes its claim (each report at most once). */
export interface SentenceResult {
  text: string;
  start: number;
  end: number;
  matches: SentenceMatch[];
  /**
   * Independent sources of the claim (set by the provenance step): the distinct echo groups among
   * the matches, plus one for the article itself unless it belongs to one of them or the sentence
   * names one's source ("…, Reuters reported"); 0 unmatched.
   */
  independent?: number;
  /**
   * The groups among the matches whose source the sentence names as its own ("…, Reuters
   * reported"; set by the provenance step, only when there is one): for this claim the article
   * echoes them.
   */
  cites?: string[];
}

/** Per-outlet count of page sentences it shares. */
export interface OutletSummary {
  report: string;
  outlet: string;
  sentences: number;
}

/** What the engine says about one article. The CLI's --json is this shape less the extra fields. */
export interface ArticleReport {
  self: { report: string; outlet: string } | null;
  article: { title: string | null; detected: boolean };
  sentences: SentenceResult[];
  summary: { sentences: number; matched: number; outlets: OutletSummary[] };
  /** True when the text was longer than the engine checks and was cut. */
  truncated?: boolean;
  /** Where the claims come from: attributions, echo groups, the article's group and date. */
  provenance?: PageProvenance;
  /**
   * The least probability of the same claim of a listed match, when the caller asked for a
   * stricter one than the engine's own (the reader's choice): only matches at least this likely
   * are listed, and every count of the report counts them alone.
   */
  minChance?: number;
  /**
   * Keys of the matches left out because the reader marked them "not the same claim" (see
   * src/core/hidden-matches.ts); absent when none was.
   */
  hidden?: string[];
  /**
   * The share of the article's informative sentences estimated to make a corpus claim, when it
   * was lower than in the verifier's training articles and every probability of the article was
   * lowered for it (see src/core/verify/article-share.ts); absent otherwise.
   */
  claimShare?: number;
}
