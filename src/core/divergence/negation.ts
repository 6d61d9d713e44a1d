/**
 * The `negation` kind: a statement one side negates and the other does not ("did not reject" /
 * "rejected", "denied that Russia had presented" / "Russia has presented"). A negation's scope is
 * the verb it stands before, the verb of the "that" clause a denial governs, or the infinitive
 * after a refusal ("refused to present"); that verb must be told on the other side, with no
 * negation of its own there.
 */
import { VERB_ANTONYMS } from './antonyms';
import { isVerbAt, objectWords, stemCore } from './events';
import type { Difference } from './types';
import {
  isClauseBreak,
  isContent,
  keyOf,
  lowerOf,
  perSentence,
  perText,
  sameWord,
  textOf,
  type Word,
} from './words';

/** Words that negate the verb after them. */
const NEGATORS = new Set(['not', 'never']);
/** Words that negate by meaning; near the other side's verb they make it negative too. */
const LEXICAL = new Set([
  'no',
  'neither',
  'nor',
  'none',
  'without',
  'ban',
  'banned',
  'prohibit',
  'prohibition',
  'refuse',
  'refused',
  'refusal',
  'reject',
  'rejected',
  'rejecting',
  'deny',
  'denied',
  'fail',
  'failed',
  'block',
  'blocking',
  'bar',
  'barred',
  'oppose',
  'opposed',
  'opposing',
  'against',
]);
/** Words between a negation and its verb ("did not yet respond", "has never been granted"). */
const BETWEEN = new Set(['be', 'been', 'being', 'have', 'yet', 'also', 'even', 'ever', 'to']);
/** Adjectives whose negation is a hedge ("not clear"), counted there rather than here. */
const HEDGE_ADJECTIVES = new Set(['clear', 'known', 'certain', 'confirmed']);
/**
 * Words before the other side's verb searched for its own negation, within its clause: "no
 * foreign troops or peacekeeping forces be deployed" negates the verb seven words on.
 */
const NEGATION_REACH = 10;

/** A negation and the verb it negates. */
interface Negated {
  cue: Word;
  verb: Word;
}

/** Verbs that deny the statement of the "that" clause after them ("denied that Russia had…"). */
const DENIALS = new Set(['deny', 'denies', 'denied', 'denying']);
/**
 * Words that negate the infinitive after them: "refused to present", "failed to agree", "has yet
 * to respond" say that it was not done.
 */
const REFUSALS = new Set(
  'refuse refuses refused refusing decline declines declined declining fail fails failed failing yet'.split(
    ' ',
  ),
);

/**
 * A word that can open a negation (NEGATORS, DENIALS, REFUSALS, a negated auxiliary: "didn't").
 * Without one on either side, only a verb of opposite meaning can reverse a statement.
 */
const NEGATION_CUE = new RegExp(
  `\\b(?:${[...NEGATORS, ...DENIALS, ...REFUSALS].join('|')})\\b|n['\u2019]t\\b`,
  'i',
);
/** Whether a text holds a negation cue (remembered: see perText). */
const hasNegationCue = perText((text) => NEGATION_CUE.test(text));

/**
 * Whether the page sentence (its words) and the report sentence (its text) may reverse each
 * other (see negationDifferences): a negation cue on either side, or a verb of the page with an
 * antonym whose stem the report's text holds. Most pairs have neither, and the report's words
 * need not be read.
 */
export function mayReverse(page: string, pageWords: readonly Word[], report: string): boolean {
  if (hasNegationCue(page) || hasNegationCue(report)) return true;
  const verbs = opposableVerbs(pageWords);
  if (verbs.length === 0) return false;
  const lower = lowerOf(report);
  return verbs.some((v) => [...antonymsOf(v.key)!].some((key) => lower.includes(stemCore(key))));
}
/** Words between a verb of denial and its "that" ("denied on Thursday that", "denied reports that"). */
const DENIAL_REACH = 3;
/** Words of the denied clause before its verb: its subject and auxiliaries ("that it had handed"). */
const CLAUSE_REACH = 6;
/** Auxiliaries: the clause's verb follows one ("that the talks had stalled"). */
const AUXILIARIES = new Set(
  'had has have was were is are would will could should might may did does do been be'.split(' '),
);

