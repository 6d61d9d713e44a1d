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
    0.296224, 0.382805, 0.261989, 0.334883, 0.23427, 0.293744, 0.27554, 0.067649, 0.115858,
    0.038159, 0.242424, 0.006734, 0.147026, 1.833784, 0.517132, 0.560157, 0.126645, 0.714563,
    0.038097, 0.733313, 0.773602, 0.097643, 0.269452, 0.169498, 0.865215, 0.290743, 0.262626,
  ],
  scale: [
    0.16952, 0.20105, 0.146233, 0.212885, 0.157572, 0.31863, 0.30053, 0.089402, 0.108416, 0.191581,
    0.42855, 0.081784, 0.354132, 0.352938, 0.157149, 0.272859, 0.159865, 0.19494, 0.085474,
    0.171141, 0.109701, 0.296831, 0.400919, 0.110377, 0.234015, 0.215718, 0.440061,
  ],
  weights: [
    0.234133, 0.112323, 0.098003, 0, 0, 0, 0, -0.244979, -0.059148, -0.15235, 0.695994, -0.104946,
    -0.102353, 0.68388, 0, 0.303071, 0.060046, -0.103561, -1.200348, 0, 0, -0.319241, -0.280829,
    0.555368, 0.65189, 0.631598, -0.518551,
  ],
  bias: 0.030251,
  platt: {
    a: 1.044912,
    b: 0.0163,
  },
};
