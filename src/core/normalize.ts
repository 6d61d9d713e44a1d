/**
 * Text normalisation for matching: Unicode NFKC, typographic quotes and dashes folded to ASCII,
 * invisible characters removed, every kind of space made a plain space, lower case. Every position
 * of the normalised text maps back to an offset in the original, so a match found in normalised text
 * can be highlighted in the page.
 */

/** A normalised text and, for every index i of it (and i === text.length), the original offset. */
export interface NormalizedText {
  text: string;
  offsets: Uint32Array;
}

/** Characters dropped entirely: they carry no letters and only break up words when present. */
const REMOVED = new Set<number>([
  0x00ad, // soft hyphen: a line-break hint inside a word
  0x034f, // combining grapheme joiner
  0x061c, // Arabic letter mark
  0x115f, // Hangul choseong filler
  0x1160, // Hangul jungseong filler
  0x17b4, // Khmer vowel inherent Aq
  0x17b5, // Khmer vowel inherent Aa
  0x180b, // Mongolian free variation selectors and vowel separator
  0x180c,
  0x180d,
  0x180e,
  0x180f,
  0x200b, // zero-width space
  0x200c, // zero-width non-joiner
  0x200d, // zero-width joiner
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x202a, // bidi embeddings and overrides
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060, // word joiner
  0x2061, // invisible operators
  0x2062,
  0x2063,
  0x2064,
  0x2066, // bidi isolates
  0x2067,
  0x2068,
  0x2069,
  0xfe00, // variation selectors (emoji or text presentation only)
  0xfe01,
  0xfe02,
  0xfe03,
  0xfe04,
  0xfe05,
  0xfe06,
  0xfe07,
  0xfe08,
  0xfe09,
  0xfe0a,
  0xfe0b,
  0xfe0c,
  0xfe0d,
  0xfe0e,
  0xfe0f,
  0xfeff, // byte-order mark / zero-width no-break space
]);

/** Single quotes, apostrophes and primes, all of which outlets use interchangeably for "'". */
const SINGLE_QUOTES = new Set<number>([
  0x0060, 0x00b4, 0x02b9, 0x02bb, 0x02bc, 0x02bd, 0x02be, 0x02c8, 0x2018, 0x2019, 0x201a, 0x201b,
  0x2032, 0x2035, 0x2039, 0x203a, 0xff07,
]);

/** Double quotes and guillemets. */
const DOUBLE_QUOTES = new Set<number>([
  0x00ab, 0x00bb, 0x02ba, 0x02dd, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0x275d, 0x275e,
  0x301d, 0x301e, 0x301f, 0xff02,
]);

/** Minus signs that are not in the dash punctuation category (\p{Pd}) but read as a dash. */
const EXTRA_DASHES = new Set<number>([0x2043, 0x2212, 0x2796, 0xfe63, 0xff0d]);

const DASH = /^\p{Pd}$/u;
const SPACE = /^\p{Zs}$/u;
/**
 * Code points that NFKC may compose with the character before them: combining marks, Hangul vowel
 * and final jamo, and the half-width katakana voicing marks. A chunk is a starter plus these, so
 * composition never crosses a chunk boundary and offsets stay exact.
 */
const COMBINING = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff\uff9e\uff9f]/uy;

/**
 * Most combining marks taken into one chunk with their base: Unicode's Stream-Safe Text Format
 * (UAX #15) allows 30 non-starters in a row. Real text has one to four; NFKC reorders the marks of
 * a chunk in quadratic time, so a run of 100,000 marks (a "Zalgo" page) would take seconds.
 */
const MAX_COMBINING_RUN = 30;

/**
 * How many distinct single code points to remember. Real text uses a few hundred; the cap only
 * bounds memory on adversarial input (every code point of Unicode once).
 */
const CHAR_CACHE_LIMIT = 65_536;

/** Normalised form of one code point, computed once and remembered. */
const charCache = new Map<number, string>();

const REPLACEMENT = 0xfffd;

/** Any character outside ASCII (every UTF-16 code unit above 0x7f). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Maps one code point of the original text to its normalised form (possibly empty). */
function mapCodePoint(cp: number): string {
  if (REMOVED.has(cp)) return '';
  if (SINGLE_QUOTES.has(cp)) return "'";
  if (DOUBLE_QUOTES.has(cp)) return '"';
  if (EXTRA_DASHES.has(cp)) return '-';
  const ch = String.fromCodePoint(cp);
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  return foldChunk(ch);
}

