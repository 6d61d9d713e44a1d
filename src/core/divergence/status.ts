/**
 * Whether the two sides tell one event as done on one side and as yet to come, or only on a
 * condition, on the other: "Russia has presented the United States with a list of demands"
 * against "Russia plans to present…", "Russia could present… as early as next week" or "If Russia
 * presents…, Washington will study it". The second side does not say that it happened, so the
 * two are not the same claim. The event is one both sides tell (events.ts), of the same subject,
 * so that a sentence telling another event with the same verb is left alone.
 */
import {
  DETERMINERS,
  INTENT,
  isPast,
  isSkipped,
  nameOf,
  opensClause,
  PROSPECTIVE,
  type EventPair,
} from './events';
import { isContent, perText, sameWord, type Word } from './words';

/**
 * How a sentence tells an event: as done, as yet to come, on a condition, as an open question
 * ("on whether he will accept", "asked if he would"), or plainly (none of these).
 */
type Status = 'done' | 'to-come' | 'conditional' | 'open' | 'plain';

/** Words that open a condition: the clause they open does not say that its event happened. */
const CONDITION = new Set(['if', 'unless']);
/** Words that open a condition put before its subject ("Should Putin accept the truce, …"). */
const INVERTED = new Set(['should', 'were']);
/** A word that can open a condition, in a sentence's text. */
const CONDITION_CUE = new RegExp(`\\b(?:${[...CONDITION, ...INVERTED].join('|')})\\b`, 'i');

/** Whether `text` has a word that can open a condition; without one it has no condition. */
export const mayHaveCondition: (text: string) => boolean = perText((text) =>
  CONDITION_CUE.test(text),
);
/** Words before "if" that make it open a question, not a condition ("asked if", "unclear if"). */
const ASKING = new Set(
  `ask asks asked asking know knows knew see sees saw decide decides decided wonder wonders
  wondered unclear clear sure certain check checked say said tell told`.split(/\s+/),
);
/** Words before a verb searched for what governs it. */
const REACH = 3;

/** Whether a sentence opens with a condition put before its subject ("Should Putin accept…"). */
function opensInverted(words: readonly Word[]): boolean {
  return INVERTED.has(words[0]?.lower ?? '') && words[1]?.cap === true;
}

/** Whether words[i] opens a condition: "if" or "unless", but not "if" after "asked" and the like. */
function opensCondition(words: readonly Word[], i: number): boolean {
  const word = words[i]!.lower;
  return CONDITION.has(word) && !(word === 'if' && ASKING.has(words[i - 1]?.lower ?? ''));
}

/**
 * Whether words[at] stands in a condition, an open question or neither: a clause opened by "if"
 * or "unless" ("If Russia presents…, Washington will…", "…sanctions unless Putin accepts"), or a
 * sentence opened by "Should" or "Were" before a name, up to its first comma ("Should Putin accept
 * the truce, talks could begin"), is a condition; a clause opened by "whether", or by "if" after
 * a verb of asking or knowing ("asked if he would accept"), is an open question.
 */
function clauseStatus(words: readonly Word[], at: number): Status | null {
  for (let k = at - 1; k >= 0; k--) {
    const word = words[k]!.lower;
    if (word === 'whether') return 'open';
    if (CONDITION.has(word)) return opensCondition(words, k) ? 'conditional' : 'open';
    if (opensClause(words, k + 1)) break;
  }
  if (!opensInverted(words)) return null;
  for (let k = 1; k <= at; k++) if (opensClause(words, k)) return null;
  return 'conditional';
}

