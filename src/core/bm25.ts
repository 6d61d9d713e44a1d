/**
 * Candidate retrieval ranked with Okapi BM25: its constants and the pieces the index (see
 * src/core/index/) scores with. It only proposes candidates; the decision is the reranker's.
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

/** Longest posting list walked in a collection of `docs` documents (see PRUNE_MIN_DF). */
export function maxWalkedDf(docs: number): number {
  return Math.max(PRUNE_MIN_DF, Math.min(PRUNE_MAX_DF, Math.floor(docs * PRUNE_DF_SHARE)));
}

/** BM25's length normalisation of a document: k1 · (1 − b + b · length / average length). */
export function bm25Norm(length: number, averageLength: number): number {
  return BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength);
}

/**
 * Documents chosen by score alone beyond the `limit` asked of {@link topHits}, before `accept` is
 * asked about them: enough that the `limit` best accepted ones are almost always among them (a
 * page unit's candidates are mostly claims of other reports), so `accept` is asked about a few
 * dozen documents rather than each one that enters the running best.
 */
export const TOP_SPARE = 64;

/**
 * The `limit` best of the `touchedCount` documents in `touched` by their score in `scores`, best
 * first (ties by document number), among those `accept` lets through. Sets every touched
 * document's score back to 0, so the accumulators can be reused.
 */
export function topHits(
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
  limit: number,
  accept: (doc: number) => boolean,
): Hit[] {
  const dense = new Float64Array(touchedCount);
  for (let k = 0; k < touchedCount; k++) {
    const doc = touched[k]!;
    dense[k] = scores[doc]!;
    scores[doc] = 0;
  }
  return topDenseHits(touched, dense, touchedCount, limit, accept);
}

/**
 * {@link topHits} of the `count` documents `docs` whose scores are `scores`, side by side (as a
 * {@link ScoreAccumulator} holds them).
 */
export function topDenseHits(
  docs: Int32Array,
  scores: Float64Array,
  count: number,
  limit: number,
  accept: (doc: number) => boolean,
): Hit[] {
  if (Math.min(limit, count) <= 0) return [];
  // The best by score alone, then the first `limit` of them accepted: every document left out
  // ranks below all of them, so these are the best accepted ones, unless fewer were accepted.
  // The chosen are read from the heap's arrays: a Hit is made only for an accepted one.
  const chosen = selectBest(scores, docs, count, limit + TOP_SPARE, null);
  const hits: Hit[] = [];
  for (let k = 0; k < chosen && hits.length < limit; k++) {
    const doc = heapDocs[k]!;
    if (accept(doc)) hits.push({ doc, score: heapScores[k]! });
  }
  if (hits.length < limit && chosen < count) return bestOf(scores, docs, count, limit, accept);
  return hits;
}

/**
 * The scores of the documents one query touches, added up as the query's posting lists are
 * walked: an open-addressing table from a document to its place in two lists side by side (the
 * documents in the order first touched, and their scores). A query touches a few thousand of a
 * large index's hundreds of thousands of units; a table of that size stays in the processor's
 * caches, where an array over every unit is read and written at random.
 */
export class ScoreAccumulator {
  /** The documents touched, in the order first touched, and their scores so far. */
  docs = new Int32Array(1024);
  scores = new Float64Array(1024);
  /** How many documents were touched. */
  count = 0;
  /**
   * The table: per entry, a document plus one (0: free) and its place in `docs`, side by side so
   * that a look-up reads one cache line.
   */
  private table = new Int32Array(2 * 2048);
  private shift = 32 - 11;

  /** Adds `value` to the score of `doc` (a document number, which starts at 0). */
  add(doc: number, value: number): void {
    const { table } = this;
    const mask = (table.length >> 1) - 1;
    const key = doc + 1;
    let at = Math.imul(doc, 0x9e3779b1) >>> this.shift;
    for (let k = table[2 * at]!; k !== 0; k = table[2 * at]!) {
      if (k === key) {
        this.scores[table[2 * at + 1]!]! += value;
        return;
      }
      at = (at + 1) & mask;
    }
    if (4 * (this.count + 1) > table.length) {
      this.grow();
      this.add(doc, value);
      return;
    }
    table[2 * at] = key;
    table[2 * at + 1] = this.count;
    this.docs[this.count] = doc;
    this.scores[this.count] = value;
    this.count++;
  }

  /** Forgets every document, for the next query. */
  clear(): void {
    if (this.count > 0) this.table.fill(0);
    this.count = 0;
  }

