/**
 * Articles written after the verifier's training data was fixed (test/fixtures/fresh), and never
 * trained on: neighbouring stories and retellings of the corpus story, in the sets they were
 * written in (test/fixtures/fresh/README.md). They (or ones like them) were tried as training data
 * and made the cross-validated figures worse (src/core/verify/README.md, "Fresh articles" and
 * after), so they test the shipped model on text it has not seen: the neighbouring stories by
 * their false pairs per 100 sentences, the retellings by precision and recall.
 *
 * Each set has a regression guard, not a target: the shipped model's figure when the set was
 * added, with a margin of about two pairs for a set of stories and about four for a set of
 * retellings (each set's comment gives the figure it was added at).
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
  type PredictedUnit,
} from './heldout';
import { readNeighbours } from './fit';
import { loadDevCorpus } from './predict';
import { formatCauses, formatScore, type Score } from './score';

/** A set of fresh articles written together, and its guard. */
interface FreshSet {
  /** How the printed figures name it. */
  name: string;
  files: ReadonlySet<string>;
  /** Labelled and added to the fixtures before the matcher was ever run on them. */
  blind: boolean;
}
interface NeighbourSet extends FreshSet {
  /** Most false pairs per 100 sentences. */
  maxFalsePer100: number;
}
interface RetellingSet extends FreshSet {
  /** Least F1 of the labelled pairs. */
  minF1: number;
}

const only = (files: readonly string[], among: ReadonlySet<string>): Set<string> =>
  new Set(files.filter((f) => among.has(f)));
const fresh = (...files: string[]): Set<string> => new Set(files);

const corpus = loadDevCorpus();
const neighbours = readFresh('neighbours');
const retellings = readFresh('retellings');

