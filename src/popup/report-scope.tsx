/**
 * What a report is about (TabState.scope): a page's article, a page's visible text, a selection, or
 * a text given on the check page. It decides the title of a text without one, a note on what was
 * checked, and whether the report speaks of "the page" or "your text". Also the note that says
 * the reader chose to see only the surer matches.
 */
import type { EchoPhrases } from '../core/provenance/claim-sources';
import { t, type MessageKey } from '../shared/i18n';
import { chancePercent } from '../shared/match-chance';
import type { TabState } from '../shared/messages';

/** The strings of the report that name what was checked. */
export interface ReportWording {
  claimsHint: MessageKey;
  claimShow: MessageKey;
  noMatchesBody: MessageKey;
  /** The same, for a text of a single sentence. */
  noMatchesBodyOne: MessageKey;
  /** The mark on the echo group that the checked text retells. */
  groupMark: MessageKey;
  /** The note on a text whose chances were lowered because it tells another story. */
  shareNote: MessageKey;
  /** The statements on where the claims come from, naming the checked text as it should be. */
  phrases(words: EchoPhrases): EchoPhrases;
}

const ON_PAGE: ReportWording = {
  claimsHint: 'reportClaimsHint',
  claimShow: 'reportClaimShow',
  noMatchesBody: 'reportNoMatchesBody',
  noMatchesBodyOne: 'reportNoMatchesBodyOne',
  groupMark: 'reportGroupPage',
  shareNote: 'reportClaimShare',
  phrases: (words) => words,
};

const IN_TEXT: ReportWording = {
  claimsHint: 'reportClaimsHintText',
  claimShow: 'reportClaimShowText',
  noMatchesBody: 'reportNoMatchesBodyText',
  noMatchesBodyOne: 'reportNoMatchesBodyTextOne',
  groupMark: 'reportGroupText',
  shareNote: 'reportClaimShareText',
  // A pasted text is on no page: "Reuters and your text", not "Reuters and this page".
  phrases: (words) => ({
    ...words,
    thisPage: t('echoYourText'),
    pageInGroup: (label) => t('echoTextInGroup', label),
    pageIsMember: (label) => t('echoTextIsMember', label),
    pageTooShort: t('echoTextTooShort'),
  }),
};

/** A selection is checked on its page, but it is the selection that may say too little. */
const IN_SELECTION: ReportWording = {
  ...ON_PAGE,
  phrases: (words) => ({ ...words, pageTooShort: t('echoSelectionTooShort') }),
};

/** The report's strings for what was checked. */
export function wordingFor(state: TabState): ReportWording {
  return state.scope === 'text' ? IN_TEXT : state.scope === 'selection' ? IN_SELECTION : ON_PAGE;
}

/** The summary line: how many of the checked sentences other outlets also reported. */
export function summaryLine(matched: number, total: number): string {
  return total === 1 && matched === 1
    ? t('reportSummaryOne')
    : t('reportSummary', [String(matched), String(total)]);
}

/** Why a report lists no claim, for a text of `total` sentences. */
export function noMatchesLine(wording: ReportWording, total: number): string {
  return total === 1 ? t(wording.noMatchesBodyOne) : t(wording.noMatchesBody, String(total));
}

/** The title of a report whose text has none. */
export function untitled(state: TabState): string {
  switch (state.scope) {
    case 'selection':
      return t('reportSelectionTitle', state.host);
    case 'text':
      return t('reportTextTitle');
    default:
      return t('reportUntitled', state.host);
  }
}

/**
 * A note saying what was checked when it is not the page's article: the selection, or the page's
 * visible main text where no article body was found (whether the page was checked on its own or
 * because the reader asked to check it anyway).
 */
export function ScopeNote({ state }: { state: TabState }) {
  if (state.scope === 'selection')
    return <p class="note scope-note">{t('reportScopeSelection')}</p>;
  if (state.scope === 'page') return <p class="note scope-note">{t('reportScopePage')}</p>;
  return null;
}

/**
 * A page that makes few claims of the corpus has its chances lowered (src/core/verify/
 * article-share.ts): the report says so, since its matches' chances then read low.
 */
export function ShareNote({
  claimShare,
  wording,
}: {
  claimShare: number | undefined;
  wording: ReportWording;
}) {
  if (claimShare === undefined) return null;
  return <p class="note share-note">{t(wording.shareNote)}</p>;
}

/** The reader's stricter choice of how sure a match must be, when they made one. */
export function ChanceNote({ minChance }: { minChance: number | undefined }) {
  if (minChance === undefined) return null;
  return <p class="note chance-note">{t('reportMinChance', String(chancePercent(minChance)))}</p>;
}
