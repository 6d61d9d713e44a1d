/**
 * Where one claim (or a whole article) comes from, for a reader: how many outlets made it, how
 * many independent sources stand behind them (their echo groups, plus the article itself when it
 * retells none of them), who each group's source is and how its members name it, and who
 * published first where the dates are known. Also the sentences saying so, in words a view
 * supplies (English by default).
 */
import type { ArticleReport, SentenceMatch } from '../types';
import { compareDates, parsePublished, type KnownDate } from './dates';
import type { EchoGroup, GroupMember, Sourcing } from './types';

/** One independent source of a claim: an echo group and those of its members that made it. */
export interface SourceGroup {
  id: string;
  /** The outlet the group's reports name as their source, or null. */
  origin: string | null;
  /** The claim's outlets in this group, in the order of the matches. */
  outlets: GroupMember[];
  /** True when the article belongs to this group (it retells the same text). */
  page: boolean;
  /**
   * True when the article's sentence names this group's source for the claim ("…, Reuters
   * reported"): for this claim the article echoes that source, whatever text it retells.
   */
  pageCites: boolean;
}

/** Where a claim comes from. */
export interface ClaimSources {
  /** Outlets that made the claim (the article itself not counted). */
  outlets: number;
  /** Independent sources: the groups, plus the article when it is one (see pageIndependent). */
  independent: number;
  groups: SourceGroup[];
  /**
   * True when the article is an independent source of the claim: it retells none of the groups,
   * and its sentence names none of their sources.
   */
  pageIndependent: boolean;
  /** True when the article is one of the corpus reports (the matcher's `self`). */
  pageIsReport: boolean;
  /**
   * True when the article says too little for its echo to be told (PageProvenance.pageTooShort),
   * and so is no source of its own.
   */
  pageTooShort: boolean;
  /**
   * The earliest known publication among the outlets, and the article when it is dated (report
   * null: the article); null when no outlet's day is known.
   */
  first: { outlet: string | null; report: string | null; date: string } | null;
  /** Outlets whose date is not known to the day. */
  undated: number;
}

/**
 * Whether the article is a source of its own for a claim the groups `ids` tell: it retells none
 * of them (`pageGroup`, the group the article retells) and names none of their sources for the
 * claim (`cites`: "…, Reuters reported"), and it says enough for that to be told (`tooShort`: see
 * PageProvenance.pageTooShort).
 */
export function pageIsSource(
  ids: Iterable<string>,
  pageGroup: string | null,
  cites: readonly string[],
  tooShort = false,
): boolean {
  if (tooShort) return false;
  for (const id of ids) if (id === pageGroup || cites.includes(id)) return false;
  return true;
}

/** A match's echo group by the article's provenance, and that group's id. */
type GroupLookup = (match: SentenceMatch) => { group: EchoGroup | undefined; id: string };

function groupLookup(report: ArticleReport): GroupLookup {
  const groupOfReport = new Map<string, EchoGroup>();
  for (const group of report.provenance?.groups ?? [])
    for (const id of group.reports) groupOfReport.set(id, group);
  return (match) => {
    const group = groupOfReport.get(match.report);
    return { group, id: group?.id ?? match.group ?? `group-${match.report}` };
  };
}

/**
 * The sources of a claim made by `matches` (a sentence's matches, or an article's outlets);
 * `cites`, the groups whose source the article's sentence making the claim names as its own
 * (SentenceResult.cites: "…, Reuters reported"), where the article has the claim from.
 */
export function claimSources(
  report: ArticleReport,
  matches: readonly SentenceMatch[],
  cites: readonly string[] = [],
): ClaimSources {
  return sourcesOf(report, matches, cites, groupLookup(report));
}

/**
 * claimSources, with the groups looked up by `lookup`; `pageSource`, when given, says whether
 * the article is a source of its own (else it is worked out from the groups and `cites`).
 */
