/** The command line's output: the JSON shape other tools read, and the readable report. */
import {
  articleSources,
  claimSources,
  sourceName,
  sourcesLine,
  sourcesStatement,
  type AttributionKind,
} from '../core/provenance';
import { isQuestion } from '../core/sentences';
import type { ArticleReport, ReportMeta, SentenceMatch } from '../core/types';
import { differenceLabel } from '../core/divergence';

/** The `--json` output: exactly the documented shape, nothing more. */
export interface JsonReport {
  self: { report: string; outlet: string } | null;
  /** `fallback`: no article body was found in the HTML, and the page's main text was checked. */
  article: { title: string | null; detected: boolean; fallback: boolean };
  sentences: {
    text: string;
    start: number;
    end: number;
    matches: {
      report: string;
      outlet: string;
      text: string;
      score: number;
      tier: string;
      group: string | null;
      /**
       * What this wording changed against the page's; [] when nothing checkable. A `number`
       * difference also says what its value is (`quantity`: date, duration, percent or count).
       */
      differences: { kind: string; page: string; report: string; quantity?: string }[];
      /** The part of the page sentence that makes the matched claim (offsets into the article). */
      span: { start: number; end: number };
      /** When the report was read, for a corpus of library articles. */
      read?: string;
      /**
       * The report through which this one was found: the page sentence matches that report's
       * sentence, which makes the same claim as this report's (absent for a direct match).
       */
      via?: string;
    }[];
    independent: number;
    /** The groups among the matches whose source the sentence names as its own. */
    cites: string[];
  }[];
  summary: {
    sentences: number;
    matched: number;
    outlets: { report: string; outlet: string; sentences: number }[];
  };
  /** The sources the article names. */
  attributions: {
    source: string;
    kind: AttributionKind;
    text: string;
    start: number;
    end: number;
  }[];
  /** Every corpus report's echo group. */
  groups: { id: string; reports: string[]; origin: string | null }[];
  /** The group the article belongs to as a rewrite (or as a corpus report), else null. */
  page_group: string | null;
  /**
   * The share of the article's sentences estimated to make a corpus claim when it was low enough
   * for every score of the article to be lowered, else null.
   */
  claim_share: number | null;
  /** The article shares too few claims for its echo to be told, and little else (see provenance). */
  page_too_short: boolean;
}

/**
 * Projects an engine report onto the documented JSON shape (extra engine fields left out);
 * `input.fallback` says the text was the page's main text, not an article found in it.
 */
export function toJson(report: ArticleReport, input: { fallback: boolean }): JsonReport {
  return {
    self: report.self ? { report: report.self.report, outlet: report.self.outlet } : null,
    article: {
      title: report.article.title,
      detected: report.article.detected,
      fallback: input.fallback,
    },
    sentences: report.sentences.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      matches: s.matches.map((m) => ({
        report: m.report,
        outlet: m.outlet,
        text: m.text,
        score: m.score,
        tier: m.tier,
        group: m.group ?? null,
        differences: (m.differences ?? []).map((d) => ({
          kind: d.kind,
          page: d.page,
          report: d.report,
          ...(d.quantity ? { quantity: d.quantity } : {}),
        })),
        span: m.pageSpan ?? { start: s.start, end: s.end },
        ...(m.read ? { read: m.read } : {}),
        ...(m.via ? { via: m.via } : {}),
      })),
      independent: s.independent ?? 0,
      cites: s.cites ?? [],
    })),
    summary: {
      sentences: report.summary.sentences,
      matched: report.summary.matched,
      outlets: report.summary.outlets.map((o) => ({
        report: o.report,
        outlet: o.outlet,
        sentences: o.sentences,
      })),
    },
    attributions: (report.provenance?.attributions ?? []).map((a) => ({
      source: a.source,
      kind: a.kind,
      text: a.text,
      start: a.start,
      end: a.end,
    })),
    groups: (report.provenance?.groups ?? []).map((g) => ({
      id: g.id,
      reports: [...g.reports],
      origin: g.origin,
    })),
    page_group: report.provenance?.pageGroup ?? null,
    claim_share: report.claimShare ?? null,
    page_too_short: report.provenance?.pageTooShort === true,
  };
}

/** ANSI styles, or none when colour is off. */
interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  tier(tier: string, s: string): string;
  flag(s: string): string;
}

const ESC = '\u001b[';

function styles(color: boolean): Styles {
  if (!color) return { bold: (s) => s, dim: (s) => s, tier: (_t, s) => s, flag: (s) => s };
  const wrap = (code: string, s: string): string => `${ESC}${code}m${s}${ESC}0m`;
  const tierCodes: Record<string, string> = { verbatim: '31', close: '33', paraphrase: '36' };
  return {
    bold: (s) => wrap('1', s),
    dim: (s) => wrap('2', s),
    tier: (tier, s) => wrap(tierCodes[tier] ?? '0', s),
    flag: (s) => wrap('35', s),
  };
}

