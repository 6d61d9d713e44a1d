/**
 * Light syntactic analysis of one text unit, from its content tokens and the function words
 * between them: which clause each token stands in, whether it stands where a verb stands (after an
 * auxiliary, a modal, "to", a pronoun or straight after a name: the unit's predicates), whether a
 * negation governs it, and whether it stands in an adverbial phrase of time, place or manner. No
 * tagger and no lexicon beyond a few dozen closed-class English words, so it costs a pass over the
 * gaps between tokens: cheap enough for the compile of a large corpus, where the tags are stored
 * with each unit (see UNIT_TAGS in index.ts).
 */
import type { Token } from '../tokens';

/** The token stands where a verb stands: a predicate of its clause. */
export const TAG_PREDICATE = 1;
/** A negation ("not", "never", "no", "n't") governs the token within its clause. */
export const TAG_NEGATED = 2;
/** The clause number (0 for the first clause, capped at MAX_CLAUSE) takes bits 2–5. */
export const CLAUSE_SHIFT = 2;
/**
 * The token opens a clause after punctuation (a comma, a semicolon, a dash): a break between
 * parts of a sentence, where a clause opened by a word alone ("said that…") is still part of one.
 */
export const TAG_PUNCTUATED = 64;
/**
 * The token stands in an adverbial phrase opened by a preposition of time, place or manner ("over
 * the past three weeks", "in person", "by video link"): it tells when, where or how, not who did
 * what to whom.
 */
export const TAG_ADJUNCT = 128;
/** Clauses counted per unit; later ones share the last number. */
export const MAX_CLAUSE = 15;

/** Words after which the next content word is a verb: auxiliaries, modals, "to", pronouns. */
const VERB_CUES = new Set(
  `has have had having is are was were be been being will would could can may might should must
  shall did does do to he she they it we i who not never`.split(/\s+/),
);
/** Words after which the next content word is a noun: determiners and possessives. */
const NOUN_CUES = new Set(
  `a an the its their his her this these those our your my any every each some no of for with on
  in at by from about into over under against between`.split(/\s+/),
);
/**
 * Adverbs that stand between an auxiliary and its verb ("is still waiting", "has reportedly
 * presented"): they are not the predicate and do not end the auxiliary's reach. Words in -ly are
 * taken as such too.
 */
const ADVERBS = new Set(
  `still already also now formally reportedly repeatedly publicly currently recently again even
  just since later earlier soon yet first last previously effectively`.split(/\s+/),
);
/** Common irregular past forms: like a word in -ed, they stand where a verb stands. */
const IRREGULAR_PAST = new Set(
  `said told met made gave took struck held left sent won lost began brought bought built came chose
  drew drove fell felt fought found flew forgot got grew heard hit kept knew laid led lent lay meant
  paid put ran rose saw sought sold shook shot shut spoke spent stood stuck swore swept thought threw
  understood wrote withdrew overtook undertook`.split(/\s+/),
);
/**
 * Prepositions that open an adverbial phrase of time, place or manner. "Of", "to", "for", "with"
 * and "on" are left out: they as often attach to a noun of the claim ("a list of demands", "talks
 * on the terms").
 */
export const ADVERBIAL_PREPOSITIONS: ReadonlySet<string> = new Set(
  `over during in at by through throughout since within amid across via despite until after
  before`.split(/\s+/),
);
/**
 * Words that stand inside a phrase without ending it: determiners, possessives, "of", "and" and
 * "or" ("in person and by video", "during talks in Riyadh and Jeddah").
 */
const PHRASE_WORDS = new Set(
  `a an the its their his her this these those our your my both some several each every all of
  and or`.split(/\s+/),
);
/** Negation cues: they govern the rest of their clause. */
const NEGATIONS = new Set(
  `not never no neither nor without none nobody nothing cannot`.split(/\s+/),
);
/** Words that open a new clause. */
const CLAUSE_OPENERS = new Set(
  `and but while which who whom whose where when as after before because since although though
  whereas if that until unless so whether`.split(/\s+/),
);
/** Punctuation that closes a clause. */
const CLAUSE_PUNCTUATION = /[,;:()\u2013\u2014\u2026!?]/;
const CLAUSE_PUNCTUATION_ALL = new RegExp(CLAUSE_PUNCTUATION.source, 'g');
/** A word of the gap between two tokens (letters and inner apostrophes). */
const GAP_WORD = /[\p{L}']+/gu;

/** What the gap between two tokens holds (see readGap). */
interface Gap {
  /** Its lower-case words, or null when it has none. */
  words: string[] | null;
  /** It holds punctuation that closes a clause. */
  punctuation: boolean;
  /** How many of its words stand before its last such punctuation (0 when it has none). */
  beforeBreak: number;
}

/**
 * Reads the gap between two tokens. Gaps are short and mostly ASCII, so they are scanned by hand;
 * other text goes through the regular expressions.
 */
function readGap(gap: string): Gap {
  let words: string[] | null = null;
  let word = '';
  let punctuation = false;
  let beforeBreak = 0;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c >= 0x80) {
      const all = /\p{L}/u.test(gap) ? gap.toLowerCase().match(GAP_WORD) : null;
      let last = -1;
      for (const match of gap.matchAll(CLAUSE_PUNCTUATION_ALL)) last = match.index;
      const after = last < 0 ? null : gap.slice(last).match(GAP_WORD);
      return {
        words: all,
        punctuation: last >= 0,
        beforeBreak: last < 0 ? 0 : (all?.length ?? 0) - (after?.length ?? 0),
      };
    }
    if ((c >= 0x61 && c <= 0x7a) || c === 0x27) word += gap[i];
    else if (c >= 0x41 && c <= 0x5a) word += String.fromCharCode(c + 32);
    else {
      if (word) (words ??= []).push(word);
      word = '';
      // , ; : ( ) ! ? (the ASCII ones of CLAUSE_PUNCTUATION)
      if (
        c === 0x2c ||
        c === 0x3b ||
        c === 0x3a ||
        c === 0x28 ||
        c === 0x29 ||
        c === 0x21 ||
        c === 0x3f
      ) {
        punctuation = true;
        beforeBreak = words?.length ?? 0;
      }
    }
  }
  if (word) (words ??= []).push(word);
  // An ASCII gap holds only the ASCII ones of CLAUSE_PUNCTUATION: the scan has seen them all.
  return { words, punctuation, beforeBreak };
}

