/** Plain-text and Markdown tables for benchmark figures. */

/** One table: a title, column headers and rows of already formatted cells. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Lines printed under the table (what the figures mean, how they were taken). */
  notes?: string[];
}

/** Right-aligns numbers and left-aligns words, for reading in a terminal. */
export function formatText(table: Table): string {
  const widths = table.headers.map((h, i) =>
    Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)),
  );
  const numeric = table.headers.map((_, i) =>
    table.rows.every((r) => /^[-+\d.,×%<>≥ ]*$/.test(r[i] ?? '')),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [
    table.title,
    line(table.headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.rows.map(line),
    ...(table.notes ?? []).map((n) => `  ${n}`),
  ].join('\n');
}

/** The same table in GitHub Markdown. */
export function formatMarkdown(table: Table): string {
  const numeric = table.headers.map((_, i) =>
    table.rows.every((r) => /^[-+\d.,×%<>≥ ]*$/.test(r[i] ?? '')),
  );
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `### ${table.title}`,
    '',
    `| ${table.headers.map(escape).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : ':---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
    ...(table.notes?.length ? ['', ...table.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

/** Formats a number with a fixed count of decimals, or a dash when there is no figure. */
export function fmt(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return value.toFixed(digits);
}
