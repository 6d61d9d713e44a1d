/**
 * Events two sentences both tell: the same verb, standing where a verb stands on both sides, with
 * a plain word of what follows it on both ("has presented the United States with a list of
 * demands" and "plans to present the United States with a list"), and the subject of each. The
 * status and agent checks (status.ts, agents.ts) compare what each side says of such an event.
 */
import { REPORTING_VERBS } from '../reporting-verbs';
import { isClauseBreak, isContent, perSentence, sameWord, type Word } from './words';

/** Verbs of saying: what they tie to a source is no event of their subject. */
export const SAYING: ReadonlySet<string> = new Set(REPORTING_VERBS);

/**
 * The country a place name stands for ("Moscow", "the Kremlin", "the United States"), or null:
 * the matcher's place aliases, so that "Moscow has presented" and "Russia plans to present" have
 * one subject.
 */
export type PlaceOf = (name: string) => string | null;

/** Modals before a verb that tell it as yet to come or as possible. */
export const PROSPECTIVE = new Set(['will', 'shall', 'could', 'may', 'might']);
/**
 * Words before "to" that tell the infinitive after it as yet to come: plans, expectations,
 * readiness ("plans to present", "is expected to present", "is set to present").
 */
export const INTENT = new Set(
  `plan plans planned planning intend intends intended intending aim aims aimed expect expects
  expected set due poised going likely ready prepared preparing hope hopes hoped want wants wanted
  seek seeks sought prepare prepares`.split(/\s+/),
);
/** Words after which a participle describes a thing rather than telling an event. */
export const DETERMINERS = new Set(
  'a an the its their his her this that these those our your any some no each every of for with by'.split(
    ' ',
  ),
);
/** Words between an auxiliary and its verb ("has formally presented", "will not yet"). */
export const SKIPPED = new Set([
  'also',
  'already',
  'now',
  'then',
  'still',
  'even',
  'just',
  'soon',
  'be',
]);
/** Common irregular past forms (as `analyse.ts` reads them, the ones news tells events with). */
const IRREGULAR_PAST = new Set(
  `gave handed sent made took held met told sought brought struck won lost left began put set
  laid led paid sold spoke wrote withdrew`.split(/\s+/),
);
/** Words after a verb that say what it is about (as for a negation). */
const OBJECT_SPAN = 8;
/** Words between a subject and its verb: auxiliaries, modals, "to" and what governs it. */
const AUXILIARY = new Set(
  `has have had is are was were be been being will would shall could may might can must do does
  did to not never`.split(/\s+/),
);
/** Words that open a verb's object, after a present form straight after a name. */
const OBJECT_OPENERS = new Set(
  'a an the its their his her this that these those any some to'.split(' '),
);
/**
 * A verb in the present straight after a name, a plain word after it in the same clause ("Seoul
 * remains cautious", "Moscow insists that…"): in -s, not -ss, after a name that is not a
 * possessive ("Russia's demands include…" has its verb later). A word in -s followed by an
 * auxiliary, a past form or a verb of saying is a plural noun, the subject ("American officials
 * have…", "Russian forces pushed…", "South Korean officials said…").
 */
function presentAfterName(name: Word, word: Word, next: Word | undefined): boolean {
  if (name.possessive || !next || next.cap || /^\d/.test(next.lower) || next.gap.trim())
    return false;
  const noun =
    AUXILIARY.has(next.lower) ||
    PROSPECTIVE.has(next.lower) ||
    SAYING.has(next.lower) ||
    isPast(next);
  if (noun) return false;
  return /[^s]s$/.test(word.lower) && word.lower.length > 3;
}

/** Pronouns a verb follows straight ("he will accept", "they presented"). */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);

/** A regular past form: a stem of three letters or more and "-ed". */
const REGULAR_PAST = /\p{L}{3,}ed$/u;
/** An adverb in "-ly" after a stem of three letters or more. */
const LY_ADVERB = /\p{L}{3,}ly$/u;

/** Whether a word is a past form ("presented", "handed"). */
export function isPast(word: Word): boolean {
  const { lower } = word;
  // The ending first: most words are no past form, and it costs less than the expression.
  return (lower.endsWith('ed') && REGULAR_PAST.test(lower)) || IRREGULAR_PAST.has(lower);
}

