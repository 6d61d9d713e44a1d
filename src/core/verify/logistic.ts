/**
 * A logistic regression over standardised features with Platt scaling of its log-odds: the
 * probability that a candidate pair makes the same claim. Fitting lives with the quality tests
 * (test/quality/fit.ts); this file only applies a fitted model.
 */

/** A fitted model. */
export interface Model {
  /** Feature names, in order (must equal FEATURES when the model is used). */
  features: string[];
  /** Per feature: mean and standard deviation over the training pairs (for standardising). */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Platt scaling of the log-odds, fitted on cross-validated predictions: p = σ(a·z + b). */
  platt: { a: number; b: number };
}

/** The model's log-odds for a feature vector. */
export function logOdds(model: Model, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    z += (model.weights[i]! * (x[i]! - model.mean[i]!)) / model.scale[i]!;
  }
  return z;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Calibrated probability of a feature vector. */
export function probability(model: Model, x: readonly number[]): number {
  return sigmoid(model.platt.a * logOdds(model, x) + model.platt.b);
}
