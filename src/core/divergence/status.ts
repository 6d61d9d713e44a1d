/**
 * Whether the two sides tell one event as done on one side and as yet to come, or only on a
 * condition, on the other: "Russia has presented the United States with a list of demands"
 * against "Russia plans to present…", "Russia could present… as early as next week" or "If Russia
 * presents…, Washington will study it". The second side does not say that it happened, so the
 * two are not the same claim. The event is a verb both sides tell, of the same subject and with a
 * word of what follows it on both (as for a negation), so that a sentence telling another event
 * with the same verb is left alone.
 */
import { isClauseBreak, isContent, sameWord, type Word } from './words';

/**
 * How a sentence tells an event: as done, as yet to come, on a condition, as an open question
 * ("on whether he will accept", "asked if he would"), or plainly (none of these).
 */
type Status = 'done' | 'to-come' | 'conditional' | 'open' | 'plain';

/** Modals before a verb that tell it as yet to come or as possible. */
const PROSPECTIVE = new Set(['will', 'shall', 'could', 'may', 'might']);
/**
 * Words before "to" that tell the infinitive after it as yet to come: plans, expectations,
 * readiness ("plans to present", "is expected to present", "is set to present").
 */
const INTENT = new Set(
  `plan plans planned planning intend intends intended intending aim aims aimed expect expects
  expected set due poised going likely ready prepared preparing hope hopes hoped want wants wanted
  seek seeks sought prepare prepares`.split(/\s+/),
);
/** Words after which a participle describes a thing rather than telling an event. */
const DETERMINERS = new Set(
  'a an the its their his her this that these those our your any some no each every of for with by'.split(
    ' ',
  ),
);
/** Words that open a condition: the clause they open does not say that its event happened. */
const CONDITION = new Set(['if', 'unless']);
/** Words before "if" that make it open a question, not a condition ("asked if", "unclear if"). */
const ASKING = new Set(
  `ask asks asked asking know knows knew see sees saw decide decides decided wonder wonders
  wondered unclear clear sure certain check checked say said tell told`.split(/\s+/),
);
/** Words between an auxiliary and its verb ("has formally presented", "will not yet"). */
const SKIPPED = new Set(['also', 'already', 'now', 'then', 'still', 'even', 'just', 'soon', 'be']);
/** Common irregular past forms (as `analyse.ts` reads them, the ones news tells events with). */
const IRREGULAR_PAST = new Set(
  `gave handed sent made took held met told sought brought struck won lost left began put set
  laid led paid sold spoke wrote withdrew`.split(/\s+/),
);
/** Words after a verb that say what it is about (as for a negation). */
const OBJECT_SPAN = 8;
/** Words before a verb searched for what governs it. */
const REACH = 3;

function isPast(word: Word): boolean {
  return /\p{L}{3,}ed$/u.test(word.lower) || IRREGULAR_PAST.has(word.lower);
}

/** Whether a comma or a break stands before words[k]: the end of the clause before it. */
function opensClause(words: readonly Word[], k: number): boolean {
  const gap = words[k]!.gap;
  return isClauseBreak(gap) || gap.includes(',');
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
    if (CONDITION.has(word))
      return word === 'if' && ASKING.has(words[k - 1]?.lower ?? '') ? 'open' : 'conditional';
    if (opensClause(words, k + 1)) break;
  }
  const first = words[0];
  if (!first || (first.lower !== 'should' && first.lower !== 'were') || !words[1]?.cap) return null;
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
    if (SKIPPED.has(before.lower) || /\p{L}{3,}ly$/u.test(before.lower)) continue;
    if (PROSPECTIVE.has(before.lower)) return 'to-come';
    if (before.lower === 'to') return INTENT.has(words[k - 1]?.lower ?? '') ? 'to-come' : 'plain';
    // A participle after a determiner or a preposition describes a thing ("the proposed truce").
    if (DETERMINERS.has(before.lower)) return 'plain';
    break;
  }
  return past ? 'done' : 'plain';
}

/** Words between a subject and its verb: auxiliaries, modals, "to" and what governs it. */
const AUXILIARY = new Set(
  `has have had is are was were be been being will would shall could may might can must do does
  did to not never`.split(/\s+/),
);

