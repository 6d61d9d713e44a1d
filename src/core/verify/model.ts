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
    0.733627, 0.773728, 0.094276, 0.269452, 0.169485, 0.865216, 0.290729, 0.262626,
  ],
  scale: [
    0.169522, 0.20105, 0.146238, 0.212883, 0.157573, 0.318636, 0.300533, 0.089397, 0.108376,
    0.191581, 0.42855, 0.066852, 0.354132, 0.352938, 0.157149, 0.272892, 0.159865, 0.19494,
    0.085474, 0.170942, 0.10953, 0.292212, 0.400919, 0.110373, 0.234015, 0.215722, 0.440061,
  ],
  weights: [
    0.233623, 0.112744, 0.095657, 0, 0, 0, 0, -0.244482, -0.058837, -0.152394, 0.695389, -0.100649,
    -0.102215, 0.684194, 0, 0.303571, 0.060812, -0.103014, -1.201222, 0, 0, -0.317232, -0.280653,
    0.555839, 0.652225, 0.631272, -0.517921,
  ],
  bias: 0.034635,
  platt: {
    a: 1.044687,
    b: 0.015984,
  },
};
