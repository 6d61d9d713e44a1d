/**
 * The five real reports' checks as the development gold's scoring reads them, for the benchmarks
 * that score them against a larger corpus (the synthetic one, the library).
 */
import type { ArticleReport, SentenceMatch, SentenceResult } from '../src/core/types';
import type { ScoredReport } from '../test/quality/score';
import { contentOverlap } from './synthetic-corpus';

/** Content-word overlap from which a synthetic sentence is a near copy of the page sentence. */
export const NEAR_COPY = 0.5;

/**
 * A checked report as the scoring reads it: each sentence's matches by report file (a synthetic
 * report by its id), those `keep` passes.
 */
export function scoredReport(
  file: string,
  text: string,
  result: ArticleReport,
  fileOf: ReadonlyMap<string, string>,
  keep: (sentence: SentenceResult, match: SentenceMatch) => boolean = () => true,
): ScoredReport {
  return {
    file,
    text,
    units: result.sentences.map((s) => ({
      start: s.start,
      end: s.end,
      scores: new Map(
        s.matches.filter((m) => keep(s, m)).map((m) => [fileOf.get(m.report) ?? m.report, m.score]),
      ),
    })),
  };
}

/**
 * Counts the matches to synthetic reports and keeps those that are not near copies of the page
 * sentence: near copies are expected by construction, neither rewarded nor punished; other
 * synthetic matches are not in the gold and count as false positives.
 */
export class SyntheticMatches {
  matches = 0;
  nearCopies = 0;

  constructor(private readonly realIds: ReadonlySet<string>) {}

  readonly keep = (sentence: SentenceResult, match: SentenceMatch): boolean => {
    if (this.realIds.has(match.report)) return true;
    this.matches++;
    const nearCopy = contentOverlap(sentence.text, match.text) >= NEAR_COPY;
    if (nearCopy) this.nearCopies++;
    return !nearCopy;
  };
}
