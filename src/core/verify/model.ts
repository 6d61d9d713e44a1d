/**
 * The fitted model of the verifier. Written by `npm run fit` (test/quality/fit.ts) from the
 * development gold, the three articles of test/fixtures/heldout, the tuning half of the
 * neighbouring-story articles and the retellings of test/fixtures/retellings; do not edit by hand.
 */
import type { Model } from './logistic';

/** Logistic regression over FEATURES (standardised), then Platt scaling of its log-odds. */
export const MODEL: Model = {
  features: [
    'score',
    'light_cover',
    'heavy_cover',
    'light_words',
    'heavy_words',
    'page_predicates',
    'report_predicates',
    'light_names_missing',
    'heavy_names_missing',
    'number_conflict',
    'number_agree',
    'time_conflict',
    'negation_mismatch',
    'shared_terms',
    'rarest_shared_word',
    'best_clause',
    'order',
    'length_ratio',
    'page_unknown_names',
    'light_unmatched_rarest',
    'heavy_unmatched_rarest',
    'page_time_only',
    'story_affinity',
    'partner_share',
  ],
  mean: [
    0.296042, 0.382537, 0.260918, 0.326072, 0.22437, 0.278199, 0.257775, 0.060622, 0.104953,
    0.042328, 0.243386, 0.006614, 0.15873, 1.838193, 0.512208, 0.565274, 0.127451, 0.70616,
    0.018253, 0.738631, 0.767924, 0.095238, 0.176832, 0.832889,
  ],
  scale: [
    0.167886, 0.199145, 0.143844, 0.20604, 0.144584, 0.31083, 0.288641, 0.084436, 0.104025,
    0.201336, 0.429126, 0.081056, 0.365424, 0.351279, 0.153911, 0.268631, 0.158174, 0.197021,
    0.053754, 0.164315, 0.099122, 0.293544, 0.115858, 0.248644,
  ],
  weights: [
    0.265256, 0.142788, 0.40709, 0.174072, 0.244102, 0, 0, -0.278226, -0.195084, -0.228118,
    0.479251, -0.094601, 0, 0.536751, 0, 0.24727, 0.493854, -0.027314, -0.491123, 0, 0, -0.59484,
    0.787745, 0.507049,
  ],
  bias: 0.787192,
  platt: {
    a: 0.980332,
    b: -0.010206,
  },
};