function sourcesOf(
  report: ArticleReport,
  matches: readonly SentenceMatch[],
  cites: readonly string[],
  lookup: GroupLookup,
  pageSource?: boolean,
): ClaimSources {
  const provenance = report.provenance;
  const pageGroup = provenance?.pageGroup ?? null;

  const groups: SourceGroup[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    if (seen.has(match.report)) continue;
    seen.add(match.report);
    const { group, id } = lookup(match);
    const member = group?.members.find((m) => m.report === match.report) ?? {
      report: match.report,
      outlet: match.outlet,
      sourcing: 'none' as Sourcing,
      published: null,
    };
    let entry = groups.find((g) => g.id === id);
    if (!entry) {
      entry = {
        id,
        origin: group?.origin ?? null,
        outlets: [],
        page: id === pageGroup,
        pageCites: cites.includes(id),
      };
      groups.push(entry);
    }
    entry.outlets.push(member);
  }
  // Most outlets first; ties keep the order of the matches.
  groups.sort((a, b) => b.outlets.length - a.outlets.length);
  const outlets = seen.size;
  const pageIndependent =
    outlets > 0 &&
    (pageSource ??
      pageIsSource(
        groups.map((g) => g.id),
        pageGroup,
        cites,
        provenance?.pageTooShort,
      ));

  // Who was first: among the outlets whose day is known, and the article when it gives its own
  // date. An article dated against outlets of unknown date says nothing of who was first.
  let first: ClaimSources['first'] = null;
  let firstDate: KnownDate | null = null;
  let undated = 0;
  const consider = (outlet: string | null, reportId: string | null, date: KnownDate) => {
    if (!firstDate || compareDates(date, firstDate) < 0) {
      firstDate = date;
      first = { outlet, report: reportId, date: date.iso };
    }
  };
  for (const group of groups) {
    for (const m of group.outlets) {
      const date = parsePublished(m.published);
      if (date) consider(m.outlet, m.report, date);
      else undated++;
    }
  }
  const pageDate = report.self === null ? parsePublished(provenance?.published ?? null) : null;
  if (first !== null && pageDate) consider(null, null, pageDate);

  return {
    outlets,
    independent: outlets === 0 ? 0 : groups.length + (pageIndependent ? 1 : 0),
    groups,
    pageIndependent,
    pageIsReport: report.self !== null,
    pageTooShort: outlets > 0 && provenance?.pageTooShort === true,
    first,
    undated,
  };
}

/**
 * The sources of every claim of an article together: each outlet it shares claims with. The
 * article counts as a source of its own when it is one for some claim it shares (see
 * claimSources): a page whose every shared claim names the outlets' source ("…, Reuters
 * reported") is no independent source of any.
 */
export function articleSources(report: ArticleReport): ClaimSources {
  const matches: SentenceMatch[] = [];
  for (const sentence of report.sentences) matches.push(...sentence.matches);
  // One entry per outlet, in order of how many sentences it shares.
  const order = new Map(report.summary.outlets.map((o, i) => [o.report, i]));
  matches.sort((a, b) => (order.get(a.report) ?? 0) - (order.get(b.report) ?? 0));
  const lookup = groupLookup(report);
  const pageGroup = report.provenance?.pageGroup ?? null;
  const pageSource = report.sentences.some(
    (s) =>
      s.matches.length > 0 &&
      pageIsSource(
        s.matches.map((m) => lookup(m).id),
        pageGroup,
        s.cites ?? [],
        report.provenance?.pageTooShort,
      ),
  );
  return sourcesOf(report, matches, [], lookup, pageSource);
}

/** The words the statements are made of, so that each view can supply its language. */
export interface EchoPhrases {
  outlets(n: number): string;
  independent(n: number): string;
  /** The article, named among the sources. */
  thisPage: string;
  /** A group's source when no report names one: its first outlet's name. */
  unnamedSource(firstOutlet: string): string;
  /** The origin's own report is among the outlets. */
  originAmong(origin: string): string;
  nameIt(n: number, total: number): string;
  unnamedOnly(n: number, total: number): string;
  namesOther(n: number, total: number): string;
  noSource(n: number, total: number): string;
  /** Joins a list ("A, B and C"). */
  list(items: readonly string[]): string;
  /** The one line: "5 outlets, 1 independent source: Reuters". */
  line(outlets: string, independent: string, sources: string): string;
  /** The article retells the text of a group. */
  pageInGroup(label: string): string;
  /** The article is one of a group's reports. */
  pageIsMember(label: string): string;
  /** The article says too little to tell whether it retells the outlets' text. */
  pageTooShort: string;
  firstReported(outlet: string, date: string): string;
  earliestKnown(outlet: string, date: string, undated: number): string;
  datesUnknown(n: number): string;
  /** A date for reading ("2 June 2025"). */
  date(iso: string): string;
}

