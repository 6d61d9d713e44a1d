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
    'partner_share',
  ],
  mean: [
    0.295208, 0.381408, 0.260478, 0.326261, 0.224507, 0.280381, 0.25963, 0.064105, 0.107982,
    0.043825, 0.244356, 0.00664, 0.158035, 1.831744, 0.513152, 0.564171, 0.125558, 0.707441,
    0.018095, 0.738689, 0.767929, 0.175913, 0.834328,
  ],
  scale: [
    0.166986, 0.198552, 0.143122, 0.206772, 0.144329, 0.31076, 0.289656, 0.086805, 0.102604,
    0.204705, 0.429705, 0.081216, 0.364773, 0.351428, 0.152736, 0.268051, 0.156232, 0.197041,
    0.053445, 0.164397, 0.099384, 0.115166, 0.247294,
  ],
  weights: [
    0.184187, 0.123459, 0.360613, 0.236936, 0.32181, 0, 0, -0.292077, -0.184007, -0.270414,
    0.436306, -0.17138, 0, 0.412659, 0, 0.264089, 0.429874, -0.027962, -0.653924, 0, 0, 0.776915,
    0.530639,
  ],
  bias: 0.783854,
  platt: {
    a: 0.971012,
    b: -0.006457,
  },
};
