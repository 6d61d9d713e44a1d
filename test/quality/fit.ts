/**
 * Fitting the verifier (src/core/verify): the candidate pairs the rerank passes to it, one per
 * (page unit, report), labelled from the development gold (extended with the hand labels of the
 * sentences it leaves unjudged), the three articles of test/fixtures/heldout, the tuning half
 * of the neighbouring-story articles and the retellings of test/fixtures/retellings; a logistic
 * regression over their features with the signs of FEATURE_SIGNS; cross-validation by group (one
 * corpus report, or one article, at a time); and Platt scaling of the cross-validated log-odds.
 *
 * Never used: the held-out half of the neighbouring-story articles (test/fixtures/neighbours).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candidate } from '../../src/core/matcher';
import { splitSentences } from '../../src/core/sentences';
import {
  bestProbabilities,
  carriedMatches,
  corrected,
  estimatedShare,
  FEATURES,
  FEATURE_SIGNS,
  logOdds,
  probability,
  factorOfShare,
  sigmoid,
  tellsTheStory,
  unitLinks,
  type Link,
  type Model,
} from '../../src/core/verify';
import { extendedJudgements } from './calibrate';
import {
  judgeArticle,
  readHeldout,
  readLabelled,
  type HeldoutArticle,
  type HeldoutUnit,
  type PredictedUnit,
} from './heldout';
import type { DevCorpus } from './predict';
import type { Gold, ScoredReport } from './score';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Folder of the neighbouring-story articles. */
export const NEIGHBOURS_DIR = path.join(here, '../fixtures/neighbours');
/** Folder of the retellings of the corpus story written for training. */
export const RETELLINGS_DIR = path.join(here, '../fixtures/retellings');

/** The neighbouring-story articles of one half. */
export function readNeighbours(half?: 'tuning' | 'heldout'): HeldoutArticle[] {
  return readLabelled(NEIGHBOURS_DIR).filter((a) => half === undefined || a.half === half);
}

/** The retellings of the corpus story (test/fixtures/retellings), training data only. */
export function readRetellings(): HeldoutArticle[] {
  return readLabelled(RETELLINGS_DIR);
}

/** One labelled candidate pair. */
export interface Pair {
  /** The group it is held out with in cross-validation (a report file or an article). */
  group: string;
  /** The other group it involves (the candidate's report file), also held out with it. */
  other: string;
  features: number[];
  label: 0 | 1;
}

/**
 * Strength of the L2 penalty on the standardised weights, chosen by cross-validation on the
 * training pairs (the figures of 0.3, 1, 3, 10, 30, 50, 100 and 300 are in src/core/verify/README.md).
 */
export const L2 = 10;

/**
 * The candidate standing for each report: the one the rerank scores highest. Labels name
 * reports, not sentences, so each (unit, report) pair is one training pair.
 */
function perReport(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const c of candidates) {
    const previous = best.get(c.report);
    if (!previous || c.similarity.score > previous.similarity.score) best.set(c.report, c);
  }
  return [...best.values()];
}

/**
 * Candidate pairs of the corpus reports, each checked with itself excluded, one per (unit, other
 * report), labelled from the development gold extended with the hand labels of the sentences it
 * leaves unjudged: the same claim when the other report makes a claim the unit makes; pairs the
 * gold leaves open (`partly`) are left out.
 */
export function devPairs(gold: Gold, corpus: DevCorpus): Pair[] {
  const predictions = corpus.inputs.map(({ meta, text }) => ({
    file: meta.file,
    text,
    units: splitSentences(text),
  }));
  const judgements = extendedJudgements(
    gold,
    corpus,
    predictions.map((p) => ({
      ...p,
      units: p.units.map((u) => ({ start: u.start, end: u.end, scores: new Map() })),
    })),
  );
  const pairs: Pair[] = [];
  predictions.forEach(({ file, units }, r) => {
    const judged = corpus.matcher.judgeUnits(
      units.map((u) => u.text),
      r,
    );
    units.forEach((_unit, i) => {
      const j = judgements[r]![i]!;
      for (const candidate of perReport(judged[i]!.candidates)) {
        const other = corpus.inputs[candidate.report]!.meta.file;
        if (j.maybe.has(other)) continue;
        const label = j.gold.has(other) ? 1 : 0;
        pairs.push({ group: file, other, features: candidate.features, label });
      }
    });
  });
  return pairs;
}

