/**
 * The words of the statements on where a claim comes from (src/core/provenance), in the
 * browser's language: shared by the popup, the full report and the hover card.
 */
import type { EchoPhrases } from '../core/provenance/claim-sources';
import { t, uiLanguage } from './i18n';

/** A date for reading in the browser's language ("2 June 2025"). */
function readableDate(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso.slice(0, 10);
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(
      day,
    );
  } catch {
    return iso.slice(0, 10);
  }
}

/** The phrases, from the extension's messages. */
export function echoPhrases(): EchoPhrases {
  const count = (one: Parameters<typeof t>[0], many: Parameters<typeof t>[0], n: number) =>
    n === 1 ? t(one) : t(many, String(n));
  return {
    outlets: (n) => count('echoOutletsOne', 'echoOutletsMany', n),
    independent: (n) => count('echoIndependentOne', 'echoIndependentMany', n),
    thisPage: t('echoThisPage'),
    unnamedSource: (outlet) => t('echoUnnamedSource', outlet),
    originAmong: (origin) => t('echoOriginAmong', origin),
    nameIt: (n, total) =>
      n === total && n > 1 ? t('echoNameItAll') : count('echoNameItOne', 'echoNameItMany', n),
    unnamedOnly: (n) => count('echoUnnamedOnlyOne', 'echoUnnamedOnlyMany', n),
    namesOther: (n) => count('echoNamesOtherOne', 'echoNamesOtherMany', n),
    noSource: (n) => count('echoNoSourceOne', 'echoNoSourceMany', n),
    list: (items) =>
      items.length <= 1
        ? (items[0] ?? '')
        : t('echoListAnd', [items.slice(0, -1).join(', '), items[items.length - 1]!]),
    line: (outlets, independent, sources) => t('echoLine', [outlets, independent, sources]),
    pageInGroup: (label) => t('echoPageInGroup', label),
    pageIsMember: (label) => t('echoPageIsMember', label),
    pageTooShort: t('echoPageTooShort'),
    firstReported: (outlet, date) => t('echoFirstReported', [outlet, date]),
    earliestKnown: (outlet, date, undated) =>
      t('echoEarliestKnown', [outlet, date, String(undated)]),
    datesUnknown: (n) => (n === 1 ? t('echoDatesUnknownOne') : t('echoDatesUnknownMany')),
    date: readableDate,
  };
}