const NEIGHBOUR_SETS: readonly NeighbourSet[] = [
  // The first four gave 11.3 false pairs per 100 sentences when they were added; with the four
  // written after them as training data (not kept), 12.9 on all eight (17 pairs in 132); with the
  // correction for the article's share of claims, 0.8 (one pair).
  {
    name: 'the first eight',
    files: only(
      neighbours.map((a) => a.file),
      FIRST_FRESH,
    ),
    blind: false,
    maxFalsePer100: 2.3,
  },
  // Written as test data with the four retellings written later, each with three or four near
  // misses modelled closely on corpus sentences: 15.3 (13 in 85) when added.
  {
    name: 'the four written later',
    files: fresh(
      'coalition-planners.txt',
      'starlink-dispute.txt',
      'kursk-encirclement.txt',
      'landmine-treaty.txt',
    ),
    blind: false,
    maxFalsePer100: 17.7,
  },
  // Written as training data for a feature on the parties of a claim (neither the feature nor the
  // articles were kept, src/core/verify/README.md, "The parties of a claim"); they copy corpus
  // sentences' wording about other parties: 30.2 (19 in 63) when added.
  {
    name: 'the three about other parties',
    files: fresh('eu-defence-summit.txt', 'ankara-talks.txt', 'china-mediation.txt'),
    blind: false,
    maxFalsePer100: 33.4,
  },
  // From here on, each set of six has four near misses and two sentences that make corpus claims
  // per story, labelled from the reports alone and added before the matcher was ever run on
  // them. These six gave 0.78 (one pair in 128).
  {
    name: 'the first six read blind',
    files: fresh(
      'children-returned.txt',
      'bundestag-debt-brake.txt',
      'central-bank-rate.txt',
      'slovakia-gas-transit.txt',
      'baltic-cable-tanker.txt',
      'refinery-drone-strike.txt',
    ),
    blind: true,
    maxFalsePer100: 2.4,
  },
  // Written after the rule that carries claims between the reports was fixed: no pair in 118.
  {
    name: 'the six written after them',
    files: fresh(
      'imf-tranche.txt',
      'euroclear-assets.txt',
      'minsk-prisoners.txt',
      'transnistria-energy.txt',
      'mobilisation-age.txt',
      'vatican-offer.txt',
    ),
    blind: true,
    maxFalsePer100: 1.7,
  },
  // Written after a report sentence that names no party was read by its retellings
  // (src/core/verify/README.md, "The parties of a sentence that names no one, from its
  // retellings"): 2.27 (3 pairs in 132, all on one sentence: "Prosecutors … have questioned him
  // several times over the past three weeks, both in person and by video link").
  {
    name: 'the six written after those',
    files: fresh(
      'polish-grain-blockade.txt',
      'finland-border-closure.txt',
      'romania-candidate-barred.txt',
      'tbilisi-protests.txt',
      'czech-shell-initiative.txt',
      'un-children-vote.txt',
    ),
    blind: true,
    maxFalsePer100: 3.8,
  },
  // Written after a number in a sentence's time frame was told apart from a count of the claim
  // ("A shared time frame, apart from a shared count"): 3.03 (4 pairs in 132; 6 with the model
  // before that change).
  {
    name: "the six written after the time frame's numbers were set apart",
    files: fresh(
      'minerals-drafts.txt',
      'zaporizhzhia-plant.txt',
      'embassy-talks-istanbul.txt',
      'orban-sanctions-veto.txt',
      'black-sea-grain-corridor.txt',
      'pow-exchange.txt',
    ),
    blind: true,
    maxFalsePer100: 4.6,
  },
  // Written after two trials that were not kept, with no change to the matcher ("The words of a
  // time frame, the items of a list, more training data"): 6.09 (7 pairs in 115).
  {
    name: 'the six written after two trials not kept',
    files: fresh(
      'g7-charlevoix.txt',
      'f16-deliveries.txt',
      'kharkiv-shelling.txt',
      'cpc-pipeline-strike.txt',
      'baltic-airspace.txt',
      'ukraine-election-debate.txt',
    ),
    blind: true,
    maxFalsePer100: 7.9,
  },
  // Written while a report sentence that quotes other words was told apart ("Two quotations of
  // other words"): 2.63 (3 pairs in 114).
  {
    name: 'the six written while quotations were compared',
    files: fresh(
      'armenia-azerbaijan-treaty.txt',
      'chernobyl-shelter-inspection.txt',
      'macron-nuclear-deterrent.txt',
      'aviation-flights.txt',
      'channel-spy-ship.txt',
      'danube-ports.txt',
    ),
    blind: true,
    maxFalsePer100: 4.4,
  },
  // Written after the label of a live blog's entry was read apart from its sentence ("Two
  // quotations of other words, and the label of a live blog's entry"): 0.83 (1 pair in 120).
  {
    name: "the six written after the entry's label was read apart",
    files: fresh(
      'minerals-fund-treasury-kyiv.txt',
      'rouble-rally.txt',
      'brussels-air-defence.txt',
      'broadcaster-cuts.txt',
      'american-released.txt',
      'nato-air-defence.txt',
    ),
    blind: true,
    maxFalsePer100: 2.5,
  },
  // Written after a transcript's speaker label was read apart from its sentence: 10.71 (15 pairs
  // in 140, 11 of them on one story whose four near misses follow the reports' own order: a list
  // of terms handed over, the terms discussed over three weeks, a 2022 draft as a starting point).
  {
    name: "the six written after the speaker's label was read apart",
    files: fresh(
      'russia-iran-mediation.txt',
      'nord-stream-restart.txt',
      'cyber-operations-pause.txt',
      'gagauzia-leader-detained.txt',
      'rare-earths-offer.txt',
      'aggression-tribunal.txt',
    ),
    blind: true,
    maxFalsePer100: 12.2,
  },
  // Written after a count in a sentence's attribution was read apart from its claim's numbers:
  // 0.84 (1 pair in 119, the frame of the reports' talks around Arctic projects), as the model
  // before that change gives them.
  {
    name: "the six written after the sources' count was read apart",
    files: fresh(
      'moldova-drone-airspace.txt',
      'fico-moscow-visit.txt',
      'arctic-shipping-talks.txt',
      'polish-border-shield.txt',
      'kazakh-uranium-deal.txt',
      'sanctions-waiver-expiry.txt',
    ),
    blind: true,
    maxFalsePer100: 2.6,
  },
  // Written after a capital that opens a sentence was read by the rest of its page: no pair in 173
  // (as the model before that change gives them). Two writers were given the same three topics,
  // so three stories are told twice.
  {
    name: "the nine written after a sentence's opening capital was read by its page",
    files: fresh(
      'british-diplomats-expelled.txt',
      'russia-expels-british-diplomats.txt',
      'ukraine-aid-oversight-hearing.txt',
      'house-ukraine-aid-oversight.txt',
      'serbian-ammunition.txt',
      'serbia-ammunition-ukraine.txt',
      'norway-oil-fund-ukraine.txt',
      'uk-shadow-fleet-sanctions.txt',
      'baltic-grid-month.txt',
    ),
    blind: true,
    maxFalsePer100: 1.2,
  },
  // Written after those, with no change to the matcher between: no pair in 118.
  {
    name: 'the six written after those nine',
    files: fresh(
      'ukraine-church-ban.txt',
      'estonia-voting-rights.txt',
      'nhl-khl-hockey.txt',
      'engels-air-base.txt',
      'duma-foreign-agents-property.txt',
      'eu-military-aid-plan.txt',
    ),
    blind: true,
    maxFalsePer100: 1.7,
  },
  // Written after a date's dateline and a thread's post counter were read apart: no pair in 116.
  {
    name: "the six written after a date's dateline and a thread's counter",
    files: fresh(
      'japan-kyiv-energy-aid.txt',
      'navalnaya-european-parliament.txt',
      'russia-grain-quota.txt',
      'azal-compensation.txt',
      'swiss-demining-conference.txt',
      'f35-europe-doubts.txt',
    ),
    blind: true,
    maxFalsePer100: 1.8,
  },
];

