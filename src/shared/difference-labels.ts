/**
 * Difference flags in words, for the popup's chips and the hover card alike: each kind's
 * localised name and a chip's text ("Number: 40% → nearly half", "Hedge dropped: reportedly").
 */
// The label module alone: the content script must not carry the whole divergence engine.
import { differenceLabel, type LabelForms } from '../core/divergence/label';
import type { Difference, DifferenceKind } from '../core/divergence/types';
import { t, type MessageKey } from './i18n';

const KIND_KEYS: Record<DifferenceKind, MessageKey> = {
  number: 'diffKindNumber',
  title: 'diffKindTitle',
  hedge: 'diffKindHedge',
  attribution: 'diffKindAttribution',
  negation: 'diffKindNegation',
  quote: 'diffKindQuote',
  entity: 'diffKindEntity',
};

/** The localised name of a kind ("Number"). */
export function kindName(kind: DifferenceKind): string {
  return t(KIND_KEYS[kind]);
}

const FORMS: LabelForms = {
  kind: kindName,
  changed: (kind, page, report) => t('diffChanged', [kind, page, report]),
  dropped: (kind, page) => t('diffDropped', [kind, page]),
  added: (kind, report) => t('diffAdded', [kind, report]),
};

/** A chip's text: both sides, or what the other outlet dropped or added. */
export function differenceText(difference: Pick<Difference, 'kind' | 'page' | 'report'>): string {
  return differenceLabel(difference, FORMS);
}

/** One line on a wording's differences: "Told differently: Number" or "2 differences: …". */
export function differencesLine(differences: readonly Pick<Difference, 'kind'>[]): string {
  const kinds = [...new Set(differences.map((d) => d.kind))].map(kindName);
  return differences.length === 1
    ? t('cardDifferencesOne', kinds[0]!)
    : t('cardDifferencesMany', [String(differences.length), kinds.join(', ')]);
}