/** What the analysis needs to know of a token beyond its place: whether it is a name-like term. */
export type IsName = (token: Token) => boolean;

/**
 * Tags of each token of a unit (`tokens` as tokenised from `text`, place aliases applied): the
 * TAG_* bits and the clause number above CLAUSE_SHIFT.
 */
export function analyseUnit(text: string, tokens: readonly Token[], isName: IsName): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  let clause = 0;
  let negated = false;
  let previousEnd = 0;
  // A verb cue carried over an adverb ("is still waiting").
  let carried = false;
  // Inside an adverbial phrase (see TAG_ADJUNCT).
  let adjunct = false;
  let afterPredicate = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Most gaps are one space: nothing to read there.
    const blank =
      token.start - previousEnd <= 1 && (i === 0 || text.charCodeAt(previousEnd) === 32);
    const gap = blank ? null : readGap(text.slice(previousEnd, token.start));
    let verbCue = false;
    let nounCue = false;
    let negation = false;
    let newClause = gap !== null && i > 0 && gap.punctuation;
    const words = gap === null ? null : gap.words;
    if (gap !== null && gap.punctuation) adjunct = false;
    if (words) {
      for (let w = 0; w < words.length; w++) {
        const raw = words[w]!;
        const word = raw.endsWith("n't") ? 'not' : raw;
        // Words before the gap's last punctuation neither open nor end a phrase: the
        // punctuation ends it.
        if (w >= gap!.beforeBreak) {
          if (ADVERBIAL_PREPOSITIONS.has(word)) {
            // Straight after a verb it is the verb's particle ("handed over a list"); before a
            // count, an amount ("over 100 prisoners", "cut by 30 percent").
            const particle = w === 0 && afterPredicate && !gap!.punctuation;
            const amount =
              w === words.length - 1 && token.kind === 'number' && !isTimeUnit(text, tokens[i + 1]);
            adjunct = !particle && !amount;
          } else if (!PHRASE_WORDS.has(word)) adjunct = false;
        }
        if (i > 0 && CLAUSE_OPENERS.has(word)) newClause = true;
        if (NEGATIONS.has(word)) negation = true;
        // The last cue before the token decides.
        verbCue = VERB_CUES.has(word);
        nounCue = !verbCue && NOUN_CUES.has(word);
      }
    } else if (carried && !newClause) {
      verbCue = true;
    }
    carried = false;
    if (newClause) {
      if (clause < MAX_CLAUSE) clause++;
      negated = false;
    }
    if (negation) negated = true;
    let tag = clause << CLAUSE_SHIFT;
    if (newClause && gap !== null && gap.punctuation) tag |= TAG_PUNCTUATED;
    if (token.kind === 'word' && !isName(token)) {
      // Words longer than this are compounds or runs of letters, not the verbs looked for.
      const word =
        token.end - token.start <= 16 ? text.slice(token.start, token.end).toLowerCase() : '';
      if (ADVERBS.has(word) || (word.endsWith('ly') && word.length > 4)) {
        carried = verbCue;
      } else if (
        !nounCue &&
        (verbCue || (word.endsWith('ed') && word.length > 4) || IRREGULAR_PAST.has(word))
      ) {
        // After an auxiliary, a modal, "to" or a pronoun, or in a past form not after a
        // determiner ("the proposed deal"): where the clause's verb stands.
        tag |= TAG_PREDICATE;
      }
    }
    if (tag & TAG_PREDICATE) adjunct = false;
    if (adjunct) tag |= TAG_ADJUNCT;
    afterPredicate = (tag & TAG_PREDICATE) !== 0;
    if (negated) tag |= TAG_NEGATED;
    tags[i] = tag;
    previousEnd = token.end;
  }
  return tags;
}

/** Units of time: a count before one is a length of time, not an amount ("over three weeks"). */
const TIME_UNITS = /^(?:hours?|days?|weeks?|months?|years?|decades?)$/i;

/** Whether a token is a unit of time. */
function isTimeUnit(text: string, token: Token | undefined): boolean {
  return token !== undefined && TIME_UNITS.test(text.slice(token.start, token.end));
}

/** The clause number of a tag. */
export function clauseOf(tag: number): number {
  return (tag >> CLAUSE_SHIFT) & MAX_CLAUSE;
}

/**
 * `tags` with each number token inside one of `spans` read as standing in the unit's frame
 * (TAG_ADJUNCT), as a number of its time frame is: the spans of its attributions, whose count
 * ("two people familiar with the matter said", "according to three officials") counts sources,
 * not a detail of the claim. The same array when no number is inside one.
 */
export function numbersInSpansAsFrame(
  tokens: readonly Token[],
  tags: Uint8Array,
  spans: readonly { start: number; end: number }[],
): Uint8Array {
  if (spans.length === 0) return tags;
  let marked: Uint8Array | null = null;
  tokens.forEach((t, i) => {
    if (t.kind !== 'number' || !spans.some((s) => t.start >= s.start && t.end <= s.end)) return;
    marked ??= tags.slice();
    marked[i]! |= TAG_ADJUNCT;
  });
  return marked ?? tags;
}
