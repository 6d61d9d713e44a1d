/**
 * Anchoring: a detail on one side counts only where the words around it are also on the other
 * side, so a detail of a claim that the other sentence does not retell (the second claim of a long
 * page sentence, a relative clause about something else) is never taken for a difference.
 */
import { isClauseBreak, isContent, sameWord, type Word } from './words';

/** Words around a detail that stand for the claim it belongs to. */
export const ANCHOR_WINDOW = 4;

/**
 * The content words within ANCHOR_WINDOW words of words[from..to], without crossing a clause
 * break (semicolon, colon, dash, bracket), and without the detail's own words.
 */
export function anchorsOf(words: readonly Word[], from: number, to: number): Word[] {
  const found: Word[] = [];
  for (let i = from - 1, n = 0; i >= 0 && n < ANCHOR_WINDOW; i--, n++) {
    if (isClauseBreak(words[i + 1]!.gap)) break;
    if (isContent(words[i]!)) found.push(words[i]!);
  }
  for (let i = to + 1, n = 0; i < words.length && n < ANCHOR_WINDOW; i++, n++) {
    if (isClauseBreak(words[i]!.gap)) break;
    if (isContent(words[i]!)) found.push(words[i]!);
  }
  return found;
}

/**
 * Whether two words are near enough in meaning to anchor: the same word, or stems of five letters
 * or more that share their first four ("invasion" and "invaded" stem to "invas" and "invad").
 */
export function anchorsMeet(a: Word, b: Word): boolean {
  if (sameWord(a, b)) return true;
  const prefix = 4;
  return (
    a.key.length > prefix &&
    b.key.length > prefix &&
    a.key.slice(0, prefix) === b.key.slice(0, prefix)
  );
}

/** How many of `anchors` meet a word of `others`. */
export function sharedAnchors(anchors: readonly Word[], others: readonly Word[]): number {
  let shared = 0;
  for (const anchor of anchors) if (others.some((o) => anchorsMeet(anchor, o))) shared++;
  return shared;
}

/** Indexes of the words of `words` that are the same word as `word`. */
export function occurrences(words: readonly Word[], word: Word): number[] {
  const found: number[] = [];
  for (const other of words) if (sameWord(word, other)) found.push(other.index);
  return found;
}
