/**
 * Tokenisation for matching: a text unit becomes the list of its content terms — normalised,
 * stemmed, numbers in digits, acronyms kept whole, function words dropped — each with its offsets
 * in the original text and whether it was written like a name.
 */
import { stemmer } from 'stemmer';
import { normalize } from './normalize';
import { DAYS_IN_UNIT, digitsOf, isNumberWord, readNumberWords, scaledDigits } from './numbers';
import { STOP_WORDS } from './stop-words';

/** One content term of a text unit. */
export interface Token {
  /**
   * The matching key: a Porter stem, canonical digits, or an acronym's letters in capitals (so the
   * acronym "US" never meets "us", the stem of "use").
   */
  term: string;
  /** Offsets of the word(s) in the original text. */
  start: number;
  end: number;
  /** Written with a capital inside running text (or as an acronym): likely a name. */
  name: boolean;
  /** Written with a capital at all (also first word or title case): may be a name. */
  capitalized: boolean;
  kind: 'word' | 'number' | 'acronym';
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /**
   * Acronyms known to the corpus ("us", "nato"). A run of capitalised words whose initials spell
   * one ("United States") becomes that acronym, so both spellings meet on one term.
   */
  acronyms?: ReadonlySet<string>;
  /**
   * Stems remembered by the caller, without bound (the corpus compiler, whose vocabulary outgrows
   * the shared cache); by default the shared, bounded cache.
   */
  stems?: Map<string, string>;
}

/**
 * Words: a letter or digit, then letters, digits and marks, with inner apostrophes, dots, hyphens,
 * commas and ampersands, each followed by a letter or digit ("U.S.-Russia", "1,000", "cease-fire",
 * "Russia's"), as the regular expression [\p{L}\p{N}][\p{L}\p{N}\p{M}]* and then any number of
 * ['.\-,&][\p{L}\p{N}][\p{L}\p{N}\p{M}]* (flag u) finds them; wordStart and wordEnd find them
 * without a match object per word. Splitting happens after the match. The classes of a word's
 * characters: a letter or digit, a mark, or neither (see classAt).
 */
const LETTER_OR_DIGIT = 1;
const MARK = 2;
const OTHER = 3;
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const IS_MARK = /^\p{M}$/u;
/** The class of each code unit of the Basic Multilingual Plane met so far (0: not yet known). */
const bmpClasses = new Uint8Array(0x10000);

/** The class (for a word) of the code point at `i` of `text`, which starts there. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
      ? LETTER_OR_DIGIT
      : OTHER;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return classOf(text.slice(i, i + 2));
  }
  let known = bmpClasses[c]!;
  if (known === 0) {
    // A lone surrogate is no letter, digit or mark, as the regular expressions read it.
    known = classOf(String.fromCharCode(c));
    bmpClasses[c] = known;
  }
  return known;
}

/** The class (for a word) of a code point given as a string. */
function classOf(ch: string): number {
  if (IS_LETTER_OR_DIGIT.test(ch)) return LETTER_OR_DIGIT;
  return IS_MARK.test(ch) ? MARK : OTHER;
}

/** Code units of the code point at `i` of `text`: 2 for a surrogate pair, else 1. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Whether a code unit may join two parts of one word: ', ., -, "," or &. */
function isWordJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2e || c === 0x2d || c === 0x2c || c === 0x26;
}

/**
 * The start of the next word in `text` at or after `from`, or -1, moving on by code points as
 * a search of the expression with flag u does.
 */
function wordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i += widthAt(text, i))
    if (classAt(text, i) === LETTER_OR_DIGIT) return i;
  return -1;
}

/** The end of the word that starts at `start` (see wordStart): the longest match there. */
function wordEnd(text: string, start: number): number {
  let i = start + widthAt(text, start);
  while (i < text.length) {
    const cls = classAt(text, i);
    if (cls === LETTER_OR_DIGIT || cls === MARK) i += widthAt(text, i);
    else if (
      isWordJoiner(text.charCodeAt(i)) &&
      i + 1 < text.length &&
      classAt(text, i + 1) === LETTER_OR_DIGIT
    )
      i += 1 + widthAt(text, i + 1);
    else break;
  }
  return i;
}

