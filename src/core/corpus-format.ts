/**
 * The prebuilt corpus index: its JSON shape, version, and the check that a loaded index is whole.
 * Kept apart from the compiler so that loading an index pulls in no build-time data.
 */
import type { CorpusProvenanceData } from './provenance/types';
import type { ReportMeta, UnitKind } from './types';

/** Identifies the prebuilt index format; bumped whenever tokenisation or the layout changes. */
export const CORPUS_FORMAT = 'crosscheck-corpus';
/** Version of the prebuilt index layout and tokeniser; an index of another version is rebuilt. */
export const CORPUS_VERSION = 13;

/** A problem with the corpus or the prebuilt index; the message names the file and the problem. */
export class CorpusError extends Error {
  /** The file (or index field) at fault. */
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CorpusError';
    this.file = file;
  }
}

/** One unit of a compiled report. */
export interface CompiledSentence {
  /** Index into `reports`. */
  report: number;
  start: number;
  end: number;
  text: string;
  kind: UnitKind;
  /** Content terms in order, as indices into `vocabulary`. */
  terms: number[];
  /**
   * The verifier's analysis of each term of `terms` (same length), one byte each: bit 0 the term
   * stands as a predicate, bit 1 a negation governs it, bits 2–5 its clause number, bit 6 it opens
   * a clause after punctuation, bit 7 it stands in an adverbial phrase. Computed once
   * at compile time, so checking never re-reads a unit's text (see src/core/verify/README.md).
   */
  tags: number[];
}

/** The prebuilt, JSON-serialisable corpus the matcher loads (`dist/corpus/index.json`). */
export interface CompiledCorpus {
  format: typeof CORPUS_FORMAT;
  version: number;
  /** One line on the story the reports tell, when the manifest gives one. */
  story: string | null;
  reports: ReportMeta[];
  /** Every distinct term; sentences refer to terms by index. */
  vocabulary: string[];
  /** For each vocabulary term, the number of sentences containing it. */
  df: number[];
  /** Vocabulary indices of terms written as names (capitalised inside running text) more often than not. */
  names: number[];
  /** Acronyms written in the corpus ("us", "nato"), so "United States" can be read as "us". */
  acronyms: string[];
  /**
   * Place names read as one term: a country's name, demonym, capital and acronyms ("Moscow",
   * "Russian" → the term of Russia), applied to capitalised words at compile and at query time.
   */
  aliases: Record<string, string>;
  /**
   * Synonyms of the corpus's words (term → synonym terms), from a thesaurus at build time; absent
   * when the corpus was compiled without one.
   */
  synonyms?: Record<string, string[]>;
  sentences: CompiledSentence[];
  /**
   * The reports' echo groups and sourcing, computed by the build (src/core/provenance); computed
   * at load when absent.
   */
  provenance?: CorpusProvenanceData;
}

/** One report as read from disk: its metadata and full text. */
export interface CorpusInput {
  meta: ReportMeta;
  text: string;
}

/** Throws a CorpusError unless `corpus` is a prebuilt index this version can use. */
export function validateCompiled(corpus: CompiledCorpus): void {
  const fail = (problem: string): never => {
    throw new CorpusError('prebuilt corpus index', problem);
  };
  const c = corpus as unknown as Record<string, unknown>;
  if (typeof c !== 'object' || c === null) fail('is not an object');
  if (c.format !== CORPUS_FORMAT) fail('is not a Crosscheck corpus index');
  if (c.version !== CORPUS_VERSION)
    fail(`has version ${String(c.version)}, expected ${CORPUS_VERSION}: rebuild it`);
  for (const field of ['reports', 'vocabulary', 'df', 'names', 'acronyms', 'sentences']) {
    if (!Array.isArray(c[field])) fail(`has no "${field}" list`);
  }
  const reports = corpus.reports;
  if (reports.length === 0) fail('has no reports');
  const ids = new Set<string>();
  reports.forEach((r, i) => {
    if (typeof r !== 'object' || r === null) fail(`reports[${i}] is not an object`);
    for (const field of ['id', 'outlet', 'url', 'file'] as const) {
      if (typeof r[field] !== 'string' || r[field] === '') fail(`reports[${i}] has no ${field}`);
    }
    if (ids.has(r.id)) fail(`report id "${r.id}" is used twice`);
    ids.add(r.id);
  });
  const vocabularySize = corpus.vocabulary.length;
  if (!corpus.vocabulary.every((t) => typeof t === 'string' && t.length > 0))
    fail('has a bad vocabulary term');
  if (corpus.df.length !== vocabularySize)
    fail('has document frequencies that do not fit its vocabulary');
  const isTermId = (t: unknown): boolean =>
    Number.isInteger(t) && (t as number) >= 0 && (t as number) < vocabularySize;
  if (!corpus.names.every(isTermId)) fail('has a name outside its vocabulary');
  if (!corpus.acronyms.every((a) => typeof a === 'string')) fail('has a bad acronym');
  const aliases = (corpus as unknown as Record<string, unknown>).aliases;
  if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases))
    fail('has no alias table');
  if (!Object.values(corpus.aliases).every((a) => typeof a === 'string')) fail('has a bad alias');
  const synonyms = (corpus as unknown as Record<string, unknown>).synonyms;
  if (synonyms !== undefined) {
    if (typeof synonyms !== 'object' || synonyms === null || Array.isArray(synonyms))
      fail('has a bad synonym table');
    for (const list of Object.values(synonyms as Record<string, unknown>)) {
      if (!Array.isArray(list) || !list.every((t) => typeof t === 'string' && t !== ''))
        fail('has a bad synonym');
    }
  }
  corpus.sentences.forEach((s, i) => {
    if (typeof s !== 'object' || s === null) fail(`sentences[${i}] is not an object`);
    if (!Number.isInteger(s.report) || s.report < 0 || s.report >= reports.length) {
      fail(`sentences[${i}] refers to no report`);
    }
    if (
      typeof s.text !== 'string' ||
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.end < s.start
    ) {
      fail(`sentences[${i}] has bad text or offsets`);
    }
    if (!Array.isArray(s.terms) || !s.terms.every(isTermId))
      fail(`sentences[${i}] has a term outside the vocabulary`);
    if (
      !Array.isArray(s.tags) ||
      s.tags.length !== s.terms.length ||
      !s.tags.every((t) => Number.isInteger(t) && t >= 0 && t <= 255)
    )
      fail(`sentences[${i}] has tags that do not fit its terms`);
  });
}
