/**
 * What another outlet's wording changed against the page's: labelled chips under the wording
 * ("Number: 40% → nearly half", "Hedge dropped: reportedly"), and the words concerned marked in
 * both sentences.
 */
import type { Difference, Span } from '../core/divergence';
import { differenceText } from '../shared/difference-labels';
import { t } from '../shared/i18n';

/** The chips of one outlet's wording; nothing when it changed nothing checkable. */
export function DifferenceChips({ differences }: { differences: readonly Difference[] }) {
  if (differences.length === 0) return null;
  return (
    <ul class="flags" aria-label={t('reportFlagsLabel')}>
      {differences.map((difference, index) => (
        <li key={index} class={`flag flag-${difference.kind}`}>
          {differenceText(difference)}
        </li>
      ))}
    </ul>
  );
}

/** A run of text and whether a difference is about it. */
export interface FlaggedPiece {
  text: string;
  flagged: boolean;
}

/**
 * Cuts `text` (which starts at `offset` of the sentence) at the edges of `spans`, marking the
 * pieces inside one.
 */
export function flagPieces(text: string, offset: number, spans: readonly Span[]): FlaggedPiece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    for (const edge of [span.start - offset, span.end - offset]) {
      if (edge > 0 && edge < text.length) cuts.add(edge);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: FlaggedPiece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    const flagged = spans.some((s) => s.start - offset <= start && end <= s.end - offset);
    const last = pieces[pieces.length - 1];
    if (last && last.flagged === flagged) last.text += text.slice(start, end);
    else pieces.push({ text: text.slice(start, end), flagged });
  }
  return pieces;
}

/** `text` with the words of `spans` marked as told differently. */
export function FlaggedText({
  text,
  offset = 0,
  spans,
}: {
  text: string;
  offset?: number;
  spans: readonly Span[];
}) {
  if (spans.length === 0) return <>{text}</>;
  return (
    <>
      {flagPieces(text, offset, spans).map((piece, index) =>
        piece.flagged ? (
          <mark key={index} class="flag-mark">
            <span class="sr-only">{t('reportFlagMark')}: </span>
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/** The spans of one side of some differences. */
export function spansOf(differences: readonly Difference[], side: 'page' | 'report'): Span[] {
  return differences
    .map((d) => (side === 'page' ? d.pageSpan : d.reportSpan))
    .filter((s): s is Span => s !== null);
}
