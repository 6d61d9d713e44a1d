/** The command line's output: the JSON shape other tools read, and the readable report. */
import type { ArticleReport, ReportMeta } from '../core/types';

/** The `--json` output: exactly the documented shape, nothing more. */
export interface JsonReport {
  self: { report: string; outlet: string } | null;
  /** `fallback`: no article body was found in the HTML, and the page's main text was checked. */
  article: { title: string | null; detected: boolean; fallback: boolean };
  sentences: {
    text: string;
    start: number;
    end: number;
    matches: { report: string; outlet: string; text: string; score: number; tier: string }[];
  }[];
  summary: {
    sentences: number;
    matched: number;
    outlets: { report: string; outlet: string; sentences: number }[];
  };
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
      })),
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
  };
}

/** ANSI styles, or none when colour is off. */
interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  tier(tier: string, s: string): string;
}

const ESC = '\u001b[';

function styles(color: boolean): Styles {
  if (!color) return { bold: (s) => s, dim: (s) => s, tier: (_t, s) => s };
  const wrap = (code: string, s: string): string => `${ESC}${code}m${s}${ESC}0m`;
  const tierCodes: Record<string, string> = { verbatim: '31', close: '33', paraphrase: '36' };
  return {
    bold: (s) => wrap('1', s),
    dim: (s) => wrap('2', s),
    tier: (tier, s) => wrap(tierCodes[tier] ?? '0', s),
  };
}

/** Control characters (other than tab) are shown as spaces so input can never drive the terminal. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Origin line without a trailing note in brackets ("(rewritten)"). */
function originName(origin: string): string {
  return origin.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/**
 * The readable report: each sentence other outlets also made, with their wording and tier, a
 * summary per outlet, and what the outlets' common origin means for their agreement.
 */
export function formatReport(
  report: ArticleReport,
  reports: readonly ReportMeta[],
  options: { source: string; color: boolean },
): string {
  const st = styles(options.color);
  const lines: string[] = [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  lines.push(st.bold(`Crosscheck: ${clean(options.source)}`));
  if (report.article.title) lines.push(`Title: ${clean(report.article.title)}`);
  if (report.self) {
    lines.push(
      `This is ${report.self.outlet}'s own report in the corpus; it is not counted as another outlet.`,
    );
  }
  const { sentences, matched } = report.summary;
  lines.push(
    matched === 0
      ? `None of the ${sentences} sentences was found in the other outlets' reports.`
      : `${matched} of ${sentences} sentences were also reported by other outlets:`,
  );
  let n = 0;
  for (const sentence of report.sentences) {
    if (sentence.matches.length === 0) continue;
    n++;
    lines.push('');
    lines.push(`${st.bold(`${n}.`)} ${st.bold(clean(sentence.text))}`);
    for (const match of sentence.matches) {
      const label = st.tier(match.tier, `${match.tier} ${match.score.toFixed(2)}`);
      lines.push(`   - ${match.outlet} (${label}): ${st.dim(`"${clean(match.text)}"`)}`);
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
    const origins = new Set(
      report.summary.outlets
        .map((o) => originName(byId.get(o.report)?.origin ?? ''))
        .filter((o) => o !== ''),
    );
    const everyOneHasOrigin = report.summary.outlets.every(
      (o) => (byId.get(o.report)?.origin ?? '') !== '',
    );
    if (origins.size === 1 && everyOneHasOrigin) {
      const [origin] = origins;
      lines.push('');
      lines.push(
        report.summary.outlets.length === 1
          ? `Note: this outlet rewrites ${origin}; its agreement repeats that one source.`
          : `Note: these outlets all rewrite the same source, ${origin}, so their agreement is an echo of one report, not independent confirmation.`,
      );
    }
  }
  return lines.join('\n');
}
