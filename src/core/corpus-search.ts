/**
 * Searching the corpus by words, as a reader types them: a Fuse.js token index over the corpus
 * sentences, forgiving of typos and spelling variants ("Zelenskyy ceasfire"), where every word of
 * the query must be found. Each hit carries the spans of the words that matched, for marking.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { CompiledCorpus } from './corpus-format';
import { normalize } from './normalize';

/** One corpus sentence found for a query. */
export interface CorpusHit {
  /** Id of the report the sentence belongs to. */
  report: string;
  outlet: string;
  /** The report's URL, as bundled. */
  url: string;
  /** The sentence, as in the report. */
  text: string;
  /** Relevance in 0..1, higher is better (1 − the Fuse score). */
  score: number;
  /** Spans [start, end) in `text` of the words that matched, in order, not overlapping. */
  marks: [number, number][];
}

/** Longest query searched; longer ones are cut (a sentence is rarely longer). */
export const MAX_QUERY_CHARS = 200;
/** Hits returned by default: enough for a short list under a search field. */
export const DEFAULT_HITS = 8;
/**
 * Most errors per query-word character (Fuse's Bitap threshold): two typos in an 8-letter word
 * ("ceasfire"), one in a 4-letter word ("Kiev"/"Kieb"), none in a 3-letter word, where a single
 * change already makes another word ("war"/"was").
 */
export const WORD_THRESHOLD = 0.3;
/**
 * Shortest query word searched: single letters ("a", the "s" of "Russia's") match everywhere
 * and, with every word required, would only ever empty the results.
 */
export const MIN_WORD_CHARS = 2;
/**
 * Share of a corpus word a match must cover to count. Bitap matches inside words ("list" in
 * "administration", "of" in "officials", "Kiev" in "believed"); such fragments are not what the
 * reader asked for, so they are neither marked nor enough to keep a hit.
 */
export const MIN_WORD_COVERAGE = 0.6;
/**
 * Weight of sentence length in the ranking (Fuse's field-norm weight, 1 by default). Halved, a
 * short sentence with the words still ranks first, but a long one stays close behind instead of
 * being pushed below weaker matches.
 */
export const FIELD_NORM_WEIGHT = 0.5;
/** Candidates taken from Fuse per hit wanted: some fall to the word-coverage check. */
const CANDIDATE_FACTOR = 4;

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const WORDS = /[\p{L}\p{M}\p{N}_]+/gu;

/** Text as the index sees it, with the original offset of every position. */
interface Folded {
  text: string;
  offsets: Uint32Array;
}

/**
 * The engine's normalisation (NFKC, quotes, dashes, case) plus accents removed, one UTF-16 unit
 * for one, so positions still map back to the original text ("Zelenskýj" finds "Zelenskyj").
 */
function fold(text: string): Folded {
  const normalized = normalize(text);
  let folded = '';
  for (const unit of normalized.text) {
    const base = unit.normalize('NFD').replace(/\p{M}+/gu, '');
    folded += base.length === unit.length ? base : unit;
  }
  return { text: folded, offsets: normalized.offsets };
}

interface Entry {
  /** Folded sentence text, the only field indexed. */
  search: string;
  offsets: Uint32Array;
  text: string;
  report: number;
}

const FUSE_OPTIONS: IFuseOptions<Entry> = {
  keys: ['search'],
  // Token search: each query word is matched on its own and weighted by how rare it is, so word
  // order and distance between words do not matter, as in any search box.
  useTokenSearch: true,
  // Every word of the query must be found: adding a word narrows the results.
  tokenMatch: 'all',
  // A word may be anywhere in the sentence, not only near its start.
  ignoreLocation: true,
  threshold: WORD_THRESHOLD,
  minMatchCharLength: MIN_WORD_CHARS,
  fieldNormWeight: FIELD_NORM_WEIGHT,
  includeScore: true,
  // Case, quotes and accents are folded beforehand, keeping positions aligned with the text.
  isCaseSensitive: true,
};

