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
    0.038159, 0.199776, 0.004489, 0.147026, 1.833784, 0.517132, 0.560094, 0.126645, 0.714563,
    0.039889, 0.733422, 0.773933, 0.094276, 0.269452, 0.042649, 0.169474, 0.865208, 0.29071,
    0.25477,
  ],
  scale: [
    0.169525, 0.20114, 0.146104, 0.212911, 0.157564, 0.318636, 0.300533, 0.089538, 0.108574,
    0.191581, 0.399832, 0.066852, 0.354132, 0.352938, 0.157149, 0.272914, 0.159865, 0.19494,
    0.088051, 0.170826, 0.109636, 0.292212, 0.400919, 0.202064, 0.11038, 0.23404, 0.215729,
    0.435732,
  ],
  weights: [
    0.186109, 0.098084, 0.143473, 0.081677, 0, 0, 0, -0.262519, -0.067909, -0.156909, 0.74749,
    -0.098179, -0.091245, 0.686515, 0, 0.317314, 0.047872, -0.083806, -1.189569, 0, 0, -0.364652,
    -0.294079, 0, 0.529704, 0.640793, 0.700594, -0.547747,
  ],
  bias: 0.029117,
  platt: {
    a: 1.029552,
    b: 0.00746,
  },
};
