/**
 * Whether the two sides tell one event of different agents: "Ukraine has presented the United
 * States with a list of demands" or "The United States has presented Russia with a list of
 * demands" against "Russia has presented the United States with a list of demands". Who did it,
 * and to whom, is part of the claim. Compared only where both can be read: the event is one both
 * sides tell (events.ts), in the active voice on both, and
 * - both subjects are places the matcher's aliases give two different countries, or
 * - both are people of countries ("Indian and Russian officials", "Russian and U.S. officials")
 *   and each names a country the other does not, or
 * - each side's subject is named after the other side's verb: the roles are swapped ("Trump
 *   called Putin", "Putin called Trump"), or
 * - the name straight after the verb, whom it is done to, differs: two places the aliases give
 *   two countries, or two names neither of which is a place ("Russia has presented Ukraine with a
 *   list" against "Russia has presented the United States with a list"). Verbs of saying are
 *   left out ("told Reuters", "told CNN": two reports of one claim).
 * A person and a country ("Putin has presented", "Russia has presented") are not compared: one
 * may act for the other.
 */
import {
  nameOf,
  opensClause,
  SAYING,
  subjectOf,
  verbsOf,
  type EventPair,
  type PlaceOf,
  type SharedEvent,
  type Subject,
} from './events';
import { isContent, sameWord, type Word } from './words';

/** Forms of "be" before a participle: a passive, whose subject is not its agent. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words after a verb searched for the other side's subject. */
const OBJECT_REACH = 6;

function isPassive(words: readonly Word[], verb: Word, subject: Subject): boolean {
  for (let k = subject.head.index + 1; k < verb.index; k++)
    if (BE.has(words[k]!.lower)) return true;
  return false;
}

/** Whether the name `subject` ends is named after `verb` on the other side. */
function namedAfter(
  subjectWords: readonly Word[],
  subject: Subject,
  words: readonly Word[],
  verb: Word,
): boolean {
  const name = subjectWords.slice(subject.from, subject.head.index + 1).filter((w) => w.cap);
  const last = name[name.length - 1];
  if (!last) return false;
  return words
    .slice(verb.index + 1, verb.index + 1 + OBJECT_REACH)
    .some((w) => w.cap && sameWord(w, last));
}

/**
 * The name straight after a verb ("presented the United States with", "called Putin"): its words
 * from the first capital to the last, "the" before it passed over. Null when a plain word comes
 * first ("presented a list of demands to the United States").
 */
function recipientOf(words: readonly Word[], verb: Word): Word[] | null {
  let k = verb.index + 1;
  if (words[k]?.lower === 'the') k++;
  const name: Word[] = [];
  while (k < words.length && words[k]!.cap && (name.length === 0 || !words[k]!.gap.trim())) {
    name.push(words[k]!);
    k++;
  }
  return name.length > 0 ? name : null;
}

/** Whether two sides do one event to different parties (see the module's comment). */
function changesRecipient(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
  event: SharedEvent,
  placeOf: PlaceOf,
): boolean {
  if (SAYING.has(event.page.lower) || SAYING.has(event.report.lower)) return false;
  const a = recipientOf(pageWords, event.page);
  const b = recipientOf(reportWords, event.report);
  if (!a || !b) return false;
  const text = (sentence: string, name: Word[]) =>
    sentence.slice(name[0]!.start, name[name.length - 1]!.end);
  const aPlace = placeOf(text(page, a));
  const bPlace = placeOf(text(report, b));
  if (aPlace !== null || bPlace !== null)
    return aPlace !== null && bPlace !== null && aPlace !== bPlace;
  return !sameWord(a[a.length - 1]!, b[b.length - 1]!);
}

/**
 * The countries a plain subject is of: the places its capitalised modifiers stand for ("Indian
 * and Russian officials", "U.S. and Russian officials"), read back from its head over capitalised
 * words and "and", past plain modifiers straight before the head ("Ukrainian and U.S. military
 * officers"). Empty for a name, or a subject with no such modifier; a possessive is an owner, not
 * a modifier ("the Kremlin's demands").
 */
function countriesOf(words: readonly Word[], subject: Subject, placeOf: PlaceOf): Set<string> {
  const found = new Set<string>();
  if (subject.head.cap) return found;
  for (let k = subject.head.index - 1; k >= 0; k--) {
    const word = words[k]!;
    if (word.lower === 'and') continue;
    // Plain modifiers straight before the head ("Ukrainian and U.S. military officers").
    if (found.size === 0 && !word.cap && isContent(word) && !opensClause(words, k + 1)) continue;
    if (!word.cap || word.possessive) break;
    const place = placeOf(word.text);
    if (place === null) break;
    found.add(place);
    if (opensClause(words, k)) break;
  }
  return found;
}

/** Whether each of two sets has a member the other lacks. */
function eachLacks(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].some((x) => !b.has(x)) && [...b].some((x) => !a.has(x));
}

/**
 * The countries of a sentence's first subject, the subject of its first verb that is not one of
 * saying, when that subject is people of countries ("Indian and Russian officials discussed…").
 */
function mainCountries(words: readonly Word[], placeOf: PlaceOf): Set<string> {
  const verb = verbsOf(words).find((v) => !SAYING.has(v.lower));
  const subject = verb ? subjectOf(words, verb.index) : null;
  // A passive's subject is not who acts ("Ukrainian forces have been pushed back").
  if (!verb || !subject || isPassive(words, verb, subject)) return new Set();
  return countriesOf(words, subject, placeOf);
}

/**
 * Whether the two sentences are told of people of other countries, whatever they did: each
 * side's first subject is people of countries, and each names a country the other does not
 * ("Indian and Russian officials discussed the terms" against "Russian and American officials
 * have engaged in multiple discussions").
 */
export function ofOtherCountries(
  pageWords: readonly Word[],
  reportWords: readonly Word[],
  placeOf: PlaceOf,
): boolean {
  const page = mainCountries(pageWords, placeOf);
  if (page.size === 0) return false;
  const report = mainCountries(reportWords, placeOf);
  return report.size > 0 && eachLacks(page, report);
}

/** Whether the two sides tell one event of different agents (see the module's comment). */
export function changesAgent(pair: EventPair): boolean {
  const { page, pageWords, report, reportWords, placeOf } = pair;
  for (const event of pair.events) {
    const { pageSubject, reportSubject } = event;
    if (!pageSubject || !reportSubject) continue;
    if (isPassive(pageWords, event.page, pageSubject)) continue;
    if (isPassive(reportWords, event.report, reportSubject)) continue;
    if (changesRecipient(page, pageWords, report, reportWords, event, placeOf)) return true;
    // Officials of other countries: "Indian and Russian officials discussed the terms" against
    // "Russian and U.S. officials discussed the terms".
    const pageCountries = countriesOf(pageWords, pageSubject, placeOf);
    const reportCountries = countriesOf(reportWords, reportSubject, placeOf);
    if (
      pageCountries.size > 0 &&
      reportCountries.size > 0 &&
      eachLacks(pageCountries, reportCountries)
    )
      return true;
    if (!pageSubject.head.cap || !reportSubject.head.cap) continue;
    if (sameWord(pageSubject.head, reportSubject.head)) continue;
    const pagePlace = placeOf(nameOf(page, pageWords, pageSubject));
    const reportPlace = placeOf(nameOf(report, reportWords, reportSubject));
    if (pagePlace !== null && reportPlace !== null && pagePlace !== reportPlace) return true;
    if (
      namedAfter(pageWords, pageSubject, reportWords, event.report) &&
      namedAfter(reportWords, reportSubject, pageWords, event.page)
    )
      return true;
  }
  return false;
}
