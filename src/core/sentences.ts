/**
 * Splits article text into units: sentences of running prose, and headings, list items, bare
 * lines (bylines, "Leave a Reply"), the datelines of wire copy ("MOSCOW, March 13 (Reuters) -")
 * and paragraphs that point to another article ("Read more: …") as units of their own. Offsets
 * point into the original text.
 *
 * Sentence boundaries come from Intl.Segmenter (Unicode UAX #29), then a few repairs for what it
 * gets wrong in news text:
 * - Titles before a name (Gen., Sen., Mr., Dr. …) never end a sentence.
 * - Abbreviations that can end a sentence (U.S., D.C., Inc., St., initials like "F.", months …)
 *   end one only when the next word is a typical sentence opener: a closed-class word such as
 *   "The", "He", "However", "In" or an opening quote. A capitalised word that is not an opener is
 *   read as a name continuing the sentence: "U.S. President", "John F. Kennedy", "St. Petersburg".
 *   The trade-off, chosen knowingly: "…in the U.S. Trump said…" stays one sentence.
 * - Number prefixes (No., Art., Jan. …) before a digit never end a sentence ("No. 10").
 * - "!" or "?" followed by a lower-case word does not end one (“Stop!” he shouted); after a
 *   quoted "!" or "?", a capitalised word that is not an opener is read as the speaker
 *   (“Is it over?” Putin asked).
 * - Closing quotes and brackets after the full stop belong to the sentence before.
 */
import type { Sentence, UnitKind } from './types';

/** Titles and ranks that always precede a name, so a full stop after them never ends a sentence. */
const TITLES = new Set(
  (
    'mr mrs ms mx messrs mmes dr prof gen gens lt col capt cpt sgt cpl pvt maj brig adm cmdr cdr ' +
    'sen sens rep reps gov govs pres supt insp det rev msgr hon amb atty sec secy fr sra srta'
  ).split(' '),
);

/** Abbreviations that are always followed by more of the same sentence. */
const INLINE = new Set(['vs', 'v', 'e.g', 'i.e', 'cf', 'viz', 'approx', 'incl', 'esp', 'ca', 'c']);

/** A word with its first letter in capitals ("march" → "March"). */
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The months, and their abbreviations with a full stop ("Jan.", "Sept."). */
const MONTHS =
  'january february march april may june july august september october november december';
const MONTH_ABBREVIATIONS = 'jan feb mar apr jun jul aug sep sept oct nov dec';

/** Prefixes of a number ("No. 10", "Art. 5", "Jan. 5"): no break when a digit follows. */
const NUMBER_PREFIXES = new Set(
  (
    'no nos art arts fig figs vol vols ch chap p pp para sec sect ed eds op ' + MONTH_ABBREVIATIONS
  ).split(' '),
);

/**
 * Abbreviations that can end a sentence as well as sit inside one; decided by the next word.
 * Acronyms with inner dots (U.S., D.C., a.m.) and single-letter initials are recognised by shape.
 */
const AMBIGUOUS = new Set(
  (
    'inc corp co ltd plc llc bros jr sr st mt ft ave blvd rd etc al ' +
    MONTH_ABBREVIATIONS +
    ' ala ariz ark calif colo conn fla ga ill ind kan ky md mich minn ' +
    'neb nev okla ore pa tenn tex va vt wash wis wyo dept univ assn est'
  ).split(' '),
);

/**
 * Closed-class words that commonly open an English sentence. After an ambiguous abbreviation, one of
 * these means a new sentence; any other capitalised word is read as a name carrying on the sentence.
 */
const SENTENCE_OPENERS = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my ' +
    'your one some many most several few both each every all any no none neither either nor not ' +
    'but and or so yet however meanwhile still also instead indeed thus therefore moreover ' +
    'furthermore nevertheless nonetheless otherwise besides although though while whereas when ' +
    'whenever where wherever if unless until after before since because as once despite ' +
    'according in on at by for from to with without within into onto over under during about ' +
    'against among between through throughout across along around amid beyond toward towards ' +
    'upon following last next earlier later now then today yesterday tomorrow tonight recently ' +
    'previously currently finally first second third what why how who whom whose which ' +
    'such other another more less only even just perhaps maybe officials sources analysts ' +
    'critics experts people asked speaking'
  ).split(/\s+/),
);

