/**
 * A text cut to what the engine checks (MAX_CHECK_CHARS), at the same place the engine would cut
 * it, so that a page can say exactly which part of a long text was not checked.
 */
import { cutAt, MAX_CHECK_CHARS } from './matcher';

export { MAX_CHECK_CHARS };

/** A text as checked: the part the engine reads, and the part after it (empty when none). */
export interface CutText {
  checked: string;
  rest: string;
}

/** Splits `text` into the part that is checked and the rest. */
export function cutForCheck(text: string, max = MAX_CHECK_CHARS): CutText {
  if (text.length <= max) return { checked: text, rest: '' };
  const checked = cutAt(text, max);
  return { checked, rest: text.slice(checked.length) };
}