/**
 * The verb a denial negates: in its "that" clause, the first word after an auxiliary that is
 * neither a name nor a function word ("denied that the talks had stalled"), or, before any
 * auxiliary, a past form in -ed ("denied that Russia presented"). A plain word before the
 * auxiliary is the subject ("talks"), not the verb.
 */
function deniedVerb(words: readonly Word[], at: number): Word | null {
  for (let j = at + 1; j < words.length && j <= at + 1 + DENIAL_REACH; j++) {
    if (isClauseBreak(words[j]!.gap)) return null;
    if (words[j]!.lower !== 'that') continue;
    let auxiliary = false;
    for (let k = j + 1; k < words.length && k <= j + CLAUSE_REACH; k++) {
      const word = words[k]!;
      if (isClauseBreak(word.gap)) return null;
      if (AUXILIARIES.has(word.lower)) auxiliary = true;
      else if (word.cap || !isContent(word) || BETWEEN.has(word.lower)) continue;
      else if (auxiliary || /\p{L}{2,}ed$/u.test(word.lower)) return word;
    }
    return null;
  }
  return null;
}

/**
 * The verb a refusal negates: the word after its "to" ("refused to present", "has yet to
 * respond"), or null when no "to" and plain verb follow it at once.
 */
function refusedVerb(words: readonly Word[], at: number): Word | null {
  const to = words[at + 1];
  if (to?.lower !== 'to' || isClauseBreak(to.gap)) return null;
  const verb = words[at + 2];
  if (!verb || isClauseBreak(verb.gap) || verb.cap || !/\p{L}{3,}/u.test(verb.lower)) return null;
  return isContent(verb) && !BETWEEN.has(verb.lower) ? verb : null;
}

/** The negations of each sentence, found once. */
const negationsOf = perSentence(findNegations);

function findNegations(words: readonly Word[]): Negated[] {
  const found: Negated[] = [];
  for (let i = 0; i < words.length; i++) {
    const cue = words[i]!;
    if (DENIALS.has(cue.lower)) {
      const verb = deniedVerb(words, i);
      if (verb) found.push({ cue, verb });
      continue;
    }
    if (REFUSALS.has(cue.lower)) {
      const verb = refusedVerb(words, i);
      if (verb) found.push({ cue, verb });
      continue;
    }
    if (!NEGATORS.has(cue.lower) && !cue.negated) continue;
    for (let k = i + 1; k < words.length && k <= i + 3; k++) {
      const word = words[k]!;
      if (BETWEEN.has(word.lower)) continue;
      if (!HEDGE_ADJECTIVES.has(word.lower) && /\p{L}{3,}/u.test(word.lower) && !word.cap)
        found.push({ cue, verb: word });
      break;
    }
  }
  return found;
}

/** Whether a negation stands before words[at] in its clause (within NEGATION_REACH words). */
function negatedBefore(words: readonly Word[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - NEGATION_REACH; k--) {
    if (isClauseBreak(words[k + 1]!.gap)) break;
    const word = words[k]!;
    if (NEGATORS.has(word.lower) || word.negated || LEXICAL.has(word.lower)) return true;
    if (REFUSALS.has(word.lower) && words[k + 1]?.lower === 'to') return true;
  }
  return false;
}

/** Whether words[at] is negated: by a negation before it, or by its own meaning ("rejected"). */
function negatedNear(words: readonly Word[], at: number): boolean {
  return negatedBefore(words, at) || LEXICAL.has(words[at]!.lower);
}

