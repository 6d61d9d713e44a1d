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
    'story_affinity',
  ],
  mean: [
    0.295208, 0.381408, 0.260478, 0.326261, 0.224507, 0.280381, 0.25963, 0.064105, 0.107982,
    0.043825, 0.244356, 0.00664, 0.158035, 1.831744, 0.513152, 0.564171, 0.125558, 0.707441,
    0.018095, 0.738689, 0.767929, 0.175913,
  ],
  scale: [
    0.166986, 0.198552, 0.143122, 0.206772, 0.144329, 0.31076, 0.289656, 0.086805, 0.102604,
    0.204705, 0.429705, 0.081216, 0.364773, 0.351428, 0.152736, 0.268051, 0.156232, 0.197041,
    0.053445, 0.164397, 0.099384, 0.115166,
  ],
  weights: [
    0.277963, 0.214639, 0.456596, 0.302153, 0.375544, 0, 0, -0.341832, -0.260883, -0.266845,
    0.506675, -0.196212, 0, 0.355923, 0, 0.277052, 0.430674, 0.024298, -0.608914, 0, 0, 0.572077,
  ],
  bias: 0.834612,
  platt: {
    a: 0.949917,
    b: -0.030721,
  },
};
