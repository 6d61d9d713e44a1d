/**
 * Echo groups: reports that derive from one text. A report joins the group of an earlier report
 * when the matcher's alignment of the two shows a run of shared claims in the same order with
 * wording closer than independent reporting (see {@link isEcho}); a report that retells no
 * earlier one starts a group of its own. Groups whose reports name the same outlet as their source
 * are one group too. Reports are placed one at a time, in corpus order, each against the reports
 * placed before it, so adding a report to a library is one more placement and
 * gives the same groups as computing them all again.
 */
import type { ArticleReport, ReportMeta } from '../types';
import { alignedClaims, measure, type PairEvidence } from './alignment';
import { findAttributions, outletKey, type Attribution } from './attributions';
import { parsePublished } from './dates';
import type {
  CorpusProvenanceData,
  EchoGroup,
  GroupMember,
  ReportSourcing,
  Sourcing,
} from './types';

/**
 * Fewest shared claims, in the same order, for a retelling: two or three background facts ("the
 * plant employs 2,100 people") are shared by independent reports of one event; four claims told
 * in the same order come from one text. On the fixtures, independent reports share runs of 1–3
 * claims with the wire story and rewrites 4–9.
 */
export const MIN_RUN = 4;
/**
 * Least share of the shared claims that the run holds: a retelling keeps the order of its
 * source, while independent reports of one event share facts in any order.
 */
export const MIN_ORDER = 0.6;
/**
 * Least wording overlap along the run (character 5-grams, see alignment.ts): the same facts told
 * independently share their names and numbers, 0.14–0.26 on the fixtures; rewrites share phrases
 * too, 0.3 and up (the loosest rewrite of the bundled corpus, 0.31–0.35).
 */
export const MIN_OVERLAP = 0.3;
/**
 * A run this long counts whatever the wording: eight claims told in the same order come from one
 * text, however far a rewrite takes its words from the source's (a retelling that keeps no phrase
 * of it has a 5-gram overlap of 0.2–0.3, like independent reports of one event, which share runs
 * of 1–3 claims). Taking a reworded retelling for an independent report would count it as a
 * second source of its claims, the error provenance is there to prevent; the opposite error only
 * counts fewer.
 */
export const LONG_RUN = 8;
/** A shorter run counts when the words are nearly the same: three sentences copied verbatim. */
export const VERBATIM_RUN = 3;
/** Wording overlap of near-verbatim copies (a light edit keeps over three quarters of the 5-grams). */
export const VERBATIM_OVERLAP = 0.75;
/**
 * A text that retells reports of two groups merges them only when it shares the same claims with
 * both (at least this share of the smaller set): then both groups retell one text. A text that
 * takes different claims from each (a round-up) joins the stronger group and leaves both apart.
 */
export const SAME_CLAIMS_SHARE = 0.5;

/** Version of the stored groups; groups of another version are computed again. */
export const PROVENANCE_VERSION = 1;

/** Whether the alignment of a text with a report shows that one retells the other. */
export function isEcho(evidence: PairEvidence): boolean {
  if (evidence.run >= MIN_RUN && evidence.order >= MIN_ORDER && evidence.overlap >= MIN_OVERLAP)
    return true;
  if (evidence.run >= LONG_RUN && evidence.order >= MIN_ORDER) return true;
  return evidence.run >= VERBATIM_RUN && evidence.overlap >= VERBATIM_OVERLAP;
}

/** A group a text retells, with the evidence of its strongest member. */
export interface GroupLink {
  group: string;
  /** Longest run of claims shared with one member of the group. */
  run: number;
  /** Offsets of the text's sentences it shares with the group's members. */
  claims: Set<number>;
}

/** Where a text stands: the groups it retells, strongest first (the first is its group). */
export interface Placement {
  links: GroupLink[];
  /** Groups to merge into the first: the text tells the same claims as they do. */
  merge: string[];
}

/** What placing reads of a report: its id, and its outlet for the lists of members. */
export type PlacedReport = Pick<ReportMeta, 'id' | 'outlet'>;

/** Where a report was placed: the group it joined (null: one of its own) and groups merged in. */
export interface PlacementDecision {
  group: string | null;
  merge: string[];
}

