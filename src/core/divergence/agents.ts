/**
 * Whether the two sides tell one event of different agents: "Ukraine has presented the United
 * States with a list of demands" or "The United States has presented Russia with a list of
 * demands" against "Russia has presented the United States with a list of demands". Who did it,
 * and to whom, is part of the claim. Compared only where both can be read: the event is one both
 * sides tell (events.ts), in the active voice on both, and
 * - both subjects are places the matcher's aliases give two different countries, or
 * - each side's subject is named after the other side's verb: the roles are swapped ("Trump
 *   called Putin", "Putin called Trump").
 * A person and a country ("Putin has presented", "Russia has presented") are not compared: one
 * may act for the other.
 */
import { nameOf, sharedEvents, type PlaceOf, type SharedEvent, type Subject } from './events';
import { sameWord, type Word } from './words';

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

/** Whether the two sides tell one event of different agents (see the module's comment). */
export function changesAgent(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
  placeOf: PlaceOf = () => null,
  events: readonly SharedEvent[] = sharedEvents(pageWords, reportWords),
): boolean {
  for (const event of events) {
    const { pageSubject, reportSubject } = event;
    if (!pageSubject || !reportSubject) continue;
    if (!pageSubject.head.cap || !reportSubject.head.cap) continue;
    if (sameWord(pageSubject.head, reportSubject.head)) continue;
    if (isPassive(pageWords, event.page, pageSubject)) continue;
    if (isPassive(reportWords, event.report, reportSubject)) continue;
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
