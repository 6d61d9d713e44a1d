/**
 * The verifier's model: refitted here from its training pairs and compared with the shipped one
 * (src/core/verify/model.ts), so the model always is what its data and code give. `npm run fit`
 * (FIT_VERIFIER=write) writes the fitted model instead. Prints the weights, the reliability table
 * of the cross-validated probabilities, and the cross-validated figures of each training set.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import { FEATURES, MODEL, sigmoid, TRAINING_SHARE } from '../../src/core/verify';
import {
  articleCandidates,
  articleScored,
  devCandidates,
  devScored,
  fitModel,
  foldModels,
  readNeighbours,
  readRetellings,
  reliability,
  trainingPairs,
  trainingShare,
  modelSource,
} from './fit';
import { heldoutCauses, readHeldout, scoreHeldout } from './heldout';
import { loadDevCorpus } from './predict';
import { causesAt, formatCauses, formatScore, readGold, scoreAt } from './score';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = loadDevCorpus();
const gold = readGold();

test('the shipped verifier model is the one its training pairs give, and is calibrated', () => {
  const pairs = trainingPairs(gold, corpus);
  const { model, cvLogOdds } = fitModel(pairs);
  if (process.env.FIT_VERIFIER === 'write') {
    writeFileSync(path.join(here, '../../src/core/verify/model.ts'), modelSource(model));
    console.log('wrote src/core/verify/model.ts');
  }
  const positives = pairs.filter((p) => p.label === 1).length;
  console.log(`training pairs: ${pairs.length} (${positives} the same claim)`);
  console.log(
    'weights (standardised features):\n' +
      FEATURES.map((f, i) => `  ${f.padEnd(24)} ${model.weights[i]!.toFixed(3)}`).join('\n') +
      `\n  bias ${model.bias.toFixed(3)}; Platt a ${model.platt.a}, b ${model.platt.b}`,
  );
  const probabilities = cvLogOdds.map((z) => sigmoid(model.platt.a * z + model.platt.b));
  // A smooth figure of the whole fit: the mean log-loss of the cross-validated probabilities, by
  // training set (changes of a feature move it before they flip a decision).
  const loss = (keep: (group: string) => boolean): string => {
    let sum = 0;
    let n = 0;
    pairs.forEach((p, k) => {
      if (!keep(p.group)) return;
      const q = Math.min(1 - 1e-6, Math.max(1e-6, probabilities[k]!));
      sum -= p.label === 1 ? Math.log(q) : Math.log(1 - q);
      n++;
    });
    return `${(sum / Math.max(1, n)).toFixed(4)} (${n} pairs)`;
  };
  const neighbourFiles = new Set(readNeighbours('tuning').map((a) => a.file));
  const heldoutFiles = new Set(readHeldout().map((a) => a.file));
  const retellingFiles = new Set(readRetellings().map((a) => a.file));
  const isArticle = (g: string): boolean =>
    neighbourFiles.has(g) || heldoutFiles.has(g) || retellingFiles.has(g);
  console.log(
    `cross-validated log-loss: all ${loss(() => true)}; development gold ${loss((g) => !isArticle(g))}; ` +
      `three articles ${loss((g) => heldoutFiles.has(g))}; neighbouring (tuning) ${loss((g) => neighbourFiles.has(g))}; ` +
      `retellings ${loss((g) => retellingFiles.has(g))}`,
  );
  const table = reliability(
    probabilities,
    pairs.map((p) => p.label),
  );
  console.log(
    'reliability of the cross-validated probabilities (pairs; mean probability; share the same claim):\n' +
      table
        .map(
          (b) =>
            `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.pairs).padStart(4)}  ${b.predicted.toFixed(3)}  ${b.observed.toFixed(3)}`,
        )
        .join('\n'),
  );
  // Calibrated: in every bin of 30 pairs or more, the observed share is within three standard
  // errors (of a share of that many pairs at the mean probability) of the mean probability.
  for (const bin of table) {
    if (bin.pairs < 30) continue;
    const standardError = Math.sqrt((bin.predicted * (1 - bin.predicted)) / bin.pairs);
    expect(Math.abs(bin.observed - bin.predicted)).toBeLessThanOrEqual(3 * standardError);
  }

  // Cross-validated figures: each corpus report or article scored by a model that never saw it.
  const fold = foldModels(pairs, model.platt);
  const devScores = devScored(corpus, devCandidates(corpus), fold);
  const dev = scoreAt(gold, devScores, MATCH_THRESHOLD);
  const articles = articleScored(corpus, articleCandidates(corpus, readHeldout()), fold);
  const heldout = scoreHeldout(articles, MATCH_THRESHOLD);
  const tuning = articleScored(corpus, articleCandidates(corpus, readNeighbours('tuning')), fold);
  const neighbours = scoreHeldout(tuning, MATCH_THRESHOLD);
  console.log(`cross-validated, development gold: ${formatScore(dev)}`);
  console.log(
    `  errors by cause: ${formatCauses(causesAt(gold, devScores, MATCH_THRESHOLD), dev)}`,
  );
  console.log(`cross-validated, three held-out articles: ${formatScore(heldout)}`);
  console.log(
    `  errors by cause: ${formatCauses(heldoutCauses(articles, MATCH_THRESHOLD), heldout)}`,
  );
  console.log(
    `cross-validated, neighbouring stories (tuning half): ${formatScore(neighbours)}; ` +
      `${((100 * neighbours.fp) / tuning.length).toFixed(2)} false pairs per 100 sentences`,
  );
  console.log(
    `  errors by cause: ${formatCauses(heldoutCauses(tuning, MATCH_THRESHOLD), neighbours)}`,
  );
  const retold = articleScored(corpus, articleCandidates(corpus, readRetellings()), fold);
  const retellings = scoreHeldout(retold, MATCH_THRESHOLD);
  console.log(`cross-validated, retellings: ${formatScore(retellings)}`);
  console.log(
    `  errors by cause: ${formatCauses(heldoutCauses(retold, MATCH_THRESHOLD), retellings)}`,
  );

  // Recalibrate with `npm run fit` whenever the features, the candidates or the data change.
  expect(MODEL.features).toEqual([...FEATURES]);
  MODEL.weights.forEach((w, i) => expect(w).toBeCloseTo(model.weights[i]!, 4));
  expect(MODEL.bias).toBeCloseTo(model.bias, 4);
  expect(MODEL.platt.a).toBeCloseTo(model.platt.a, 4);
  expect(MODEL.platt.b).toBeCloseTo(model.platt.b, 4);
}, 120_000);

test("the training share the article's correction starts from is the training articles' own", () => {
  // A refit of the model moves the verifier's probabilities, and so this share: set
  // TRAINING_SHARE (src/core/verify/article-share.ts) to the printed figure.
  const share = trainingShare(corpus);
  console.log(`training share of claims (the article correction's prior): ${share.toFixed(3)}`);
  expect(Math.abs(share - TRAINING_SHARE)).toBeLessThan(0.005);
}, 120_000);