/** What a report says of its own sourcing: the outlets and unnamed sources it names. */
export function sourcingOf(text: string, published: string | null | undefined): ReportSourcing {
  const outlets: string[] = [];
  const keys = new Set<string>();
  let anonymous = false;
  const attributions = findAttributions(text);
  for (const a of attributions) {
    if (a.kind === 'anonymous') anonymous = true;
    if (a.kind !== 'outlet') continue;
    const key = outletKey(a.source);
    if (keys.has(key)) continue;
    keys.add(key);
    outlets.push(a.source);
  }
  return { attributions, outlets, anonymous, published: parsePublished(published)?.iso ?? null };
}

/** The echo groups of a corpus (or a library), built by placing reports one at a time. */
export class EchoGroups {
  /**
   * Each placed report's position in placement order. Everything else of a report is kept by its
   * position (a library replays tens of thousands of placements at each start, and one lookup by
   * id is cheaper than one per map of strings).
   */
  private readonly position = new Map<string, number>();
  /** By position: the report's id, its outlet, its sourcing and its group. */
  private readonly ids: string[] = [];
  private readonly outlets: string[] = [];
  private readonly sourcings: ReportSourcing[] = [];
  private readonly groupAt: Group[] = [];
  /** Group id → its reports and the outlets they name. */
  private readonly members = new Map<string, Group>();
  /**
   * Outlet key → the groups whose origin it is: groups naming the same origin are found without
   * going through every group (see mergeSameOrigin).
   */
  private readonly byOrigin = new Map<string, Set<Group>>();

  /** Groups as stored (`CorpusProvenanceData`), for the reports of `reports`; null when unusable. */
  static fromData(data: unknown, reports: readonly ReportMeta[]): EchoGroups | null {
    if (!isData(data) || data.version !== PROVENANCE_VERSION) return null;
    const groups = new EchoGroups();
    const known = new Set(reports.map((r) => r.id));
    const placed = new Set<string>();
    for (const group of data.groups) {
      if (!/^group-/.test(group.id) || group.reports.length === 0) return null;
      for (const id of group.reports) {
        if (!known.has(id) || placed.has(id) || !isSourcing(data.reports[id])) return null;
        placed.add(id);
      }
    }
    if (placed.size !== known.size) return null;
    for (const meta of reports) groups.append(meta.id, meta.outlet, data.reports[meta.id]!);
    for (const group of data.groups) {
      const [first, ...rest] = group.reports.map((id) => groups.position.get(id)!);
      const made = groups.newGroup(group.id, first!);
      for (const at of rest) groups.addTo(made, at);
      groups.members.set(group.id, made);
      groups.reindex(made);
    }
    return groups;
  }

  /** A copy that further placements leave this one unchanged by. */
  clone(): EchoGroups {
    const copy = new EchoGroups();
    for (const [k, v] of this.position) copy.position.set(k, v);
    copy.ids.push(...this.ids);
    copy.outlets.push(...this.outlets);
    copy.sourcings.push(...this.sourcings);
    const copies = new Map<Group, Group>();
    for (const [id, group] of this.members) {
      const made = copyGroup(group);
      copies.set(group, made);
      copy.members.set(id, made);
    }
    for (const group of this.groupAt) copy.groupAt.push(copies.get(group)!);
    for (const [key, groups] of this.byOrigin) {
      copy.byOrigin.set(key, new Set([...groups].map((group) => copies.get(group)!)));
    }
    return copy;
  }

  /** The groups in storable form. */
  toData(): CorpusProvenanceData {
    const reports: Record<string, ReportSourcing> = {};
    this.ids.forEach((id, at) => (reports[id] = this.sourcings[at]!));
    return {
      version: PROVENANCE_VERSION,
      groups: this.list().map((g) => ({ id: g.id, reports: g.reports, origin: g.origin })),
      reports,
    };
  }

  /** The sources a placed report names (with their spans in its text), or an empty list. */
  attributionsOf(report: string): Attribution[] {
    const at = this.position.get(report);
    const sourcing = at === undefined ? undefined : this.sourcings[at];
    return sourcing?.attributions ?? [];
  }

  /** The group of a placed report, or null. */
  groupOf(report: string): string | null {
    const at = this.position.get(report);
    return at === undefined ? null : this.groupAt[at]!.id;
  }

