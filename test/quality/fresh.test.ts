/**
 * Articles written after the verifier's training data was fixed (test/fixtures/fresh), and never
 * trained on: fifty-seven on neighbouring stories and twenty-two retellings of the corpus story. They (or ones
 * like them) were tried as training data and made the cross-validated figures worse
 * (src/core/verify/README.md, "Fresh articles" and after), so they test the shipped model on text it has not seen: the neighbouring
 * stories by their false pairs per 100 sentences, the retellings by precision and recall.
 */
import { expect, test } from 'vitest';
import { MATCH_THRESHOLD } from '../../src/core/matcher';
import {
  falsePairsPer100,
  FIRST_FRESH,
  heldoutCauses,
  heldoutPredictions,
  judgeArticle,
  readFresh,
  scoreHeldout,
  shownCalibration,
} from './heldout';
import { readNeighbours } from './fit';
import { loadDevCorpus } from './predict';
import { formatCauses, formatScore, type Score } from './score';

/**
 * Regression guards, not targets: the shipped model's figures when these articles were added
 * (the first four neighbouring stories 11.3 false pairs per 100 sentences; retellings F1 0.819),
 * with a margin of about four pairs. With the four written later (132 sentences), the shipped
 * model gave 12.9 (17 pairs); with the correction for the article's share of claims, 0.8 (one
 * pair): the guard is that figure plus a margin of two pairs. The four retellings written later,
 * looser than the first two (an explainer under question headings, a radio bulletin's short
 * sentences, a British daily's long ones joining two claims, a retelling that opens with the
 * truce), gave F1 0.637 (P 0.969, R 0.474) when they were added; all six, precision 0.977. Their
 * guards keep a margin of about four pairs. The four neighbouring stories written with them, each
 * with three or four near misses modelled closely on corpus sentences, gave 15.3 false pairs per
 * 100 sentences (13 in 85) when they were added; their guard keeps a margin of two pairs, and the
 * first eight keep theirs. Three more, written as training data for a feature on the parties of a
 * claim (neither the feature nor the articles were kept, src/core/verify/README.md, "The parties
 * of a claim"), copy corpus sentences' wording about other parties: 30.2 false pairs per 100
 * sentences (19 in 63) when they were added, with the same margin. The six written last, with
 * four near misses each, labelled and added before the matcher was ever run on them, gave 0.78
 * (one pair in 128 sentences): their guard too keeps a margin of two pairs. The two retellings
 * written with them, the same way, gave F1 0.783 (P 0.968, R 0.657); their guard keeps a margin of
 * about four pairs. The three retellings written last, the same way (a broadsheet's long sentences
 * joining claims, a popular daily's short ones in everyday words, a business paper that tells the
 * background first), gave F1 0.777 (P 0.977, R 0.645); their guard keeps a margin of about four
 * pairs. The two written after them, the same way (an Australian site's rewrite, a newsletter's
 * analytical summary that leads with the truce), gave F1 0.846 (P 0.975, R 0.747); their guard
 * keeps a margin of about four pairs. The six neighbouring stories written after them, the same way
 * as the six before, gave no false pair in 118 sentences; their guard keeps a margin of two pairs.
 * The six written last, the same way, gave 2.27 (3 pairs in 132 sentences, all three on one
 * sentence: "Prosecutors … have questioned him several times over the past three weeks, both in
 * person and by video link"), and the retelling written with them F1 0.862 (P 0.949, R 0.789);
 * their guards keep a margin of two pairs and of about four pairs. The six written last, the same
 * way, after a number in a sentence's time frame was told apart from a count of the claim, gave
 * 3.03 (4 pairs in 132 sentences; 6 pairs with the model before that change), and the two
 * retellings written with them F1 0.846 (P 0.991, R 0.738; 0.855 before); their guards keep a
 * margin of two pairs and of about four pairs. The six written last, the same way, after two
 * trials that were not kept and with no change to the matcher, gave 6.09 (7 pairs in 115
 * sentences) when they were added, and the two retellings written with them F1 0.898 (P 0.958,
 * R 0.846); their guards keep a margin of two pairs and of about four pairs. The six written last,
 * the same way, while a report sentence that quotes other words was told apart, gave 2.63 (3 pairs
 * in 114 sentences) when they were added, and the two retellings written with them F1 0.772
 * (P 0.970, R 0.640), 0.831 (P 0.974, R 0.724) once the label of a live blog's entry was read
 * apart from its sentence; their guards keep a margin of two pairs and of about four pairs. The six
 * written last, the same way, after that change, gave 0.83 (1 pair in 120 sentences), and the two
 * retellings written with them F1 0.839 (P 0.960, R 0.745), 0.859 (P 0.962, R 0.776) once a wire
 * service's slug ("UPDATE 3-Russia…") was read as such a label too; their guards keep a margin of
 * two pairs and of about four pairs.
 */
