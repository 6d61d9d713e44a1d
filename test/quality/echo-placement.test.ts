/**
 * Echo groups on the labelled articles: where the page itself stands. A retelling of the corpus
 * story (the three articles but the opinion piece, the retellings, the fresh retellings) retells
 * the text the five reports retell, so it belongs to their group and is not an independent source
 * of its claims; an article on a neighbouring story retells none of them. The groups and the
 * placement are the engine's (`checkArticle` with the bundled corpus's echo groups), as the CLI
 * and the extension compute them.
 */
import { expect, test } from 'vitest';
import { checkArticle } from '../../src/core/check-article';
import { buildEchoGroups } from '../../src/core/provenance';
import { readNeighbours, readRetellings } from './fit';
import { readFresh, readHeldout } from './heldout';
import { loadDevCorpus } from './predict';

const corpus = loadDevCorpus();
const groups = buildEchoGroups(corpus.inputs, (text, exclude) =>
  corpus.matcher.check(text, { exclude }),
);
/** The group of the five reports (they retell one text). */
const reportsGroup = groups.groupOf(corpus.inputs[0]!.meta.id);

const pageGroup = (text: string): string | null =>
  checkArticle(corpus.matcher, text, { groups }).provenance?.pageGroup ?? null;

test('the bundled reports form one group', () => {
  expect(new Set(corpus.inputs.map((i) => groups.groupOf(i.meta.id)))).toEqual(
    new Set([reportsGroup]),
  );
});

/**
 * Retellings the matcher's missed matches leave unplaced: lakeside-gazette rewords every sentence
 * (its wording overlap with the reports is under MIN_OVERLAP), so only LONG_RUN can place it, and
 * since the verifier weighs the parties of a claim (src/core/verify/parties.ts) too few of its
 * claims are matched in the reports' order to make that run. A known error of the matcher: the
 * page's claims then count it as a source of its own.
 */
const UNPLACED_BY_MISSED_MATCHES = new Set(['lakeside-gazette.txt']);

test('every retelling of the corpus story is placed in the reports’ group, but where missed matches leave it', () => {
  const retellings = [
    // The opinion piece retells a few claims among its own: not a retelling.
    ...readHeldout().filter((a) => a.file !== 'lantern-review-opinion.txt'),
    ...readRetellings(),
    ...readFresh('retellings'),
  ];
  expect(retellings.length).toBe(37);
  const placed = retellings.map((a) => [a.file, pageGroup(a.text)]);
  expect(placed).toEqual(
    retellings.map((a) => [a.file, UNPLACED_BY_MISSED_MATCHES.has(a.file) ? null : reportsGroup]),
  );
}, 60_000);

/**
 * Neighbouring stories the matcher's false matches place in the reports' group. Two of the six
 * read blind last: nord-stream-restart tells four events of other agents in the reports' own
 * words and order (a list of terms handed to U.S. investors, those terms discussed over three
 * weeks in person and online, a 2022 draft as a starting point against something entirely new),
 * with 11 false pairs; rare-earths-offer has 3 false pairs besides its two background claims.
 * india-oil-payments (training data for the parties of a claim) keeps the wording of six of the
 * reports' sentences, in their order, about India and Russia, and was placed there until a
 * report telling one event of another agent was no longer listed ("New Delhi has presented Moscow
 * with a list of demands…" against "Russia has presented the United States…"; see
 * src/core/divergence/agents.ts). china-mediation, placed so before the parties were weighed, no
 * longer is either.
 */
const PLACED_BY_FALSE_MATCHES = new Set<string>([
  'nord-stream-restart.txt',
  'rare-earths-offer.txt',
]);

test('no article on a neighbouring story is placed in a group, but where false matches put it', () => {
  const neighbours = [...readNeighbours(), ...readFresh('neighbours')];
  const placed = neighbours.map((a) => [a.file, pageGroup(a.text)]);
  expect(placed).toEqual(
    neighbours.map((a) => [a.file, PLACED_BY_FALSE_MATCHES.has(a.file) ? reportsGroup : null]),
  );
}, 60_000);
