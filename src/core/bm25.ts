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
  const chosen = bestOf(scores, docs, count, limit + TOP_SPARE, null);
  const hits: Hit[] = [];
  for (const hit of chosen) {
    if (hits.length === limit) break;
    if (accept(hit.doc)) hits.push(hit);
  }
  if (hits.length < limit && chosen.length < count)
    return bestOf(scores, docs, count, limit, accept);
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
 * arrays per search) and grown as needed; read by the functions below rather than by closures
 * over a call's own arrays, which took twice the time.
 */
let heapScores = new Float64Array(256);
let heapDocs = new Int32Array(256);

/** Whether heap entry i ranks below entry j: a lower score, or the same and a later document. */
function worse(i: number, j: number): boolean {
  return (
    heapScores[i]! < heapScores[j]! ||
    (heapScores[i] === heapScores[j] && heapDocs[i]! > heapDocs[j]!)
  );
}

/** Swaps heap entries i and j. */
function swap(i: number, j: number): void {
  const s = heapScores[i]!;
  heapScores[i] = heapScores[j]!;
  heapScores[j] = s;
  const d = heapDocs[i]!;
  heapDocs[i] = heapDocs[j]!;
  heapDocs[j] = d;
}

/** Moves the entry at `i` down the heap of the first `n` entries to its place. */
function siftDown(i: number, n: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && worse(l, m)) m = l;
    if (r < n && worse(r, m)) m = r;
    if (m === i) return;
    swap(i, m);
    i = m;
  }
}

/**
 * The `limit` best of the documents `touched` whose scores are `scores` (side by side), among
 * those `accept` lets through when given, best first. `accept` must not search itself (the heap
 * is shared).
 */
function bestOf(
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
  limit: number,
  accept: ((doc: number) => boolean) | null,
): Hit[] {
  // A min-heap of the best `limit` (score, doc) pairs: no object per touched document, and no
  // sort of every document sharing a word, which in a large corpus costs more than the rerank.
  const size = Math.max(0, Math.min(limit, touchedCount));
  if (heapScores.length < size) {
    heapScores = new Float64Array(size);
    heapDocs = new Int32Array(size);
  }
  let filled = 0;
  for (let k = 0; k < touchedCount && size > 0; k++) {
    const doc = touched[k]!;
    const score = scores[k]!;
    if (
      filled === size &&
      (score < heapScores[0]! || (score === heapScores[0] && doc > heapDocs[0]!))
    )
      continue;
    if (accept !== null && !accept(doc)) continue;
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
      siftDown(0, size);
    }
  }
  // Worst first, as the heap gives them up (a heapsort, without a comparison callback), then
  // reversed: best first, ties by document number.
  const hits: Hit[] = [];
  for (let n = filled; n > 0; n--) {
    hits.push({ doc: heapDocs[0]!, score: heapScores[0]! });
    swap(0, n - 1);
    siftDown(0, n - 1);
  }
  return hits.reverse();
}
