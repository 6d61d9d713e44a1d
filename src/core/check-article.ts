/**
 * The one entrance for checking an article, used by the command line and the extension alike: the
 * matcher's claim-by-claim answer, then what the engine works out about those claims beyond the
 * matches themselves (each such step is a module of its own, called from here).
 */
import { withDifferences } from './divergence';
import { withoutHidden } from './hidden-matches';
import { MATCH_THRESHOLD, type CheckOptions } from './matcher';
import { withProvenance, type EchoGroups } from './provenance';
import type { ArticleReport } from './types';

/** What checking an article needs of the matcher. */
export interface ClaimMatcher {
  check(text: string, options?: CheckOptions): ArticleReport;
  /** A report's publication date as its metadata gives it, by its key (null: unknown). */
  publishedOf?(report: string): string | null;
}

/** Options of {@link checkArticle}: the matcher's, and what the steps after it need. */
export interface ArticleCheckOptions extends CheckOptions {
  /**
   * The corpus's echo groups (see src/core/provenance): with them, the answer says where each
   * claim comes from (`provenance`, each match's `group`, each sentence's `independent`).
   */
  groups?: EchoGroups | null;
  /** The article's publication date as the page gives it (ISO), when known. */
  published?: string | null;
  /** List only the groups of the article's matches and its own, not every corpus group. */
  matchedGroupsOnly?: boolean;
  /** Keys of the matches the reader marked "not the same claim" (see hidden-matches.ts). */
  hidden?: readonly string[];
  /**
   * A report's publication date by its key, as its metadata gives it: a day of the week it names
   * is then read as the date it is (the divergence flags; see src/core/divergence).
   */
  publishedOf?: (report: string) => string | null;
  /**
   * The matcher's answer for the whole article a passage (`context`) was taken from: the page is
   * placed among the echo groups by the article, not by the passage alone.
   */
  placeBy?: ArticleReport;
}

/** Checks `text` against the corpus behind `matcher`. Never throws for any string. */
export function checkArticle(
  matcher: ClaimMatcher,
  text: string,
  options: ArticleCheckOptions = {},
): ArticleReport {
  const { groups: _groups, published: _published, ...rest } = options;
  const {
    matchedGroupsOnly: _only,
    hidden: _hidden,
    publishedOf,
    placeBy,
    ...matcherOptions
  } = rest;
  // A passage of an article is placed by the article (checked once more, whole, for that).
  const { context, ...wholeOptions } = matcherOptions;
  const whole =
    placeBy ?? (options.groups && context ? matcher.check(context, wholeOptions) : undefined);
  return completeArticleCheck(matcher.check(text, matcherOptions), text, {
    ...options,
    publishedOf: publishedOf ?? matcher.publishedOf?.bind(matcher),
    ...(whole ? { placeBy: whole } : {}),
  });
}

/**
 * The steps after matching, on the matcher's answer for `text` once every match has its text (a
 * caller whose report texts come from storage, the reader's library, fills them in between).
 */
export function completeArticleCheck(
  matched: ArticleReport,
  text: string,
  options: ArticleCheckOptions = {},
): ArticleReport {
  const { groups, published, matchedGroupsOnly, threshold, hidden, publishedOf, placeBy } = options;
  // The pairs the reader marked "not the same claim" go first: nothing after counts them.
  const hiddenKeys = hidden ? new Set(hidden) : null;
  const shown = hiddenKeys ? withoutHidden(matched, hiddenKeys) : matched;
  // What each outlet's wording changed against the page's: divergence flags on every match.
  const differences = withDifferences(shown, { page: published, reportOf: publishedOf });
  // A stricter choice than the engine's own is said with the answer, so that every view of it
  // can tell the reader that matches were left out.
  const report =
    threshold !== undefined && threshold > MATCH_THRESHOLD
      ? { ...differences, minChance: threshold }
      : differences;
  return groups
    ? withProvenance(report, text, groups, published ?? null, {
        matchedGroupsOnly,
        placeBy: placeBy && hiddenKeys ? withoutHidden(placeBy, hiddenKeys) : placeBy,
      })
    : report;
}
