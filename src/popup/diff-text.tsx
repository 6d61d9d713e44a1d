/** Another outlet's sentence with the words that differ from the page's sentence marked. */
import type { Span } from '../core/divergence';
import { diffWords } from '../core/word-diff';
import { t } from '../shared/i18n';
import { FlaggedText } from './differences-view';

/** Props of DiffText. */
export interface DiffTextProps {
  /** The page's sentence. */
  base: string;
  /** The other outlet's sentence, shown. */
  text: string;
  /** Spans of `text` that a difference flag is about, marked as told differently. */
  flagged?: readonly Span[];
}

/** Renders `text` with its words missing from `base` in <mark>, announced to screen readers. */
export function DiffText({ base, text, flagged = [] }: DiffTextProps) {
  const segments = diffWords(base, text).to;
  let offset = 0;
  return (
    <>
      {segments.map((segment, index) => {
        const at = offset;
        offset += segment.text.length;
        const inner = <FlaggedText text={segment.text} offset={at} spans={flagged} />;
        return segment.changed ? (
          <mark key={index} class="diff">
            <span class="sr-only">{t('reportDiffLegend')}: </span>
            {inner}
          </mark>
        ) : (
          <span key={index}>{inner}</span>
        );
      })}
    </>
  );
}
