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
    0.295939, 0.381746, 0.261358, 0.323812, 0.223556, 0.27693, 0.254689, 0.060948, 0.105686,
    0.036842, 0.259211, 0.006579, 0.157895, 1.83838, 0.509386, 0.566015, 0.127027, 0.706185,
    0.019801, 0.739397, 0.768027, 0.094737, 0.177513, 0.832842,
  ],
  scale: [
    0.167907, 0.199443, 0.143893, 0.207057, 0.145067, 0.310827, 0.286916, 0.084934, 0.104587,
    0.188374, 0.438201, 0.080843, 0.364642, 0.352046, 0.157692, 0.268955, 0.157942, 0.196588,
    0.056319, 0.164229, 0.098903, 0.292851, 0.115563, 0.247986,
  ],
  weights: [
    0.244693, 0.105065, 0.408257, 0.143987, 0.150556, 0, 0, -0.337645, -0.180202, -0.127366,
    0.669705, -0.097972, -0.049734, 0.469519, 0, 0.239352, 0.466303, -0.041338, -0.530929,
    -0.074408, 0, -0.575405, 0.831603, 0.575867,
  ],
  bias: 0.783942,
  platt: {
    a: 0.983252,
    b: 0.00636,
  },
};