  /** Number of reports placed. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * Where a text stands against the groups, from the matcher's answer for it (`report`, checked
   * against the placed reports; a report's own sentences left out). Reads nothing else.
   */
  locate(report: ArticleReport): Placement {
    const byGroup = new Map<string, GroupLink>();
    const link = (group: string, run: number, claims: Iterable<number>) => {
      let entry = byGroup.get(group);
      if (!entry) byGroup.set(group, (entry = { group, run: 0, claims: new Set() }));
      entry.run = Math.max(entry.run, run);
      for (const at of claims) entry.claims.add(at);
    };
    // The matcher took the text for one of the reports (a near-verbatim copy): its group, first.
    const self = report.self ? this.groupOf(report.self.report) : null;
    if (self) {
      link(
        self,
        Number.MAX_SAFE_INTEGER,
        report.sentences.map((s) => s.start),
      );
    }
    for (const [other, claims] of alignedClaims(report)) {
      const group = this.groupOf(other);
      if (group === null) continue;
      const evidence = measure(claims);
      if (isEcho(evidence)) {
        link(
          group,
          evidence.run,
          claims.map((c) => c.at),
        );
      }
    }
    const links = [...byGroup.values()].sort(
      (a, b) =>
        b.run - a.run || b.claims.size - a.claims.size || this.rank(a.group) - this.rank(b.group),
    );
    const first = links[0];
    const merge = first
      ? links.slice(1).filter((other) => {
          let shared = 0;
          for (const at of other.claims) if (first.claims.has(at)) shared++;
          return shared >= SAME_CLAIMS_SHARE * Math.min(other.claims.size, first.claims.size);
        })
      : [];
    return { links, merge: merge.map((l) => l.group) };
  }

  /**
   * Places one more report: `check` is the matcher's answer for its text against the reports
   * already placed (with the report itself excluded). Returns its group's id. The groups of the
   * other reports change only when the new report retells two of them with the same claims.
   */
  place(meta: ReportMeta, text: string, check: ArticleReport): string {
    const { links, merge } = this.locate(check);
    return this.placeAt(meta, sourcingOf(text, meta.published), {
      group: links[0]?.group ?? null,
      merge,
    });
  }

  /**
   * Places one more report where {@link locate} put it (`decision`: the group it joins, null for
   * a group of its own, and the groups merged into that one), with its sourcing worked out
   * before: what {@link place} does after the check, for placements stored and replayed in their
   * order (the reader's library). Returns its group's id.
   */
  placeAt(meta: PlacedReport, sourcing: ReportSourcing, decision: PlacementDecision): string {
    if (this.position.has(meta.id)) throw new Error(`report "${meta.id}" is placed already`);
    const { merge } = decision;
    const at = this.append(meta.id, meta.outlet, sourcing);
    let group = decision.group ?? `group-${meta.id}`;
    if (merge.length > 0) {
      // The merged group keeps the id of the group placed first.
      const merged = [group, ...merge].sort((a, b) => this.rank(a) - this.rank(b));
      group = merged[0]!;
      for (const id of merged.slice(1)) this.absorb(group, id);
    }
    let joined = this.members.get(group);
    if (joined) this.addTo(joined, at);
    else this.members.set(group, (joined = this.newGroup(group, at)));
    this.reindex(joined);
    return this.mergeSameOrigin(joined);
  }

  /**
   * Merges the groups whose reports name the same outlet as their source as `group`'s do: texts
   * that each say they come from one outlet are one source, even where the alignment did not tie
   * them together (a loose rewrite, a page mangled on the way). Returns the group's id after.
   */
  private mergeSameOrigin(group: Group): string {
    const same = group.originKey === null ? undefined : this.byOrigin.get(group.originKey);
    if (same === undefined || same.size < 2) return group.id;
    const ranked = [...same];
    // Mostly two: the group of the report just placed and the one it joins.
    if (ranked.length > 2) ranked.sort((a, b) => a.first - b.first);
    else if (ranked[1]!.first < ranked[0]!.first) ranked.reverse();
    const kept = ranked[0]!.id;
    for (const other of ranked.slice(1)) this.absorb(kept, other.id);
    this.reindex(this.members.get(kept)!);
    return kept;
  }

  /** Appends a report to the placement order; returns its position. */
  private append(id: string, outlet: string, sourcing: ReportSourcing): number {
    const at = this.ids.length;
    this.position.set(id, at);
    this.ids.push(id);
    this.outlets.push(outlet);
    this.sourcings.push(sourcing);
    return at;
  }

  /** A group of one placed report (by position), with the outlets it names counted. */
  private newGroup(id: string, at: number): Group {
    const group: Group = {
      id,
      reports: [at],
      ordered: true,
      first: at,
      named: null,
      originKey: null,
    };
    this.groupAt[at] = group;
    this.count(group, at);
    return group;
  }

