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
    0.295262, 0.38137, 0.26066, 0.325966, 0.224432, 0.279638, 0.259287, 0.063986, 0.107733,
    0.043709, 0.246358, 0.006623, 0.157616, 1.83171, 0.512747, 0.563968, 0.12549, 0.707599,
    0.018047, 0.739174, 0.767551, 0.175648,
  ],
  scale: [
    0.166793, 0.198311, 0.143015, 0.206592, 0.144183, 0.310683, 0.289427, 0.086727, 0.102585,
    0.204446, 0.430889, 0.081109, 0.36438, 0.351129, 0.152736, 0.267743, 0.156031, 0.196846,
    0.053383, 0.164448, 0.099533, 0.115134,
  ],
  weights: [
    0.262307, 0.220955, 0.406993, 0.32665, 0.370633, 0, 0, -0.324688, -0.232575, -0.268881,
    0.455181, -0.192647, 0, 0.362693, 0, 0.285919, 0.437553, 0.040299, -0.605573, 0, 0, 0.593967,
  ],
  bias: 0.805696,
  platt: {
    a: 0.942006,
    b: -0.028609,
  },
};
