/** The shapes of divergence flags: what one retelling of a claim changed against another. */

/** What kind of detail differs between two versions of a claim. */
export type DifferenceKind =
  'number' | 'title' | 'hedge' | 'attribution' | 'negation' | 'quote' | 'entity';

/** Every kind, in the order flags are listed. */
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = [
  'number',
  'title',
  'hedge',
  'attribution',
  'negation',
  'quote',
  'entity',
];

/**
 * What the value of a `number` difference is: a date (a day, a weekday, a month, a year, "last
 * week"), a duration ("three weeks", "30-day"), a percentage or share, or a count of things.
 */
export type QuantityKind = 'date' | 'duration' | 'percent' | 'count';

/** Offsets [start, end) into one of the two sentences. */
export interface Span {
  start: number;
  end: number;
}

/** One checkable difference between the page's sentence and a report's sentence. */
export interface Difference {
  kind: DifferenceKind;
  /** The words concerned in the page's sentence, or "" when the page says nothing of the detail. */
  page: string;
  /** The words concerned in the report's sentence, or "" when it says nothing of the detail. */
  report: string;
  /** Where `page` is in the page's sentence (null when `page` is ""). */
  pageSpan: Span | null;
  /** Where `report` is in the report's sentence (null when `report` is ""). */
  reportSpan: Span | null;
  /** For a `number` difference, what its value is (both sides' values are of this kind). */
  quantity?: QuantityKind;
}
