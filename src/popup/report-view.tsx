/**
 * A checked article: its title, whether it is one of the corpus reports, how many sentences other
 * outlets also made, the echo note, the outlets, and then claim by claim each outlet's wording.
 */
import type { SentenceResult, Tier } from '../core/types';
import { t, type MessageKey } from '../shared/i18n';
import type { CorpusInfo, EchoNote, TabState } from '../shared/messages';
import { DiffText } from './diff-text';
import { ScopeNote, untitled, wordingFor, type ReportWording } from './report-scope';
import { StatusView } from './status-view';
import { webHref } from '../shared/web-href';

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

/** Props of ReportView. */
export interface ReportViewProps {
  state: TabState;
  corpus: CorpusInfo | null;
  onShowSentence: (sentence: SentenceResult) => void;
}

function EchoBox({ echo }: { echo: EchoNote }) {
  return (
    <aside class="echo" aria-labelledby="echo-title">
      <h2 id="echo-title" class="echo-title">
        {t('reportEchoTitle')}
      </h2>
      <p>{t('reportEchoBody', [String(echo.reports), echo.origin])}</p>
    </aside>
  );
}

function Claim({
  sentence,
  onShow,
  wording,
}: {
  sentence: SentenceResult;
  onShow: (sentence: SentenceResult) => void;
  wording: ReportWording;
}) {
  return (
    <li class="claim">
      <button
        type="button"
        class="claim-sentence"
        aria-label={t(wording.claimShow, sentence.text)}
        onClick={() => onShow(sentence)}
      >
        {sentence.text}
      </button>
      <ul class="matches">
        {sentence.matches.map((match) => (
          <li key={match.report} class="match">
            <div class="match-meta">
              <span class="match-outlet">{match.outlet}</span>
              <span class={`tier tier-${match.tier}`}>
                <span class="sr-only">{t('reportTierLabel')} </span>
                {t(TIER_KEYS[match.tier])}
              </span>
              <ExternalLink href={match.url}>{t('reportMatchLink', match.outlet)}</ExternalLink>
            </div>
            <p class="match-text">
              <DiffText base={sentence.text} text={match.text} />
            </p>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The report of a checked article. */
export function ReportView({ state, corpus, onShowSentence }: ReportViewProps) {
  const report = state.report;
  if (!report) return null;
  const title = report.article.title?.trim() || untitled(state);
  const wording = wordingFor(state);
  const claims = report.sentences.filter((sentence) => sentence.matches.length > 0);
  const echo = state.echo ?? corpus?.echo ?? null;
  const urlOf = (id: string) => corpus?.reports.find((meta) => meta.id === id)?.url;
  const { matched, sentences: total } = report.summary;

  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title" class="report-title">
        {title}
      </h1>
      {report.self && <p class="self-note">{t('reportSelf', report.self.outlet)}</p>}
      <ScopeNote state={state} />
      {state.truncated && <p class="note">{t('reportTruncated')}</p>}

      {claims.length === 0 ? (
        <StatusView
          title={t('reportNoMatchesTitle')}
          body={t(wording.noMatchesBody, String(total))}
        />
      ) : (
        <>
          <p class="summary">
            <strong>{t('reportSummary', [String(matched), String(total)])}</strong>
          </p>
          {echo && <EchoBox echo={echo} />}

          <section aria-labelledby="outlets-title">
            <h2 id="outlets-title">{t('reportOutletsHeading')}</h2>
            <ul class="outlets">
              {report.summary.outlets
                .filter((outlet) => outlet.sentences > 0)
                .map((outlet) => (
                  <li key={outlet.report} class="outlet">
                    <ExternalLink href={urlOf(outlet.report)}>{outlet.outlet}</ExternalLink>
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
            <ol class="claims">
              {claims.map((sentence) => (
                <Claim
                  key={sentence.start}
                  sentence={sentence}
                  onShow={onShowSentence}
                  wording={wording}
                />
              ))}
            </ol>
          </section>
        </>
      )}
    </article>
  );
}