/**
 * The subject of words[at], a verb: the first word before it in its clause that is neither an
 * auxiliary, an adverb nor a word governing "to" ("Russia has formally presented", "Russia plans
 * to present"). Null when that word is a function word ("whether he will accept"): a pronoun
 * names no one the other side can be compared with.
 */
function subjectOf(words: readonly Word[], at: number): Word | null {
  for (let k = at - 1; k >= 0; k--) {
    if (opensClause(words, k + 1)) return null;
    const word = words[k]!;
    if (AUXILIARY.has(word.lower) || SKIPPED.has(word.lower) || /\p{L}{3,}ly$/u.test(word.lower))
      continue;
    if (words[k + 1]?.lower === 'to' && INTENT.has(word.lower)) continue;
    return isContent(word) ? word : null;
  }
  return null;
}

/**
 * The country a place name stands for ("Moscow", "the Kremlin" and "Russia" for Russia), or null:
 * the matcher's place aliases, so that "Moscow has presented" and "Russia plans to present" have
 * one subject.
 */
export type PlaceOf = (word: string) => string | null;

/** Pronouns a verb follows straight ("he will accept", "they presented"). */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);

/**
 * Whether words[at] stands where a verb stands: after an auxiliary, a modal or "to" (adverbs
 * between), straight after a name or a pronoun ("Russia presents", "Should Putin accept"), or in
 * a past form not after a determiner. "30-day" is no verb, though its "day" follows a subject.
 */
function isVerbAt(words: readonly Word[], at: number): boolean {
  const word = words[at]!;
  if (word.cap || /^\d/.test(word.lower)) return false;
  for (let k = at - 1; k >= 0; k--) {
    if (opensClause(words, k + 1)) break;
    const before = words[k]!;
    if (SKIPPED.has(before.lower) || /\p{L}{3,}ly$/u.test(before.lower)) continue;
    if (AUXILIARY.has(before.lower) || PROSPECTIVE.has(before.lower)) return true;
    if (before.cap || PRONOUNS.has(before.lower)) return true;
    if (DETERMINERS.has(before.lower)) return false;
    break;
  }
  return isPast(word);
}

/**
 * Plain content words after words[at], up to OBJECT_SPAN words on: what the verb is about. Names
 * are left out, as a name alone ("the United States", "the United Nations") may be another thing.
 */
function after(words: readonly Word[], at: number): Word[] {
  return words.slice(at + 1, at + 1 + OBJECT_SPAN).filter((w) => isContent(w) && !w.cap);
}

/**
 * Whether one side tells as done an event the other tells as yet to come, on a condition or as
 * an open question, or one side tells on a condition an event the other tells otherwise (see the
 * module's comment). Subjects are the same word, spellings of one name, or places `placeOf`
 * gives one country. Never throws.
 */
export function changesStatus(
  pageWords: readonly Word[],
  reportWords: readonly Word[],
  placeOf: PlaceOf = () => null,
): boolean {
  const sameSubject = (a: Word, b: Word): boolean => {
    if (sameWord(a, b)) return true;
    const place = a.cap && b.cap ? placeOf(a.text) : null;
    return place !== null && place === placeOf(b.text);
  };
  for (const a of pageWords) {
    if (!isContent(a) || a.lower.length < 3 || !isVerbAt(pageWords, a.index)) continue;
    for (const b of reportWords) {
      if (!sameWord(a, b) || !isVerbAt(reportWords, b.index)) continue;
      const objects = after(pageWords, a.index);
      if (!objects.some((x) => after(reportWords, b.index).some((y) => sameWord(x, y)))) continue;
      // One event: the same verb of the same subject ("Ukraine accepted the truce" and "whether
      // he will accept the truce" tell two).
      const pageSubject = subjectOf(pageWords, a.index);
      const reportSubject = subjectOf(reportWords, b.index);
      if (!pageSubject || !reportSubject || !sameSubject(pageSubject, reportSubject)) continue;
      const pageStatus = statusAt(pageWords, a.index);
      const reportStatus = statusAt(reportWords, b.index);
      if (pageStatus === reportStatus) continue;
      // A condition asserts nothing: told otherwise on the other side, it is another claim.
      if (pageStatus === 'conditional' || reportStatus === 'conditional') return true;
      // Told as done on one side, and as yet to come or open on the other.
      const done = pageStatus === 'done' || reportStatus === 'done';
      if (done && pageStatus !== 'plain' && reportStatus !== 'plain') return true;
    }
  }
  return false;
}