const MAX_NEIGHBOURS_FALSE_PER_100 = 2.3;
const MAX_LATER_NEIGHBOURS_FALSE_PER_100 = 17.7;
const MAX_OTHER_PARTIES_FALSE_PER_100 = 33.4;
const MAX_LAST_SIX_FALSE_PER_100 = 2.4;
const MAX_NEWEST_SIX_FALSE_PER_100 = 1.7;
const MAX_BLIND_SIX_FALSE_PER_100 = 3.8;
const MAX_FRAME_SIX_FALSE_PER_100 = 4.6;
const MAX_LATEST_SIX_FALSE_PER_100 = 7.9;
const MAX_QUOTATION_SIX_FALSE_PER_100 = 4.4;
const MAX_ENTRY_LABEL_SIX_FALSE_PER_100 = 2.5;
/** Three fresh neighbouring stories: corpus sentences' wording, other parties. */
const OTHER_PARTIES = new Set(['eu-defence-summit.txt', 'ankara-talks.txt', 'china-mediation.txt']);
/** Two fresh retellings labelled and added before the matcher was run on them. */
const LAST_TWO_RETELLINGS = new Set(['harrow-gazette.txt', 'northwind-digest.txt']);
/** The three fresh retellings written last, labelled and added before the matcher was run on them. */
const LAST_THREE_RETELLINGS = new Set([
  'wexford-standard.txt',
  'daily-lantern.txt',
  'tidewater-business-journal.txt',
]);
/** The two fresh retellings written after those, the same way. */
const NEWEST_RETELLINGS = new Set(['southern-cross-wire.txt', 'meridian-brief.txt']);
/**
 * Six fresh neighbouring stories, labelled and added before the matcher was ever run on them, with
 * four near misses each.
 */
const LAST_SIX = new Set([
  'children-returned.txt',
  'bundestag-debt-brake.txt',
  'central-bank-rate.txt',
  'slovakia-gas-transit.txt',
  'baltic-cable-tanker.txt',
  'refinery-drone-strike.txt',
]);
/**
 * The six fresh neighbouring stories written after the rule that carries claims between the
 * reports was fixed, the same way: labelled and added before the matcher was ever run on them.
 */
const NEWEST_SIX = new Set([
  'imf-tranche.txt',
  'euroclear-assets.txt',
  'minsk-prisoners.txt',
  'transnistria-energy.txt',
  'mobilisation-age.txt',
  'vatican-offer.txt',
]);
/**
 * Six more, the same way, written after a report sentence that names no party was read by its
 * retellings (src/core/verify/README.md, "The parties of a sentence that names no one, from its
 * retellings"): its blind check.
 */
