/**
 * The `quote` kind: words inside quotation marks that differ between the two sentences, or words
 * one side quotes and the other gives without quotation marks.
 */
import type { Difference, Span } from './types';
import { isContent, perText, sameWord, wordsOf, type Word } from './words';

/** A quotation: its text with the marks, and its content words. */
interface Quotation {
  text: string;
  span: Span;
  words: Word[];
}

/**
 * Double quotation marks, straight or curly, and single curly ones that open at a word's start
 * and close at a word's end (an apostrophe inside "Russia’s" is not a quotation mark).
 */
const QUOTED =
  /"([^"]{1,400})"|\u201c([^\u201c\u201d]{1,400})\u201d|(?<![\p{L}\p{N}])\u2018([^\u2018\u2019]{1,400})\u2019(?![\p{L}\p{N}])/gu;
/** Share of a quotation's content words the other side must have unquoted to have the quote's words. */
const UNQUOTED_SHARE = 0.5;
/** Most words between the first and last of those words on the other side. */
const UNQUOTED_SPREAD = 12;

function quotationsOf(sentence: string): Quotation[] {
  const found: Quotation[] = [];
  for (const match of sentence.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? '';
    const innerStart = match.index + match[0].indexOf(inner);
    const words = wordsOf(inner)
      .filter(isContent)
      .map((w) => ({ ...w, start: w.start + innerStart, end: w.end + innerStart }));
    if (words.length === 0) continue;
    found.push({
      text: match[0],
      span: { start: match.index, end: match.index + match[0].length },
      words,
    });
  }
  return found;
}

function inside(word: Word, quotes: readonly Quotation[]): boolean {
  return quotes.some((q) => word.start >= q.span.start && word.end <= q.span.end);
}

/** Whether two quotations give the same words (case and punctuation aside). */
function sameWords(a: Quotation, b: Quotation): boolean {
  return (
    a.words.length === b.words.length && a.words.every((w, i) => w.lower === b.words[i]!.lower)
  );
}

/**
 * The quotation's words as the other sentence gives them without quotation marks: the span from
 * the first to the last of them, when at least half the quotation's content words are there.
 */
function unquoted(q: Quotation, words: readonly Word[], quotes: readonly Quotation[]): Span | null {
  const hits = words.filter(
    (w) => isContent(w) && !inside(w, quotes) && q.words.some((o) => sameWord(o, w)),
  );
  const distinct = new Set(hits.map((w) => w.key));
  if (distinct.size === 0 || distinct.size < q.words.length * UNQUOTED_SHARE) return null;
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  if (last.index - first.index > UNQUOTED_SPREAD) return null;
  return { start: first.start, end: last.end };
}

/** The `quote` differences between two sentences. */
export function quoteDifferences(
  page: string,
  pageWords: readonly Word[],
  report: string,
  reportWords: readonly Word[],
): Difference[] {
  const pageQuotes = quotationsOf(page);
  const reportQuotes = quotationsOf(report);
  const differences: Difference[] = [];
  const usedReport = new Set<Quotation>();
  for (const p of pageQuotes) {
    const r = reportQuotes.find(
      (o) => !usedReport.has(o) && o.words.some((w) => p.words.some((v) => sameWord(v, w))),
    );
    if (r) {
      usedReport.add(r);
      if (!sameWords(p, r)) {
        differences.push({
          kind: 'quote',
          page: p.text,
          report: r.text,
          pageSpan: p.span,
          reportSpan: r.span,
        });
      }
      continue;
    }
    const span = unquoted(p, reportWords, reportQuotes);
    if (span) {
      differences.push({
        kind: 'quote',
        page: p.text,
        report: report.slice(span.start, span.end),
        pageSpan: p.span,
        reportSpan: span,
      });
    }
  }
  for (const r of reportQuotes) {
    if (usedReport.has(r)) continue;
    const span = unquoted(r, pageWords, pageQuotes);
    if (span) {
      differences.push({
        kind: 'quote',
        page: page.slice(span.start, span.end),
        report: r.text,
        pageSpan: span,
        reportSpan: r.span,
      });
    }
  }
  return differences;
}

/** Fewest content words a quotation needs for its words to tell one statement from another. */
const MIN_TOLD_WORDS = 3;
/**
 * Share of the shorter quotation's content words two quotations must have in common to give the
 * same statement: a retelling copies a quotation or translates it anew (most of the words again),
 * while two statements of one speaker share a word or two of the subject at most.
 */
const SAME_STATEMENT_SHARE = 1 / 3;

/** A quotation's content words, each key once. */
function distinctWords(q: Quotation): Word[] {
  const seen = new Set<string>();
  return q.words.filter((w) => !seen.has(w.key) && seen.add(w.key));
}

/**
 * The distinct content words of each quotation of a sentence long enough to tell statements apart
 * (remembered: a page sentence meets several report sentences).
 */
const toldQuotations = perText((sentence: string): readonly Word[][] =>
  quotationsOf(sentence)
    .map(distinctWords)
    .filter((words) => words.length >= MIN_TOLD_WORDS),
);

/** Whether two quotations share SAME_STATEMENT_SHARE of the shorter's distinct content words. */
function sameStatement(a: readonly Word[], b: readonly Word[]): boolean {
  const shared = a.filter((w) => b.some((v) => sameWord(w, v))).length;
  return shared >= Math.min(a.length, b.length) * SAME_STATEMENT_SHARE;
}

/**
 * Whether both sentences quote someone and give other words: each holds a quotation of
 * MIN_TOLD_WORDS content words or more, and no such quotation of one shares a third of its words
 * with one of the other. Two sentences that quote other words tell two statements, however much
 * of the frame around them they share ("Kellogg … telling the Heritage Foundation last week, 'I
 * think we have to let the Ukrainians decide when it is safe to vote'" is not "Kellogg … telling
 * the Council on Foreign Relations last week, 'I think we have to develop something entirely
 * new'"). Short quotations ("root causes") name a thing rather than give a statement, and are not
 * compared.
 */
export function quotesOtherWords(page: string, report: string): boolean {
  const pageQuotes = toldQuotations(page);
  if (pageQuotes.length === 0) return false;
  const reportQuotes = toldQuotations(report);
  if (reportQuotes.length === 0) return false;
  return !pageQuotes.some((p) => reportQuotes.some((r) => sameStatement(p, r)));
}