/** The words of a query worth searching for, folded like the corpus. */
function queryWords(query: string): string[] {
  const cut = query.trim().slice(0, MAX_QUERY_CHARS);
  const words = fold(cut).text.match(WORDS) ?? [];
  return [...new Set(words.filter((word) => word.length >= MIN_WORD_CHARS))];
}

/**
 * The words of `text` (as [start, end) spans) that a query word matches: Fuse's match spans for
 * that word, kept where they cover most of a corpus word, widened to the whole word.
 */
function matchedWords(word: string, text: string): [number, number][] {
  const result = Fuse.match(word, text, {
    ignoreLocation: true,
    threshold: WORD_THRESHOLD,
    minMatchCharLength: MIN_WORD_CHARS,
    includeMatches: true,
    isCaseSensitive: true,
    findAllMatches: true,
  });
  if (!result.isMatch || !result.indices) return [];
  const covered = new Map<number, { end: number; chars: number }>();
  for (const [first, last] of result.indices) {
    for (let i = first; i <= last; i++) {
      if (!WORD_CHAR.test(text[i]!)) continue;
      let start = i;
      while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
      let span = covered.get(start);
      if (!span) {
        let end = i + 1;
        while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
        covered.set(start, (span = { end, chars: 0 }));
      }
      span.chars++;
    }
  }
  return [...covered]
    .filter(([start, span]) => span.chars >= MIN_WORD_COVERAGE * (span.end - start))
    .map(([start, span]) => [start, span.end]);
}

/** Sorted, merged spans. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** A word search over the corpus sentences. Build it once; searching is cheap. */
export class CorpusSearch {
  private readonly fuse: Fuse<Entry>;
  private readonly reports: CompiledCorpus['reports'];

  private constructor(corpus: Pick<CompiledCorpus, 'reports' | 'sentences'>) {
    this.reports = corpus.reports;
    // The compiled corpus does not tell site furniture from claims, so every unit is searchable;
    // a reader who searches for "Leave a Reply" finds it, as it is in the report.
    const entries = corpus.sentences.map((sentence): Entry => {
      const folded = fold(sentence.text);
      return {
        search: folded.text,
        offsets: folded.offsets,
        text: sentence.text,
        report: sentence.report,
      };
    });
    this.fuse = new Fuse(entries, FUSE_OPTIONS);
  }

  /** Indexes the sentences of a compiled (already validated) corpus. */
  static fromCompiled(corpus: Pick<CompiledCorpus, 'reports' | 'sentences'>): CorpusSearch {
    return new CorpusSearch(corpus);
  }

  /**
   * The best sentences for `query`, best first: every word of the query (typos allowed) must be
   * in the sentence. An empty or word-less query finds nothing. Never throws on a string.
   */
  search(query: string, limit: number = DEFAULT_HITS): CorpusHit[] {
    if (typeof query !== 'string') return [];
    const words = queryWords(query);
    if (words.length === 0 || limit < 1) return [];
    const candidates: FuseResult<Entry>[] = this.fuse.search(words.join(' '), {
      limit: limit * CANDIDATE_FACTOR,
    });
    const hits: CorpusHit[] = [];
    for (const candidate of candidates) {
      const entry = candidate.item;
      const perWord = words.map((word) => matchedWords(word, entry.search));
      // Fuse found each word somewhere; a word found only inside longer words is not found.
      if (perWord.some((spans) => spans.length === 0)) continue;
      const meta = this.reports[entry.report]!;
      hits.push({
        report: meta.id,
        outlet: meta.outlet,
        url: meta.url,
        text: entry.text,
        score: Math.round((1 - (candidate.score ?? 1)) * 1000) / 1000,
        marks: mergeSpans(perWord.flat()).map(([start, end]) => [
          entry.offsets[start]!,
          entry.offsets[end]!,
        ]),
      });
      if (hits.length === limit) break;
    }
    return hits;
  }
}