const BLIND_SIX = new Set([
  'polish-grain-blockade.txt',
  'finland-border-closure.txt',
  'romania-candidate-barred.txt',
  'tbilisi-protests.txt',
  'czech-shell-initiative.txt',
  'un-children-vote.txt',
]);
/** A fresh retelling written with them, the same way. */
const BLIND_RETELLING = new Set(['prairie-ledger.txt']);
/**
 * Six more, the same way, written after a number in a sentence's time frame was told apart from a
 * count of the claim (src/core/verify/README.md, "A shared time frame, apart from a shared
 * count"): its blind check.
 */
const FRAME_SIX = new Set([
  'minerals-drafts.txt',
  'zaporizhzhia-plant.txt',
  'embassy-talks-istanbul.txt',
  'orban-sanctions-veto.txt',
  'black-sea-grain-corridor.txt',
  'pow-exchange.txt',
]);
/** Two fresh retellings written with them, the same way. */
const FRAME_RETELLINGS = new Set(['harbourside-times.txt', 'policy-wire-briefing.txt']);
/**
 * Six more, the same way, written after two trials that were not kept (src/core/verify/README.md,
 * "The words of a time frame, the items of a list, more training data"): the shipped model on more
 * text it never saw.
 */
const LATEST_SIX = new Set([
  'g7-charlevoix.txt',
  'f16-deliveries.txt',
  'kharkiv-shelling.txt',
  'cpc-pipeline-strike.txt',
  'baltic-airspace.txt',
  'ukraine-election-debate.txt',
]);
/** Two fresh retellings written with them, the same way. */
const LATEST_RETELLINGS = new Set(['eastbridge-daily.txt', 'lakeshore-public-radio.txt']);
/**
 * Six more, the same way, written while a report sentence that quotes other words than the page
 * sentence was being told apart (src/core/verify/README.md, "Two quotations of other words"): the
 * shipped model on more text it never saw.
 */
const QUOTATION_SIX = new Set([
  'armenia-azerbaijan-treaty.txt',
  'chernobyl-shelter-inspection.txt',
  'macron-nuclear-deterrent.txt',
  'aviation-flights.txt',
  'channel-spy-ship.txt',
  'danube-ports.txt',
]);
/** Two fresh retellings written with them, the same way. */
const QUOTATION_RETELLINGS = new Set(['fairhaven-live.txt', 'continental-review.txt']);
/**
 * Six more, the same way, written after the label of a live blog's entry was read apart from its
 * sentence (src/core/verify/README.md, "Two quotations of other words, and the label of a live
 * blog's entry"): the shipped model on more text it never saw.
 */
const ENTRY_LABEL_SIX = new Set([
  'minerals-fund-treasury-kyiv.txt',
  'rouble-rally.txt',
  'brussels-air-defence.txt',
  'broadcaster-cuts.txt',
  'american-released.txt',
  'nato-air-defence.txt',
]);
/** Two fresh retellings written with them, the same way; one a wire story's updates. */
const ENTRY_LABEL_RETELLINGS = new Set(['riverside-wire-updates.txt', 'heartland-radio.txt']);
/**
 * The sets of fresh neighbouring stories and of retellings named above: the articles in none of
 * them are the four of each written later.
 */
const NEIGHBOUR_SETS = [
  FIRST_FRESH,
  OTHER_PARTIES,
  LAST_SIX,
  NEWEST_SIX,
  BLIND_SIX,
  FRAME_SIX,
  LATEST_SIX,
  QUOTATION_SIX,
  ENTRY_LABEL_SIX,
];
const RETELLING_SETS = [
  FIRST_FRESH,
  LAST_TWO_RETELLINGS,
  LAST_THREE_RETELLINGS,
  NEWEST_RETELLINGS,
  BLIND_RETELLING,
  FRAME_RETELLINGS,
  LATEST_RETELLINGS,
  QUOTATION_RETELLINGS,
  ENTRY_LABEL_RETELLINGS,
];
/** The units of the articles in `files`. */
const within = <U extends { file: string }>(units: readonly U[], files: ReadonlySet<string>): U[] =>
  units.filter((u) => files.has(u.file));