/**
 * The words of `text` as [start, end) offsets, in order: what the regular expression of the
 * comment above finds with flag g (tokenising reads words with wordStart and wordEnd directly;
 * this is their one list, for tests).
 */
export function wordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let start = wordStart(text, 0); start >= 0;) {
    const end = wordEnd(text, start);
    spans.push([start, end]);
    start = wordStart(text, end);
  }
  return spans;
}

/** Whether a word holds no hyphen, ampersand, apostrophe or dot: one piece, with nothing to clean. */
function isOnePiece(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2d || c === 0x26 || c === 0x27 || c === 0x2e) return false;
  }
  return true;
}

/**
 * Denominators of a share spelled out ("two thirds", "three quarters", "one half"), singular and
 * plural.
 */
const FRACTIONS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['half', 'halves', 2],
      ['third', 'thirds', 3],
      ['quarter', 'quarters', 4],
      ['fourth', 'fourths', 4],
      ['fifth', 'fifths', 5],
      ['sixth', 'sixths', 6],
      ['seventh', 'sevenths', 7],
      ['eighth', 'eighths', 8],
      ['ninth', 'ninths', 9],
      ['tenth', 'tenths', 10],
    ] as const
  ).flatMap(([one, many, d]) => [
    [one, d],
    [many, d],
  ]),
);

/** The characters that split a word into pieces: hyphens and ampersands. */
const JOINERS = /[-&]/;
const PIECE = /[^-&]+/g;
/** Dotted initials: "u.s", "d.c" (the final dot is punctuation to the word pattern). */
const DOTTED_INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const ALPHA = /^\p{L}[\p{L}\p{M}]*$/u;
const DIGIT_START = /^\d/;
/** Any character outside ASCII (every UTF-16 code unit above 0x7f). */
const NON_ASCII = /[\u0080-\uffff]/;
/**
 * What any acronym in ASCII text contains: two capitals, side by side or around an apostrophe or
 * a dot ("NATO", "I'M", "U.S"), or dotted initials ("u.s").
 */
const MAY_HOLD_ACRONYM = /[A-Z]['.]?[A-Z]|[A-Za-z]\.[A-Za-z]/;
/** Whether `word` is letters (and marks) only, as ALPHA tests; plain ASCII without the regex. */
function isAlpha(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return ALPHA.test(word);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return false;
  }
  return true;
}

/** Whether `word` starts with a capital, as UPPER_START tests; plain ASCII without the regex. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER_START.test(word);
}

/** Whether `word` holds a lower-case letter, as HAS_LOWER tests; plain ASCII without the regex. */
function hasLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return HAS_LOWER.test(word);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** Hyphen-minus, hyphen and non-breaking hyphen: the characters that join compound words. */
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
/** Clitics dropped from the end of a word: possessive 's and contracted verbs. */
const CLITIC = /'(?:s|re|ve|ll|d|m)$/;

/** Longest all-capital word still read as an acronym ("NATO", "OSCE"); longer ones are shouting. */
const MAX_ACRONYM_LENGTH = 6;
/**
 * Share of capitalised words above which a unit is in title case (a headline): there a capital
 * says nothing about names.
 */
const TITLE_CASE_SHARE = 0.6;
/** Longest run of capitalised words tried as the expansion of an acronym. */
const MAX_ACRONYM_EXPANSION = 5;
/**
 * Small words allowed inside an expanded name without giving a letter ("Council on Foreign
 * Relations"). Not "and": in the news it joins two names far more often than it sits inside one
 * ("Moscow and Washington" is not "MW", "Russia and Ukraine" not "RU").
 */
const ACRONYM_GLUE = new Set(['of', 'on', 'for', 'the', 'in', 'to']);

/**
 * Most stems remembered. Porter stemming is a chain of regular expressions per word, and a text
 * repeats its words; a news vocabulary fits many times over, adversarial text cannot grow it.
 */
const STEM_CACHE_SIZE = 50_000;
const stemCache = new Map<string, string>();

