/** Another outlet's sentence with the words that differ from the page's sentence marked. */
import { diffWords } from '../core/word-diff';
import { t } from '../shared/i18n';

/** Props of DiffText. */
export interface DiffTextProps {
  /** The page's sentence. */
  base: string;
  /** The other outlet's sentence, shown. */
  text: string;
}

/** Renders `text` with its words missing from `base` in <mark>, announced to screen readers. */
export function DiffText({ base, text }: DiffTextProps) {
  const segments = diffWords(base, text).to;
  return (
    <>
      {segments.map((segment, index) =>
        segment.changed ? (
          <mark key={index} class="diff">
            <span class="sr-only">{t('reportDiffLegend')}: </span>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