const MONTH_NAMES =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** English phrases (the CLI's, and the default). */
export const ENGLISH: EchoPhrases = {
  outlets: (n) => `${n} outlet${n === 1 ? '' : 's'}`,
  independent: (n) => `${n} independent source${n === 1 ? '' : 's'}`,
  thisPage: 'this page',
  unnamedSource: (outlet) => `an unnamed source behind ${outlet}`,
  originAmong: (origin) => `1 is ${origin}'s own report`,
  nameIt: (n, total) => `${n === total && n > 1 ? 'all' : n} of them name${n === 1 ? 's' : ''} it`,
  unnamedOnly: (n) => `${n} cite${n === 1 ? 's' : ''} only unnamed sources`,
  namesOther: (n) => `${n} name${n === 1 ? 's' : ''} another outlet`,
  noSource: (n) => `${n} name${n === 1 ? 's' : ''} no source`,
  list: (items) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`,
  line: (outlets, independent, sources) => `${outlets}, ${independent}: ${sources}`,
  pageIsMember: (label) => `This page is one of the reports of the ${label} group.`,
  pageInGroup: (label) => `This page retells the same text as the ${label} group.`,
  pageTooShort:
    'This page says too little to tell whether it retells them, so it is not counted as a source of its own.',
  firstReported: (outlet, date) => `First reported by ${outlet} (${date}).`,
  earliestKnown: (outlet, date, undated) =>
    `Earliest known date: ${outlet} (${date}); ${undated} without an exact date.`,
  datesUnknown: (n) =>
    n === 1
      ? 'Its exact publication date is not known.'
      : 'No exact publication date is known for any of them.',
  date: (iso) => {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
  },
};

/**
 * One line: "5 outlets, 1 independent source: Reuters" (the hover card's, and each claim's
 * heading). The article is named among the sources when it is one of them.
 */
export function sourcesLine(sources: ClaimSources, words: EchoPhrases = ENGLISH): string {
  const names = sources.groups.map((g) => sourceName(g, words));
  if (sources.pageIndependent) names.push(words.thisPage);
  return words.line(
    words.outlets(sources.outlets),
    words.independent(sources.independent),
    words.list(names),
  );
}

/** The parts of the full statement, for views that lay them out apart. */
export interface StatementParts {
  /** "5 outlets, 1 independent source: Reuters". */
  line: string;
  /** How the members of the one group name its source ("4 of them name it, …"), or ''. */
  detail: string;
  /** That the article retells a group's text, or ''. */
  page: string;
  /** Who published first, as far as the dates are known. */
  dates: string;
}

/** The statement's parts (empty strings where there is nothing to say). */
export function statementParts(
  sources: ClaimSources,
  words: EchoPhrases = ENGLISH,
): StatementParts {
  if (sources.outlets === 0) return { line: '', detail: '', page: '', dates: '' };
  const only = sources.groups.length === 1 ? sources.groups[0]! : null;
  const echoes =
    only !== null && (only.outlets.length > 1 || only.outlets[0]?.sourcing !== 'origin');
  const inGroup = sources.groups.find((g) => g.page);
  return {
    line: sourcesLine(sources, words),
    detail: echoes ? sourcingDetail(only, words) : '',
    page: !inGroup
      ? sources.pageTooShort
        ? words.pageTooShort
        : ''
      : sources.pageIsReport
        ? words.pageIsMember(sourceName(inGroup, words))
        : words.pageInGroup(sourceName(inGroup, words)),
    dates: datesStatement(sources, words),
  };
}

/**
 * The full statement: the line, then how the members of a group that echoes one source name it
 * ("4 of them name it, 1 cites only unnamed sources"), whether the article retells a group, and
 * who published first.
 */
export function sourcesStatement(sources: ClaimSources, words: EchoPhrases = ENGLISH): string {
  if (sources.outlets === 0) return '';
  const parts = statementParts(sources, words);
  const head = parts.detail ? `${parts.line}; ${parts.detail}.` : `${parts.line}.`;
  return [head, parts.page, parts.dates].filter((p) => p !== '').join(' ');
}

/** How a group's members name its source: "4 of them name it, 1 cites only unnamed sources". */
export function sourcingDetail(group: SourceGroup, words: EchoPhrases = ENGLISH): string {
  const total = group.outlets.length;
  const count = (kind: Sourcing) => group.outlets.filter((m) => m.sourcing === kind).length;
  const parts: string[] = [];
  if (group.origin !== null && count('origin') > 0) parts.push(words.originAmong(group.origin));
  const names = count('names-origin');
  if (group.origin !== null && names > 0) parts.push(words.nameIt(names, total - count('origin')));
  const unnamed = count('unnamed-only');
  if (unnamed > 0) parts.push(words.unnamedOnly(unnamed, total));
  const other = count('names-other');
  if (other > 0) parts.push(words.namesOther(other, total));
  const none = count('none');
  if (none > 0) parts.push(words.noSource(none, total));
  return parts.join(', ');
}

/** Who published first, as far as the dates are known. */
export function datesStatement(sources: ClaimSources, words: EchoPhrases = ENGLISH): string {
  const first = sources.first;
  if (!first) return words.datesUnknown(sources.outlets);
  const who = first.outlet ?? words.thisPage;
  return sources.undated === 0
    ? words.firstReported(who, words.date(first.date))
    : words.earliestKnown(who, words.date(first.date), sources.undated);
}

/** The name a group goes by in a statement: its origin, or its outlet's. */
export function sourceName(group: SourceGroup, words: EchoPhrases = ENGLISH): string {
  if (group.origin === null) {
    return group.outlets.length === 1 && group.outlets[0]!.sourcing !== 'unnamed-only'
      ? group.outlets[0]!.outlet
      : words.unnamedSource(group.outlets[0]?.outlet ?? '');
  }
  return group.origin;
}
