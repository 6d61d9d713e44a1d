/**
 * What a sentence claims, apart from who says it: its content words outside its attributions
 * (each attribution's words, and the capitalised words of the speaker's name and title before it:
 * "Ukraine's President Volodymyr Zelenskyy said…"). Two sentences that give one person's words
 * and share nothing of what is said tell two claims: "Zelenskyy said Thursday that Russia was
 * trying to drag out the war" is not "Zelenskiy has said he would accept a 30-day ceasefire".
 */
import { sourcesOf } from './attribution';
import type { PlaceOf } from './events';
import { isContent, perSentence, perText, sameWord, wordsOf, type Word } from './words';

/** The content words of what a sentence claims (see the module's comment). */
const claimWordsOf = perText((sentence: string): readonly Word[] => {
  const words = wordsOf(sentence);
  const spans = sourcesOf(sentence).map(({ attribution }) => {
    // The speaker's name and title before the attribution's words ("Ukraine's President").
    let k = words.findIndex((w) => w.start >= attribution.start);
    while (k > 0 && words[k - 1]!.cap && !/[,;:]/.test(words[k]!.gap)) k--;
    return { start: k >= 0 ? words[k]!.start : attribution.start, end: attribution.end };
  });
  return words.filter(
    (w) => isContent(w) && !spans.some((s) => w.start >= s.start && w.end <= s.end),
  );
});

/** The keys of a sentence's content words written in lower case. */
const plainKeysOf = perSentence(
  (words) => new Set(words.filter((w) => isContent(w) && !w.cap).map((w) => w.key)),
);

/** The people a sentence names as saying what it tells (their surnames' words). */
function speakersOf(sentence: string): Word[] {
  return sourcesOf(sentence).flatMap((source) => (source.surname ? [source.surname] : []));
}

/**
 * Whether the page sentence gives the words of a person the report sentence names ("Zelenskyy
 * said Thursday that…" against "…that Zelenskiy has said he would accept…", "Zelenskiy has
 * signaled a willingness…"), and the two share nothing else of what each claims: no word or name
 * variant of one claim, outside its attributions, is in the other's. Places do not count
 * (`placeOf`: "Russia", "Moscow", "Russian President…"): most sentences of a story name its
 * countries, whatever they claim. A sentence that is an attribution only claims through the
 * sentence before it, and is never taken to share nothing.
 */
export function sharesOnlyAttribution(page: string, report: string, placeOf: PlaceOf): boolean {
  // Most pairs share a plain word: they share more than an attribution, and no attribution need
  // be read. (A plain word shared inside both attributions, "told reporters", is counted too.)
  const theirPlain = plainKeysOf(wordsOf(report));
  for (const key of plainKeysOf(wordsOf(page))) if (theirPlain.has(key)) return false;
  const speakers = speakersOf(page);
  if (speakers.length === 0) return false;
  const named = wordsOf(report).filter((w) => w.cap);
  if (!speakers.some((a) => named.some((b) => sameWord(a, b)))) return false;
  const claimed = (sentence: string): Word[] =>
    claimWordsOf(sentence).filter((w) => !w.cap || placeOf(w.text) === null);
  const mine = claimed(page);
  const theirs = claimed(report);
  if (mine.length === 0 || theirs.length === 0) return false;
  return !mine.some((w) => theirs.some((t) => sameWord(w, t)));
}
