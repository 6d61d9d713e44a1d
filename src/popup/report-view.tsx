/**
 * A checked article: its title, whether it is one of the corpus reports, how many sentences other
 * outlets also made, where those claims come from (echo groups and independent sources, computed
 * from the texts), the outlets, and then claim by claim each outlet's wording, grouped by source.
 */
import {
  articleSources,
  claimSources,
  sourceName,
  statementParts,
  type EchoPhrases,
  type SourceGroup,
} from '../core/provenance/claim-sources';
import { useState } from 'preact/hooks';
import type { ArticleReport, SentenceMatch, SentenceResult, Tier } from '../core/types';
import { echoPhrases } from '../shared/echo-phrases';
import { t, type MessageKey } from '../shared/i18n';
import type { CorpusInfo, TabState } from '../shared/messages';
import { DiffText } from './diff-text';
import { DifferenceChips, FlaggedText, spansOf } from './differences-view';
import {
  ChanceNote,
  noMatchesLine,
  ScopeNote,
  ShareNote,
  summaryLine,
  untitled,
  wordingFor,
  type ReportWording,
} from './report-scope';
import { StatusView } from './status-view';
import { LIBRARY_KEY_PREFIX } from '../shared/library-keys';
import { webHref } from '../shared/web-href';
import { shortDate } from '../shared/dates';
import { chanceText, chanceTitle } from '../shared/match-chance';
import { matchKey } from '../core/hidden-matches';

const TIER_KEYS: Record<Tier, MessageKey> = {
  verbatim: 'tierVerbatim',
  close: 'tierClose',
  paraphrase: 'tierParaphrase',
};

/** A link that opens in a new tab without giving the target page a handle on this one. */
function ExternalLink({ href, children }: { href: string | undefined; children: string }) {
  const safe = webHref(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="sr-only"> {t('reportOpensInNewTab')}</span>
    </a>
  );
}

/** Words of the last checked sentence quoted in the cut note: enough to find the place. */
const CUT_QUOTE_WORDS = 8;

/** The last sentence checked, and its last words for the note, when the text was cut. */
function cutPoint(
  sentences: SentenceResult[],
): { sentence: SentenceResult; ending: string } | null {
  const sentence = sentences[sentences.length - 1];
  if (!sentence) return null;
  const words = sentence.text.trim().split(/\s+/);
  const ending = words.slice(-CUT_QUOTE_WORDS).join(' ');
  return { sentence, ending: words.length > CUT_QUOTE_WORDS ? `…${ending}` : ending };
}

/** Where a long article was cut, with a button that shows the place on the page. */
function CutNote({
  sentences,
  onShow,
}: {
  sentences: SentenceResult[];
  onShow: (sentence: SentenceResult) => void;
}) {
  const cut = cutPoint(sentences);
  if (!cut) return <p class="note">{t('reportTruncated')}</p>;
  return (
    <p class="note cut-note">
      {t('reportTruncatedAt', cut.ending)}{' '}
      <button type="button" class="link-button" onClick={() => onShow(cut.sentence)}>
        {t('reportTruncatedShow')}
      </button>
    </p>
  );
}

/** What a report view lets the reader do with the marks "not the same claim". */
export interface MarkHandlers {
  /**
   * The reader marks a match "not the same claim" (by its key, see src/core/hidden-matches.ts);
   * without it the report offers no such button.
   */
  onHide?: (key: string) => void;
  /** The reader takes the marks off hidden matches, so that they are shown again. */
  onShowHidden?: (keys: string[]) => void;
}

/** Props of ReportView. */
export interface ReportViewProps extends MarkHandlers {
  state: TabState;
  corpus: CorpusInfo | null;
  onShowSentence: (sentence: SentenceResult) => void;
}

/** Matches of this report the reader hid, with the button that shows them again. */
function HiddenNote({
  keys,
  onShow,
}: {
  keys: string[] | undefined;
  onShow?: (keys: string[]) => void;
}) {
  if (!keys || keys.length === 0) return null;
  const one = keys.length === 1;
  return (
    <p class="note hidden-note">
      {one ? t('reportHiddenOne') : t('reportHiddenMany', String(keys.length))}
      {onShow && (
        <>
          {' '}
          <button type="button" class="link-button" onClick={() => onShow(keys)}>
            {one ? t('reportHiddenShowOne') : t('reportHiddenShowMany')}
          </button>
        </>
      )}
    </p>
  );
}

/** How a member of an echo group sources what it says, when that is worth a mark. */
const SOURCING_MARKS: Partial<Record<string, MessageKey>> = {
  'unnamed-only': 'reportMemberUnnamedOnly',
  none: 'reportMemberNoSource',
  origin: 'reportMemberOrigin',
};

/**
 * Where the article's claims come from: the statement for the whole page, then each echo group
 * with its members listed together (the page marked on the group it retells).
 */