const RETELLING_SETS: readonly RetellingSet[] = [
  // F1 0.819 when they were added.
  {
    name: 'the first two',
    files: only(
      retellings.map((a) => a.file),
      FIRST_FRESH,
    ),
    blind: false,
    minF1: 0.77,
  },
  // Looser than the first two (an explainer under question headings, a radio bulletin's short
  // sentences, a British daily's long ones joining two claims, a retelling that opens with the
  // truce): F1 0.637 (P 0.969, R 0.474) when added.
  {
    name: 'the four written later',
    files: fresh(
      'upland-explainer.txt',
      'coastline-radio-bulletin.txt',
      'millbrook-chronicle.txt',
      'saltmarsh-courier.txt',
    ),
    blind: false,
    minF1: 0.62,
  },
  // From here on, each set was labelled from the reports alone and added before the matcher was
  // ever run on it. Written with the first six stories read blind: F1 0.783 (P 0.968, R 0.657).
  {
    name: 'the two written with the first six stories read blind',
    files: fresh('harrow-gazette.txt', 'northwind-digest.txt'),
    blind: true,
    minF1: 0.76,
  },
  // A broadsheet's long sentences joining claims, a popular daily's short ones in everyday words,
  // a business paper that tells the background first: F1 0.777 (P 0.977, R 0.645).
  {
    name: 'the three written after them',
    files: fresh('wexford-standard.txt', 'daily-lantern.txt', 'tidewater-business-journal.txt'),
    blind: true,
    minF1: 0.76,
  },
  // An Australian site's rewrite, a newsletter's analytical summary that leads with the truce:
  // F1 0.846 (P 0.975, R 0.747).
  {
    name: 'the two written after them',
    files: fresh('southern-cross-wire.txt', 'meridian-brief.txt'),
    blind: true,
    minF1: 0.82,
  },
  // Written with the stories from polish-grain-blockade.txt: F1 0.862 (P 0.949, R 0.789).
  {
    name: 'the one written after them',
    files: fresh('prairie-ledger.txt'),
    blind: true,
    minF1: 0.82,
  },
  // Written with the time frame's six: F1 0.846 (P 0.991, R 0.738).
  {
    name: "the two written with the time frame's six",
    files: fresh('harbourside-times.txt', 'policy-wire-briefing.txt'),
    blind: true,
    minF1: 0.8,
  },
  // Written after two trials not kept: F1 0.898 (P 0.958, R 0.846).
  {
    name: 'the two written after two trials not kept',
    files: fresh('eastbridge-daily.txt', 'lakeshore-public-radio.txt'),
    blind: true,
    minF1: 0.87,
  },
  // Written while quotations were compared: F1 0.772 (P 0.970, R 0.640); 0.831 (P 0.974,
  // R 0.724) once the label of a live blog's entry was read apart from its sentence.
  {
    name: 'the two written while quotations were compared',
    files: fresh('fairhaven-live.txt', 'continental-review.txt'),
    blind: true,
    minF1: 0.8,
  },
  // Written after that change: F1 0.839 (P 0.960, R 0.745); 0.859 (P 0.962, R 0.776) once a wire
  // service's slug ("UPDATE 3-Russia…") was read as such a label too.
  {
    name: "the two written after the entry's label was read apart",
    files: fresh('riverside-wire-updates.txt', 'heartland-radio.txt'),
    blind: true,
    minF1: 0.83,
  },
  // Written after a transcript's speaker label was read apart; one of them is a transcript: F1
  // 0.807 (P 0.969, R 0.691); 0.799 with the speaker's label read as part of its sentence.
  {
    name: "the two written after the speaker's label was read apart",
    files: fresh('morning-briefing-bullets.txt', 'evening-news-transcript.txt'),
    blind: true,
    minF1: 0.78,
  },
  // Written after the sources' count was read apart: F1 0.840 (P 0.990, R 0.730), as the model
  // before that change gives them; 0.855 since a dateline of a date alone is read apart, a change
  // made after reading them.
  {
    name: "the two written after the sources' count was read apart",
    files: fresh('podcast-show-notes.txt', 'factbox-demands.txt'),
    blind: true,
    minF1: 0.82,
  },
  // Written after a capital that opens a sentence was read by the rest of its page: F1 0.796
  // (P 0.992, R 0.665; 0.792 with the model before that change); 0.861 since a thread's post
  // counter is read apart from its post, a change made after reading them.
  {
    name: "the three written after a sentence's opening capital was read by its page",
    files: fresh(
      'kestrel-bay-courier-qa.txt',
      'harwick-courier-qa.txt',
      'northgate-thread-demands.txt',
    ),
    blind: true,
    minF1: 0.83,
  },
  // Written with the six after those nine: F1 0.841 (P 1.000, R 0.725).
  {
    name: 'the two written with the six after those nine',
    files: fresh('kvrt7-professor-interview.txt', 'weekly-compass-world.txt'),
    blind: true,
    minF1: 0.81,
  },
  // Written with the six after a date's dateline and a thread's counter: F1 0.924 (P 0.978,
  // R 0.875).
  {
    name: "the two written after a date's dateline and a thread's counter",
    files: fresh('left-bank-herald.txt', 'open-line-callin.txt'),
    blind: true,
    minF1: 0.89,
  },
];
/** The precision of the shown matches over every fresh retelling. */
const MIN_RETELLINGS_PRECISION = 0.96;

