/**
 * When to merge segments, as log-structured indexes decide it: segments fall into tiers by size
 * (1, 4, 16, 64… reports); once a tier holds MERGE_FACTOR segments they are merged into one of
 * the next tier. Each report is so rewritten about log₄(n) times over the library's life, adding
 * an article writes one small segment, and the number of segments stays small (a few per tier).
 */

/**
 * Segments of one tier merged together. Every segment costs each check a look-up per term (and
 * each load its vocabulary), so segments should be few: with four, a library of 10,000 synthetic
 * articles loads as 5 segments instead of 9 with eight, for about 40% more merging over time.
 */
export const MERGE_FACTOR = 4;
/**
 * Largest merge, in reports: beyond this a merge takes long enough (about a second on a slow
 * machine) to delay the checks waiting behind it, and a larger segment saves little.
 */
export const MAX_MERGE_REPORTS = 8_192;
/** Share of deleted reports from which a segment is rewritten without them, to free their space. */
export const PURGE_SHARE = 0.3;

/** A segment as the policy sees it. */
export interface SegmentSize {
  key: number;
  /** Reports it holds, deleted ones included. */
  reports: number;
  deleted: number;
  /**
   * Stored without its spelling lists (by the layout before them): rewritten alone, with them,
   * once no other merge is due, so that its look-ups read the lists instead of walking.
   */
  unlisted?: boolean;
}

/** The tier of a segment of `live` reports. */
function tierOf(live: number): number {
  return Math.floor(Math.log(Math.max(1, live)) / Math.log(MERGE_FACTOR));
}

/**
 * The segments to merge next (in the order given), or null when none need it: from the smallest
 * tier holding MERGE_FACTOR segments, as many as a merge within MAX_MERGE_REPORTS takes; else a
 * segment with many deleted reports, alone; else one stored without spelling lists, alone.
 */
export function chooseMerge(segments: readonly SegmentSize[]): number[] | null {
  const tiers = new Map<number, SegmentSize[]>();
  for (const segment of segments) {
    const live = segment.reports - segment.deleted;
    if (live >= MAX_MERGE_REPORTS) continue;
    const tier = tierOf(live);
    const list = tiers.get(tier);
    if (list) list.push(segment);
    else tiers.set(tier, [segment]);
  }
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const list = tiers.get(tier)!;
    if (list.length < MERGE_FACTOR) continue;
    // As many of the tier's segments as fit in one merge (at least two): near the largest size,
    // fewer than MERGE_FACTOR segments make a segment of the largest size.
    const chosen: SegmentSize[] = [];
    let total = 0;
    for (const segment of list) {
      const live = segment.reports - segment.deleted;
      if (chosen.length === MERGE_FACTOR || total + live > MAX_MERGE_REPORTS) break;
      chosen.push(segment);
      total += live;
    }
    if (chosen.length >= 2) return chosen.map((s) => s.key);
  }
  const purge = segments.find((s) => s.deleted > 0 && s.deleted >= s.reports * PURGE_SHARE);
  if (purge) return [purge.key];
  const unlisted = segments.find((s) => s.unlisted);
  return unlisted ? [unlisted.key] : null;
}
