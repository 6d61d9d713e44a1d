/**
 * The fitted model of the verifier. Written by `npm run fit` (test/quality/fit.ts) from the
 * development gold, the three articles of test/fixtures/heldout and the tuning half of the
 * neighbouring-story articles; do not edit by hand.
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
    0.318209, 0.404719, 0.281642, 0.355161, 0.245707, 0.291638, 0.264792, 0.057825, 0.089634,
    0.034549, 0.270633, 0.001919, 0.172745, 1.878652, 0.529674, 0.582401, 0.145019, 0.72809,
    0.01319, 0.71147, 0.759223, 0.200577,
  ],
  scale: [
    0.180593, 0.21118, 0.155904, 0.214069, 0.152858, 0.317304, 0.292708, 0.086331, 0.094935,
    0.182634, 0.444287, 0.043769, 0.378026, 0.37167, 0.128417, 0.266157, 0.168869, 0.193831,
    0.046995, 0.161558, 0.095645, 0.126133,
  ],
  weights: [
    0.461736, 0, 1.095088, 0.361305, 0.201817, 0, 0, -0.54466, -0.156247, -0.082853, 0.461512,
    -0.055374, 0, 0.204727, 0.161304, 0.54692, 0.699079, 0.029484, -0.406089, -0.180559, 0,
    0.482069,
  ],
  bias: 1.752399,
  platt: {
    a: 0.72713,
    b: -0.029888,
  },
};
