/**
 * The article's share of corpus claims: a second look at the verifier's probabilities with the
 * whole article in view.
 *
 * The verifier is calibrated on its training articles, which together make corpus claims in 43%
 * of their informative sentences (by the verifier's best probability for each), and a retelling
 * of the story in more. An article on a neighbouring story (the same people and weeks, another
 * event) makes far fewer, and a pair that looks like the same claim there is less likely to be one
 * than the same pair in a retelling. This is a change of prior, and the probabilities can be
 * corrected for it without labels: estimate the article's share of sentences that make a corpus
 * claim by expectation–maximisation over the sentences' best probabilities, then move every
 * probability of the article to that prior (Saerens, Latinne and Decaestecker, "Adjusting the
 * outputs of a classifier to new a priori probabilities: a simple procedure", Neural Computation
 * 14, 2002).
 *
 * Two choices on top of the textbook procedure (src/core/verify/README.md, "The article's share
 * of claims"). The correction only ever lowers a probability: raising them where an article
 * retells the story closely lets through that article's sentences that make another claim of the
 * same story (measured), and a false "another outlet said this" costs more than a missed one. And
 * a text of fewer than SHARE_MIN_SENTENCES informative sentences (a selection, a pasted
 * paragraph) is left as it is: from so few sentences the estimate says little about what the text
 * is about (one match of 0.7 beside two sentences that match nothing would fall to 0.06).
 */

/**
 * The mean, over the informative sentences of the verifier's training articles, of each
 * sentence's best probability under the shipped model (0 where it has no candidate). A quality
 * test computes it again from the training data and fails when a refit moves it.
 */
export const TRAINING_SHARE = 0.389;

/**
 * Informative sentences a text needs before its share is estimated. Every labelled article has
 * 13 or more; a selected paragraph has a handful. No measured figure depends on it.
 */
export const SHARE_MIN_SENTENCES = 8;

const MIN_SHARE = 1e-4;
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-7;

function odds(p: number): number {
  const q = Math.min(Math.max(p, MIN_SHARE), 1 - MIN_SHARE);
  return q / (1 - q);
}

/** `p`, a probability under the prior `from`, moved to the prior `to`. */
export function withPrior(p: number, from: number, to: number): number {
  return scaleOdds(p, factorFor(to, from));
}

/** `p` with its odds multiplied by `factor`. */
function scaleOdds(p: number, factor: number): number {
  if (p <= 0 || p >= 1) return p;
  const o = (p / (1 - p)) * factor;
  return o / (1 + o);
}

/**
 * The article's share of sentences making a corpus claim, from the best probability of each of
 * its informative sentences: the fixed point of the EM update (the mean of the sentences'
 * probabilities moved to the current estimate), starting from `base`.
 */
export function articleShare(best: readonly number[], base = TRAINING_SHARE): number {
  if (best.length === 0) return base;
  let share = base;
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    let sum = 0;
    for (const p of best) sum += withPrior(p, base, share);
    const next = Math.min(Math.max(sum / best.length, MIN_SHARE), 1 - MIN_SHARE);
    const done = Math.abs(next - share) < TOLERANCE;
    share = next;
    if (done) break;
  }
  return share;
}

/**
 * What to multiply the odds of every pair of an article by: below 1 when the article makes fewer
 * corpus claims than the training articles, 1 otherwise (the correction never raises a
 * probability) and for a text of fewer than SHARE_MIN_SENTENCES informative sentences. `best`
 * holds the best probability of each informative sentence (0 for none).
 */
export function shareFactor(best: readonly number[], base = TRAINING_SHARE): number {
  const share = loweringShare(best, base);
  return share === null ? 1 : factorFor(share, base);
}

/**
 * The factor of an article of estimated share `share` (estimatedShare's), as shareFactor gives it
 * from the article's best probabilities: below 1 when the article makes fewer corpus claims than
 * the training articles, else 1 (and 1 for a text too short to tell, null).
 */
export function factorOfShare(share: number | null): number {
  return share === null || share >= TRAINING_SHARE ? 1 : factorFor(share, TRAINING_SHARE);
}

/** The odds factor that moves a probability from the prior `base` to the prior `share`. */
function factorFor(share: number, base: number): number {
  return odds(share) / odds(base);
}

/** The article's estimated share when it is to lower the article's probabilities, else null. */
function loweringShare(best: readonly number[], base: number): number | null {
  if (best.length < SHARE_MIN_SENTENCES) return null;
  const share = articleShare(best, base);
  return share < base ? share : null;
}

/** `p` corrected by an article's `factor` (from shareFactor). */
export function corrected(p: number, factor: number): number {
  return factor >= 1 ? p : scaleOdds(p, factor);
}

/** What correctArticle reads and writes of a sentence of the article. */
export interface ShareUnit {
  informative: boolean;
  candidates: { probability: number }[];
}

/** The best probability of each informative unit (0 where it has no candidate). */
export function bestProbabilities(units: readonly ShareUnit[]): number[] {
  return units
    .filter((u) => u.informative)
    .map((u) => u.candidates.reduce((best, c) => Math.max(best, c.probability), 0));
}

/**
 * The article's estimated share of sentences making a corpus claim (articleShare, from the
 * verifier's own probabilities), or null for a text of fewer than SHARE_MIN_SENTENCES informative
 * sentences, which says too little to tell.
 */
export function estimatedShare(units: readonly ShareUnit[]): number | null {
  const best = bestProbabilities(units);
  return best.length < SHARE_MIN_SENTENCES ? null : articleShare(best, TRAINING_SHARE);
}

/**
 * Corrects every candidate's probability for the article's share of claims, in place, when the
 * share (`share`, estimatedShare's) is below the training articles'. Returns the share when the
 * probabilities were lowered for it, else null.
 */
export function correctArticle(
  units: readonly ShareUnit[],
  share = estimatedShare(units),
): number | null {
  if (share === null || share >= TRAINING_SHARE) return null;
  const factor = factorFor(share, TRAINING_SHARE);
  for (const unit of units)
    for (const c of unit.candidates) c.probability = corrected(c.probability, factor);
  return share;
}

/**
 * Whether an article of estimated share `share` (estimatedShare's) tells the corpus's story: it
 * has enough informative sentences to tell, and its share is at least the training articles' (the
 * correction leaves it as it is).
 */
export function tellsTheStory(share: number | null): boolean {
  return share !== null && share >= TRAINING_SHARE;
}
