/**
 * The one entrance for checking an article, used by the command line and the extension alike: the
 * matcher's claim-by-claim answer, then what the engine works out about those claims beyond the
 * matches themselves (each such step is a module of its own, called from here).
 */
import { withDifferences } from './divergence';
import type { CheckOptions } from './matcher';
import type { ArticleReport } from './types';

/** What checking an article needs of the matcher. */
export interface ClaimMatcher {
  check(text: string, options?: CheckOptions): ArticleReport;
}

/** Checks `text` against the corpus behind `matcher`. Never throws for any string. */
export function checkArticle(
  matcher: ClaimMatcher,
  text: string,
  options: CheckOptions = {},
): ArticleReport {
  // What each outlet's wording changed against the page's: divergence flags on every match.
  return withDifferences(matcher.check(text, options));
}