/**
 * Candidate pairs of labelled articles, one per (unit, report): the same claim when the labels
 * say the report makes a claim of the unit, left out when they say it does in part.
 */
export function articlePairs(corpus: DevCorpus, articles: readonly HeldoutArticle[]): Pair[] {
  const ids = corpus.inputs.map((i) => i.meta.id);
  const pairs: Pair[] = [];
  for (const article of articles) {
    const units = judgeArticle(article);
    const judged = corpus.matcher.judgeUnits(units.map((u) => u.text));
    units.forEach((unit, i) => {
      const j = unit.judgement;
      if (!j) return;
      for (const candidate of perReport(judged[i]!.candidates)) {
        const report = ids[candidate.report]!;
        if (j.maybe.has(report)) continue;
        pairs.push({
          group: article.file,
          other: article.file,
          features: candidate.features,
          label: j.gold.has(report) ? 1 : 0,
        });
      }
    });
  }
  return pairs;
}

/** Mean and standard deviation of each feature. */
function standardise(pairs: readonly Pair[]): { mean: number[]; scale: number[] } {
  const d = FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const p of pairs) p.features.forEach((x, i) => (mean[i]! += x / pairs.length));
  for (const p of pairs)
    p.features.forEach((x, i) => (scale[i]! += (x - mean[i]!) ** 2 / pairs.length));
  return { mean, scale: scale.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r]![n]!;
    for (let k = r + 1; k < n; k++) v -= m[r]![k]! * x[k]!;
    x[r] = v / m[r]![r]!;
  }
  return x;
}

/**
 * Fits the logistic regression by Newton's method (L2 penalty on the weights, not the bias), on
 * standardised features, with each weight's sign as FEATURE_SIGNS allows: a feature whose weight
 * comes out of the wrong sign is held at zero and the rest refitted, until none is. The Platt
 * parameters are left at the identity.
 */
export function fitLogistic(pairs: readonly Pair[], l2 = L2): Model {
  const { mean, scale } = standardise(pairs);
  const active = new Set(FEATURES.map((_, i) => i));
  for (;;) {
    const w = newton(pairs, mean, scale, active, l2);
    const wrong = FEATURES.map((f, i) => i).filter(
      (i) => active.has(i) && FEATURE_SIGNS[FEATURES[i]!] * w[i + 1]! < 0,
    );
    if (wrong.length === 0) {
      return {
        features: [...FEATURES],
        mean: mean.map(round),
        scale: scale.map(round),
        weights: w.slice(1).map(round),
        bias: round(w[0]!),
        platt: { a: 1, b: 0 },
      };
    }
    for (const i of wrong) active.delete(i);
  }
}