  /** Adds a placed report (by position) to a group, its own outlets counted. */
  private addTo(group: Group, at: number): void {
    const last = group.reports[group.reports.length - 1]!;
    if (last > at) group.ordered = false;
    group.reports.push(at);
    group.first = Math.min(group.first, at);
    this.groupAt[at] = group;
    this.count(group, at);
  }

  /** Counts the outlets a report of the group names. */
  private count(group: Group, at: number): void {
    const outlets = this.sourcings[at]?.outlets ?? [];
    if (outlets.length === 0) return;
    const named = (group.named ??= new Map());
    outlets.forEach((name, within) => {
      const key = outletKeyOf(name);
      const entry = named.get(key);
      if (!entry) named.set(key, { key, name, first: at, within, members: 1 });
      else {
        entry.members++;
        if (namedEarlier({ first: at, within }, entry))
          Object.assign(entry, { name, first: at, within });
      }
    });
  }

  /**
   * Merges group `from` into group `into` (which keeps its id): the smaller one's reports and
   * counts are added to the larger's, so that a group tens of thousands strong does not cost its
   * size at each report that joins it. The index of origins is brought up to date by the caller.
   */
  private absorb(into: string, from: string): void {
    const taken = this.members.get(from);
    if (!taken || from === into) return;
    this.members.delete(from);
    this.unindex(taken);
    const kept = this.members.get(into);
    if (!kept) {
      taken.id = into;
      this.members.set(into, taken);
      return;
    }
    const keptLarger = kept.reports.length >= taken.reports.length;
    const large = keptLarger ? kept : taken;
    const small = keptLarger ? taken : kept;
    this.unindex(small);
    const lastOfLarge = large.reports[large.reports.length - 1]!;
    large.ordered &&= small.ordered && small.first > lastOfLarge;
    for (const at of small.reports) {
      large.reports.push(at);
      this.groupAt[at] = large;
    }
    large.first = Math.min(large.first, small.first);
    if (small.named) {
      const named = (large.named ??= new Map());
      for (const [key, entry] of small.named) {
        const mine = named.get(key);
        if (!mine) named.set(key, { ...entry });
        else {
          mine.members += entry.members;
          if (namedEarlier(entry, mine)) {
            Object.assign(mine, { name: entry.name, first: entry.first, within: entry.within });
          }
        }
      }
    }
    large.id = into;
    this.members.set(into, large);
  }

  /** A group's reports (positions) in placement order. */
  private reportsOf(group: Group): number[] {
    if (!group.ordered) {
      group.reports.sort((a, b) => a - b);
      group.ordered = true;
    }
    return group.reports;
  }

  /** Files a group under the outlet its reports name most (see mergeSameOrigin). */
  private reindex(group: Group): void {
    const key = originOf(group)?.key ?? null;
    if (key === group.originKey) return;
    this.unindex(group);
    if (key === null) return;
    group.originKey = key;
    let groups = this.byOrigin.get(key);
    if (!groups) this.byOrigin.set(key, (groups = new Set()));
    groups.add(group);
  }

  private unindex(group: Group): void {
    if (group.originKey === null) return;
    this.byOrigin.get(group.originKey)?.delete(group);
    group.originKey = null;
  }

  /** The outlet group `id`'s reports name as their source, or null (also for no such group). */
  originOf(id: string): string | null {
    const group = this.members.get(id);
    return group === undefined ? null : (originOf(group)?.name ?? null);
  }

  /**
   * Every group (or only those whose ids are in `only`), in order of its first report, with its
   * origin and how each member sources.
   */
  list(only?: ReadonlySet<string>): EchoGroup[] {
    return [...this.members]
      .filter(([id]) => only === undefined || only.has(id))
      .sort((a, b) => a[1].first - b[1].first)
      .map(([id, group]) => this.describe(id, group));
  }

  private describe(id: string, group: Group): EchoGroup {
    const positions = this.reportsOf(group);
    const origin = originOf(group);
    const originKey = origin?.key ?? null;
    const members: GroupMember[] = positions.map((at) => {
      const sourcing = this.sourcings[at]!;
      const report = this.ids[at]!;
      const outlet = this.outlets[at] ?? report;
      return {
        report,
        outlet,
        sourcing: sourcingKind(sourcing, outlet, originKey),
        published: sourcing.published,
      };
    });
    return {
      id,
      reports: positions.map((at) => this.ids[at]!),
      origin: origin?.name ?? null,
      members,
    };
  }

