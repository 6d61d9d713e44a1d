/**
 * Whether a sentence is told of a country a report never names. "India's commitment to a
 * possible payment agreement is still uncertain" is not "Putin's commitment to a truce is in
 * doubt", however much the two share: a report that names India nowhere tells nothing of India.
 * Read on the sentence's opening phrase, who or what it is about: its words before its first
 * verb, in its first clause ("Indian and Russian officials", "Neither the Indian embassy in
 * Moscow nor Russia's energy ministry"). A sentence that opens with a preposition ("In Kyiv,",
 * "Over the past three weeks,") names no subject there and is not read.
 */
import { isVerbAt, opensClause, SAYING, type PlaceOf } from './events';
import { isContent, sameWord, wordsOf, type Word } from './words';

/** Words that open a phrase of place, time or manner rather than a subject. */
const PREPOSITIONS = new Set(
  `in on at over after before during since until for from with by under amid among across
  despite following while when as if though although`.split(/\s+/),
);
/** Auxiliaries: they end a subject without being a verb isVerbAt reads ("India's commitment is…"). */
const AUXILIARY = new Set(
  `has have had is are was were be been will would shall could may might can must do does
  did`.split(/\s+/),
);

/**
 * The words of a sentence's opening phrase (see the module's comment); empty when it has none,
 * or when it is who says what the sentence tells, before a verb of saying ("British officials said
 * Russia had…": a subject that says something is the claim's source, and a report may tell that
 * claim from other sources).
 */
function openingOf(words: readonly Word[]): readonly Word[] {
  if (words.length === 0 || PREPOSITIONS.has(words[0]!.lower)) return [];
  for (let k = 1; k < words.length; k++) {
    const word = words[k]!;
    if (opensClause(words, k) || AUXILIARY.has(word.lower) || isVerbAt(words, k))
      return words.slice(0, k);
    if (SAYING.has(word.lower)) return [];
  }
  return words;
}

/** A word of an opening phrase, with the country it names (null: none). */
interface OpeningWord {
  word: Word;
  country: string | null;
}

/**
 * The content words of a sentence's opening phrase (see the module's comment), each with the
 * country it names by `placeOf`: a capitalised word alone, or with the next ("Saudi Arabia",
 * which then stands for both). None when the opening names someone besides countries: the
 * sentence is about that person or firm, and a country there only says where they are from
 * ("German automaker Valtra Motors is said to be…" may be told by a report that never names
 * Germany). The sentence's first word does not count as a name alone ("Thousands of…").
 */
function openingWords(sentence: string, placeOf: PlaceOf): OpeningWord[] {
  const words = wordsOf(sentence);
  const opening = openingOf(words);
  const found: OpeningWord[] = [];
  for (let i = 0; i < opening.length; i++) {
    const word = opening[i]!;
    if (!isContent(word)) continue;
    if (!word.cap) {
      found.push({ word, country: null });
      continue;
    }
    const next = opening[i + 1];
    const pair =
      next?.cap && !next.gap.trim() ? placeOf(sentence.slice(word.start, next.end)) : null;
    if (pair !== null) {
      found.push({ word, country: pair }, { word: next!, country: pair });
      i++;
      continue;
    }
    // A place joined to a plain word says where or by whom, not whose ("the Turkish-hosted
    // talks", "Russian-occupied territory"): it is left out.
    const joined = words[word.index + 1];
    if (joined?.hyphenated && !joined.cap) continue;
    const country = countryOf(word, placeOf);
    if (country === null && (i > 0 || next?.cap)) return [];
    found.push({ word, country });
  }
  return found;
}

/** Words that open a clause of its own within a sentence ("…, when Kyiv agreed", "at which…"). */
const SUBORDINATORS = new Set(
  'when which who whom whose where while whereas because although though unless'.split(' '),
);

/** Conjunctions that may join two clauses without a comma ("…hosted talks and Kyiv agreed…"). */
const CONJUNCTIONS = new Set(['and', 'but']);
/** Most words a subject after a conjunction takes before its verb ("and the Ukrainian side agreed"). */
const MAX_SUBJECT_WORDS = 4;

