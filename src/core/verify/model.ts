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
    0.30054, 0.385899, 0.265877, 0.335062, 0.230829, 0.278049, 0.262358, 0.064309, 0.101441,
    0.037538, 0.25976, 0.006006, 0.156156, 1.845936, 0.520342, 0.571482, 0.129774, 0.717294,
    0.017169, 0.729507, 0.767038, 0.181142,
  ],
  scale: [
    0.171712, 0.203435, 0.146703, 0.209951, 0.145533, 0.311118, 0.289917, 0.088874, 0.100884,
    0.190075, 0.438503, 0.077265, 0.363003, 0.357253, 0.141205, 0.265981, 0.158917, 0.194891,
    0.05261, 0.166156, 0.098088, 0.119466,
  ],
  weights: [
    0.33436, 0.294448, 0.359294, 0.317661, 0.379444, 0, 0, -0.360694, -0.204851, -0.207325,
    0.435145, -0.18679, 0, 0.343793, 0.032349, 0.308115, 0.422209, -0.007594, -0.509589, -0.123758,
    0, 0.51334,
  ],
  bias: 0.950305,
  platt: {
    a: 0.933289,
    b: -0.028734,
  },
};