  /** Position of a report (or a group, by its first report) in placement order. */
  private rank(idOrGroup: string): number {
    const group = this.members.get(idOrGroup);
    if (group) return group.first;
    return this.position.get(idOrGroup.replace(/^group-/, '')) ?? Number.MAX_SAFE_INTEGER;
  }
}

/** How many of a group's reports name one outlet as a source. */
interface NamedCount {
  /** The outlet's key (see outletKey). */
  key: string;
  /** The outlet as the first report naming it writes it. */
  name: string;
  members: number;
  /** Placement position of the first report naming it. */
  first: number;
  /** Where that report names it among the outlets it names (0: first). */
  within: number;
}

/** A group's reports, kept with the counts its origin is read from. */
interface Group {
  /** Its id (it changes hands when groups merge: see absorb). */
  id: string;
  /** Its reports' positions: in placement order when `ordered` (merges append, a read sorts). */
  reports: number[];
  ordered: boolean;
  /** Placement position of its first report. */
  first: number;
  /** Outlet key → how many of its reports name that outlet (null until one names one). */
  named: Map<string, NamedCount> | null;
  /** The key of the outlet it is filed under in `byOrigin`, or null. */
  originKey: string | null;
}

function copyGroup(group: Group): Group {
  let named: Map<string, NamedCount> | null = null;
  if (group.named) {
    named = new Map();
    for (const [key, entry] of group.named) named.set(key, { ...entry });
  }
  return { ...group, reports: [...group.reports], named };
}

/** Whether outlet `a` is named before `b`: by an earlier report, or earlier in the same one. */
function namedEarlier(a: Pick<NamedCount, 'first' | 'within'>, b: NamedCount): boolean {
  return a.first < b.first || (a.first === b.first && a.within < b.within);
}

/**
 * The outlet most of a group's reports name as a source (ties: the one named first, in placement
 * order); null when none names an outlet.
 */
function originOf(group: Group): NamedCount | null {
  let best: NamedCount | null = null;
  if (group.named === null) return best;
  for (const entry of group.named.values()) {
    if (
      !best ||
      entry.members > best.members ||
      (entry.members === best.members && namedEarlier(entry, best))
    )
      best = entry;
  }
  return best;
}

/** Outlet keys of the names met so far: a library's reports name a few outlets thousands of times. */
const outletKeys = new Map<string, string>();
/** Names remembered at most: a bound on the memory the remembered keys take. */
const OUTLET_KEYS_KEPT = 4_096;

/** {@link outletKey}, remembered. */
function outletKeyOf(name: string): string {
  let key = outletKeys.get(name);
  if (key === undefined) {
    if (outletKeys.size >= OUTLET_KEYS_KEPT) outletKeys.clear();
    outletKeys.set(name, (key = outletKey(name)));
  }
  return key;
}

/** How a member sources relative to its group's origin. */
function sourcingKind(
  sourcing: ReportSourcing,
  outlet: string,
  originKey: string | null,
): Sourcing {
  if (originKey !== null && outletKey(outlet) === originKey) return 'origin';
  if (originKey !== null && sourcing.outlets.some((o) => outletKey(o) === originKey))
    return 'names-origin';
  if (sourcing.outlets.length > 0) return 'names-other';
  return sourcing.anonymous ? 'unnamed-only' : 'none';
}

function isSourcing(value: unknown): value is ReportSourcing {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.attributions) &&
    v.attributions.every(isAttribution) &&
    Array.isArray(v.outlets) &&
    v.outlets.every((o) => typeof o === 'string') &&
    typeof v.anonymous === 'boolean' &&
    (v.published === null || typeof v.published === 'string')
  );
}

const KINDS: readonly string[] = ['outlet', 'anonymous', 'person', 'document'];

function isAttribution(value: unknown): value is Attribution {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.source === 'string' &&
    typeof a.text === 'string' &&
    KINDS.includes(a.kind as string) &&
    Number.isInteger(a.start) &&
    Number.isInteger(a.end)
  );
}

function isData(value: unknown): value is CorpusProvenanceData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.version === 'number' &&
    Array.isArray(v.groups) &&
    v.groups.every(
      (g: unknown) =>
        typeof g === 'object' &&
        g !== null &&
        typeof (g as Record<string, unknown>).id === 'string' &&
        Array.isArray((g as Record<string, unknown>).reports) &&
        ((g as Record<string, unknown>).reports as unknown[]).every((r) => typeof r === 'string'),
    ) &&
    typeof v.reports === 'object' &&
    v.reports !== null
  );
}