/** How words[at], a verb, is told. */
function statusAt(words: readonly Word[], at: number): Status {
  const clause = clauseStatus(words, at);
  if (clause) return clause;
  const past = isPast(words[at]!);
  for (let k = at - 1; k >= 0 && k >= at - REACH; k--) {
    if (opensClause(words, k + 1)) break;
    const before = words[k]!;
    if (isSkipped(before)) continue;
    if (PROSPECTIVE.has(before.lower)) return 'to-come';
    if (before.lower === 'to') return INTENT.has(words[k - 1]?.lower ?? '') ? 'to-come' : 'plain';
    // A participle after a determiner or a preposition describes a thing ("the proposed truce").
    if (DETERMINERS.has(before.lower)) return 'plain';
    break;
  }
  return past ? 'done' : 'plain';
}

/**
 * Whether one side tells as done an event the other tells as yet to come, on a condition or as
 * an open question, or one side tells on a condition an event the other tells otherwise (see the
 * module's comment). Subjects are the same word, spellings of one name, or names `placeOf` gives
 * one country. Never throws.
 */
export function changesStatus(pair: EventPair): boolean {
  const { page, pageWords, report, reportWords, placeOf } = pair;
  for (const event of pair.events) {
    const { pageSubject, reportSubject } = event;
    // One event: the same verb of the same subject ("Ukraine accepted the truce" and "whether
    // he will accept the truce" tell two).
    if (!pageSubject || !reportSubject) continue;
    if (!sameWord(pageSubject.head, reportSubject.head)) {
      const place = placeOf(nameOf(page, pageWords, pageSubject));
      if (place === null || place !== placeOf(nameOf(report, reportWords, reportSubject))) continue;
    }
    const pageStatus = statusAt(pageWords, event.page.index);
    const reportStatus = statusAt(reportWords, event.report.index);
    if (pageStatus === reportStatus) continue;
    // A condition asserts nothing: told otherwise on the other side, it is another claim.
    if (pageStatus === 'conditional' || reportStatus === 'conditional') return true;
    // Told as done on one side, and as yet to come or open on the other.
    const done = pageStatus === 'done' || reportStatus === 'done';
    if (done && pageStatus !== 'plain' && reportStatus !== 'plain') return true;
  }
  return false;
}

/**
 * The words of a sentence's conditions: a clause opened by "if" or "unless" (not after a verb of
 * asking: "asked if" opens a question), up to the next comma or break, or the clause of a
 * sentence opened by "Should" or "Were" before a name, up to its first comma.
 */
function conditionWords(words: readonly Word[]): Set<number> {
  const inside = new Set<number>();
  let from = opensInverted(words) ? 0 : -1;
  for (let i = 0; i < words.length; i++) {
    if (from < 0 && opensCondition(words, i)) from = i;
    if (from < 0) continue;
    if (i > from && opensClause(words, i)) {
      from = CONDITION.has(words[i]!.lower) ? i : -1;
      if (from < 0) continue;
    }
    inside.add(i);
  }
  return inside;
}

/** Plain words a claim is told with: content words of three letters or more, not names. */
const isPlain = (w: Word): boolean => isContent(w) && !w.cap && w.lower.length >= 3;

/**
 * Whether all that one side shares with the other is in one of its conditions: "Unless Putin
 * accepts the 30-day ceasefire, Trump will impose new sanctions on Russian oil" shares with "Trump
 * awaits Putin's answer on whether he will accept a proposed 30-day ceasefire" only its
 * condition, and claims what follows it. Two plain words shared inside a condition and none
 * outside it, on either side. Never throws.
 */
export function sharesOnlyCondition(
  pageWords: readonly Word[],
  reportWords: readonly Word[],
): boolean {
  const oneWay = (aWords: readonly Word[], bWords: readonly Word[]): boolean => {
    const condition = conditionWords(aWords);
    if (condition.size === 0) return false;
    const theirs = bWords.filter(isPlain);
    let inside = 0;
    for (const a of aWords) {
      if (!isPlain(a) || !theirs.some((b) => sameWord(a, b))) continue;
      if (!condition.has(a.index)) return false;
      inside++;
    }
    return inside >= 2;
  };
  return oneWay(pageWords, reportWords) || oneWay(reportWords, pageWords);
}