/** Control characters (other than tab) are shown as spaces so input can never drive the terminal. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** A sentence's matches with each echo group's members together, groups in order of first match. */
function byGroup(matches: readonly SentenceMatch[]): SentenceMatch[] {
  const order = new Map<string, number>();
  for (const m of matches)
    if (!order.has(m.group ?? m.report)) order.set(m.group ?? m.report, order.size);
  return [...matches].sort(
    (a, b) => order.get(a.group ?? a.report)! - order.get(b.group ?? b.report)!,
  );
}

/**
 * The readable report: each sentence other outlets also made, with their wording and tier, each
 * echo group's members together and the claim's independent sources; a summary per outlet; then
 * where the claims come from: the echo groups computed from the texts.
 */
export function formatReport(
  report: ArticleReport,
  reports: readonly ReportMeta[],
  options: { source: string; color: boolean; minChance?: number | null },
): string {
  const st = styles(options.color);
  const lines: string[] = [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  lines.push(st.bold(`Crosscheck: ${clean(options.source)}`));
  if (report.article.title) lines.push(`Title: ${clean(report.article.title)}`);
  if (options.minChance != null) {
    lines.push(
      `Matches shown: at least ${Math.round(options.minChance * 100)}% likely the same claim.`,
    );
  }
  if (report.claimShare !== undefined) {
    lines.push(
      'Little of this text tells the story of the reports, so a match had to be clearer to be shown, and its chance reads low.',
    );
  }
  if (report.self) {
    lines.push(
      `This is ${report.self.outlet}'s own report in the corpus; it is not counted as another outlet.`,
    );
  }
  const { sentences, matched } = report.summary;
  lines.push(
    sentences === 1
      ? matched === 0
        ? `The one sentence was not found in the other outlets' reports.`
        : `The one sentence was also reported by other outlets:`
      : matched === 0
        ? `None of the ${sentences} sentences was found in the other outlets' reports.`
        : `${matched} of ${sentences} sentences were also reported by other outlets:`,
  );
  const questions = report.sentences.filter((s) => isQuestion(s.text)).length;
  if (questions > 0) {
    lines.push(
      st.dim(
        `(${questions === 1 ? 'Its question was' : `Its ${questions} questions were`} not checked: a question asserts nothing that another outlet could have reported.)`,
      ),
    );
  }
  let n = 0;
  for (const sentence of report.sentences) {
    if (sentence.matches.length === 0) continue;
    n++;
    lines.push('');
    lines.push(`${st.bold(`${n}.`)} ${st.bold(clean(sentence.text))}`);
    if (report.provenance)
      lines.push(
        `   ${clean(sourcesLine(claimSources(report, sentence.matches, sentence.cites)))}`,
      );
    for (const match of byGroup(sentence.matches)) {
      const label = st.tier(match.tier, `${match.tier} ${match.score.toFixed(2)}`);
      lines.push(`   - ${match.outlet} (${label}): ${st.dim(`"${clean(match.text)}"`)}`);
      for (const difference of match.differences ?? []) {
        lines.push(`       ${st.flag(`! ${clean(differenceLabel(difference))}`)}`);
      }
      if (match.via) {
        const via = sentence.matches.find((m) => m.report === match.via)?.outlet ?? match.via;
        lines.push(
          `       ${st.dim(`found through ${clean(via)}'s sentence, which makes the same claim`)}`,
        );
      }
    }
  }
  if (report.summary.outlets.length > 0) {
    lines.push('');
    lines.push(st.bold('Outlets that made the same claims:'));
    const width = Math.max(...report.summary.outlets.map((o) => o.outlet.length));
    for (const outlet of report.summary.outlets) {
      const site = byId.get(outlet.report)?.site ?? '';
      const count = `${outlet.sentences} sentence${outlet.sentences === 1 ? '' : 's'}`;
      lines.push(`  ${outlet.outlet.padEnd(width)}  ${count.padStart(12)}  ${st.dim(site)}`);
    }
  }
  if (report.provenance && report.summary.outlets.length > 0) {
    const sources = articleSources(report);
    lines.push('');
    lines.push(st.bold('Where the claims come from (echo groups computed from the texts):'));
    lines.push(`  ${clean(sourcesStatement(sources))}`);
    const names = new Map(reports.map((r) => [r.id, r.outlet]));
    const shown = report.provenance.groups.filter(
      (g) => sources.groups.some((s) => s.id === g.id) || g.id === report.provenance!.pageGroup,
    );
    for (const group of shown) {
      const label = sourceName(
        sources.groups.find((s) => s.id === group.id) ?? {
          id: group.id,
          origin: group.origin,
          outlets: group.members,
          page: false,
          pageCites: false,
        },
      );
      const members = group.members.map((m) => {
        const how =
          m.sourcing === 'unnamed-only'
            ? ' (only unnamed sources)'
            : m.sourcing === 'none'
              ? ' (no source named)'
              : m.sourcing === 'origin'
                ? ' (the origin)'
                : '';
        return `${names.get(m.report) ?? m.outlet}${how}`;
      });
      const page =
        group.id === report.provenance.pageGroup && report.self === null
          ? st.dim(' + this page')
          : '';
      const count = `${group.reports.length} report${group.reports.length === 1 ? '' : 's'}`;
      lines.push(`  - ${clean(label)} (${count}): ${clean(members.join(', '))}${page}`);
    }
  }
  return lines.join('\n');
}
