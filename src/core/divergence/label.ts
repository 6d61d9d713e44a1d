/**
 * The short label of a difference, as the command line prints it and the popup's chips show it:
 * "Number: 40% → nearly half", "Date: last week → Tuesday", "Title: former President →
 * President", "Hedge dropped: reportedly". English here; the extension builds the same labels
 * from its locale's messages.
 */
import type { Difference, DifferenceKind } from './types';

/**
 * What a label calls a difference: its kind, except that a `number` whose value is a date is a
 * date to a reader ("Tuesday", "last week" are not numbers).
 */
export type LabelKind = DifferenceKind | 'date';

/** The label kind of a difference. */
export function labelKind(difference: Pick<Difference, 'kind' | 'quantity'>): LabelKind {
  return difference.kind === 'number' && difference.quantity === 'date' ? 'date' : difference.kind;
}

/** The name of each label kind in a label. */
export const KIND_NAMES: Record<LabelKind, string> = {
  number: 'Number',
  date: 'Date',
  title: 'Title',
  hedge: 'Hedge',
  attribution: 'Attribution',
  negation: 'Negation',
  quote: 'Quote',
  entity: 'Named',
};

/** Shorter than this, a side is shown whole; longer, cut with an ellipsis. */
const MAX_SIDE_CHARS = 60;

/** A side of a difference cut to MAX_SIDE_CHARS at a word boundary. */
export function shortSide(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_SIDE_CHARS) return clean;
  const cut = clean.slice(0, MAX_SIDE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_SIDE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/** The three shapes of a label, in some language. */
export interface LabelForms {
  kind(kind: LabelKind): string;
  changed(kind: string, page: string, report: string): string;
  dropped(kind: string, page: string): string;
  added(kind: string, report: string): string;
}

const ENGLISH: LabelForms = {
  kind: (kind) => KIND_NAMES[kind],
  changed: (kind, page, report) => `${kind}: ${page} → ${report}`,
  dropped: (kind, page) => `${kind} dropped: ${page}`,
  added: (kind, report) => `${kind} added: ${report}`,
};

/**
 * How a difference reads, from the page's side to the report's: both sides ("Number: three
 * weeks → several weeks"), or what the report dropped or added ("Hedge dropped: reportedly").
 */
export function differenceLabel(
  difference: Pick<Difference, 'kind' | 'quantity' | 'page' | 'report'>,
  forms: LabelForms = ENGLISH,
): string {
  const name = forms.kind(labelKind(difference));
  const page = shortSide(difference.page);
  const report = shortSide(difference.report);
  if (page !== '' && report !== '') return forms.changed(name, page, report);
  if (page !== '') return forms.dropped(name, page);
  return forms.added(name, report);
}
