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
    0.296218, 0.382805, 0.261981, 0.334883, 0.234257, 0.293744, 0.27554, 0.067649, 0.115847,
    0.038159, 0.242424, 0.006734, 0.147026, 1.833784, 0.517132, 0.560157, 0.126645, 0.714526,
    0.038081, 0.733313, 0.773602, 0.097643, 0.269452, 0.169496, 0.865215, 0.290743, 0.262626,
  ],
  scale: [
    0.169526, 0.20105, 0.14624, 0.212885, 0.157581, 0.31863, 0.30053, 0.089402, 0.108411, 0.191581,
    0.42855, 0.081784, 0.354132, 0.352938, 0.157149, 0.272859, 0.159865, 0.194946, 0.085436,
    0.171141, 0.109701, 0.296831, 0.400919, 0.110379, 0.234015, 0.215718, 0.440061,
  ],
  weights: [
    0.234169, 0.112361, 0.098007, 0, 0, 0, 0, -0.244965, -0.059105, -0.152442, 0.695951, -0.104934,
    -0.102356, 0.683886, 0, 0.303082, 0.060086, -0.10349, -1.200259, 0, 0, -0.319213, -0.280842,
    0.555376, 0.651899, 0.631609, -0.518538,
  ],
  bias: 0.030381,
  platt: {
    a: 1.044902,
    b: 0.016291,
  },
};
