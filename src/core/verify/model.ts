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
    'agent_swap',
    'story_affinity',
    'partner_share',
    'neighbour_support',
  ],
  mean: [
    0.295939, 0.381746, 0.261358, 0.323812, 0.223556, 0.27693, 0.254689, 0.060948, 0.105686,
    0.036842, 0.259211, 0.006579, 0.157895, 1.83838, 0.509386, 0.566015, 0.127027, 0.706185,
    0.019801, 0.739397, 0.768027, 0.094737, 0.263206, 0.177513, 0.860398, 0.295836,
  ],
  scale: [
    0.167907, 0.199443, 0.143893, 0.207057, 0.145067, 0.310827, 0.286916, 0.084934, 0.104587,
    0.188374, 0.438201, 0.080843, 0.364642, 0.352046, 0.157692, 0.268955, 0.157942, 0.196588,
    0.056319, 0.164229, 0.098903, 0.292851, 0.396042, 0.115563, 0.234313, 0.223916,
  ],
  weights: [
    0.272863, 0.151034, 0.358947, 0.215274, 0.155742, 0, 0, -0.343895, -0.161864, -0.137029,
    0.674282, -0.113489, -0.080596, 0.480669, 0, 0.263956, 0.418233, 0.036787, -0.470181, 0, 0,
    -0.521099, -0.317601, 0.44742, 0.562066, 0.83971,
  ],
  bias: 0.956436,
  platt: {
    a: 1.005003,
    b: 0.012759,
  },
};
