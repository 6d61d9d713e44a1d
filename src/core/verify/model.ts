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
    'frame_number_agree',
    'story_affinity',
    'partner_share',
    'neighbour_support',
    'party_conflict',
  ],
  mean: [
    0.296167, 0.382697, 0.26195, 0.334813, 0.234277, 0.293714, 0.275517, 0.06775, 0.116012,
    0.038159, 0.20202, 0.004489, 0.147026, 1.833784, 0.517132, 0.560094, 0.126645, 0.714563,
    0.039889, 0.733422, 0.773933, 0.094276, 0.269452, 0.040404, 0.169474, 0.865208, 0.29071,
    0.25477,
  ],
  scale: [
    0.169525, 0.20114, 0.146104, 0.212911, 0.157564, 0.318636, 0.300533, 0.089538, 0.108574,
    0.191581, 0.401507, 0.066852, 0.354132, 0.352938, 0.157149, 0.272914, 0.159865, 0.19494,
    0.088051, 0.170826, 0.109636, 0.292212, 0.400919, 0.196905, 0.11038, 0.23404, 0.215729,
    0.435732,
  ],
  weights: [
    0.192489, 0.094166, 0.150875, 0.071972, 0, 0, 0, -0.256844, -0.060234, -0.156511, 0.719701,
    -0.098665, -0.093359, 0.681672, 0, 0.313373, 0.046511, -0.087142, -1.199725, 0, 0, -0.356291,
    -0.295972, 0.063343, 0.524327, 0.637808, 0.683282, -0.55004,
  ],
  bias: 0.02261,
  platt: {
    a: 1.037695,
    b: 0.016147,
  },
};