/** Whether an adverb stands between an auxiliary and its verb ("has formally presented"). */
export function isSkipped(word: Word): boolean {
  const { lower } = word;
  return SKIPPED.has(lower) || (lower.endsWith('ly') && LY_ADVERB.test(lower));
}

/** Whether a comma or a break stands before words[k]: the end of the clause before it. */
export function opensClause(words: readonly Word[], k: number): boolean {
  const gap = words[k]!.gap;
  return isClauseBreak(gap) || gap.includes(',');
}

/**
 * Whether words[at] stands where a verb stands: after an auxiliary, a modal, "to" or a pronoun
 * (adverbs between), straight after a name with its object after it ("Russia presents the…",
 * "Should Putin accept the…"), or in a past form not after a determiner. "30-day" is no verb,
 * though its "day" follows a number.
 */
export function isVerbAt(words: readonly Word[], at: number): boolean {
  const word = words[at]!;
  // A word joined by a hyphen is part of a compound ("Saudi-hosted talks", "so-called").
  if (word.cap || word.hyphenated || /^\d/.test(word.lower)) return false;
  for (let k = at - 1; k >= 0; k--) {
    if (opensClause(words, k + 1)) break;
    const before = words[k]!;
    if (isSkipped(before)) continue;
    if (AUXILIARY.has(before.lower) || PROSPECTIVE.has(before.lower)) return true;
    if (PRONOUNS.has(before.lower)) return true;
    // Straight after a name, a word with its object after it ("Russia presents the…", "Should
    // Putin accept the…"); "Russian officials discussed" and "the Indian embassy in" are nouns,
    // and so is a word after a possessive ("India's commitment to…").
    if (before.cap && k === at - 1)
      return (
        !before.possessive &&
        (isPast(word) ||
          OBJECT_OPENERS.has(words[at + 1]?.lower ?? '') ||
          presentAfterName(before, word, words[at + 1]))
      );
    if (DETERMINERS.has(before.lower)) return false;
    break;
  }
  return isPast(word);
}

/**
 * The subject of words[at], a verb: the first word before it in its clause that is neither an
 * auxiliary, an adverb nor a word governing "to" ("Russia has formally presented", "Russia plans
 * to present"), with the capitalised words before it that make one name with it ("The United
 * States", "Vladimir Putin"). "He" or "she" stands for the last person named before it in the
 * sentence ("Trump is awaiting Putin's response on whether he will agree…": Putin). Null when
 * that word is another function word, or no one is named before the pronoun: it names no one
 * the other side can be compared with.
 */
export function subjectOf(words: readonly Word[], at: number): Subject | null {
  for (let k = at - 1; k >= 0; k--) {
    if (opensClause(words, k + 1)) return null;
    const word = words[k]!;
    if (AUXILIARY.has(word.lower) || isSkipped(word)) continue;
    if (words[k + 1]?.lower === 'to' && INTENT.has(word.lower)) continue;
    if (PERSONAL.has(word.lower)) return namedBefore(words, k);
    if (!isContent(word)) return null;
    let from = k;
    while (word.cap && from > 0 && words[from - 1]!.cap && !opensClause(words, from)) from--;
    return { head: word, from };
  }
  return null;
}

/** Pronouns that stand for a person named before them. */
const PERSONAL = new Set(['he', 'she']);

/**
 * The last name before words[at] (a capitalised word that does not open the sentence, with the
 * capitalised words before it that make one name with it), or null.
 */
function namedBefore(words: readonly Word[], at: number): Subject | null {
  for (let k = at - 1; k > 0; k--) {
    const word = words[k]!;
    if (!word.cap || !isContent(word)) continue;
    let from = k;
    while (from > 0 && words[from - 1]!.cap && !opensClause(words, from)) from--;
    return { head: word, from };
  }
  return null;
}

