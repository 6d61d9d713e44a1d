/**
 * Claims carried over between the reports: when a page sentence makes the claim of report A's
 * sentence a, and report B's sentence b makes the claim of a, then B makes the page sentence's
 * claim too, however little b's words share with the page's. The reports' own links (which
 * sentence of another report makes the claim of each of a report's sentences) come from checking
 * each report against the others, as a page is checked.
 *
 * Same claim is nearly transitive, so the carried probability is the weaker of the two (the
 * page's match with a, a's link with b). Carrying is for the pairs retrieval cannot compare (a
 * retelling in other words shares too few of b's): where the verifier did judge the page sentence
 * against b, its judgement stands. It is not transitive where the claims are parts of a
 * sentence: a page sentence may make one claim of a and b another, so the link carries only when
 * b has a good part of what the page shares with a (`CARRY_PART`). And a sentence of an article on
 * a neighbouring story that falsely matches one report would be carried to every report that
 * retells that report's claim: claims are carried only in an article that tells the corpus's story
 * (its share of claims is at least the training articles'; see article-share.ts). See
 * README.md here, "Claims carried over between the reports".
 */

/** A match carried from, and a link followed: at least this probability each. */
export const CARRY_FROM = 0.5;
/** A link between two reports' sentences is followed from this probability. */
export const LINK_PROBABILITY = 0.8;
/**
 * Share of what the page unit covers of a's mass (by idf) that b has too, for the link to carry
 * the page's claim.
 */
export const CARRY_PART = 0.3;

/** The sentence of another report that makes the claim of a report's sentence. */
export interface Link {
  report: number;
  sentence: number;
  probability: number;
}

/** A candidate for a report sentence's link: another report's sentence, judged against it. */
export interface LinkCandidate {
  report: number;
  sentence: number;
  /** The verifier's probability, corrected for the report's share of claims. */
  probability: number;
  /** The rerank's score, which decides between two of one probability. */
  score: number;
}

/**
 * Of each report, its most probable candidate (of two alike, the better rerank score, `scoreOf`,
 * then the one listed first); most probable first, then by score, then by report. What a check
 * shows of a page sentence and what a report sentence links to are both chosen so.
 */
export function mostProbablePerReport<C extends { report: number; probability: number }>(
  candidates: readonly C[],
  scoreOf: (candidate: C) => number,
): C[] {
  const best = new Map<number, C>();
  for (const c of candidates) {
    const previous = best.get(c.report);
    if (
      !previous ||
      c.probability > previous.probability ||
      (c.probability === previous.probability && scoreOf(c) > scoreOf(previous))
    )
      best.set(c.report, c);
  }
  return [...best.values()].sort(
    (a, b) => b.probability - a.probability || scoreOf(b) - scoreOf(a) || a.report - b.report,
  );
}

/**
 * The links of one report sentence: of each other report, its most probable candidate
 * (mostProbablePerReport) at LINK_PROBABILITY or more, unless it `contradicts` the sentence. The
 * build's links (Matcher.reportLinks) and the quality tests' links under each cross-validation
 * model are both chosen here.
 */
export function unitLinks(
  candidates: readonly LinkCandidate[],
  contradicts: (sentence: number) => boolean,
): Link[] {
  return mostProbablePerReport(candidates, (c) => c.score)
    .filter((c) => c.probability >= LINK_PROBABILITY && !contradicts(c.sentence))
    .map(({ report, sentence, probability }) => ({ report, sentence, probability }));
}

/** A page unit's match with one report's sentence. */
export interface DirectMatch {
  report: number;
  sentence: number;
  probability: number;
}

/** A match carried over a link, with the match it was carried from. */
export interface CarriedMatch<D extends DirectMatch> {
  via: D;
  link: Link;
  probability: number;
}

/**
 * The reports a page unit's direct matches carry it to, each once, with a probability above its
 * own direct one (reports in `direct` with a higher probability are left as they are). Never to a
 * report `excluded`, nor to a sentence the verifier `judged` against the page unit.
 */
export function carriedMatches<D extends DirectMatch>(
  direct: readonly D[],
  linksOf: (sentence: number) => readonly Link[],
  sharesPart: (via: D, link: Link) => boolean,
  excluded: (report: number) => boolean,
  judged: (sentence: number) => boolean,
): CarriedMatch<D>[] {
  const own = new Map<number, number>();
  for (const d of direct) own.set(d.report, Math.max(own.get(d.report) ?? 0, d.probability));
  const best = new Map<number, CarriedMatch<D>>();
  for (const via of direct) {
    if (via.probability < CARRY_FROM) continue;
    for (const link of linksOf(via.sentence)) {
      if (link.report === via.report || excluded(link.report)) continue;
      if (link.probability < LINK_PROBABILITY || judged(link.sentence)) continue;
      const probability = Math.min(via.probability, link.probability);
      if (probability <= (own.get(link.report) ?? 0)) continue;
      if (probability <= (best.get(link.report)?.probability ?? 0)) continue;
      if (!sharesPart(via, link)) continue;
      best.set(link.report, { via, link, probability });
    }
  }
  return [...best.values()];
}

/**
 * Whether b has at least CARRY_PART of the mass of a (by idf) that the page unit covers: `aIds`
 * and `aWeights` are a's terms and their weights, `pageCovers(k)` whether the page covers a's k-th
 * term, `bHas(id)` whether b has the term.
 */
export function sharesPartOf(
  aIds: readonly number[],
  aWeights: ArrayLike<number>,
  pageCovers: (k: number) => boolean,
  bHas: (id: number) => boolean,
): boolean {
  let covered = 0;
  let kept = 0;
  for (let k = 0; k < aIds.length; k++) {
    if (!pageCovers(k)) continue;
    covered += aWeights[k]!;
    if (bHas(aIds[k]!)) kept += aWeights[k]!;
  }
  return covered > 0 && kept / covered >= CARRY_PART;
}