/** Whether words[k] is a verb of a clause's own: finite, not an infinitive after "to". */
function isFiniteVerbAt(words: readonly Word[], k: number): boolean {
  if (AUXILIARY.has(words[k]!.lower)) return true;
  return isVerbAt(words, k) && words[k - 1]?.lower !== 'to';
}

/**
 * Whether words[k], "and" or "but" with no comma before it, joins a clause of its own: the
 * clause before it has a verb, and a subject and a verb of their own follow ("Saudi Arabia hosted
 * talks and Ukraine agreed to…"). "Russia and Ukraine agreed" (no verb before) and "hosted talks
 * and meetings" (no verb after) are one clause; so is "met Putin and agreed" (no subject of its
 * own: the clause's subject does both).
 */
function joinsClause(words: readonly Word[], start: number, k: number): boolean {
  if (!CONJUNCTIONS.has(words[k]!.lower)) return false;
  let verbBefore = false;
  for (let j = start; j < k && !verbBefore; j++) verbBefore = isFiniteVerbAt(words, j);
  if (!verbBefore || k + 1 >= words.length || isFiniteVerbAt(words, k + 1)) return false;
  for (let j = k + 2; j < words.length && j <= k + 1 + MAX_SUBJECT_WORDS; j++) {
    if (opensClause(words, j) || CONJUNCTIONS.has(words[j]!.lower)) return false;
    if (isFiniteVerbAt(words, j)) return true;
  }
  return false;
}

/**
 * The index of the first word past a sentence's first clause (its length: one clause): at a
 * comma or a break, a word that opens a clause ("when", "which"), or a conjunction joining a
 * clause of its own.
 */
function firstClauseEnd(words: readonly Word[]): number {
  for (let k = 1; k < words.length; k++)
    if (opensClause(words, k) || SUBORDINATORS.has(words[k]!.lower) || joinsClause(words, 0, k))
      return k;
  return words.length;
}

/** The country a capitalised word names, its possessive "'s" aside, or null. */
function countryOf(word: Word, placeOf: PlaceOf): string | null {
  return word.cap ? placeOf(word.text.replace(/['’]s$/u, '')) : null;
}

/**
 * Whether the page sentence is told of a country its report never names (see the module's
 * comment): its opening phrase names a country that is not among `reportPlaces` (the places
 * anywhere in the report), and the report sentence tells the same of others. That is, either
 * - the opening shares a word or another country with the report sentence ("Neither the Indian
 *   embassy in Moscow nor Russia's energy ministry has issued…" against "Neither the Russian
 *   embassy in Washington nor the White House has issued…"), or
 * - all the page sentence shares with it is in its first clause, the opening's ("Indian and
 *   Russian officials discussed the terms…" against "Discussions on these terms have taken
 *   place…").
 * A sentence may tell a second claim in a clause of its own, and match a report on that one:
 * "The Riyadh meetings follow talks…, when Kyiv agreed to the U.S. proposal for a 30-day
 * ceasefire" is left alone.
 */
export function toldOfOtherCountry(
  page: string,
  report: string,
  reportPlaces: ReadonlySet<string>,
  placeOf: PlaceOf,
): boolean {
  const opening = openingWords(page, placeOf);
  const absent = (w: OpeningWord): boolean => w.country !== null && !reportPlaces.has(w.country);
  if (!opening.some(absent)) return false;
  const theirs = wordsOf(report).filter(isContent);
  const theirCountries = new Set<string>();
  for (const t of theirs) {
    const country = countryOf(t, placeOf);
    if (country !== null) theirCountries.add(country);
  }
  const shares = (word: Word, country: string | null): boolean =>
    country === null ? theirs.some((t) => sameWord(word, t)) : theirCountries.has(country);
  if (opening.some((w) => !absent(w) && shares(w.word, w.country))) return true;
  const words = wordsOf(page);
  const end = firstClauseEnd(words);
  return words.every((w) => w.index < end || !isContent(w) || !shares(w, countryOf(w, placeOf)));
}