function SourcesBox({
  report,
  words,
  groupMark,
}: {
  report: ArticleReport;
  words: EchoPhrases;
  groupMark: MessageKey;
}) {
  const sources = articleSources(report);
  if (sources.outlets === 0) return null;
  const parts = statementParts(sources, words);
  return (
    <aside class="echo" aria-labelledby="echo-title">
      <h2 id="echo-title" class="echo-title">
        {t('reportSourcesTitle')}
      </h2>
      <p class="echo-statement">
        <strong>{parts.line}</strong>
        {parts.detail ? `; ${parts.detail}.` : '.'}
      </p>
      <ul class="echo-groups">
        {sources.groups.map((group) => (
          <li key={group.id} class="echo-group">
            <span class="echo-group-name">
              {t('reportGroupLabel', [
                sourceName(group, words),
                words.outlets(group.outlets.length),
              ])}
            </span>
            {': '}
            {group.outlets.map((member, i) => {
              const mark = SOURCING_MARKS[member.sourcing];
              return (
                <span key={member.report} class="echo-member">
                  {i > 0 && ', '}
                  {member.outlet}
                  {mark && <span class="echo-member-mark"> ({t(mark)})</span>}
                </span>
              );
            })}
            {group.page && <span class="echo-page"> · {t(groupMark)}</span>}
          </li>
        ))}
      </ul>
      {parts.page && <p class="echo-page-note">{parts.page}</p>}
      <p class="echo-dates">{parts.dates}</p>
      <p class="hint">{t('reportSourcesHint')}</p>
    </aside>
  );
}

/** A claim's matches with each echo group's members together, most outlets first. */
function matchesByGroup(
  matches: readonly SentenceMatch[],
  groups: readonly SourceGroup[],
): { group: SourceGroup | null; matches: SentenceMatch[] }[] {
  if (groups.length <= 1) return [{ group: groups[0] ?? null, matches: [...matches] }];
  return groups.map((group) => ({
    group,
    matches: matches.filter((m) => group.outlets.some((o) => o.report === m.report)),
  }));
}

function Match({
  sentence,
  match,
  onHide,
}: {
  sentence: SentenceResult;
  match: SentenceMatch;
  onHide?: (key: string) => void;
}) {
  const part = partOf(sentence, match);
  // A match carried over from another outlet's matching sentence (src/core/verify/carry-over.ts).
  const via = match.via
    ? (sentence.matches.find((m) => m.report === match.via)?.outlet ?? match.via)
    : null;
  return (
    <li class="match">
      <div class="match-meta">
        <span class="match-outlet">{match.outlet}</span>
        {match.read && <span class="match-read">{t('readOn', shortDate(match.read))}</span>}
        <span class={`tier tier-${match.tier}`}>
          <span class="sr-only">{t('reportTierLabel')} </span>
          {t(TIER_KEYS[match.tier])}
        </span>
        <span class="chance" title={chanceTitle(match.score)}>
          {chanceText(match.score)}
        </span>
        <ExternalLink href={match.url}>{t('reportMatchLink', match.outlet)}</ExternalLink>
      </div>
      {part !== null && (
        <p class="match-part">
          {t('reportSharedPart')} <mark class="shared">{part}</mark>
        </p>
      )}
      {via !== null && <p class="match-via">{t('reportVia', via)}</p>}
      <p class="match-text">
        <DiffText
          base={part ?? sentence.text}
          text={match.text}
          flagged={spansOf(match.differences ?? [], 'report')}
        />
      </p>
      <DifferenceChips differences={match.differences ?? []} />
      {onHide && (
        <button
          type="button"
          class="link-button hide-match"
          aria-label={t('reportHideMatchLabel', match.outlet)}
          onClick={() => onHide(matchKey(sentence.text, match))}
        >
          {t('reportHideMatch')}
        </button>
      )}
    </li>
  );
}

function Claim({
  report,
  sentence,
  words,
  onShow,
  wording,
  onHide,
}: {
  report: ArticleReport;
  sentence: SentenceResult;
  words: EchoPhrases;
  onShow: (sentence: SentenceResult) => void;
  wording: ReportWording;
  onHide?: (key: string) => void;
}) {
  const sources = report.provenance ? claimSources(report, sentence.matches, sentence.cites) : null;
  const parts = sources ? statementParts(sources, words) : null;
  return (
    <li class="claim">
      <button
        type="button"
        class="claim-sentence"
        aria-label={t(wording.claimShow, sentence.text)}
        onClick={() => onShow(sentence)}
      >
        <FlaggedText
          text={sentence.text}
          spans={sentence.matches.flatMap((m) => spansOf(m.differences ?? [], 'page'))}
        />
      </button>
      {parts && (
        <p class="claim-sources">
          <strong>{parts.line}</strong>
          {parts.detail ? `; ${parts.detail}.` : '.'}
          <span class="claim-dates">{parts.dates}</span>
        </p>
      )}
      <ul class="matches">
        {matchesByGroup(sentence.matches, sources?.groups ?? []).map(({ group, matches }) => [
          sources && sources.groups.length > 1 && group && (
            <li key={`label-${group.id}`} class="match-group" aria-hidden="true">
              {t('reportGroupLabel', [
                sourceName(group, words),
                words.outlets(group.outlets.length),
              ])}
            </li>
          ),
          ...matches.map((match) => (
            <Match key={match.report} sentence={sentence} match={match} onHide={onHide} />
          )),
        ])}
      </ul>
    </li>
  );
}

