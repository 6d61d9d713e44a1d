/**
 * A checked article: its title, whether it is one of the corpus reports, how many sentences other
 * outlets also made, the echo note, the outlets, and then claim by claim each outlet's wording.
 */
import type { SentenceResult, Tier } from '../core/types';
import { t, type MessageKey } from '../shared/i18n';
import type { CorpusInfo, EchoNote, TabState } from '../shared/messages';
import { DiffText } from './diff-text';
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
}: {
  sentence: SentenceResult;
  onShow: (sentence: SentenceResult) => void;
}) {
  return (
    <li class="claim">
      <button
        type="button"
        class="claim-sentence"
        aria-label={t('reportClaimShow', sentence.text)}
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
  const title = report.article.title?.trim() || t('reportUntitled', state.host);
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
      {state.fallback && <p class="note fallback-note">{t('reportFallback')}</p>}
      {state.truncated && <CutNote sentences={report.sentences} onShow={onShowSentence} />}

      {claims.length === 0 ? (
        <StatusView
          title={t('reportNoMatchesTitle')}
          body={t('reportNoMatchesBody', String(total))}
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
            <p class="hint">{t('reportClaimsHint')}</p>
            <ol class="claims">
              {claims.map((sentence) => (
                <Claim key={sentence.start} sentence={sentence} onShow={onShowSentence} />
              ))}
            </ol>
          </section>
        </>
      )}
    </article>
  );
}