/** Each verb's antonyms, by matching key ("accept" → "reject", "refus"), made on first use. */
let antonymKeys: Map<string, Set<string>> | null = null;

function antonymsOf(key: string): Set<string> | undefined {
  if (!antonymKeys) {
    antonymKeys = new Map();
    for (const pair of VERB_ANTONYMS) {
      const [a, b] = pair.split(' ').map(keyOf) as [string, string];
      if (a === b) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const set = antonymKeys.get(x);
        if (set) set.add(y);
        else antonymKeys.set(x, new Set([y]));
      }
    }
  }
  return antonymKeys.get(key);
}

/**
 * Verbs of opposite meaning told of one thing: "he would reject a 30-day ceasefire" against "he
 * would accept a 30-day ceasefire" (VERB_ANTONYMS, from WordNet). Both stand where a verb stands,
 * a word of what follows each is on both sides, and neither is negated (a negated antonym, "did
 * not reject", says what the other side says).
 */
function antonymPairs(aWords: readonly Word[], bWords: readonly Word[]): { a: Word; b: Word }[] {
  const found: { a: Word; b: Word }[] = [];
  const theirs = opposableVerbs(bWords);
  if (theirs.length === 0) return found;
  for (const a of opposableVerbs(aWords)) {
    const opposite = antonymsOf(a.key)!;
    const objects = objectWords(aWords, a.index);
    const b = theirs.find(
      (w) =>
        opposite.has(w.key) &&
        objects.some((x) => objectWords(bWords, w.index).some((y) => sameWord(x, y))),
    );
    if (b) found.push({ a, b });
  }
  return found;
}

/** The verbs of each sentence that have antonyms and no negation before them, found once. */
const opposableVerbs = perSentence((words) =>
  words.filter(
    (w) =>
      isContent(w) &&
      !w.cap &&
      antonymsOf(w.key) !== undefined &&
      isVerbAt(words, w.index) &&
      !negatedBefore(words, w.index),
  ),
);

/** The `negation` differences between two sentences. */
export function negationDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
): Difference[] {
  const differences: Difference[] = [];
  const oneWay = (aWords: readonly Word[], bWords: readonly Word[]) => {
    const found: { a: Negated; b: Word }[] = [];
    for (const n of negationsOf(aWords)) {
      // The negated statement reversed by meaning on its own side ("not rejected") is left alone.
      if (LEXICAL.has(n.verb.lower)) continue;
      // The verb and a word of what follows it must both be told: "has not said how it is
      // approaching" and "has said he would accept" are two statements.
      const objects = objectWords(aWords, n.verb.index, true);
      const b = bWords.find(
        (w) =>
          sameWord(w, n.verb) &&
          objects.some((x) => objectWords(bWords, w.index, true).some((y) => sameWord(x, y))),
      );
      if (!b || negatedNear(bWords, b.index)) continue;
      found.push({ a: n, b });
    }
    return found;
  };
  for (const { a, b } of oneWay(pageWords, reportWords)) {
    differences.push({
      kind: 'negation',
      page: textOf(page, pageWords, a.cue.index, a.verb.index),
      report: b.text,
      pageSpan: { start: a.cue.start, end: a.verb.end },
      reportSpan: { start: b.start, end: b.end },
    });
  }
  for (const { a, b } of antonymPairs(pageWords, reportWords)) {
    differences.push({
      kind: 'negation',
      page: a.text,
      report: b.text,
      pageSpan: { start: a.start, end: a.end },
      reportSpan: { start: b.start, end: b.end },
    });
  }
  for (const { a, b } of oneWay(reportWords, pageWords)) {
    differences.push({
      kind: 'negation',
      page: b.text,
      report: textOf(report, reportWords, a.cue.index, a.verb.index),
      pageSpan: { start: b.start, end: b.end },
      reportSpan: { start: a.cue.start, end: a.verb.end },
    });
  }
  return differences;
}