/** The Porter stem of a lower-case word (remembered in `cache`, or the shared bounded cache). */
export function stemOf(word: string, cache?: Map<string, string>): string {
  if (cache) {
    let stem = cache.get(word);
    if (stem === undefined) cache.set(word, (stem = stemmer(word)));
    return stem;
  }
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    // A bounded memory: when full, start again rather than track what is used least.
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Lengths of time that outlets write with a number or with a word: "a month-long truce" is "a
 * 30-day truce", "two decades" are "twenty years". Each gives its count, as a number term, in the
 * unit it is read against (days for weeks and months, as "30-day" reads; years for decades), beside
 * the unit's own term, so "three weeks" still shares "weeks" with "several weeks".
 */
const COUNTED_IN: ReadonlyMap<string, string> = new Map([
  ['week', 'day'],
  ['weeks', 'day'],
  ['month', 'day'],
  ['months', 'day'],
  ['decade', 'year'],
  ['decades', 'year'],
]);
/** Words that count one of a unit of time ("a month", "one month"). */
const ONE: ReadonlySet<string> = new Set(['a', 'an', 'one']);
/** Compounds of a unit of time that give one of it ("month-long", "week-long"). */
const ONE_UNIT_COMPOUNDS: ReadonlyMap<string, string> = new Map([
  ['monthlong', 'month'],
  ['weeklong', 'week'],
  ['decadelong', 'decade'],
]);

/**
 * The count and unit of a length of time at part `i` ("month-long", "a month", "two decades",
 * "three weeks"), given the tokens so far (a number just before is the count, taken back), or
 * null when the part is not one. "Weeks" alone, or "this month", stays a word.
 */
function durationOf(
  parts: readonly RawPart[],
  i: number,
  tokens: Token[],
  stems: Map<string, string> | undefined,
): Token[] | null {
  const part = parts[i]!;
  const compound = ONE_UNIT_COMPOUNDS.get(part.lower);
  const unit = compound ?? part.lower;
  const countedIn = COUNTED_IN.get(unit);
  if (countedIn === undefined) return null;
  const factor = DAYS_IN_UNIT.get(unit)! / DAYS_IN_UNIT.get(countedIn)!;
  let count: number;
  // The number term stands where the count is written ("three weeks": on "three").
  let at: { start: number; end: number } = part;
  const previous = tokens[tokens.length - 1];
  if (compound) count = 1;
  else if (previous?.kind === 'number' && i > 0 && previous.end === parts[i - 1]!.end) {
    count = Number(previous.term);
    at = previous;
    tokens.pop();
  } else if (i > 0 && ONE.has(parts[i - 1]!.lower)) count = 1;
  else return null;
  if (!Number.isFinite(count)) return null;
  const common = { name: false, capitalized: false };
  return [
    {
      ...common,
      start: at.start,
      end: at.end,
      term: String(Math.round(count * factor * 1000) / 1000),
      kind: 'number',
    },
    { ...common, start: part.start, end: part.end, term: stemOf(unit, stems), kind: 'word' },
  ];
}

/** A word part before stop-word removal and stemming. */
interface RawPart {
  lower: string;
  original: string;
  start: number;
  end: number;
  /** The part opens the unit (its capital is grammar, not a name). */
  initial: boolean;
  /** Joined from hyphenated lower-case parts ("cease-fire" → "ceasefire"). */
  compound: boolean;
}

/**
 * Content terms of one text unit (a sentence, heading or list item), in order. Never throws;
 * returns [] for text without letters or digits.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const acronyms = options.acronyms;
  return tokensOf(
    text,
    rawParts(text),
    acronyms && acronyms.size > 0 ? acronyms : undefined,
    options.stems,
  );
}

/** What tokenising asks of the acronym list: only whether it holds a word. */
interface AcronymLookup {
  has(acronym: string): boolean;
}

/**
 * Tokenises a unit for the corpus compiler in one pass over its words: the unit's own acronyms are
 * added to `known` first (as {@link acronymsIn} finds them), then the unit is tokenised against
 * `known`. Every acronym looked up and not (yet) known is passed to `missed`: when none of those is
 * in the final list, the tokens are the same as tokenising against the final list.
 */
export function tokenizeLearning(
  text: string,
  known: Set<string>,
  missed: (acronym: string) => void,
  stems?: Map<string, string>,
): Token[] {
  const parts = rawParts(text);
  if (mayHoldAcronym(text)) addAcronyms(parts, known);
  const lookup: AcronymLookup = {
    has(acronym) {
      if (known.has(acronym)) return true;
      missed(acronym);
      return false;
    },
  };
  return tokensOf(text, parts, lookup, stems);
}

/** Tokens of a unit from its parts; `acronyms` is undefined when no acronym is known. */
function tokensOf(
  text: string,
  parts: RawPart[],
  acronyms: AcronymLookup | undefined,
  stems: Map<string, string> | undefined,
): Token[] {
  if (parts.length === 0) return [];
  const titleCase = isTitleCase(parts);
  const shouting = isShouting(parts);
  const tokens: Token[] = [];
  for (let i = 0; i < parts.length;) {
    const part = parts[i]!;
    if (acronyms) {
      const expanded = expandAcronym(text, parts, i, acronyms);
      if (expanded) {
        tokens.push(expanded.token);
        i += expanded.length;
        continue;
      }
    }
    const acronym = acronymOf(part);
    // In an all-capital unit every word looks like an acronym; only known acronyms count there.
    if (acronym && (!shouting || acronyms?.has(acronym))) {
      tokens.push({
        term: acronym.toUpperCase(),
        start: part.start,
        end: part.end,
        name: true,
        capitalized: true,
        kind: 'acronym',
      });
      i++;
      continue;
    }
    const large = scaledDigits(part.lower, parts[i + 1]?.lower);
    if (large !== null) {
      const last = large.used ? parts[i + 1]! : part;
      tokens.push({
        term: large.digits,
        start: part.start,
        end: last.end,
        name: false,
        capitalized: false,
        kind: 'number',
      });
      i += large.used ? 2 : 1;
      continue;
    }
    const digits = digitsOf(part.lower);
    if (digits !== null) {
      tokens.push({
        term: digits,
        start: part.start,
        end: part.end,
        name: false,
        capitalized: false,
        kind: 'number',
      });
      i++;
      continue;
    }
    if (isNumberWord(part.lower)) {
      const words = parts.slice(i, i + 8).map((p) => p.lower);
      const number = readNumberWords(words, 0);
      const denominator = number ? FRACTIONS.get(parts[i + number.length]?.lower ?? '') : undefined;
      // Only a proper fraction: "twenty-fifth" is an ordinal.
      if (number && denominator !== undefined && number.value < denominator) {
        // "two thirds of Ukrainians", "one half": a share, not a count of two or one. Its term is
        // the fraction, the same however the share is spelled ("two-thirds", "two thirds").
        const last = parts[i + number.length]!;
        tokens.push({
          term: `${number.value}/${denominator}`,
          start: part.start,
          end: last.end,
          name: false,
          capitalized: false,
          kind: 'number',
        });
        i += number.length + 1;
        continue;
      }
      if (number && number.length === 1 && part.lower === 'one') {
        // A lone "one" is a pronoun or a determiner far more often than a count ("one of the
        // largest", "one director"): two sentences sharing it agree on no number. A length of
        // time still reads it ("one month").
        i++;
        continue;
      }
      if (number) {
        const last = parts[i + number.length - 1]!;
        tokens.push({
          term: String(number.value),
          start: part.start,
          end: last.end,
          name: false,
          capitalized: false,
          kind: 'number',
        });
        i += number.length;
        continue;
      }
    }
    const duration = durationOf(parts, i, tokens, stems);
    if (duration) {
      tokens.push(...duration);
      i++;
      continue;
    }
    i++;
    const word = part.lower;
    if (word.length < 2 || STOP_WORDS.has(word) || !HAS_LETTER.test(word)) continue;
    const capitalized = startsUpper(part.original);
    if (capitalized && acronyms?.has(word)) {
      // "Nato" is how some outlets write "NATO".
      tokens.push({
        term: word.toUpperCase(),
        start: part.start,
        end: part.end,
        name: true,
        capitalized,
        kind: 'acronym',
      });
      continue;
    }
    tokens.push({
      term: stemOf(word, stems),
      start: part.start,
      end: part.end,
      name: capitalized && !part.initial && !titleCase,
      capitalized,
      kind: 'word',
    });
  }
  return tokens;
}

/** The words of a unit, split at hyphens (or joined, for lower-case compounds), clitics removed. */
function rawParts(text: string): RawPart[] {
  const { text: lower, offsets } = normalize(text);
  const parts: RawPart[] = [];
  const at = (i: number): number => offsets[Math.min(i, offsets.length - 1)]!;
  let end = 0;
  for (let start = wordStart(lower, 0); start >= 0; start = wordStart(lower, end)) {
    end = wordEnd(lower, start);
    const word = lower.slice(start, end);
    if (isOnePiece(word)) {
      // Most words are one piece with nothing to clean: no hyphen, ampersand, apostrophe or dot.
      parts.push({
        lower: word,
        original: text.slice(at(start), at(end)),
        start: at(start),
        end: at(end),
        initial: parts.length === 0,
        compound: false,
      });
      if (lower.charCodeAt(end) === 0x25) parts.push(percentPart(at(end), at(end + 1)));
      continue;
    }
    // Pieces between hyphens and ampersands, with their positions in the normalised text.
    const pieces: { s: number; e: number; lower: string; original: string }[] = [];
    if (!JOINERS.test(word)) {
      pieces.push({ s: start, e: end, lower: word, original: text.slice(at(start), at(end)) });
    } else {
      for (const piece of word.matchAll(PIECE)) {
        const s = start + piece.index;
        const e = s + piece[0].length;
        pieces.push({ s, e, lower: piece[0], original: text.slice(at(s), at(e)) });
      }
    }
    const joinable =
      pieces.length > 1 &&
      // Only real hyphens make a compound; a dash between words ("work—buy") is punctuation.
      pieces.slice(1).every((p) => HYPHENS.has(text.charCodeAt(at(p.s - 1)))) &&
      pieces.every((p) => isAlpha(p.lower) && p.lower.length > 1 && !startsUpper(p.original)) &&
      // "thirty-day" is a number and a word, like "30-day".
      !pieces.some((p) => isNumberWord(p.lower));
    if (joinable) {
      // "cease-fire", "long-standing", "in-person": outlets write them with and without the
      // hyphen, and joined they stay one term either way.
      parts.push({
        lower: pieces.map((p) => p.lower).join(''),
        original: text.slice(at(start), at(end)),
        start: at(start),
        end: at(end),
        initial: parts.length === 0,
        compound: true,
      });
    } else {
      for (const piece of pieces) {
        // Negated auxiliaries ("don't", "won't") are function words through and through.
        if (piece.lower.endsWith("n't")) continue;
        let clean = piece.lower.replace(CLITIC, '');
        if (DIGIT_START.test(clean)) clean = clean.replace(/'/g, '');
        else if (!DOTTED_INITIALS.test(clean)) clean = clean.replace(/['.]/g, '');
        if (clean.length === 0) continue;
        parts.push({
          lower: clean,
          original: piece.original,
          start: at(piece.s),
          end: at(piece.e),
          initial: parts.length === 0,
          compound: false,
        });
      }
    }
    if (lower.charCodeAt(end) === 0x25) parts.push(percentPart(at(end), at(end + 1)));
  }
  return joinPerCent(text, parts);
}

/** "per cent", as British papers write it, reads as "percent", as "%" does: one part. */
function joinPerCent(text: string, parts: RawPart[]): RawPart[] {
  for (let i = parts.length - 2; i >= 0; i--) {
    const [per, cent] = [parts[i]!, parts[i + 1]!];
    if (per.lower !== 'per' || cent.lower !== 'cent') continue;
    parts.splice(i, 2, {
      lower: 'percent',
      original: text.slice(per.start, cent.end),
      start: per.start,
      end: cent.end,
      initial: per.initial,
      compound: false,
    });
  }
  return parts;
}

/** "86%" reads as "86 percent": the part of the percent sign at start..end. */
function percentPart(start: number, end: number): RawPart {
  return { lower: 'percent', original: '%', start, end, initial: false, compound: false };
}

/** True when most words of the unit start with a capital: a headline, where capitals mean little. */
function isTitleCase(parts: readonly RawPart[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const part of parts) {
    if (part.lower.length < 4 || !isAlpha(part.lower)) continue;
    words++;
    if (startsUpper(part.original)) capitals++;
  }
  return words >= 3 && capitals / words >= TITLE_CASE_SHARE;
}

/** True when the unit has letters but no lower-case ones (an all-capital headline or line). */
function isShouting(parts: readonly RawPart[]): boolean {
  let words = 0;
  for (const part of parts) {
    if (hasLower(part.original)) return false;
    if (HAS_LETTER.test(part.original)) words++;
  }
  return words >= 2;
}

/** The acronym a part spells ("NATO" → "nato", "U.S." → "us"), or null. */
function acronymOf(part: RawPart): string | null {
  if (DOTTED_INITIALS.test(part.lower)) return part.lower.replace(/\./g, '');
  const letters = part.original;
  if (
    letters.length >= 2 &&
    letters.length <= MAX_ACRONYM_LENGTH &&
    isAlpha(part.lower) &&
    !hasLower(letters)
  ) {
    return part.lower;
  }
  return null;
}

/**
 * When the capitalised words starting at `i` spell a known acronym by their initials ("United
 * States" → "us"), the acronym token and how many parts it replaces.
 */
function expandAcronym(
  text: string,
  parts: readonly RawPart[],
  i: number,
  acronyms: AcronymLookup,
): { token: Token; length: number } | null {
  const first = parts[i]!;
  if (!startsUpper(first.original) || !hasLower(first.original) || first.compound) return null;
  let initials = '';
  let best: { token: Token; length: number } | null = null;
  let words = 0;
  for (let j = i; j < parts.length && words < MAX_ACRONYM_EXPANSION; j++) {
    const part = parts[j]!;
    // A name is one run of words with nothing but spaces between them ("Ukraine's Sumy" is not one).
    if (j > i) {
      const previous = parts[j - 1]!;
      if (
        !/^\s+$/.test(text.slice(previous.end, part.start)) ||
        /['\u2019]/.test(previous.original)
      )
        break;
    }
    if (ACRONYM_GLUE.has(part.original)) continue; // lower-case glue word inside the name
    if (!startsUpper(part.original) || !hasLower(part.original) || !isAlpha(part.lower)) break;
    initials += part.lower[0];
    words++;
    if (words >= 2 && acronyms.has(initials)) {
      best = {
        token: {
          term: initials.toUpperCase(),
          start: first.start,
          end: part.end,
          name: true,
          capitalized: true,
          kind: 'acronym',
        },
        length: j - i + 1,
      };
    }
  }
  return best;
}

/** Acronyms written in a text unit ("NATO", "U.S."), for building the corpus's acronym list. */
export function acronymsIn(text: string): string[] {
  // Plain ASCII text without what an acronym needs has none, and is not split into words for
  // nothing (other text may fold into one).
  if (!mayHoldAcronym(text)) return [];
  const found = new Set<string>();
  addAcronyms(rawParts(text), found);
  return [...found];
}

function mayHoldAcronym(text: string): boolean {
  return NON_ASCII.test(text) || MAY_HOLD_ACRONYM.test(text);
}

/** Adds the acronyms written in a unit's parts to `found` (none in an all-capital unit). */
function addAcronyms(parts: readonly RawPart[], found: Set<string>): void {
  if (isShouting(parts)) return;
  for (const part of parts) {
    const acronym = acronymOf(part);
    if (acronym && !DIGIT_START.test(acronym)) found.add(acronym);
  }
}

/**
 * Terms a text writes as names: capitalised inside running text somewhere (`name`) and never in
 * lower case. A capital that opens a sentence says nothing by itself ("Negotiators have…",
 * "Warnig has…"); how the same text writes the word elsewhere does: Mikheev's document-centred
 * reading of capitalised words in ambiguous positions ("Periods, capitalized words, etc.",
 * Computational Linguistics 28, 2002).
 */
export function namesOfText(units: readonly (readonly Token[])[]): Set<string> {
  const named = new Set<string>();
  const lower = new Set<string>();
  for (const tokens of units)
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      if (t.name) named.add(t.term);
      else if (!t.capitalized) lower.add(t.term);
    }
  for (const term of lower) named.delete(term);
  return named;
}
