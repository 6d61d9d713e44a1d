/**
 * Word-level difference between two sentences, for showing how another outlet's wording differs
 * from the page's: the longest common subsequence of words stays plain, the rest is marked.
 * Punctuation and spacing are never marked; case, curly quotes and Unicode forms do not count as
 * differences.
 */

/** A run of text, marked when its words are not shared with the other sentence. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/** Both sentences cut into segments; joining each list's texts gives the sentence back. */
export interface WordDiff {
  from: DiffSegment[];
  to: DiffSegment[];
}

// Sentences are short; beyond this many words the quadratic table is not worth it and both
// texts are returned unmarked.
const MAX_WORDS = 600;

const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019.-][\p{L}\p{N}\p{M}]+)*/gu;

interface Word {
  start: number;
  end: number;
  key: string;
}

function foldWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u2019/g, "'");
}

function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    found.push({ start, end: start + match[0].length, key: foldWord(match[0]) });
  }
  return found;
}

/** Marks of the words in `a` and `b` that are part of their longest common subsequence. */
function commonWords(a: Word[], b: Word[]): [boolean[], boolean[]] {
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..].
  const lengths = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i]!.key === b[j]!.key
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.key === b[j]!.key) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return [inA, inB];
}

/** Cuts `text` into segments, merging neighbouring changed words across plain spaces. */
function segments(text: string, list: Word[], kept: boolean[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  const push = (piece: string, changed: boolean) => {
    if (piece === '') return;
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += piece;
    else out.push({ text: piece, changed });
  };
  let at = 0;
  list.forEach((word, index) => {
    const changed = !kept[index];
    const gap = text.slice(at, word.start);
    const previousChanged = out.length > 0 && out[out.length - 1]!.changed;
    // A space between two changed words belongs to the same mark.
    push(gap, changed && previousChanged && /^\s+$/.test(gap));
    push(text.slice(word.start, word.end), changed);
    at = word.end;
  });
  push(text.slice(at), false);
  return out;
}

/** The words of `from` missing in `to`, and the words of `to` missing in `from`, marked. */
export function diffWords(from: string, to: string): WordDiff {
  const a = words(from);
  const b = words(to);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return { from: [{ text: from, changed: false }], to: [{ text: to, changed: false }] };
  }
  const [inA, inB] = commonWords(a, b);
  return { from: segments(from, a, inA), to: segments(to, b, inB) };
}