/** Words that open a relative clause: its verb's object may stand before them. */
const RELATIVE = new Set(['that', 'which']);
/** Words after a verb that say it has no object of its own there ("would accept as a step"). */
const NO_OBJECT = new Set(
  'as in at on for with by from after before during until since when if because'.split(' '),
);
/**
 * Words searched back from a verb for the "that" of its relative clause ("that Ukrainian
 * President Volodymyr Zelenskiy has said he would accept").
 */
const RELATIVE_REACH = 12;
/** Words before a relative "that" read as its antecedent ("a 30-day ceasefire, a move that"). */
const ANTECEDENT_SPAN = 6;

/**
 * What the verb words[at] is about: the content words after it, up to OBJECT_SPAN words on, and,
 * where it has no object after it and stands in a relative clause, the words before that clause's
 * "that" or "which" ("a 30-day ceasefire, a move that Zelenskiy has said he would accept as a
 * first step" is about the ceasefire). A "that" after a verb ("said that", "insisted that") opens
 * what is said, not a relative clause. Names are left out unless `withNames`, as a name alone
 * ("the United States", "the United Nations") may be another thing.
 */
export function objectWords(words: readonly Word[], at: number, withNames = false): Word[] {
  const keep = (w: Word) => isContent(w) && (withNames || !w.cap);
  const found = words.slice(at + 1, at + 1 + OBJECT_SPAN).filter(keep);
  const next = words[at + 1];
  if (next && !NO_OBJECT.has(next.lower) && !opensClause(words, at + 1)) return found;
  for (let k = at - 1; k > 0 && k >= at - RELATIVE_REACH; k--) {
    if (opensClause(words, k + 1)) break;
    if (!RELATIVE.has(words[k]!.lower)) continue;
    const before = words[k - 1]!;
    if (!isContent(before) || isPast(before)) break;
    return [...found, ...words.slice(Math.max(0, k - ANTECEDENT_SPAN), k).filter(keep)];
  }
  return found;
}

/** A verb's subject: its last word, and where the name it ends starts. */
export interface Subject {
  head: Word;
  from: number;
}

/** One event both sides tell: the verb on each side, and each side's subject (null: none). */
export interface SharedEvent {
  page: Word;
  report: Word;
  pageSubject: Subject | null;
  reportSubject: Subject | null;
}

/**
 * What every written form of a word with matching key `key` holds: the key but a last "i" or "e",
 * which the stemmer writes for a "y" or drops ("deploy" → "deploi", "agreed" → "agre").
 */
export function stemCore(key: string): string {
  return key.length > 3 ? key.replace(/[ie]$/, '') : key;
}

/** The content words of a sentence that stand where a verb stands (see isVerbAt), found once. */
export const verbsOf = perSentence((words) =>
  words.filter((w) => isContent(w) && w.lower.length >= 3 && isVerbAt(words, w.index)),
);

/** The events both sides tell (see the module's comment). */
export function sharedEvents(
  pageWords: readonly Word[],
  reportWords: readonly Word[],
): SharedEvent[] {
  const found: SharedEvent[] = [];
  const reportVerbs = verbsOf(reportWords);
  if (reportVerbs.length === 0) return found;
  for (const a of verbsOf(pageWords)) {
    let objects: Word[] | null = null;
    for (const b of reportVerbs) {
      if (!sameWord(a, b)) continue;
      objects ??= objectWords(pageWords, a.index);
      const theirs = objectWords(reportWords, b.index);
      if (!objects.some((x) => theirs.some((y) => sameWord(x, y)))) continue;
      found.push({
        page: a,
        report: b,
        pageSubject: subjectOf(pageWords, a.index),
        reportSubject: subjectOf(reportWords, b.index),
      });
    }
  }
  return found;
}

/** Two sentences, their words and the events both tell: what the status and agent checks read. */
export interface EventPair {
  page: string;
  pageWords: readonly Word[];
  report: string;
  reportWords: readonly Word[];
  events: readonly SharedEvent[];
  /** The country a place name stands for (see PlaceOf). */
  placeOf: PlaceOf;
}

/** The text of a subject's name ("The United States"). */
export function nameOf(sentence: string, words: readonly Word[], subject: Subject): string {
  return sentence.slice(words[subject.from]!.start, subject.head.end);
}
