/**
 * Word-level agreement of two texts, as bags of words: precision is the share of the extracted
 * words that the expected text has, recall the share of the expected words extracted, F1 their
 * harmonic mean. Words are what Intl.Segmenter calls word-like, so Chinese and Japanese pages are
 * counted by word as well, not as one "word" per paragraph.
 */

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** The word-like segments of `text`, NFKC-folded and lower-cased. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const segment of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (segment.isWordLike) out.push(segment.segment);
  }
  return out;
}

/** Precision, recall and F1 of `got` against `expected`, by word counts. */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Scores the words of `got` against the words of `expected` (both bags, counts kept). */
export function wordF1(expected: string, got: string): WordScore {
  const want = new Map<string, number>();
  const expectedWords = wordsOf(expected);
  for (const word of expectedWords) want.set(word, (want.get(word) ?? 0) + 1);
  const gotWords = wordsOf(got);
  let common = 0;
  for (const word of gotWords) {
    const left = want.get(word) ?? 0;
    if (left > 0) {
      common++;
      want.set(word, left - 1);
    }
  }
  const precision = gotWords.length ? common / gotWords.length : 0;
  const recall = expectedWords.length ? common / expectedWords.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
