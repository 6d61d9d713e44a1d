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
    0.296167, 0.382697, 0.26195, 0.334877, 0.234316, 0.293714, 0.275517, 0.06801, 0.116125,
    0.038159, 0.199776, 0.004489, 0.147026, 1.833784, 0.517132, 0.560094, 0.126645, 0.714563,
    0.040262, 0.733422, 0.773933, 0.094276, 0.269452, 0.042649, 0.169474, 0.865208, 0.29071,
    0.25477,
  ],
  scale: [
    0.169525, 0.20114, 0.146104, 0.212873, 0.157566, 0.318636, 0.300533, 0.089766, 0.108733,
    0.191581, 0.399832, 0.066852, 0.354132, 0.352938, 0.157149, 0.272914, 0.159865, 0.19494,
    0.088634, 0.170826, 0.109636, 0.292212, 0.400919, 0.202064, 0.11038, 0.23404, 0.215729,
    0.435732,
  ],
  weights: [
    0.185835, 0.096975, 0.143841, 0.081232, 0, 0, 0, -0.263141, -0.06762, -0.157447, 0.747845,
    -0.098391, -0.090867, 0.686604, 0, 0.316945, 0.047298, -0.085197, -1.190657, 0, 0, -0.365134,
    -0.294381, 0, 0.529895, 0.639484, 0.69955, -0.548274,
  ],
  bias: 0.025028,
  platt: {
    a: 1.029662,
    b: 0.007506,
  },
};