/** Newton's method over the features in `active` (the others' weights stay zero). */
function newton(
  pairs: readonly Pair[],
  mean: readonly number[],
  scale: readonly number[],
  active: ReadonlySet<number>,
  l2: number,
): number[] {
  const d = FEATURES.length;
  const xs = pairs.map((p) => [
    1,
    ...p.features.map((x, i) => (active.has(i) ? (x - mean[i]!) / scale[i]! : 0)),
  ]);
  let w = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    xs.forEach((x, n) => {
      let z = 0;
      for (let i = 0; i <= d; i++) z += w[i]! * x[i]!;
      const p = sigmoid(z);
      const r = p * (1 - p);
      const e = p - pairs[n]!.label;
      for (let i = 0; i <= d; i++) {
        grad[i]! += e * x[i]!;
        for (let k = i; k <= d; k++) hess[i]![k]! += r * x[i]! * x[k]!;
      }
    });
    for (let i = 0; i <= d; i++) for (let k = 0; k < i; k++) hess[i]![k] = hess[k]![i]!;
    for (let i = 1; i <= d; i++) {
      grad[i]! += l2 * w[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Platt scaling: a and b of p = σ(a·z + b) fitted to labels, with Platt's smoothed targets. */
export function fitPlatt(
  z: readonly number[],
  labels: readonly (0 | 1)[],
): { a: number; b: number } {
  const positives = labels.filter((l) => l === 1).length;
  const negatives = labels.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    z.forEach((zi, n) => {
      const t = labels[n] === 1 ? hi : lo;
      const p = sigmoid(a * zi + b);
      const r = p * (1 - p);
      ga += (p - t) * zi;
      gb += p - t;
      haa += r * zi * zi;
      hab += r * zi;
      hbb += r;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a: round(a), b: round(b) };
}

/**
 * Cross-validated log-odds of every pair: for each group, a model fitted on the pairs that involve
 * neither that group nor, for a corpus report, the report itself as the other side.
 */
export function crossValidatedLogOdds(pairs: readonly Pair[]): number[] {
  const groups = [...new Set(pairs.map((p) => p.group))];
  const out = new Array<number>(pairs.length).fill(0);
  for (const g of groups) {
    const train = pairs.filter((p) => p.group !== g && p.other !== g);
    const model = fitLogistic(train);
    pairs.forEach((p, n) => {
      if (p.group === g) out[n] = logOdds(model, p.features);
    });
  }
  return out;
}

/** The shipped model: fitted on every training pair, Platt-scaled on cross-validated log-odds. */
export function fitModel(pairs: readonly Pair[]): { model: Model; cvLogOdds: number[] } {
  const model = fitLogistic(pairs);
  const cvLogOdds = crossValidatedLogOdds(pairs);
  model.platt = fitPlatt(
    cvLogOdds,
    pairs.map((p) => p.label),
  );
  return { model, cvLogOdds };
}

/** Reliability table: per probability bin, pairs, mean predicted probability and observed rate. */
export function reliability(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  bins = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001],
): { from: number; to: number; pairs: number; predicted: number; observed: number }[] {
  return bins.slice(0, -1).map((from, k) => {
    const to = bins[k + 1]!;
    const inBin = probabilities
      .map((p, n) => [p, labels[n]!] as const)
      .filter(([p]) => p >= from && p < to);
    const mean = (xs: number[]): number =>
      xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    return {
      from,
      to: Math.min(1, to),
      pairs: inBin.length,
      predicted: mean(inBin.map(([p]) => p)),
      observed: mean(inBin.map(([, l]) => l)),
    };
  });
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export type { Candidate };

/**
 * Every training pair: the development gold, the three articles, the tuning neighbours and the
 * retellings.
 */
export function trainingPairs(gold: Gold, corpus: DevCorpus): Pair[] {
  return [
    ...devPairs(gold, corpus),
    ...articlePairs(corpus, readHeldout()),
    ...articlePairs(corpus, readNeighbours('tuning')),
    ...articlePairs(corpus, readRetellings()),
  ];
}

/** A unit's candidates, reduced to what scoring under any model needs. */
export interface UnitCandidates {
  start: number;
  end: number;
  /** The unit's text, for the checks that drop a contradicting report (Matcher.contradicts). */
  text: string;
  informative: boolean;
  candidates: {
    report: number;
    sentence: number;
    features: number[];
    /** The mass of each term of the report sentence the unit covers (PairEvidence.reportCovered). */
    covered: Float32Array;
  }[];
}

/**
 * The training articles' share of claims (TRAINING_SHARE of src/core/verify/article-share.ts):
 * the mean, over the informative units of every training article (each corpus report checked with
 * itself excluded, the three articles, the tuning neighbours, the retellings), of the unit's best
 * probability under the shipped model.
 */
export function trainingShare(corpus: DevCorpus): number {
  const texts = [
    ...corpus.inputs.map(({ text }, r) => ({ text, excluded: r })),
    ...[...readHeldout(), ...readNeighbours('tuning'), ...readRetellings()].map((a) => ({
      text: a.text,
      excluded: -1,
    })),
  ];
  const best = texts.flatMap(({ text, excluded }) =>
    bestProbabilities(
      corpus.matcher.judgeUnits(
        splitSentences(text).map((u) => u.text),
        excluded,
      ),
    ),
  );
  return best.reduce((a, b) => a + b, 0) / best.length;
}

/**
 * An article's share of claims under `model`, estimated once from its units' candidates
 * (estimatedShare): the factor its probabilities are corrected by, as the engine corrects them,
 * and whether its claims carry (tellsTheStory).
 */
function articleShareUnder(
  units: readonly Omit<UnitCandidates, 'start' | 'end'>[],
  model: Model,
): { factor: number; tells: boolean } {
  const share = estimatedShare(
    units.map((u) => ({
      informative: u.informative,
      candidates: u.candidates.map((c) => ({ probability: probability(model, c.features) })),
    })),
  );
  return { factor: factorOfShare(share), tells: tellsTheStory(share) };
}

/** Per corpus: its reports checked against each other once (see devCandidates). */
const devCandidatesOf = new WeakMap<DevCorpus, ReturnType<typeof checkReports>>();

/**
 * The corpus reports' units (each report checked with itself excluded) with their candidates,
 * worked out once per corpus: the cross-validated scores and the links both read them.
 */
export function devCandidates(
  corpus: DevCorpus,
): readonly { file: string; text: string; units: UnitCandidates[] }[] {
  let dev = devCandidatesOf.get(corpus);
  if (!dev) devCandidatesOf.set(corpus, (dev = checkReports(corpus)));
  return dev;
}

function checkReports(
  corpus: DevCorpus,
): { file: string; text: string; units: UnitCandidates[] }[] {
  return corpus.inputs.map(({ meta, text }, r) => {
    const units = splitSentences(text);
    const judged = corpus.matcher.judgeUnits(
      units.map((u) => u.text),
      r,
    );
    return {
      file: meta.file,
      text,
      units: units.map((u, i) => ({
        start: u.start,
        end: u.end,
        text: u.text,
        informative: judged[i]!.informative,
        candidates: judged[i]!.candidates.map(candidateOf),
      })),
    };
  });
}

/** What scoring under any model needs of a candidate. */
function candidateOf(c: Candidate): UnitCandidates['candidates'][number] {
  return {
    report: c.report,
    sentence: c.sentence,
    features: c.features,
    covered: c.evidence.reportCovered,
  };
}

/**
 * Each report's best probability under `model` among a unit's candidates, keyed by `key`,
 * corrected by the article's share `factor` as the engine corrects it; a report whose most
 * probable sentence contradicts the unit is left out, as the engine leaves it out at any threshold
 * that would show it.
 */
function bestScores(
  unit: Pick<UnitCandidates, 'text' | 'candidates'>,
  corpus: DevCorpus,
  model: Model,
  key: (report: number) => string,
  factor: number,
  carry: Carry | null,
): Map<string, number> {
  const best = new Map<number, { p: number; sentence: number; covered: Float32Array }>();
  for (const c of unit.candidates) {
    const p = corrected(probability(model, c.features), factor);
    if (p > (best.get(c.report)?.p ?? -1))
      best.set(c.report, { p, sentence: c.sentence, covered: c.covered });
  }
  for (const [report, { sentence }] of best)
    if (corpus.matcher.contradicts(unit.text, sentence)) best.delete(report);
  const probabilities = new Map([...best].map(([report, { p }]) => [report, p]));
  if (carry) {
    const direct = [...best].map(([report, { p, sentence, covered }]) => ({
      report,
      sentence,
      probability: p,
      covered,
    }));
    const compared = new Set(unit.candidates.map((c) => c.sentence));
    const carried = carriedMatches(
      direct,
      carry.links,
      (via, link) => corpus.matcher.carriesTo(via.sentence, via.covered, link.sentence),
      (report) => report === carry.excluded,
      (sentence) => compared.has(sentence),
    );
    for (const c of carried)
      if (!corpus.matcher.contradicts(unit.text, c.link.sentence))
        probabilities.set(c.link.report, c.probability);
  }
  const scores = new Map<string, number>();
  for (const [report, p] of probabilities) {
    const k = key(report);
    if (p > (scores.get(k) ?? -1)) scores.set(k, p);
  }
  return scores;
}

/** The links a unit's matches are carried over (see verify/carry-over.ts), under one model. */
interface Carry {
  links: (sentence: number) => readonly Link[];
  /** A report never carried to (the report checked, for a corpus report). */
  excluded: number;
}

/** Per corpus and model: the links of every corpus unit. */
const linksOf = new WeakMap<DevCorpus, WeakMap<Model, Map<number, Link[]>>>();

/**
 * The links of the corpus's units under `model`, as the build makes them (Matcher.reportLinks):
 * each report checked with itself excluded, its probabilities corrected for its share of claims,
 * each unit's links chosen as the build chooses them (unitLinks).
 */
function corpusLinks(corpus: DevCorpus, model: Model): (sentence: number) => readonly Link[] {
  let perModel = linksOf.get(corpus);
  if (!perModel) linksOf.set(corpus, (perModel = new WeakMap()));
  let links = perModel.get(model);
  if (!links) {
    const dev = devCandidates(corpus);
    const docOf = new Map<string, number>();
    corpus.compiled.sentences.forEach((s, doc) => docOf.set(`${s.report}:${s.start}`, doc));
    links = new Map();
    for (const [r, report] of dev.entries()) {
      const { factor } = articleShareUnder(report.units, model);
      for (const u of report.units) {
        const doc = docOf.get(`${r}:${u.start}`);
        if (doc === undefined) continue;
        links.set(
          doc,
          unitLinks(
            u.candidates.map((c) => ({
              report: c.report,
              sentence: c.sentence,
              probability: corrected(probability(model, c.features), factor),
              // The first feature is the rerank's score.
              score: c.features[0]!,
            })),
            (sentence) => corpus.matcher.contradicts(u.text, sentence),
          ),
        );
      }
    }
    perModel.set(model, links);
  }
  const found = links;
  return (sentence) => found.get(sentence) ?? [];
}

/** The corpus reports' predictions under a model per report file (for cross-validation). */
export function devScored(
  corpus: DevCorpus,
  candidates: ReturnType<typeof devCandidates>,
  modelFor: (file: string) => Model,
): ScoredReport[] {
  const fileOf = (r: number): string => corpus.inputs[r]!.meta.file;
  return candidates.map((report) => {
    const model = modelFor(report.file);
    const { factor, tells } = articleShareUnder(report.units, model);
    const r = candidates.indexOf(report);
    const carry = tells ? { links: corpusLinks(corpus, model), excluded: r } : null;
    return {
      file: report.file,
      text: report.text,
      units: report.units.map((u) => ({
        start: u.start,
        end: u.end,
        scores: bestScores(u, corpus, model, fileOf, factor, carry),
      })),
    };
  });
}

/** Labelled articles' units with their candidates. */
export function articleCandidates(
  corpus: DevCorpus,
  articles: readonly HeldoutArticle[],
): (HeldoutUnit & Pick<UnitCandidates, 'informative' | 'candidates'>)[] {
  return articles.flatMap((article) => {
    const units = judgeArticle(article);
    const judged = corpus.matcher.judgeUnits(units.map((u) => u.text));
    return units.map((u, i) => ({
      ...u,
      informative: judged[i]!.informative,
      candidates: judged[i]!.candidates.map(candidateOf),
    }));
  });
}

/** Labelled articles' predictions under a model per article file (for cross-validation). */
export function articleScored(
  corpus: DevCorpus,
  units: ReturnType<typeof articleCandidates>,
  modelFor: (file: string) => Model,
): PredictedUnit[] {
  const idOf = (r: number): string => corpus.inputs[r]!.meta.id;
  const factors = new Map<string, number>();
  const carries = new Map<string, Carry | null>();
  for (const file of new Set(units.map((u) => u.file))) {
    const model = modelFor(file);
    const own = units.filter((u) => u.file === file);
    const { factor, tells } = articleShareUnder(own, model);
    factors.set(file, factor);
    carries.set(file, tells ? { links: corpusLinks(corpus, model), excluded: -1 } : null);
  }
  return units.map(({ candidates, informative: _informative, ...unit }) => ({
    ...unit,
    scores: bestScores(
      { text: unit.text, candidates },
      corpus,
      modelFor(unit.file),
      idOf,
      factors.get(unit.file)!,
      carries.get(unit.file)!,
    ),
  }));
}

/**
 * The cross-validated model of each group: fitted on the pairs that involve neither the group
 * nor (for a corpus report) that report as the other side, with the shipped Platt scaling.
 */
export function foldModels(
  pairs: readonly Pair[],
  platt: Model['platt'],
): (group: string) => Model {
  const models = new Map<string, Model>();
  return (group) => {
    let model = models.get(group);
    if (!model) {
      model = fitLogistic(pairs.filter((p) => p.group !== group && p.other !== group));
      model.platt = platt;
      models.set(group, model);
    }
    return model;
  };
}

/** The model as the source of src/core/verify/model.ts. */
export function modelSource(model: Model): string {
  return `/**
 * The fitted model of the verifier. Written by \`npm run fit\` (test/quality/fit.ts) from the
 * development gold, the three articles of test/fixtures/heldout, the tuning half of the
 * neighbouring-story articles and the retellings of test/fixtures/retellings; do not edit by hand.
 */
import type { Model } from './logistic';

/** Logistic regression over FEATURES (standardised), then Platt scaling of its log-odds. */
export const MODEL: Model = ${JSON.stringify(model, null, 2)};
`;
}