/** Characters that close a quotation or bracket and belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", '\u2019', '\u201d', '\u00bb', '\u203a', ')', ']', '}']);

/** Marks that end a line as a complete sentence (after any closing quotes or brackets). */
const FINAL_PUNCTUATION = /[.!?\u2026:;\u203c\u2047\u2048\u2049\u3002\uff01\uff1f\uff0e]$/u;

/** Marks after which the segmenter may end a sentence inside a block. */
const TERMINAL = /[.!?\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f\uff0e]/u;

/** Punctuation at the end of a line that says the text carries on in the next line. */
const CONTINUES = /[,(\u2013\u2014-]$/u;

/** A list-item marker at the start of a line: bullet characters, "-", "*", "+", or "1." / "1)". */
const BULLET =
  /^(?:[\u2022\u25e6\u25aa\u25ab\u2023\u2043\u00b7\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8\u2219\u27a2\u2794\u2013\u2014][ \t\u00a0]*|[-*+][ \t\u00a0]+|\d{1,3}[.)][ \t\u00a0]+)(?=\S)/u;

/** Lines without final punctuation of at most this many words count as headings; longer are lines. */
const HEADING_MAX_WORDS = 20;

/** A byline or credit line: site furniture, never a heading. */
const BYLINE = /^(?:by|photo|image|credit|source|updated|published|posted|written by)\b/iu;

// Vertical tab and form feed end a line too (Unicode line-breaking class BK).
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/gu;
const SPACE_CHAR = /\s/u;

let segmenter: Intl.Segmenter | null = null;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE_CHAR.test(ch);
}

/** Start and end of `text[start, end)` with surrounding whitespace removed. */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return [start, end];
}

