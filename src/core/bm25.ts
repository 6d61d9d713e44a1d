/**
 * Candidate retrieval: an inverted index over the corpus sentences' terms, ranked with Okapi BM25.
 * It only proposes candidates; the decision is the reranker's.
 */

/** BM25 term-frequency saturation; the usual value for short documents. */
export const BM25_K1 = 1.2;
/** BM25 length normalisation; the usual value. */
export const BM25_B = 0.75;
/**
 * Query terms in more than max(PRUNE_MIN_DF, min(PRUNE_DF_SHARE × documents, PRUNE_MAX_DF))
 * documents do not propose candidates (they still count in the rerank): in a large corpus, walking
 * their long posting lists costs most of the time and finds nothing a rarer shared term would not.
 * A claim shares more than the story's commonest words ("Russia", "said"), so its sentences are
 * still found. Small corpora (no list this long) are searched in full.
 */
export const PRUNE_MIN_DF = 500;
/** Share of documents above which a term is too common to propose candidates (see PRUNE_MIN_DF). */
export const PRUNE_DF_SHARE = 0.02;
/**
 * Longest posting list walked, whatever the corpus size, so the cost of a search stops growing with
 * the corpus. On a synthetic corpus of 10,000 reports (220,000 units) a cap of 1,000 instead of 2%
 * (4,400) halved the time of a check and kept every real-report match of the development gold.
 */
export const PRUNE_MAX_DF = 1_000;

/** One retrieved document and its BM25 score. */
export interface Hit {
  doc: number;
  score: number;
}

/** Inverse document frequency as BM25 defines it (always positive). */
export function bm25Idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** An inverted index over documents given as lists of term ids. */
export class Bm25Index {
  readonly docs: number;
  /**
   * Posting lists in one flat array (compressed sparse rows): the documents of term t are
   * postingDocs[postingStart[t]..postingStart[t + 1]], with their term frequencies alongside. Two
   * typed arrays per term cost about 200 bytes of object overhead each, more than the postings
   * of most terms, and a large vocabulary has hundreds of thousands of terms.
   */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingTf: Uint16Array;
  /** Per document, BM25's length normalisation k1 · (1 − b + b · length / average length). */
  private readonly norms: Float64Array;
  private readonly idfs: Float64Array;
  /** Scratch accumulators reused between searches, so a search allocates little. */
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  /** Builds the index over `documents` (term ids below `vocabularySize`). */
  constructor(documents: readonly (readonly number[])[], vocabularySize: number) {
    this.docs = documents.length;
    // Per-term scratch: the last document that counted the term, and its count in that document.
    const seenIn = new Int32Array(vocabularySize).fill(-1);
    const count = new Uint32Array(vocabularySize);
    const df = new Int32Array(vocabularySize);
    let total = 0;
    documents.forEach((terms, doc) => {
      total += terms.length;
      for (const term of terms) {
        if (seenIn[term] !== doc) {
          seenIn[term] = doc;
          df[term]!++;
        }
      }
    });
    this.postingStart = new Int32Array(vocabularySize + 1);
    for (let t = 0; t < vocabularySize; t++)
      this.postingStart[t + 1] = this.postingStart[t]! + df[t]!;
    const postings = this.postingStart[vocabularySize]!;
    this.postingDocs = new Int32Array(postings);
    this.postingTf = new Uint16Array(postings);
    const fill = this.postingStart.slice(0, vocabularySize);
    documents.forEach((terms, doc) => {
      for (const term of terms) count[term]!++;
      for (const term of terms) {
        const n = count[term]!;
        if (n === 0) continue;
        const k = fill[term]!++;
        this.postingDocs[k] = doc;
        this.postingTf[k] = Math.min(n, 0xffff);
        count[term] = 0;
      }
    });
    const averageLength = this.docs > 0 ? Math.max(1, total / this.docs) : 1;
    this.norms = Float64Array.from(
      documents,
      (terms) => BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / averageLength),
    );
    this.idfs = new Float64Array(vocabularySize);
    for (let t = 0; t < vocabularySize; t++) this.idfs[t] = bm25Idf(df[t]!, this.docs);
    this.scores = new Float64Array(this.docs);
    this.touched = new Int32Array(this.docs);
  }

  /** Number of documents containing `term`. */
  df(term: number): number {
    if (!(term >= 0 && term < this.postingStart.length - 1)) return 0;
    return this.postingStart[term + 1]! - this.postingStart[term]!;
  }

  /** BM25 idf of a term id; a term the index has never seen gets the idf of df = 0. */
  idf(term: number): number {
    return this.idfs[term] ?? bm25Idf(0, this.docs);
  }

  /**
   * The `limit` best documents for the query terms (ids outside the vocabulary are ignored), best
   * first, among those `accept` lets through.
   */
  search(
    query: readonly number[],
    limit: number,
    accept: (doc: number) => boolean = () => true,
  ): Hit[] {
    const vocabularySize = this.postingStart.length - 1;
    const unique = [...new Set(query)].filter((t) => t >= 0 && t < vocabularySize);
    const maxDf = Math.max(
      PRUNE_MIN_DF,
      Math.min(PRUNE_MAX_DF, Math.floor(this.docs * PRUNE_DF_SHARE)),
    );
    let touchedCount = 0;
    const { postingDocs, postingTf } = this;
    for (const term of unique) {
      const from = this.postingStart[term]!;
      const to = this.postingStart[term + 1]!;
      if (to === from || to - from > maxDf) continue;
      const idf = this.idfs[term]! * (BM25_K1 + 1);
      for (let k = from; k < to; k++) {
        const doc = postingDocs[k]!;
        const f = postingTf[k]!;
        if (this.scores[doc] === 0) this.touched[touchedCount++] = doc;
        this.scores[doc]! += (idf * f) / (f + this.norms[doc]!);
      }
    }
    // A min-heap of the best `limit` (score, doc) pairs: no object per touched document, and no
    // sort of every document sharing a word, which in a large corpus costs more than the rerank.
    const size = Math.max(0, Math.min(limit, touchedCount));
    const heapScores = new Float64Array(size);
    const heapDocs = new Int32Array(size);
    let filled = 0;
    const worse = (i: number, j: number): boolean =>
      heapScores[i]! < heapScores[j]! ||
      (heapScores[i] === heapScores[j] && heapDocs[i]! > heapDocs[j]!);
    const swap = (i: number, j: number): void => {
      const s = heapScores[i]!;
      heapScores[i] = heapScores[j]!;
      heapScores[j] = s;
      const d = heapDocs[i]!;
      heapDocs[i] = heapDocs[j]!;
      heapDocs[j] = d;
    };
    for (let k = 0; k < touchedCount; k++) {
      const doc = this.touched[k]!;
      const score = this.scores[doc]!;
      this.scores[doc] = 0;
      if (size === 0) continue;
      if (
        filled === size &&
        (score < heapScores[0]! || (score === heapScores[0] && doc > heapDocs[0]!))
      )
        continue;
      if (!accept(doc)) continue;
      if (filled < size) {
        let i = filled++;
        heapScores[i] = score;
        heapDocs[i] = doc;
        while (i > 0 && worse(i, (i - 1) >> 1)) {
          swap(i, (i - 1) >> 1);
          i = (i - 1) >> 1;
        }
      } else {
        heapScores[0] = score;
        heapDocs[0] = doc;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < size && worse(l, m)) m = l;
          if (r < size && worse(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
    }
    const hits: Hit[] = [];
    for (let i = 0; i < filled; i++) hits.push({ doc: heapDocs[i]!, score: heapScores[i]! });
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