  /** Doubles the table (and the lists, as needed), keeping what it holds. */
  private grow(): void {
    const entries = this.table.length;
    this.table = new Int32Array(2 * entries);
    this.shift--;
    if (this.docs.length < entries / 2) {
      const docs = new Int32Array(entries / 2);
      const scores = new Float64Array(entries / 2);
      docs.set(this.docs);
      scores.set(this.scores);
      this.docs = docs;
      this.scores = scores;
    }
    const { table } = this;
    const mask = entries - 1;
    for (let k = 0; k < this.count; k++) {
      let at = Math.imul(this.docs[k]!, 0x9e3779b1) >>> this.shift;
      while (table[2 * at] !== 0) at = (at + 1) & mask;
      table[2 * at] = this.docs[k]! + 1;
      table[2 * at + 1] = k;
    }
  }
}

/**
 * The heap of {@link bestOf}: scores and documents side by side, kept between calls (no new
 * arrays per search) and grown as needed. The functions below take them as arguments rather than
 * closing over a call's own arrays, which took twice the time.
 */
let heapScores = new Float64Array(256);
let heapDocs = new Int32Array(256);

/** Whether (score s, document d) ranks below (t, e): a lower score, or the same and a later document. */
function below(s: number, d: number, t: number, e: number): boolean {
  return s < t || (s === t && d > e);
}

/**
 * Puts (score s, document d) in the hole at `i` of the min-heap of the first `n` entries, moving
 * the hole down past every lower-ranked child: one write per level instead of a swap's two
 * (a search's selection took about a fifth less time than with swaps).
 */
function siftDown(
  scores: Float64Array,
  docs: Int32Array,
  i: number,
  n: number,
  s: number,
  d: number,
): void {
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let m = l;
    let ms = scores[l]!;
    let md = docs[l]!;
    const r = l + 1;
    if (r < n && below(scores[r]!, docs[r]!, ms, md)) {
      m = r;
      ms = scores[r]!;
      md = docs[r]!;
    }
    if (!below(ms, md, s, d)) break;
    scores[i] = ms;
    docs[i] = md;
    i = m;
  }
  scores[i] = s;
  docs[i] = d;
}

/**
 * The `limit` best of the documents `touched` whose scores are `scores` (side by side), among
 * those `accept` lets through when given: left in `heapScores` and `heapDocs`, best first (ties
 * by document number); returns how many. `accept` must not search itself (the heap is shared).
 */
function selectBest(
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
  limit: number,
  accept: ((doc: number) => boolean) | null,
): number {
  // A min-heap of the best `limit` (score, doc) pairs: no object per touched document, and no
  // sort of every document sharing a word, which in a large corpus costs more than the rerank.
  const size = Math.max(0, Math.min(limit, touchedCount));
  if (heapScores.length < size) {
    heapScores = new Float64Array(size);
    heapDocs = new Int32Array(size);
  }
  const hs = heapScores;
  const hd = heapDocs;
  let filled = 0;
  // The heap's worst entry, which a document must beat once the heap is full.
  let worstScore = 0;
  let worstDoc = 0;
  for (let k = 0; k < touchedCount && size > 0; k++) {
    const doc = touched[k]!;
    const score = scores[k]!;
    if (filled === size && below(score, doc, worstScore, worstDoc)) continue;
    if (accept !== null && !accept(doc)) continue;
    if (filled < size) {
      let i = filled++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(score, doc, hs[parent]!, hd[parent]!)) break;
        hs[i] = hs[parent]!;
        hd[i] = hd[parent]!;
        i = parent;
      }
      hs[i] = score;
      hd[i] = doc;
    } else siftDown(hs, hd, 0, size, score, doc);
    worstScore = hs[0]!;
    worstDoc = hd[0]!;
  }
  // A heapsort in place: the worst goes to the end, and so on, leaving the best first.
  for (let n = filled; n > 1; n--) {
    const s = hs[n - 1]!;
    const d = hd[n - 1]!;
    hs[n - 1] = hs[0]!;
    hd[n - 1] = hd[0]!;
    siftDown(hs, hd, 0, n - 1, s, d);
  }
  return filled;
}

/** The `limit` best accepted documents as {@link selectBest} chooses them, best first. */
function bestOf(
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
  limit: number,
  accept: ((doc: number) => boolean) | null,
): Hit[] {
  const count = selectBest(scores, touched, touchedCount, limit, accept);
  const hits: Hit[] = [];
  for (let k = 0; k < count; k++) hits.push({ doc: heapDocs[k]!, score: heapScores[k]! });
  return hits;
}