/** A line of the text, trimmed, with the offset after its list marker if it is a list item. */
interface Line {
  start: number;
  end: number;
  item: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  const push = (lineStart: number, lineEnd: number): void => {
    const [start, end] = trimRange(text, lineStart, lineEnd);
    if (start === end) {
      lines.push({ start, end, item: false }); // blank line: a paragraph break
      return;
    }
    const marker = BULLET.exec(text.slice(start, Math.min(end, start + 16)));
    if (marker) {
      const [itemStart] = trimRange(text, start + marker[0].length, end);
      lines.push({ start: itemStart, end, item: true });
    } else {
      lines.push({ start, end, item: false });
    }
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return lines;
}

/** The text of a line without trailing closing quotes and brackets. */
function withoutClosers(text: string, start: number, end: number): number {
  while (end > start && CLOSERS.has(text[end - 1] ?? '')) end--;
  return end;
}

function endsWithFinalPunctuation(text: string, start: number, end: number): boolean {
  const last = withoutClosers(text, start, end);
  return last > start && FINAL_PUNCTUATION.test(text[last - 1] ?? '');
}

function startsLowerCase(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A block: consecutive lines forming one paragraph or one list item. */
interface Block {
  start: number;
  end: number;
  item: boolean;
}

/**
 * Groups lines into blocks. A line carries on into the next when it has no final punctuation and
 * either ends with a comma, bracket or dash or the next line starts in lower case (hard-wrapped text).
 */
function groupBlocks(text: string, lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    if (line.start === line.end) {
      current = null;
      continue;
    }
    if (
      current &&
      !line.item &&
      !endsWithFinalPunctuation(text, current.start, current.end) &&
      (CONTINUES.test(text[current.end - 1] ?? '') || startsLowerCase(text, line.start))
    ) {
      current.end = line.end;
      continue;
    }
    current = { start: line.start, end: line.end, item: line.item };
    blocks.push(current);
  }
  return blocks;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019-]*/uy;
const LAST_TOKEN = /(?:^|[\s("'\u201c\u2018[{\u00ab-])([\p{L}\p{N}.]*[\p{L}\p{N}])\.$/u;
const ACRONYM = /^\p{L}(?:\.\p{L})+$/u;
const INITIAL = /^\p{Lu}$/u;
const OPENING = /^["'\u201c\u2018\u00ab\u2039([{]/u;
const DIGIT_START = /^\p{N}/u;
const CAPITAL_START = /^\p{Lu}/u;

/** The word before a final "." at `end`, or null when the text there does not end in ".". */
function abbreviationBefore(text: string, start: number, end: number): string | null {
  if (text[end - 1] !== '.') return null;
  const tail = text.slice(Math.max(start, end - 40), end);
  const m = LAST_TOKEN.exec(tail);
  return m ? (m[1] ?? null) : null;
}

/** First word at or after `at` (skipping whitespace), or the first character when it is not a word. */
function nextToken(text: string, at: number, end: number): string {
  while (at < end && isSpace(text[at])) at++;
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  if (m && m.index === at) return m[0];
  return text[at] ?? '';
}

/** Whether a word (or an opening quote or bracket) typically starts a new sentence. */
function opensSentence(token: string): boolean {
  return OPENING.test(token) || SENTENCE_OPENERS.has(token.toLowerCase());
}

/** Decides whether the segmenter's break at `pos` (end of the sentence before) stands. */
function keepBreak(text: string, sentenceStart: number, pos: number, blockEnd: number): boolean {
  const [, before] = trimRange(text, sentenceStart, pos);
  const next = nextToken(text, pos, blockEnd);
  if (next === '') return true;
  // Without terminal punctuation the segmenter broke only at a line break inside a block that
  // groupBlocks already judged to be one hard-wrapped paragraph.
  const bare = withoutClosers(text, sentenceStart, before);
  const mark = text[bare - 1] ?? '';
  if (!TERMINAL.test(mark)) return false;
  if (mark !== '.') {
    // “Stop!” he shouted. — a lower-case word after the mark carries on the sentence.
    if (startsLowerCase(next, 0)) return false;
    // “Is it over?” Putin asked. — after a quoted question or exclamation, a capitalised word
    // that is not a sentence opener is read as the speaker.
    if (bare < before && (mark === '!' || mark === '?')) return opensSentence(next);
    return true;
  }
  const word = abbreviationBefore(text, sentenceStart, before);
  if (word === null) return true;
  const lower = word.toLowerCase();
  const nextIsDigit = DIGIT_START.test(next);
  if (nextIsDigit && NUMBER_PREFIXES.has(lower)) return false;
  if (TITLES.has(lower)) return !(CAPITAL_START.test(next) || nextIsDigit);
  // Case-sensitive: "c." is circa, "C." an initial or a grade.
  if (INLINE.has(word)) return false;
  if (AMBIGUOUS.has(lower) || ACRONYM.test(word) || INITIAL.test(word)) return opensSentence(next);
  return true;
}

/** Moves closing quotes and brackets that follow a break onto the sentence before it. */
function absorbClosers(text: string, pos: number, blockEnd: number): number {
  let at = pos;
  while (at < blockEnd && isSpace(text[at])) at++;
  let end = at;
  while (end < blockEnd && CLOSERS.has(text[end] ?? '')) end++;
  if (end === at) return pos;
  // Only when they close something: followed by space or the end of the block, not opening a word.
  if (end < blockEnd && !isSpace(text[end])) return pos;
  const [, before] = trimRange(text, 0, pos);
  if (!TERMINAL.test(text[before - 1] ?? '')) return pos;
  return end;
}

/**
 * Length of the slices handed to Intl.Segmenter. Iterating its segments costs time proportional to
 * the length of the string segmented for every segment (a 1 MB paragraph takes over a minute in
 * V8), so long blocks are segmented a window at a time, which keeps the cost linear.
 */
const SEGMENT_WINDOW = 2048;

/**
 * Breaks this close to the end of a window are left to the next window: the segmenter decides a
 * break by looking ahead (". " followed by a lower-case word is not one), and a cut window hides that.
 */
const WINDOW_MARGIN = 128;

/**
 * Characters after which Unicode's sentence rules (UAX #29) can end a sentence: sentence
 * terminals (the full-stop forms among them) and paragraph separators. A block without any is one
 * sentence, and the segmenter, which costs tens of microseconds per call, is not asked.
 */
const MAY_END_SENTENCE =
  // Vertical tab and form feed too: blocks join lines across them, as across any line break.
  // eslint-disable-next-line no-control-regex
  /[\p{Sentence_Terminal}\u2024\ufe52\uff0e\n\r\u000b\u000c\u0085\u2028\u2029]/u;

/** A sentence terminal: what MAY_END_SENTENCE finds but the paragraph separators. */
const TERMINAL_MARK = /[\p{Sentence_Terminal}\u2024\ufe52\uff0e]/u;

/**
 * Whether Unicode's sentence rules end no sentence inside `text[first, end)`, which starts with a
 * sentence terminal: it holds only terminals, closing quotes and brackets, and spaces, and a
 * closing mark follows a space only with a terminal between them. Among those, the rules break
 * only before a closing mark that follows spaces (UAX #29, SB8a-SB11).
 */
function holdsNoBreak(text: string, first: number, end: number): boolean {
  let spaced = false;
  for (let i = first; i < end; i++) {
    const ch = text[i]!;
    if (ch === ' ') spaced = true;
    else if (CLOSERS.has(ch)) {
      if (spaced) return false;
    } else if (TERMINAL_MARK.test(ch)) spaced = false;
    else return false;
  }
  return true;
}

/** Sentence boundaries (end offsets) inside one block, after the repairs. */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const first = text.slice(start, end).search(MAY_END_SENTENCE);
  // A block whose first possible end is in its closing punctuation ("…, he said." or "…?”") is
  // one sentence, as most paragraphs of news are: the segmenter could only end it at its end.
  if (first < 0 || holdsNoBreak(text, start + first, end)) return [end];
  const ends: number[] = [];
  let sentenceStart = start;
  let from = start;
  while (from < end) {
    const windowEnd = Math.min(end, from + SEGMENT_WINDOW);
    const final = windowEnd === end;
    const acceptUntil = final ? end : windowEnd - WINDOW_MARGIN;
    let next = final ? end : acceptUntil;
    for (const seg of getSegmenter().segment(text.slice(from, windowEnd))) {
      const pos = from + seg.index + seg.segment.length;
      if (pos > acceptUntil || pos >= windowEnd) break;
      next = pos;
      if (pos <= sentenceStart || !keepBreak(text, sentenceStart, pos, end)) continue;
      const moved = absorbClosers(text, pos, end);
      if (moved >= end) break;
      ends.push(moved);
      sentenceStart = moved;
    }
    from = next;
  }
  ends.push(end);
  return ends;
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * The dateline that opens a paragraph of wire copy: where (and when) the story was filed, and for
 * which agency, then a dash. Four shapes:
 * - a place in capitals or in up to three capitalised words, perhaps a region or a date after a
 *   comma, then the agency in brackets: "MOSCOW, March 13 (Reuters) -", "KYIV, Ukraine (AP) —",
 *   "Kyiv (AFP) -"; or a date alone, where the story has no one place ("March 14 (Reuters) -");
 *   or the agency alone: "(Bloomberg) --";
 * - a place in capitals with a region or a date after a comma: "MOSCOW, March 13 -";
 * - a place and an agency written in capitals without brackets, before a long dash: "Kyiv,
 *   Ukraine CNN —";
 * - a place of five or more capitals alone, before a long dash: "WASHINGTON —".
 * A capitalised phrase that is not written so ("The International Atomic Energy Agency (IAEA) —",
 * "NATO — the alliance", "Russia, the sources said, —") is left in its sentence. The dash must be
 * followed by the sentence (a capital, a digit or an opening quote) or end the paragraph.
 */
const DATELINE = (() => {
  const capsWord = "\\p{Lu}[\\p{Lu}.'\u2019/-]*";
  const caps = `${capsWord}(?:\\s${capsWord}){0,3}`;
  const titleWord = "\\p{Lu}[\\p{L}.'\u2019-]*";
  const words = `${titleWord}(?:\\s${titleWord}){0,2}`;
  const tail =
    "(?:,\\s\\p{Lu}[\\p{L}.'\u2019]*(?:\\s[\\p{Lu}\\p{N}][\\p{L}\\p{N}.'\u2019]*){0,3}){0,2}";
  const tailRequired = tail.replace(/\{0,2\}$/, '{1,2}');
  const agency = "\\s?\\(\\p{L}[\\p{L}\\p{N} .&'\u2019-]{0,30}\\)";
  // A date alone, where the story has no one place: "March 14 (Reuters) -".
  const months = MONTHS.split(' ').map(capitalised).join('|');
  const abbreviations = MONTH_ABBREVIATIONS.split(' ').map(capitalised).join('|');
  const month = `(?:${months}|(?:${abbreviations})\\.)`;
  const date = `${month}\\s\\p{N}{1,2}`;
  const longCaps = "\\p{Lu}[\\p{Lu}.'\u2019/ -]{3,}\\p{Lu}";
  return new RegExp(
    `^(?:(?:${date}|${caps}|${words})?${tail}${agency}\\s*[-\u2013\u2014]{1,2}` +
      `|${caps}${tailRequired}\\s*[-\u2013\u2014]{1,2}` +
      `|${words}${tail}\\s\\p{Lu}{2,6}\\s[\u2013\u2014]` +
      `|${longCaps}\\s[\u2013\u2014])` +
      `(?=\\s+[\\p{Lu}\\p{N}"'\u201c\u2018]|\\s*$)`,
    'u',
  );
})();

/** The length of the dateline that opens `text` (0 when none does). */
export function datelineLength(text: string): number {
  const m = DATELINE.exec(text);
  return m === null ? 0 : m[0].length;
}

/**
 * A paragraph that points to another article, by a label and a colon, dash or bar: "Read more:
 * Zelensky says Ukraine ready for ceasefire", "RELATED — …", "See also | …". What follows is the
 * other article's headline, not a claim of this one.
 */
const LINK_LABEL =
  /^(?:read (?:more|also|next)|also read|related(?: (?:story|stories|article|articles|coverage|content|topics))?|see also|more on [\p{L} ]{1,30}|more from [\p{L} ]{1,30}|watch|listen|recommended(?: for you)?|must read|don't miss|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular now|top stories|editor['\u2019]?s picks|you (?:may|might) also like|further reading|in other news)\s*[:|\u2013\u2014-]\s+\S/iu;

/**
 * A question: it opens with an interrogative word or an auxiliary put before its subject ("What
 * did Russia ask for?", "Will Putin accept the truce?", "So how does this end?") and ends with a
 * question mark. It asks; it asserts nothing another outlet could have reported. A statement that
 * ends in an indirect or quoted question ("The White House is waiting for an answer: will it stop
 * shooting?") opens otherwise and stays a claim.
 */
const QUESTION =
  /^["'\u201c\u2018([]?(?:(?:so|and|but|or|then|now|yet),?\s+)?(?:what|why|how|who|whom|whose|which|where|when|is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|(?:is|are|was|were|do|does|did|has|have|had|could|would|should|must)n['\u2019]t|can['\u2019]t|won['\u2019]t)\b[^]*\?["'\u2019\u201d\u00bb)\]]*$/iu;

/** Whether a unit's text is a question (see QUESTION). */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text);
}

/**
 * A call to action of the site around the article ("Sign up for our daily briefing on the war in
 * Ukraine", "Follow our live coverage", "Get the latest news on…"): a verb in the imperative that
 * addresses the reader, then the site itself ("us", "our"), "here", "now" or "the latest". It
 * names the story's topic and asserts nothing. "Support for our allies…" and "Follow-up talks…"
 * are not read so.
 */
const CALL_TO_ACTION =
  /^(?:please\s+)?(?:(?:sign up|subscribe)(?:\s+(?:to|for))?\s+(?:us|our|here|now|today|free|the latest)\b|(?:follow|click|tap|download|join|support|share|read|watch|listen|register|donate|get|visit|explore|discover|email|contact)(?:\s+(?:to|with|on))?\s+(?:us|our|here|now|today|the latest|this (?:article|story|page))\b|(?:learn|find out|read) more\b|keep up with\b|stay (?:up to date|informed|updated)\b|tune in\b)/iu;

/** Whether a unit's text is a call to action of the site (see CALL_TO_ACTION). */
export function isCallToAction(text: string): boolean {
  return CALL_TO_ACTION.test(text);
}

/** An optional label of a list, up to three words and a colon: "Tags:", "Filed under:". */
const LIST_LABEL = /^[\p{L}'\u2019]+(?:\s+[\p{L}'\u2019]+){0,2}\s*:\s+/u;
/** Separators of a row of links or tags: bars, bullets, middle dots, slashes. */
const ROW_SEPARATOR = /\s*[|\u2022\u00b7/]\s*/u;
/** Separators of a labelled list: those of a row, commas and semicolons. */
const LIST_SEPARATOR = /\s*[,;|\u2022\u00b7/]\s*/u;
/** Entries of a list are short: a name or a topic ("Russia Ukraine war", "Vladimir Putin"). */
const LIST_ENTRY_MAX_WORDS = 4;
/**
 * Words that make an entry a clause, not a term: articles, "to", auxiliaries, verbs of saying.
 * "Exclusive: Putin, Trump to talk Tuesday, Kremlin says" is a headline, not a list.
 */
const CLAUSE_WORDS = new Set(
  `a an the to of is are was were be been has have had will would can could may might must should
  says said say tells told wants seeks asks`.split(/\s+/),
);
const ENTRY_WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu;

/** Whether every entry is a term: a few words, not a clause, not a bare number. */
function allTerms(entries: readonly string[]): boolean {
  return entries.every((entry) => {
    const words = entry.toLowerCase().match(ENTRY_WORD);
    return (
      words !== null &&
      words.length <= LIST_ENTRY_MAX_WORDS &&
      !words.some((w) => CLAUSE_WORDS.has(w)) &&
      !/^\d[\d.,]*$/.test(words.join(' ')) &&
      !entry.includes(':')
    );
  });
}

/**
 * A list of terms: the tags of a page ("Tags: Russia Ukraine war, Donald Trump, ceasefire"),
 * its topics ("Filed under: Russia, Ukraine, Vladimir Putin") or a row of section links ("Russia |
 * Ukraine | NATO"). Three entries or more, each of at most four words, none a clause or a bare
 * number, and no final full stop, question or exclamation mark; entries split by commas only
 * after a label of up to three words and a colon. It names the story's actors and topics and
 * asserts nothing, yet shares more names with a report's sentence than most claims do. A headline
 * in apposition ("Buzz Aldrin, 86, evacuated from South Pole") has no label and a bare number.
 */
export function isTermList(text: string): boolean {
  if (/[.!?]["'\u2019\u201d)]*$/u.test(text)) return false;
  const label = LIST_LABEL.exec(text);
  const row = text.split(ROW_SEPARATOR);
  if (row.length >= 3 && allTerms(row)) return true;
  if (!label) return false;
  const entries = text.slice(label[0].length).split(LIST_SEPARATOR);
  return entries.length >= 3 && allTerms(entries);
}

/** Words that say what kind of item a sentence opens (see ENTRY_LABEL), in lower case. */
const ENTRY_WORDS = [
  'update',
  'updated',
  'breaking',
  'breaking news',
  'live',
  'live updates',
  'latest',
  'developing',
  'developing story',
  'just in',
  'exclusive',
  'analysis',
  'explainer',
  'factbox',
  'fact check',
];

/**
 * The label a live blog, a wire service or a news site puts before a sentence: the time of the
 * entry ("08:05 ET:", "10.40 GMT —", "9:15 a.m. -") or a word that says what kind of item follows
 * ("Update:", "UPDATE 2 -", "BREAKING:", "Live:", "Exclusive:"), one or two of them, then a colon,
 * a bar or a dash and the sentence (a capital, a digit or an opening quote); or a wire service's
 * slug, the word in capitals and a hyphen with no space ("UPDATE 3-Russia hands…", "EXCLUSIVE-…").
 * It dates or files the sentence and asserts nothing: the matcher reads the sentence after it (a
 * time read as part of the claim, or "ET" as a name no report has, would count against a report
 * that makes the claim).
 * The words are written capitalised or in capitals, as a label is; "Live" in "Live: Russia…" is
 * one, "live" in "Families live: …" is not. A transcript's turns open with a label of the same
 * kind, the speaker in capitals and a colon ("ANCHOR:", "STEVE INSKEEP, HOST:", "SMITH
 * (voice-over):", "Q:", "A:"): it names who speaks and asserts nothing, and a word the reports
 * never use read as part of the claim ("ANCHOR" as a name) would count against every report
 * that makes it. So does the counter of a thread's post as a news site reposts the thread ("1/11
 * Russia has handed…", "(2/9)"): its numbers are no numbers of the claim.
 */
const ENTRY_LABEL = (() => {
  const time = '\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?(?:\\s\\p{Lu}{2,4})?';
  const capitals = ENTRY_WORDS.map((w) => w.toUpperCase());
  const capitalisedWords = ENTRY_WORDS.map(capitalised);
  const either = (words: readonly string[]): string => words.join('|').replace(/ /g, '\\s');
  const label = `(?:${time}|(?:${either([...capitalisedWords, ...capitals])})(?:\\s\\d{1,2})?)`;
  // A wire service's slug: the word in capitals, a hyphen and no space ("UPDATE 3-Russia…").
  const slug = `(?:${either(capitals)})(?:\\s\\d{1,2})?-`;
  // A transcript's speaker: one to three words in capitals (two letters or more, or an
  // abbreviation with its dot: "SEN."), a role after a comma, a parenthesis, then a colon.
  const word = "\\p{Lu}[\\p{Lu}'\u2019.-]*\\p{Lu}\\.?|\\p{Lu}\\.";
  const words = (most: number): string => `(?:${word})(?:\\s(?:${word})){0,${most - 1}}`;
  const speaker = `(?:${words(3)}(?:,\\s${words(2)})?(?:\\s\\([^()]{1,40}\\))?|Q|A):\\s+`;
  // A thread's post counter ("1/11", "(2/9)", "3/"), as a news site reposts a thread.
  const post = '\\(?\\d{1,3}/\\d{0,3}\\)?\\s+';
  return new RegExp(
    `^(?:${label}(?:,?\\s${label})?\\s?[:|\u2013\u2014-]\\s+|${slug}|${speaker}|${post})(?=[\\p{Lu}\\p{N}"'\u201c\u2018])`,
    'u',
  );
})();

/** The length of the entry label that opens a unit's text (see ENTRY_LABEL; 0 when none does). */
export function entryLabelLength(text: string): number {
  const m = ENTRY_LABEL.exec(text);
  return m === null ? 0 : m[0].length;
}

/**
 * The text of a unit the matcher reads: none for a dateline, a link, a question, a call to action
 * or a list of terms, which assert nothing and are never matched; the sentence without the label
 * of a live blog's entry, a transcript's speaker or a thread's post (ENTRY_LABEL), blanked with
 * spaces so that every offset into the text stays the unit's own.
 */
export function matchedText(unit: Sentence): string {
  if (
    unit.kind === 'dateline' ||
    unit.kind === 'link' ||
    isQuestion(unit.text) ||
    isCallToAction(unit.text) ||
    isTermList(unit.text)
  )
    return '';
  const label = entryLabelLength(unit.text);
  return label === 0 ? unit.text : ' '.repeat(label) + unit.text.slice(label);
}

/** Kind of a block that is one unit and has no final punctuation. */
function lineKind(unitText: string): UnitKind {
  if (BYLINE.test(unitText)) return 'line';
  const words = countWords(unitText);
  if (words === 0 || words > HEADING_MAX_WORDS) return 'line';
  return /^[\p{Lu}\p{N}]/u.test(unitText) ? 'heading' : 'line';
}

/**
 * Splits `text` into sentences, headings, list items and bare lines. Units are trimmed, in order,
 * never overlap, and between them lie only whitespace and list markers. Never throws.
 */
export function splitSentences(text: string): Sentence[] {
  const units: Sentence[] = [];
  for (const block of groupBlocks(text, splitLines(text))) {
    let from = block.start;
    // A paragraph pointing to another article is one unit, whatever its punctuation.
    if (!block.item && LINK_LABEL.test(text.slice(from, Math.min(block.end, from + 60)))) {
      units.push({ text: text.slice(from, block.end), start: from, end: block.end, kind: 'link' });
      continue;
    }
    // A dateline is a unit of its own, and the paragraph's first sentence starts after it.
    const dateline = block.item
      ? 0
      : datelineLength(text.slice(from, Math.min(block.end, from + 200)));
    if (dateline > 0) {
      units.push({
        text: text.slice(from, from + dateline),
        start: from,
        end: from + dateline,
        kind: 'dateline',
      });
      [from] = trimRange(text, from + dateline, block.end);
      if (from >= block.end) continue;
    }
    const ends = sentenceEnds(text, from, block.end);
    const complete = endsWithFinalPunctuation(text, from, block.end);
    for (const to of ends) {
      const [start, end] = trimRange(text, from, to);
      from = to;
      if (start === end) continue;
      const unitText = text.slice(start, end);
      let kind: UnitKind = 'sentence';
      if (block.item) kind = 'item';
      else if (!complete && ends.length === 1) kind = lineKind(unitText);
      units.push({ text: unitText, start, end, kind });
    }
  }
  return units;
}