/** The units of the articles in `set`. */
const within = (units: readonly PredictedUnit[], set: FreshSet): PredictedUnit[] =>
  units.filter((u) => set.files.has(u.file));

test('every fresh article is in exactly one set, and every sentence is labelled', () => {
  for (const [articles, sets] of [
    [neighbours, NEIGHBOUR_SETS],
    [retellings, RETELLING_SETS],
  ] as const) {
    const setsOf = articles.map((a) => sets.filter((s) => s.files.has(a.file)).length);
    expect(setsOf.every((n) => n === 1)).toBe(true);
    expect(sets.reduce((n, s) => n + s.files.size, 0)).toBe(articles.length);
  }
  const unlabelled = [...neighbours, ...retellings]
    .flatMap(judgeArticle)
    .filter((u) => u.judgement === null);
  expect(unlabelled.map((u) => u.text)).toEqual([]);
});

test('on articles it never saw, the matcher keeps to its figures', () => {
  // Every judged candidate (floor 0), so that a missed pair can be told retrieved or not.
  const neighbourUnits = heldoutPredictions(corpus.matcher, neighbours, 0);
  const retold = heldoutPredictions(corpus.matcher, retellings, 0);
  const scored = (units: readonly PredictedUnit[]): Score => scoreHeldout(units, MATCH_THRESHOLD);
  const falsePer100 = (units: readonly PredictedUnit[]): number =>
    falsePairsPer100(units, MATCH_THRESHOLD);
  const neighbourScore = scored(neighbourUnits);
  const retoldScore = scored(retold);
  const lines = [
    `fresh neighbouring stories (${neighbours.length} articles, ${neighbourUnits.length} sentences): ${falsePer100(neighbourUnits).toFixed(2)} false pairs per 100 sentences; labelled claims ${formatScore(neighbourScore)}`,
    `  errors by cause: ${formatCauses(heldoutCauses(neighbourUnits, MATCH_THRESHOLD), neighbourScore)}`,
  ];
  for (const set of NEIGHBOUR_SETS) {
    const units = within(neighbourUnits, set);
    const score = scored(units);
    lines.push(
      `  ${set.name} (${units.length} sentences): ${falsePer100(units).toFixed(2)} false pairs per 100 sentences (${score.fp} pairs); labelled claims ${formatScore(score)}`,
    );
  }
  lines.push(
    `fresh retellings (${retellings.length} articles, ${retold.length} sentences): ${formatScore(retoldScore)}`,
    `  errors by cause: ${formatCauses(heldoutCauses(retold, MATCH_THRESHOLD), retoldScore)}`,
  );
  for (const set of RETELLING_SETS)
    lines.push(`  ${set.name}: ${formatScore(scored(within(retold, set)))}`);
  console.log(lines.join('\n'));

  // Every neighbouring story never trained on: these and the held-out half, the figure
  // read over all the text that can speak for it.
  const heldoutHalf = heldoutPredictions(corpus.matcher, readNeighbours('heldout'), 0);
  const untrained = [...neighbourUnits, ...heldoutHalf];
  const blindSets = NEIGHBOUR_SETS.filter((s) => s.blind);
  const readBlind = blindSets.flatMap((set) => within(neighbourUnits, set));
  const blindStories = blindSets.reduce((n, s) => n + s.files.size, 0);
  // How the shown scores read on text never trained on (with the held-out neighbouring half).
  const shown = shownCalibration([...untrained, ...retold], MATCH_THRESHOLD);
  console.log(
    [
      `neighbouring stories never trained on, fresh and held-out half (${untrained.length} sentences): ${falsePer100(untrained).toFixed(2)} false pairs per 100 sentences (${scored(untrained).fp} pairs); the ${blindStories} read blind (${readBlind.length}): ${falsePer100(readBlind).toFixed(2)} (${scored(readBlind).fp} pairs)`,
      `shown matches on text never trained on: ${shown.pairs} pairs, mean score ${shown.meanScore.toFixed(3)}, the same claim ${shown.observed.toFixed(3)}`,
    ].join('\n'),
  );

  const over = NEIGHBOUR_SETS.filter(
    (set) => falsePer100(within(neighbourUnits, set)) > set.maxFalsePer100,
  ).map((set) => set.name);
  expect(over).toEqual([]);
  const under = RETELLING_SETS.filter((set) => scored(within(retold, set)).f1 < set.minF1).map(
    (set) => set.name,
  );
  expect(under).toEqual([]);
  expect(retoldScore.precision).toBeGreaterThanOrEqual(MIN_RETELLINGS_PRECISION);
}, 60_000);