/** The units of the articles in none of `sets`. */
const outside = <U extends { file: string }>(
  units: readonly U[],
  sets: readonly ReadonlySet<string>[],
): U[] => units.filter((u) => !sets.some((files) => files.has(u.file)));
const MIN_RETELLINGS_F1 = 0.77;
const MIN_LATER_RETELLINGS_F1 = 0.62;
const MIN_LAST_TWO_RETELLINGS_F1 = 0.76;
const MIN_LAST_THREE_RETELLINGS_F1 = 0.76;
const MIN_NEWEST_RETELLINGS_F1 = 0.82;
const MIN_BLIND_RETELLING_F1 = 0.82;
const MIN_FRAME_RETELLINGS_F1 = 0.8;
const MIN_LATEST_RETELLINGS_F1 = 0.87;
const MIN_QUOTATION_RETELLINGS_F1 = 0.8;
const MIN_ENTRY_LABEL_RETELLINGS_F1 = 0.83;
const MIN_RETELLINGS_PRECISION = 0.96;

const corpus = loadDevCorpus();
const neighbours = readFresh('neighbours');
const retellings = readFresh('retellings');

test('every sentence of the fresh articles is labelled', () => {
  expect(neighbours.length).toBe(57);
  expect(retellings.length).toBe(22);
  const unlabelled = [...neighbours, ...retellings]
    .flatMap(judgeArticle)
    .filter((u) => u.judgement === null);
  expect(unlabelled.map((u) => u.text)).toEqual([]);
});

