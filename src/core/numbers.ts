/**
 * Number normalisation: outlets write the same quantity as "30", "thirty", "30-day" or "1,000",
 * so every number becomes one canonical digit string before matching.
 */

/**
 * Length of a unit of time in days: "a month-long truce" is "a 30-day truce" (the tokeniser and the
 * divergence notes read lengths of time by it).
 */
export const DAYS_IN_UNIT: ReadonlyMap<string, number> = new Map([
  ['hour', 1 / 24],
  ['hours', 1 / 24],
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['month', 30],
  ['months', 30],
  ['year', 365],
  ['years', 365],
  ['decade', 3650],
  ['decades', 3650],
]);

const UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    dozen: 12,
  }),
);

const MULTIPLIERS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    hundred: 100,
    thousand: 1_000,
    million: 1_000_000,
    billion: 1_000_000_000,
    trillion: 1_000_000_000_000,
  }),
);

/** Digits with optional thousands separators and decimals: "30", "1,000", "2.5". */
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
/** Ordinal or plural suffix on digits: "24th", "1990s" keeps its digits. */
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/**
 * The value of a number written in digits with a large multiplier after it, in words or in the
 * short forms of financial news: "5 billion", "1.5 million", "5bn", "£40m", "3tn". Outlets write
 * the same sum all these ways and as "five billion", which `readNumberWords` reads; all become
 * one digit string. `next` is the word after `word` (the multiplier written apart); `used` says
 * whether it was read. Null when `word` is no such number. Hundreds and thousands are left to
 * the words ("5,000" is how they are mostly written).
 */
export function scaledDigits(
  word: string,
  next: string | undefined,
): { digits: string; used: boolean } | null {
  const short = SHORT_SCALE.exec(word);
  if (short) return { digits: scaled(short[1]!, SHORT_SCALES.get(short[2]!)!), used: false };
  const factor = next === undefined ? undefined : LARGE_MULTIPLIERS.get(next);
  if (factor === undefined || !DIGITS.test(word)) return null;
  return { digits: scaled(word, factor), used: true };
}

/**
 * Multipliers read after digits written apart ("5 billion", "2 millions"): those of MULTIPLIERS
 * from a million up, singular or plural.
 */
const LARGE_MULTIPLIERS: ReadonlyMap<string, number> = new Map(
  [...MULTIPLIERS]
    .filter(([, factor]) => factor >= 1e6)
    .flatMap(([word, factor]) => [
      [word, factor],
      [`${word}s`, factor],
    ]),
);
/** Digits with a short multiplier joined to them ("5bn", "40m", "3tn"). */
const SHORT_SCALE = /^(\d+(?:\.\d+)?)(bn|tn|mn|m)$/;
const SHORT_SCALES: ReadonlyMap<string, number> = new Map([
  ['m', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  ['tn', 1e12],
]);

/** Digits (thousands separators allowed) times a factor, as a digit string. */
function scaled(digits: string, factor: number): string {
  // Rounded to the unit: "1.1 billion" is 1100000000, not 1100000000.0000002.
  return String(Math.round(Number(digits.replace(/,/g, '')) * factor));
}

/** True for a word that is part of a spelled-out number ("thirty", "hundred"). */
export function isNumberWord(word: string): boolean {
  return UNITS.has(word) || MULTIPLIERS.has(word);
}

/** Canonical digits of a number written in digits ("1,000" → "1000", "24th" → "24"), else null. */
export function digitsOf(word: string): string | null {
  if (DIGITS.test(word)) {
    const plain = word.replace(/,/g, '');
    // "030" and "30" are the same quantity; "0.5" keeps its leading zero.
    return plain.includes('.') ? String(Number(plain)) : plain.replace(/^0+(?=\d)/, '');
  }
  const ordinal = ORDINAL.exec(word);
  return ordinal ? ordinal[1]!.replace(/^0+(?=\d)/, '') : null;
}

/**
 * Reads a spelled-out number from `words` at `start` ("thirty", "twenty four", "two hundred and
 * fifty", "three million"). Returns its value and how many words it used, or null. A lone
 * multiplier ("thousands of") is not a number: it has no count.
 */
export function readNumberWords(
  words: readonly string[],
  start: number,
): { value: number; length: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let sawCount = false;
  let i = start;
  while (i < words.length) {
    const word = words[i]!;
    const unit = UNITS.get(word);
    const factor = MULTIPLIERS.get(word);
    if (unit !== undefined) {
      current += unit;
      sawCount = true;
    } else if (factor !== undefined && sawCount) {
      if (factor === 100) current = (current || 1) * factor;
      else {
        total += (current || 1) * factor;
        current = 0;
      }
    } else if (word === 'and' && sawCount && i + 1 < words.length && UNITS.has(words[i + 1]!)) {
      // "two hundred and fifty": the "and" belongs to the number.
    } else break;
    i++;
    used = i - start;
  }
  if (!sawCount || used === 0) return null;
  return { value: total + current, length: used };
}
