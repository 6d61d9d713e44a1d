/** The shapes provenance adds to the engine's answer and to the compiled corpus. */
import type { Attribution } from './attributions';

/** How a report sources what it says, as far as its own text tells. */
export type Sourcing =
  /** It is the origin outlet's own report. */
  | 'origin'
  /** It names its group's origin outlet. */
  | 'names-origin'
  /** It names another outlet, not the origin. */
  | 'names-other'
  /** It names no outlet; only unnamed sources ("sources familiar with the matter"). */
  | 'unnamed-only'
  /** It names no outlet and no unnamed sources. */
  | 'none';

/** One report of an echo group. */
export interface GroupMember {
  report: string;
  outlet: string;
  sourcing: Sourcing;
  /** Its publication date when the day is known (ISO), else null. */
  published: string | null;
}

/**
 * Reports that derive from one text: their shared claims run in the same order with wording
 * closer than independent reporting gives. A report that derives from no other is a group of one.
 */
export interface EchoGroup {
  /** "group-" and the id of its first report in corpus order. */
  id: string;
  /** Report ids in corpus order. */
  reports: string[];
  /** The outlet its members name as their source most often, or null when none names one. */
  origin: string | null;
  members: GroupMember[];
}

/** What one report says of its own sourcing, kept so that groups can be recounted. */
export interface ReportSourcing {
  /** Every source the report names, with its kind and span in the report's text. */
  attributions: Attribution[];
  /** Outlets the report names as sources, each once, as first written. */
  outlets: string[];
  /** Whether it cites unnamed sources. */
  anonymous: boolean;
  /** Its publication date when the day is known (ISO), else null. */
  published: string | null;
}

/** The corpus's echo groups, as stored in the compiled index (`provenance`). */
export interface CorpusProvenanceData {
  version: number;
  groups: { id: string; reports: string[]; origin: string | null }[];
  reports: Record<string, ReportSourcing>;
}

/** What the engine works out about where an article's claims come from. */
export interface PageProvenance {
  /** The sources the article itself names. */
  attributions: Attribution[];
  /**
   * The corpus reports' groups: every group, or (in the extension, where the answer is stored per
   * tab) the groups of the article's matches and its own.
   */
  groups: EchoGroup[];
  /** The group the article belongs to as a rewrite (or as one of the reports), else null. */
  pageGroup: string | null;
  /**
   * True when the article shares too few claims for its echo to be told, and little else: most of
   * its sentences are matched, but fewer than a retelling's run (a selection, a pasted paragraph,
   * one sentence). It may well retell a group, so it is a source of none of its claims.
   */
  pageTooShort?: boolean;
  /** The article's publication date when the day is known (ISO), else null. */
  published: string | null;
}