test('on articles it never saw, the matcher keeps to its figures', () => {
  // Every judged candidate (floor 0), so that a missed pair can be told retrieved or not.
  const neighbourUnits = heldoutPredictions(corpus.matcher, neighbours, 0);
  const scored = (units: typeof neighbourUnits): Score => scoreHeldout(units, MATCH_THRESHOLD);
  const neighbourScore = scored(neighbourUnits);
  const falsePer100 = (units: typeof neighbourUnits): number =>
    falsePairsPer100(units, MATCH_THRESHOLD);
  const firstNeighbours = within(neighbourUnits, FIRST_FRESH);
  const laterNeighbours = outside(neighbourUnits, NEIGHBOUR_SETS);
  const otherParties = within(neighbourUnits, OTHER_PARTIES);
  const lastSix = within(neighbourUnits, LAST_SIX);
  const lastSixScore = scored(lastSix);
  const newestSix = within(neighbourUnits, NEWEST_SIX);
  const newestSixScore = scored(newestSix);
  const blindSix = within(neighbourUnits, BLIND_SIX);
  const blindSixScore = scored(blindSix);
  const frameSix = within(neighbourUnits, FRAME_SIX);
  const frameSixScore = scored(frameSix);
  const latestSix = within(neighbourUnits, LATEST_SIX);
  const latestSixScore = scored(latestSix);
  const quotationSix = within(neighbourUnits, QUOTATION_SIX);
  const quotationSixScore = scored(quotationSix);
  const entryLabelSix = within(neighbourUnits, ENTRY_LABEL_SIX);
  const entryLabelSixScore = scored(entryLabelSix);
  const retold = heldoutPredictions(corpus.matcher, retellings, 0);
  const retoldScore = scored(retold);
  const firstScore = scored(within(retold, FIRST_FRESH));
  const laterScore = scored(outside(retold, RETELLING_SETS));
  const blindRetellingScore = scored(within(retold, BLIND_RETELLING));
  const frameRetellingsScore = scored(within(retold, FRAME_RETELLINGS));
  const latestRetellingsScore = scored(within(retold, LATEST_RETELLINGS));
  const quotationRetellingsScore = scored(within(retold, QUOTATION_RETELLINGS));
  const entryLabelRetellingsScore = scored(within(retold, ENTRY_LABEL_RETELLINGS));
  const lastThreeScore = scored(within(retold, LAST_THREE_RETELLINGS));
  const newestScore = scored(within(retold, NEWEST_RETELLINGS));
  const lastTwoScore = scored(within(retold, LAST_TWO_RETELLINGS));
  console.log(
    [
      `fresh neighbouring stories (${neighbourUnits.length} sentences): ${falsePer100(neighbourUnits).toFixed(2)} false pairs per 100 sentences; labelled claims ${formatScore(neighbourScore)}`,
      `  errors by cause: ${formatCauses(heldoutCauses(neighbourUnits, MATCH_THRESHOLD), neighbourScore)}`,
      `  the first eight (${firstNeighbours.length} sentences): ${falsePer100(firstNeighbours).toFixed(2)}; the four written later (${laterNeighbours.length}): ${falsePer100(laterNeighbours).toFixed(2)}; the three about other parties (${otherParties.length}): ${falsePer100(otherParties).toFixed(2)}`,
      `  the first six read blind (${lastSix.length} sentences): ${falsePer100(lastSix).toFixed(2)} false pairs per 100 sentences (${lastSixScore.fp} pairs); labelled claims ${formatScore(lastSixScore)}`,
      `  the six written after them (${newestSix.length} sentences): ${falsePer100(newestSix).toFixed(2)} false pairs per 100 sentences (${newestSixScore.fp} pairs); labelled claims ${formatScore(newestSixScore)}`,
      `  the six written after those (${blindSix.length} sentences): ${falsePer100(blindSix).toFixed(2)} false pairs per 100 sentences (${blindSixScore.fp} pairs); labelled claims ${formatScore(blindSixScore)}`,
      `  the six written after the time frame's numbers were set apart (${frameSix.length} sentences): ${falsePer100(frameSix).toFixed(2)} false pairs per 100 sentences (${frameSixScore.fp} pairs); labelled claims ${formatScore(frameSixScore)}`,
      `  the six written after two trials not kept (${latestSix.length} sentences): ${falsePer100(latestSix).toFixed(2)} false pairs per 100 sentences (${latestSixScore.fp} pairs); labelled claims ${formatScore(latestSixScore)}`,
      `  the six written while quotations were compared (${quotationSix.length} sentences): ${falsePer100(quotationSix).toFixed(2)} false pairs per 100 sentences (${quotationSixScore.fp} pairs); labelled claims ${formatScore(quotationSixScore)}`,
      `  the six written last (${entryLabelSix.length} sentences): ${falsePer100(entryLabelSix).toFixed(2)} false pairs per 100 sentences (${entryLabelSixScore.fp} pairs); labelled claims ${formatScore(entryLabelSixScore)}`,
      `fresh retellings (${retold.length} sentences): ${formatScore(retoldScore)}`,
      `  errors by cause: ${formatCauses(heldoutCauses(retold, MATCH_THRESHOLD), retoldScore)}`,
      `  the first two: ${formatScore(firstScore)}`,
      `  the four written later: ${formatScore(laterScore)}`,
      `  the two written with the last six neighbouring stories: ${formatScore(lastTwoScore)}`,
      `  the three written after them: ${formatScore(lastThreeScore)}`,
      `  the two written after them: ${formatScore(newestScore)}`,
      `  the one written after them: ${formatScore(blindRetellingScore)}`,
      `  the two written with the time frame's six: ${formatScore(frameRetellingsScore)}`,
      `  the two written after two trials not kept: ${formatScore(latestRetellingsScore)}`,
      `  the two written while quotations were compared: ${formatScore(quotationRetellingsScore)}`,
      `  the two written last: ${formatScore(entryLabelRetellingsScore)}`,
    ].join('\n'),
  );
  // Every neighbouring story never trained on: these and the held-out half, the figure
  // read over all the text that can speak for it.
  const heldoutHalf = heldoutPredictions(corpus.matcher, readNeighbours('heldout'), 0);
  const untrained = [...neighbourUnits, ...heldoutHalf];
  const untrainedScore = scored(untrained);
  // The seven sets of six labelled and added before the matcher was ever run on them.
  const readBlind = [
    ...lastSix,
    ...newestSix,
    ...blindSix,
    ...frameSix,
    ...latestSix,
    ...quotationSix,
    ...entryLabelSix,
  ];
  // How the shown scores read on text never trained on (with the held-out neighbouring half).
  const shown = shownCalibration([...untrained, ...retold], MATCH_THRESHOLD);
  console.log(
    [
      `neighbouring stories never trained on, fresh and held-out half (${untrained.length} sentences): ${falsePer100(untrained).toFixed(2)} false pairs per 100 sentences (${untrainedScore.fp} pairs); the forty-two read blind (${readBlind.length}): ${falsePer100(readBlind).toFixed(2)} (${scored(readBlind).fp} pairs)`,
      `shown matches on text never trained on: ${shown.pairs} pairs, mean score ${shown.meanScore.toFixed(3)}, the same claim ${shown.observed.toFixed(3)}`,
    ].join('\n'),
  );
  expect(falsePer100(firstNeighbours)).toBeLessThanOrEqual(MAX_NEIGHBOURS_FALSE_PER_100);
  expect(falsePer100(laterNeighbours)).toBeLessThanOrEqual(MAX_LATER_NEIGHBOURS_FALSE_PER_100);
  expect(falsePer100(otherParties)).toBeLessThanOrEqual(MAX_OTHER_PARTIES_FALSE_PER_100);
  expect(falsePer100(lastSix)).toBeLessThanOrEqual(MAX_LAST_SIX_FALSE_PER_100);
  expect(falsePer100(newestSix)).toBeLessThanOrEqual(MAX_NEWEST_SIX_FALSE_PER_100);
  expect(falsePer100(blindSix)).toBeLessThanOrEqual(MAX_BLIND_SIX_FALSE_PER_100);
  expect(falsePer100(frameSix)).toBeLessThanOrEqual(MAX_FRAME_SIX_FALSE_PER_100);
  expect(falsePer100(latestSix)).toBeLessThanOrEqual(MAX_LATEST_SIX_FALSE_PER_100);
  expect(falsePer100(quotationSix)).toBeLessThanOrEqual(MAX_QUOTATION_SIX_FALSE_PER_100);
  expect(falsePer100(entryLabelSix)).toBeLessThanOrEqual(MAX_ENTRY_LABEL_SIX_FALSE_PER_100);
  expect(firstScore.f1).toBeGreaterThanOrEqual(MIN_RETELLINGS_F1);
  expect(laterScore.f1).toBeGreaterThanOrEqual(MIN_LATER_RETELLINGS_F1);
  expect(lastTwoScore.f1).toBeGreaterThanOrEqual(MIN_LAST_TWO_RETELLINGS_F1);
  expect(lastThreeScore.f1).toBeGreaterThanOrEqual(MIN_LAST_THREE_RETELLINGS_F1);
  expect(newestScore.f1).toBeGreaterThanOrEqual(MIN_NEWEST_RETELLINGS_F1);
  expect(blindRetellingScore.f1).toBeGreaterThanOrEqual(MIN_BLIND_RETELLING_F1);
  expect(frameRetellingsScore.f1).toBeGreaterThanOrEqual(MIN_FRAME_RETELLINGS_F1);
  expect(latestRetellingsScore.f1).toBeGreaterThanOrEqual(MIN_LATEST_RETELLINGS_F1);
  expect(quotationRetellingsScore.f1).toBeGreaterThanOrEqual(MIN_QUOTATION_RETELLINGS_F1);
  expect(entryLabelRetellingsScore.f1).toBeGreaterThanOrEqual(MIN_ENTRY_LABEL_RETELLINGS_F1);
  expect(retoldScore.precision).toBeGreaterThanOrEqual(MIN_RETELLINGS_PRECISION);
}, 60_000);
