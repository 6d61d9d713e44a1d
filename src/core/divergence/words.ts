/**
 * The words of a sentence as divergence reads them: every word kept (function words carry hedges,
 * negation and determiners), each with its offsets, a folded form and a matching key, so details
 * on one side can be anchored to the same words on the other.
 */
import { stemOf } from '../tokens';
import { areVariants } from '../name-variants';
import { digitsOf, isNumberWord } from '../numbers';

/** One word of a sentence. */
export interface Word {
  /** Position in the sentence's word list. */
  index: number;
  /** As written. */
  text: string;
  /** Folded: NFKC, lower case, straight apostrophes, clitics ('s, n't) and dots removed. */
  lower: string;
  /**
   * Matching key: canonical digits for a number, the Porter stem otherwise ("discussed" and
   * "discussions" meet on "discuss"), an acronym's letters in capitals ("U.S." → "US").
   */
  key: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Ends in a possessive 's ("Russia's"). */
  possessive: boolean;
  /** A negated auxiliary ("didn't", "won't"). */
  negated: boolean;
  /** What stands between the previous word and this one (punctuation and spaces). */
  gap: string;
  /** Joined to the previous word by a hyphen ("30-day", "U.S.-Russia"). */
  hyphenated: boolean;
}

/**
 * A word: letters, digits and marks, with inner apostrophes, dots and commas between digits
 * ("Russia's", "U.S", "1,000", "2.5"). Hyphens split words; the split is recorded.
 */
const WORD =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['\u2019.]|,(?=\d{3}))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const HYPHEN_GAP = /^[-\u2010\u2011]$/;
const UPPER = /^\p{Lu}/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}\.?$/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;

/**
 * Texts whose readings are remembered (see perText): a page sentence is compared with several
 * reports and a report sentence with several page sentences, so each is read once. Bounded, like
 * the stem cache.
 */
const MAX_REMEMBERED = 4_000;

/**
 * `read` remembered per word list: wordsOf gives one list per sentence, and a page sentence meets
 * several reports' sentences, so what is read of a sentence's words is read once.
 */
export function perSentence<T>(read: (words: readonly Word[]) => T): (words: readonly Word[]) => T {
  const found = new WeakMap<readonly Word[], T>();
  return (words) => {
    let value = found.get(words);
    if (value === undefined) {
      value = read(words);
      found.set(words, value);
    }
    return value;
  };
}

/**
 * `read` remembered per text, for up to MAX_REMEMBERED texts: a page sentence is checked against
 * several reports' sentences and a report sentence against several page sentences, and most
 * checks first ask a text for a cue (a negation, a condition) before its words are read.
 */
export function perText<T>(read: (text: string) => T): (text: string) => T {
  const found = new Map<string, T>();
  return (text) => {
    let value = found.get(text);
    if (value === undefined) {
      if (found.size >= MAX_REMEMBERED) found.clear();
      value = read(text);
      found.set(text, value);
    }
    return value;
  };
}

/** A text in lower case (remembered: see perText). */
export const lowerOf = perText((text) => text.toLowerCase());

/** A sentence's words, in order (the same array for the same sentence). Never throws. */
export const wordsOf: (sentence: string) => readonly Word[] = perText(readWords);

function readWords(sentence: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of sentence.matchAll(WORD)) {
    const start = match.index;
    let text = match[0];
    let end = start + text.length;
    // Abbreviations keep their final dot as part of the word ("Feb.", "U.S.", "Gen.").
    if (sentence[end] === '.' && /^(?:\p{L}\.)+\p{L}$|^\p{Lu}\p{Ll}{1,3}$/u.test(text)) {
      if (ABBREVIATIONS.has(text.toLowerCase()) || DOTTED.test(`${text}.`)) {
        text += '.';
        end++;
      }
    }
    const gap = sentence.slice(previousEnd, start);
    const folded = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\u2019/g, "'");
    const negated = /n't$/.test(folded);
    const possessive = /'s$/.test(folded);
    let lower = folded.replace(/'(?:s|re|ve|ll|d|m)$/, '').replace(/n't$/, '');
    if (lower === 'ca' && negated) lower = 'can';
    if (lower === 'wo' && negated) lower = 'will';
    const acronym = DOTTED.test(lower) || ACRONYM.test(text);
    if (DOTTED.test(lower)) lower = lower.replace(/\./g, '');
    else lower = lower.replace(/\.$/, '');
    words.push({
      index: words.length,
      text,
      lower,
      // Acronyms keep their capitals, so "US" never meets "us" or "used" (stemmed to "us").
      key: acronym ? lower.toUpperCase() : keyOf(lower),
      start,
      end,
      cap: UPPER.test(text),
      possessive,
      negated,
      gap,
      hyphenated: words.length > 0 && HYPHEN_GAP.test(gap),
    });
    previousEnd = end;
  }
  return words;
}

/** Short abbreviations written with a final dot that is not a full stop. */
const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'gov',
  'sen',
  'rep',
  'pres',
  'sec',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'vs',
]);

/** The matching key of a folded word. */
export function keyOf(lower: string): string {
  const digits = digitsOf(lower);
  if (digits !== null) return digits;
  if (isNumberWord(lower)) return lower;
  return ALIASES.get(lower) ?? stemOf(lower);
}

/**
 * Words that name the same thing in every story: the country names outlets use for the United
 * States, and the compounds written with and without a hyphen that the split would miss.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['american', 'US'],
  ['america', 'US'],
]);

/** Whether two words are the same word for anchoring: same key, or spellings of one name. */
export function sameWord(a: Word, b: Word): boolean {
  if (a.key === b.key) return true;
  return a.cap && b.cap && areVariants(a.lower, b.lower);
}

/** Function words: they anchor nothing (a shared "the" says nothing about where a detail is). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor of to in on at by for from with as into onto over under about after
  before during since until than that this these those such which who whom whose what when where
  while whether if so it its it's he she they them their his her him we our us you your i me my
  is are was were be been being am has have had having do does did will would shall should can
  could may might must not no never also too very just still already then there here now even
  only more most less least some any all each every both either neither other another own same
  said says say told according toward towards through between among against without within
  across along around via despite amid upon`.split(/\s+/),
);

/** A word that can anchor a detail: not a function word, not punctuation-only. */
export function isContent(word: Word): boolean {
  return !FUNCTION_WORDS.has(word.lower) && word.lower.length > 1;
}

/** Whether `gap` (text between two words) ends a clause: a semicolon, colon, dash or bracket. */
export function isClauseBreak(gap: string): boolean {
  return /[;:\u2014\u2013()[\]]|\s-\s/.test(gap);
}

/** The text of words[from..to] (inclusive) as it stands in `sentence`. */
export function textOf(sentence: string, words: readonly Word[], from: number, to: number): string {
  return sentence.slice(words[from]!.start, words[to]!.end);
}
