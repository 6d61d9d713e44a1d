/**
 * Provenance: where a claim comes from. The one entrance to src/core/provenance/, used through
 * check-article.ts by the command line and the extension alike, and by the build, which stores
 * the corpus's echo groups in the compiled index.
 *
 * - attributions.ts: the sources a text names (outlet, anonymous, person, document).
 * - alignment.ts: the claims two texts share, their order and the closeness of their wording.
 * - echo-groups.ts: reports that derive from one text, placed one at a time.
 * - claim-sources.ts: per claim and per article, outlets, independent sources, first publication.
 * - dates.ts: publication dates known to the day.
 */
import type { CompiledCorpus } from '../corpus-format';
import type { ArticleReport, ReportMeta } from '../types';
import { findAttributions, outletKey, type Attribution } from './attributions';
import { pageIsSource } from './claim-sources';
import { EchoGroups, MIN_RUN } from './echo-groups';
import { parsePublished } from './dates';

export {
  findAttributions,
  isOutletName,
  outletKey,
  type Attribution,
  type AttributionKind,
} from './attributions';
export { alignedClaims, measure, containment, type PairEvidence } from './alignment';
export {
  EchoGroups,
  isEcho,
  sourcingOf,
  MIN_RUN,
  MIN_ORDER,
  MIN_OVERLAP,
  VERBATIM_RUN,
  VERBATIM_OVERLAP,
  SAME_CLAIMS_SHARE,
  PROVENANCE_VERSION,
  type Placement,
  type PlacedReport,
  type PlacementDecision,
} from './echo-groups';
export {
  articleSources,
  claimSources,
  datesStatement,
  ENGLISH,
  sourceName,
  sourcesLine,
  sourcesStatement,
  sourcingDetail,
  statementParts,
  type StatementParts,
  type ClaimSources,
  type EchoPhrases,
  type SourceGroup,
} from './claim-sources';
export { compareDates, parsePublished, type KnownDate } from './dates';
export type * from './types';

/** Checks a text against the corpus with one report left out (the matcher's `check`). */
export type CheckText = (text: string, exclude: string) => ArticleReport;

/**
 * The echo groups of a corpus: each report placed in corpus order against the reports before it,
 * from the matcher's answer for its text (one check per report).
 */
export function buildEchoGroups(
  inputs: readonly { meta: ReportMeta; text: string }[],
  check: CheckText,
): EchoGroups {
  const groups = new EchoGroups();
  for (const { meta, text } of inputs) groups.place(meta, text, check(text, meta.id));
  return groups;
}

/**
 * The echo groups of a compiled corpus: those the build stored in it, or, when it has none (or
 * ones that do not fit its reports), computed now from its sentences, each report's units one
 * paragraph apiece.
 */
export function corpusEchoGroups(compiled: CompiledCorpus, check: CheckText): EchoGroups {
  const stored = EchoGroups.fromData(compiled.provenance, compiled.reports);
  if (stored) return stored;
  const units: string[][] = compiled.reports.map(() => []);
  for (const sentence of compiled.sentences) units[sentence.report]?.push(sentence.text);
  return buildEchoGroups(
    compiled.reports.map((meta, i) => ({ meta, text: units[i]!.join('\n\n') })),
    check,
  );
}

/**
 * The groups among `ids` whose source (their origin outlet in `groups`) a sentence names as its
 * own ("…, Reuters reported"): `outlets`, the article's attributions to outlets that lie
 * within the sentence's `span`.
 */
function citedGroups(
  span: { start: number; end: number },
  outlets: readonly Attribution[],
  ids: ReadonlySet<string>,
  groups: EchoGroups,
): string[] {
  const cited = new Set(
    outlets
      .filter((a) => a.start >= span.start && a.end <= span.end)
      .map((a) => outletKey(a.source)),
  );
  if (cited.size === 0) return [];
  return [...ids].filter((id) => {
    const origin = groups.originOf(id);
    return origin !== null && cited.has(outletKey(origin));
  });
}

/**
 * The matcher's answer for an article with its provenance: the sources the article names, every
 * report's echo group, the group the article retells (if any), each match's group and each
 * sentence's number of independent sources. `published` is the article's date as the page gives
 * it; with `matchedGroupsOnly`, only the groups of the matches and the article's own are listed
 * (a large corpus has many). With `placeBy`, the matcher's answer for the whole article a
 * passage was taken from, the page is placed by that article: a selection of a retelling retells
 * what the article does. Returns a new report; the one given is not changed.
 */
export function withProvenance(
  report: ArticleReport,
  text: string,
  groups: EchoGroups,
  published: string | null = null,
  options: { matchedGroupsOnly?: boolean; placeBy?: ArticleReport } = {},
): ArticleReport {
  const attributions = findAttributions(text);
  const outlets = attributions.filter((a) => a.kind === 'outlet');
  const placed = options.placeBy ?? report;
  const placement = groups.locate(placed);
  const pageGroup = placement.links[0]?.group ?? null;
  const tooShort = pageGroup === null && tooShortToPlace(placed);
  const grouped = report.sentences.map((sentence) =>
    sentence.matches.map((m) => ({
      ...m,
      group: groups.groupOf(m.report) ?? `group-${m.report}`,
    })),
  );
  const used = new Set(grouped.flatMap((matches) => matches.map((m) => m.group)));
  const sentences = report.sentences.map((sentence, i) => {
    const matches = grouped[i]!;
    const distinct = new Set(matches.map((m) => m.group));
    // The article is a source of its own unless it retells one of the groups, or names the
    // source of one for the claim ("…, Reuters reported").
    const cites = matches.length > 0 ? citedGroups(sentence, outlets, distinct, groups) : [];
    const own = pageIsSource(distinct, pageGroup, cites, tooShort) ? 1 : 0;
    const independent = matches.length === 0 ? 0 : distinct.size + own;
    return cites.length > 0
      ? { ...sentence, matches, independent, cites }
      : { ...sentence, matches, independent };
  });
  if (pageGroup !== null) used.add(pageGroup);
  return {
    ...report,
    sentences,
    provenance: {
      attributions,
      // A large corpus has thousands of groups: only those listed are described.
      groups: groups.list(options.matchedGroupsOnly ? used : undefined),
      pageGroup,
      ...(tooShort ? { pageTooShort: true } : {}),
      published: parsePublished(published)?.iso ?? null,
    },
  };
}

/**
 * Share of an article's sentences that, matched, make it mostly what the outlets say: below a
 * retelling's run (MIN_RUN), such an article cannot show whether it retells them.
 */
export const MOSTLY_MATCHED = 0.5;

/**
 * Whether an article says too little for its echo to be told (see PageProvenance.pageTooShort):
 * some of its sentences are matched, fewer than a retelling's run, and they are most of it.
 */
export function tooShortToPlace(report: ArticleReport): boolean {
  const { sentences, matched } = report.summary;
  return matched > 0 && matched < MIN_RUN && matched >= MOSTLY_MATCHED * sentences;
}
