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
    'party_conflict',
  ],
  mean: [
    0.2962, 0.38278, 0.261962, 0.334858, 0.234232, 0.293714, 0.275517, 0.067645, 0.115831, 0.038159,
    0.242424, 0.004489, 0.147026, 1.833784, 0.517132, 0.560117, 0.126645, 0.714563, 0.038097,
    0.733627, 0.773728, 0.094276, 0.269452, 0.169485, 0.865216, 0.290729, 0.250281,
  ],
  scale: [
    0.169522, 0.20105, 0.146238, 0.212883, 0.157573, 0.318636, 0.300533, 0.089397, 0.108376,
    0.191581, 0.42855, 0.066852, 0.354132, 0.352938, 0.157149, 0.272892, 0.159865, 0.19494,
    0.085474, 0.170942, 0.10953, 0.292212, 0.400919, 0.110373, 0.234015, 0.215722, 0.433175,
  ],
  weights: [
    0.195168, 0.100455, 0.108544, 0.02707, 0, 0, 0, -0.240115, -0.053292, -0.154593, 0.702712,
    -0.098443, -0.097876, 0.69985, 0, 0.307213, 0.026206, -0.101743, -1.200838, 0, 0, -0.335457,
    -0.280071, 0.541735, 0.650172, 0.628711, -0.542153,
  ],
  bias: 0.022091,
  platt: {
    a: 1.049091,
    b: 0.016984,
  },
};
