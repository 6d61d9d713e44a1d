/**
 * Difference flags in words, for the popup's chips and the hover card alike: each kind's
 * localised name and a chip's text ("Number: 40% → nearly half", "Hedge dropped: reportedly").
 */
// The label module alone: the content script must not carry the whole divergence engine.
import {
  differenceLabel,
  labelKind,
  type LabelForms,
  type LabelKind,
} from '../core/divergence/label';
import type { Difference } from '../core/divergence/types';
import { t, type MessageKey } from './i18n';

const KIND_KEYS: Record<LabelKind, MessageKey> = {
  number: 'diffKindNumber',
  date: 'diffKindDate',
  title: 'diffKindTitle',
  hedge: 'diffKindHedge',
  attribution: 'diffKindAttribution',
  negation: 'diffKindNegation',
  quote: 'diffKindQuote',
  entity: 'diffKindEntity',
};

/** The localised name of a label kind ("Number", "Date"). */
export function kindName(kind: LabelKind): string {
  return t(KIND_KEYS[kind]);
}

const FORMS: LabelForms = {
  kind: kindName,
  changed: (kind, page, report) => t('diffChanged', [kind, page, report]),
  dropped: (kind, page) => t('diffDropped', [kind, page]),
  added: (kind, report) => t('diffAdded', [kind, report]),
};

/** A chip's text: both sides, or what the other outlet dropped or added. */
export function differenceText(
  difference: Pick<Difference, 'kind' | 'quantity' | 'page' | 'report'>,
): string {
  return differenceLabel(difference, FORMS);
}

/** One line on a wording's differences: "Told differently: Date" or "2 differences: …". */
export function differencesLine(
  differences: readonly Pick<Difference, 'kind' | 'quantity'>[],
): string {
  const kinds = [...new Set(differences.map(labelKind))].map(kindName);
  return differences.length === 1
    ? t('cardDifferencesOne', kinds[0]!)
    : t('cardDifferencesMany', [String(differences.length), kinds.join(', ')]);
}