/** NFKC and lower case for a chunk, then the punctuation folding on what NFKC produced. */
function foldChunk(chunk: string): string {
  const folded = chunk.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of folded) {
    const cp = ch.codePointAt(0) ?? REPLACEMENT;
    if (cp < 0x80) out += ch;
    else if (ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else if (REMOVED.has(cp)) continue;
    else if (SINGLE_QUOTES.has(cp)) out += "'";
    else if (DOUBLE_QUOTES.has(cp)) out += '"';
    else if (EXTRA_DASHES.has(cp) || DASH.test(ch)) out += '-';
    else if (SPACE.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

function cachedCodePoint(cp: number): string {
  let mapped = charCache.get(cp);
  if (mapped === undefined) {
    mapped = mapCodePoint(cp);
    if (charCache.size < CHAR_CACHE_LIMIT) charCache.set(cp, mapped);
  }
  return mapped;
}

/** A growable pair of buffers: output code units and their original offsets. */
class Output {
  units: Uint16Array;
  offsets: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.offsets = new Uint32Array(capacity + 1);
  }

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.units.length) return;
    const capacity = Math.max(needed, this.units.length * 2);
    const units = new Uint16Array(capacity);
    units.set(this.units.subarray(0, this.length));
    const offsets = new Uint32Array(capacity + 1);
    offsets.set(this.offsets.subarray(0, this.length));
    this.units = units;
    this.offsets = offsets;
  }

  pushString(s: string, offset: number): void {
    this.reserve(s.length);
    for (let k = 0; k < s.length; k++) {
      this.units[this.length] = s.charCodeAt(k);
      this.offsets[this.length] = offset;
      this.length++;
    }
  }

  toString(): string {
    // fromCharCode over slices: one call per slice keeps the argument list below engine limits.
    const SLICE = 8192;
    const parts: string[] = [];
    for (let k = 0; k < this.length; k += SLICE) {
      const slice = this.units.subarray(k, Math.min(k + SLICE, this.length));
      parts.push(String.fromCharCode.apply(null, slice as unknown as number[]));
    }
    return parts.join('');
  }
}

/**
 * Normalises `text` for matching and maps every normalised index back to an original offset.
 * `offsets` has length `text.length + 1` of the result, is non-decreasing, and each value lies in
 * [0, original.length]; characters produced from one original character (a ligature, "…") all map
 * to that character's start. Lone surrogates become U+FFFD. Never throws.
 */
export function normalize(text: string): NormalizedText {
  const n = text.length;
  if (!NON_ASCII.test(text)) {
    // Plain ASCII (most text): the loop below would only fold capitals and grave accents, one
    // character for one, so the offsets are the identity.
    const offsets = new Uint32Array(n + 1);
    for (let k = 0; k <= n; k++) offsets[k] = k;
    return { text: text.toLowerCase().replaceAll('`', "'"), offsets };
  }
  // Room for the common case (length unchanged); ligatures and ellipses grow it on demand.
  const out = new Output(n + 16);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast path: ASCII not followed by a combining mark (all of which are at U+0300 or above).
    if (c < 0x80 && (i + 1 >= n || text.charCodeAt(i + 1) < 0x300)) {
      out.reserve(1);
      // Upper case folds to lower; the grave accent is typed for an apostrophe, like U+2019.
      out.units[out.length] = c >= 65 && c <= 90 ? c + 32 : c === 0x60 ? 0x27 : c;
      out.offsets[out.length] = i;
      out.length++;
      i++;
      continue;
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (width === 1 && c >= 0xd800 && c <= 0xdfff) cp = REPLACEMENT; // lone surrogate
    // Extend the chunk over combining marks so NFKC composes "e" + U+0301 into "é" in one piece.
    let end = i + width;
    COMBINING.lastIndex = end;
    let marks = 0;
    while (
      end < n &&
      marks++ < MAX_COMBINING_RUN &&
      text.charCodeAt(end) >= 0x300 &&
      COMBINING.test(text)
    ) {
      end = COMBINING.lastIndex;
    }
    const mapped =
      end === i + width
        ? cachedCodePoint(cp)
        : foldChunk(
            cp === REPLACEMENT && width === 1
              ? '\ufffd' + text.slice(i + 1, end)
              : text.slice(i, end),
          );
    out.pushString(mapped, i);
    i = end;
  }
  out.reserve(0);
  out.offsets[out.length] = n;
  return { text: out.toString(), offsets: out.offsets.slice(0, out.length + 1) };
}
