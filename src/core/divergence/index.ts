/**
 * Divergence: what each retelling of a claim changed. For a matched pair (the page's sentence, a
 * report's sentence) it lists the checkable differences of content — numbers, titles, hedges,
 * attribution, negation, quotations, entities — each with the words on both sides. Wording alone
 * is never a difference; a detail counts only where the words around it are on both sides.
 */
import { dayResolver, type WeekdayResolver } from '../provenance/dates';
import type { ArticleReport } from '../types';
import { attributionDifferences, pronounSource, sourcesOf } from './attribution';
import { hedgeDifferences } from './hedges';
import { mayReverse, negationDifferences } from './negation';
import { numberDifferences, type SideDays } from './quantities';
import { quoteDifferences } from './quotes';
import { changesAgent, ofOtherCountries } from './agents';
import { sharesOnlyAttribution } from './claims';
import { sharedEvents, stemCore, verbsOf, type PlaceOf } from './events';
import { changesStatus, mayHaveCondition, sharesOnlyCondition } from './status';
import { titleDifferences } from './titles';
import { DIFFERENCE_KINDS, type Difference } from './types';
import { lowerOf, wordsOf } from './words';

export type { Difference, DifferenceKind, QuantityKind, Span } from './types';
export type { PlaceOf } from './events';
export { DIFFERENCE_KINDS } from './types';
export {
  differenceLabel,
  KIND_NAMES,
  labelKind,
  shortSide,
  type LabelForms,
  type LabelKind,
} from './label';

/**
 * The differences between a page sentence and a report sentence making the same claim. `days`
 * resolves each side's days of the week to dates, where its publication date says which (see
 * dayResolver): "on March 11" and "Tuesday" are then one date, not a changed one.
 */
export function findDifferences(page: string, report: string, days: SideDays = {}): Difference[] {
  const pageWords = wordsOf(page);
  const reportWords = wordsOf(report);
  const found = [
    ...numberDifferences(page, pageWords, report, reportWords, days),
    ...titleDifferences(page, pageWords, report, reportWords),
    ...hedgeDifferences(page, pageWords, report, reportWords, (side) =>
      side === 'page'
        ? sourcesOf(page).length > 0 || pronounSource(pageWords)
        : sourcesOf(report).length > 0 || pronounSource(reportWords),
    ),
    ...attributionDifferences(page, pageWords, report, reportWords),
    ...negationDifferences(page, pageWords, report, reportWords),
    ...quoteDifferences(page, pageWords, report, reportWords),
  ];
  const order = (d: Difference) => DIFFERENCE_KINDS.indexOf(d.kind);
  return found.sort((a, b) => order(a) - order(b));
}

/**
 * Whether one sentence negates a statement the other makes ("Russia has not presented the United
 * States with any list of demands" against "Russia has presented the United States with a list of
 * demands", "he would reject a 30-day ceasefire" against "he would accept a 30-day ceasefire"): the
 * `negation` difference. Two such sentences make opposite claims, not the same one.
 */
export function reversesStatement(page: string, report: string): boolean {
  const pageWords = wordsOf(page);
  if (!mayReverse(page, pageWords, report)) return false;
  return negationDifferences(page, pageWords, report, wordsOf(report)).length > 0;
}

export { sharesOnlyAttribution };
export { quotesOtherWords } from './quotes';
export { dayResolver };

/**
 * Whether the page sentence is told of a country the report names nowhere, where the report
 * sentence tells the same of others ("India's commitment…" against "Putin's commitment…"; see
 * countries.ts): the matcher gives it the places of the whole report.
 */
export { toldOfOtherCountry } from './countries';

/**
 * Whether one sentence tells as done an event the other tells as yet to come or on a condition
 * ("Russia has presented…" against "Russia plans to present…", "If Russia presents…"), or tells
 * it of other agents ("Ukraine has presented…", "The United States has presented Russia…"), or
 * of people of other countries whatever they did ("Indian and Russian officials discussed…"): the
 * two are not the same claim (see status.ts and agents.ts). `placeOf` gives the country a place
 * name stands for, so that "Moscow" and "Russia" are one subject.
 */
export function changesEvent(page: string, report: string, placeOf?: PlaceOf): boolean {
  const pageWords = wordsOf(page);
  if (placeOf && ofOtherCountries(pageWords, wordsOf(report), placeOf)) return true;
  // Most pairs share no verb and have no condition: the report's words need not be read. A verb
  // shared has its stem in the report's text (but a last "i" or "e": "deploi" for "deployed").
  const lower = lowerOf(report);
  const mayShare = verbsOf(pageWords).some((verb) => lower.includes(stemCore(verb.key)));
  const mayCondition = mayHaveCondition(page) || mayHaveCondition(report);
  if (!mayShare && !mayCondition) return false;
  const reportWords = wordsOf(report);
  if (mayCondition && sharesOnlyCondition(pageWords, reportWords)) return true;
  if (!mayShare) return false;
  const events = sharedEvents(pageWords, reportWords);
  if (events.length === 0) return false;
  const pair = { page, pageWords, report, reportWords, events, placeOf: placeOf ?? (() => null) };
  return changesStatus(pair) || changesAgent(pair);
}

/** Publication dates, as given, of a checked page and of the reports it is matched with. */
export interface Publication {
  /** The page's (ISO), when known. */
  page?: string | null;
  /** A report's by its key, as its metadata gives it ("2025-03 (about 12-14 March)"). */
  reportOf?: (report: string) => string | null;
}

/**
 * The report with every match's differences from its page sentence filled in; `publication`
 * dates the days of the week each side names.
 */
export function withDifferences(
  report: ArticleReport,
  publication: Publication = {},
): ArticleReport {
  const page = dayResolver(publication.page);
  const resolvers = new Map<string, WeekdayResolver | undefined>();
  const reportDays = (key: string): WeekdayResolver | undefined => {
    if (!publication.reportOf) return undefined;
    if (!resolvers.has(key)) resolvers.set(key, dayResolver(publication.reportOf(key)));
    return resolvers.get(key);
  };
  return {
    ...report,
    sentences: report.sentences.map((sentence) => ({
      ...sentence,
      matches: sentence.matches.map((match) => ({
        ...match,
        differences: findDifferences(sentence.text, match.text, {
          page,
          report: reportDays(match.report),
        }),
      })),
    })),
  };
}