/**
 * The part of the page sentence a match makes the claim of, when it is a part: a sentence joining
 * two claims may be matched by a report making one of them. Null when the match covers the
 * sentence (or gives no span).
 */
export function partOf(sentence: SentenceResult, match: SentenceMatch): string | null {
  const span = match.pageSpan;
  if (!span) return null;
  const start = Math.max(0, span.start - sentence.start);
  const end = Math.min(sentence.text.length, span.end - sentence.start);
  const part = sentence.text.slice(start, end).trim();
  if (end <= start || part.length >= sentence.text.trim().length) return null;
  return part;
}

/** The report of a checked article. */
export function ReportView({
  state,
  corpus,
  onShowSentence,
  onHide,
  onShowHidden,
}: ReportViewProps) {
  const report = state.report;
  if (!report) return null;
  const title = report.article.title?.trim() || untitled(state);
  const wording = wordingFor(state);
  const [onlyDifferent, setOnlyDifferent] = useState(false);
  const claims = report.sentences.filter((sentence) => sentence.matches.length > 0);
  const words = wording.phrases(echoPhrases());
  const toldDifferently = claims.filter((sentence) =>
    sentence.matches.some((match) => (match.differences ?? []).length > 0),
  );
  const shown = onlyDifferent ? toldDifferently : claims;
  // Bundled reports from the corpus; articles of the reader's library from their matches.
  const matchOf = (id: string) =>
    claims.flatMap((sentence) => sentence.matches).find((match) => match.report === id);
  const urlOf = (id: string) =>
    id.startsWith(LIBRARY_KEY_PREFIX)
      ? matchOf(id)?.url
      : corpus?.reports.find((meta) => meta.id === id)?.url;
  const { matched, sentences: total } = report.summary;

  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title" class="report-title">
        {title}
      </h1>
      {report.self && (
        <p class="self-note">
          {t(
            report.self.report.startsWith(LIBRARY_KEY_PREFIX) ? 'reportSelfLibrary' : 'reportSelf',
            report.self.outlet,
          )}
        </p>
      )}
      <ScopeNote state={state} />
      <ChanceNote minChance={report.minChance} />
      <ShareNote claimShare={report.claimShare} wording={wording} />
      <HiddenNote keys={report.hidden} onShow={onShowHidden} />
      {state.truncated && <CutNote sentences={report.sentences} onShow={onShowSentence} />}

      {claims.length === 0 ? (
        <StatusView title={t('reportNoMatchesTitle')} body={noMatchesLine(wording, total)} />
      ) : (
        <>
          <p class="summary">
            <strong>{summaryLine(matched, total)}</strong>
          </p>
          {report.provenance && (
            <SourcesBox report={report} words={words} groupMark={wording.groupMark} />
          )}

          <section aria-labelledby="outlets-title">
            <h2 id="outlets-title">{t('reportOutletsHeading')}</h2>
            <ul class="outlets">
              {report.summary.outlets
                .filter((outlet) => outlet.sentences > 0)
                .map((outlet) => (
                  <li key={outlet.report} class="outlet">
                    <ExternalLink href={urlOf(outlet.report)}>{outlet.outlet}</ExternalLink>
                    {matchOf(outlet.report)?.read && (
                      <span class="match-read">
                        {t('readOn', shortDate(matchOf(outlet.report)!.read!))}
                      </span>
                    )}
                    <span class="outlet-count">
                      {outlet.sentences === 1
                        ? t('reportOutletSharesOne')
                        : t('reportOutletShares', String(outlet.sentences))}
                    </span>
                  </li>
                ))}
            </ul>
          </section>

          <section aria-labelledby="claims-title">
            <h2 id="claims-title">{t('reportClaimsHeading')}</h2>
            <p class="hint">{t(wording.claimsHint)}</p>
            {toldDifferently.length > 0 && (
              <label class="filter">
                <input
                  type="checkbox"
                  checked={onlyDifferent}
                  onChange={(event) => setOnlyDifferent(event.currentTarget.checked)}
                />
                {t('reportFilterDifferent', String(toldDifferently.length))}
              </label>
            )}
            <ol class="claims">
              {shown.map((sentence) => (
                <Claim
                  key={sentence.start}
                  report={report}
                  sentence={sentence}
                  words={words}
                  onShow={onShowSentence}
                  wording={wording}
                  onHide={onHide}
                />
              ))}
            </ol>
          </section>
        </>
      )}
    </article>
  );
}
