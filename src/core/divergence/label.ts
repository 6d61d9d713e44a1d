/**
 * The short label of a difference, as the command line prints it and the popup's chips show it:
 * "Number: 40% → nearly half", "Title: former President → President", "Hedge dropped:
 * reportedly". English here; the extension builds the same labels from its locale's messages.
 */
import type { Difference, DifferenceKind } from './types';

/** The name of each kind in a label. */
export const KIND_NAMES: Record<DifferenceKind, string> = {
  number: 'Number',
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

/**
 * How a difference reads, from the page's side to the report's: both sides ("Number: three
 * weeks → several weeks"), or what the report dropped or added ("Hedge dropped: reportedly").
 */
export function differenceLabel(difference: Pick<Difference, 'kind' | 'page' | 'report'>): string {
  const name = KIND_NAMES[difference.kind];
  const page = shortSide(difference.page);
  const report = shortSide(difference.report);
  if (page !== '' && report !== '') return `${name}: ${page} → ${report}`;
  if (page !== '') return `${name} dropped: ${page}`;
  return `${name} added: ${report}`;
}
