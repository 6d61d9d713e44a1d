/**
 * Matches the reader marked "not the same claim". A mark names one pair: a page sentence, by its
 * text (so the mark holds wherever the sentence comes back: a reload, a copy of the article on
 * another site, the same text pasted on the check page), and one report sentence (its report and
 * offset). A check leaves the marked pairs out before anything is worked out from the matches, so
 * a hidden match counts nowhere: not in the highlights, the badge, the outlets, where the claims
 * come from or what the retellings changed.
 */
import { hashText } from './text-hash';
import type { ArticleReport, OutletSummary } from './types';

/** The key of a pair: short, and the page's text never stored beside the mark. */
export function matchKey(sentence: string, match: { report: string; start: number }): string {
  const text = sentence.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return hashText(`${text}\u0000${match.report}\u0000${match.start}`);
}

/** Whether `value` has the shape of a key made by matchKey. */
export function isMatchKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z]{1,12}:[0-9a-z]{1,8}$/u.test(value);
}

/**
 * `report` without the matches whose pairs are in `hidden`; its counts are made again from what is
 * left. `report.hidden` lists the keys of the matches left out (so a view can bring them back);
 * the report is returned as it is when none is.
 */
export function withoutHidden(report: ArticleReport, hidden: ReadonlySet<string>): ArticleReport {
  if (hidden.size === 0) return report;
  const leftOut: string[] = [];
  const sentences = report.sentences.map((sentence) => {
    const gone = new Set<string>();
    const kept = sentence.matches.filter((match) => {
      const key = matchKey(sentence.text, match);
      if (!hidden.has(key)) return true;
      leftOut.push(key);
      gone.add(match.report);
      return false;
    });
    // A match carried over from a wording the reader hid has lost what it stood on.
    const matches = gone.size === 0 ? kept : kept.filter((m) => !m.via || !gone.has(m.via));
    return matches.length === sentence.matches.length ? sentence : { ...sentence, matches };
  });
  if (leftOut.length === 0) return report;
  // The outlets in their first order, each counted again; those left with none are dropped.
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const match of sentence.matches)
      counts.set(match.report, (counts.get(match.report) ?? 0) + 1);
  }
  const outlets: OutletSummary[] = report.summary.outlets
    .filter((outlet) => counts.has(outlet.report))
    .map((outlet) => ({ ...outlet, sentences: counts.get(outlet.report)! }))
    .sort((a, b) => b.sentences - a.sentences);
  return {
    ...report,
    sentences,
    summary: {
      ...report.summary,
      matched: sentences.filter((sentence) => sentence.matches.length > 0).length,
      outlets,
    },
    hidden: leftOut,
  };
}
