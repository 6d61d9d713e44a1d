/**
 * The popup (and the full-page report at `popup.html?tab=<id>`): finds the tab's state, shows
 * the matching view, follows changes while open, and offers the controls.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SentenceResult } from '../core/types';
import { t } from '../shared/i18n';
import type { CorpusInfo, Result, TabState } from '../shared/messages';
import {
  isSiteDisabled,
  withMatchesShown,
  withMatchHidden,
  withSiteDisabled,
  type Settings,
} from '../shared/settings';
import type { PopupClient } from './client';
import { LibraryRow } from './library-row';
import { untitled } from './report-scope';
import { ReportView, type MarkHandlers } from './report-view';
import { StatusView } from './status-view';

/** What the main area shows. */
export type View =
  | { kind: 'loading' }
  | { kind: 'waiting' }
  | { kind: 'not-checked' }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string; details: string | null }
  | { kind: 'state'; state: TabState };

// How long to wait for a page that is still being checked before offering to check it.
const WAIT_FOR_PAGE_MS = 5_000;
// How long the controls wait for the library row's first answer before showing without it.
export const WAIT_FOR_ROW_MS = 1_000;

/** Finds what to show for a tab: its stored state, or whatever the page says when asked. */
export async function loadView(client: PopupClient, tabId: number): Promise<View> {
  const stored = await client.tabState(tabId);
  if (!stored.ok) return { kind: 'error', message: t('popupErrorTitle'), details: stored.error };
  if (stored.value) return { kind: 'state', state: stored.value };
  // Nothing stored (e.g. cleared by a same-page navigation): ask the page to tell us again.
  if (!(await client.refresh(tabId))) return { kind: 'unavailable' };
  const again = await client.tabState(tabId);
  if (again.ok && again.value) return { kind: 'state', state: again.value };
  return { kind: 'waiting' };
}

function HighlightSwitch({
  settings,
  shortcut,
  onChange,
}: {
  settings: Settings;
  shortcut: string | null;
  onChange: (on: boolean) => void;
}) {
  return (
    <div class="switch-row">
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={settings.highlights}
        aria-labelledby="switch-label"
        aria-describedby={shortcut ? 'switch-hint' : undefined}
        onClick={() => onChange(!settings.highlights)}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
      </button>
      <span class="switch-text">
        <span id="switch-label">{t('switchHighlights')}</span>
        {shortcut && (
          <span id="switch-hint" class="hint">
            {t('switchHighlightsHint', shortcut)}
          </span>
        )}
      </span>
    </div>
  );
}

/** The popup's root. */
export function App({ client }: { client: PopupClient }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpus, setCorpus] = useState<Result<CorpusInfo> | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Whether the library row has its first answer, and whether the controls were shown yet.
  const [rowSettled, setRowSettled] = useState(false);
  const controlsShown = useRef(false);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    void (async () => {
      const id = await client.tabId().catch(() => null);
      if (!live) return;
      if (id === null) {
        setView({ kind: 'error', message: t('popupErrorNoTab'), details: null });
        return;
      }
      setTabId(id);
      unsubscribe = client.subscribe(
        id,
        (state) => live && setView(state ? { kind: 'state', state } : { kind: 'waiting' }),
        (next) => live && setSettings(next),
      );
      const [nextSettings, nextCorpus, nextShortcut, nextView] = await Promise.all([
        client.settings(),
        client.corpus(),
        client.shortcut(),
        loadView(client, id).catch((error: unknown): View => ({
          kind: 'error',
          message: t('popupErrorTitle'),
          details: String(error),
        })),
      ]);
      if (!live) return;
      setSettings(nextSettings);
      setCorpus(nextCorpus);
      setShortcut(nextShortcut);
      // A state that arrived through the subscription meanwhile is newer than this answer.
      setView((current) => (current.kind === 'loading' ? nextView : current));
    })();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, attempt]);

  // A page still being checked gets a few seconds, then the popup offers to check it.
  useEffect(() => {
    if (view.kind !== 'waiting') return;
    const timer = setTimeout(() => setView({ kind: 'not-checked' }), WAIT_FOR_PAGE_MS);
    return () => clearTimeout(timer);
  }, [view.kind]);

  useEffect(() => {
    const shown = view.kind === 'state' ? view.state : null;
    // A selection or a page's visible text may have no title: the tab is named as the report is.
    const title = shown?.report ? shown.report.article.title?.trim() || untitled(shown) : null;
    document.title = client.fullPage && title ? t('fullReportTitle', title) : t('popupTitle');
  }, [view, client.fullPage]);

  const changeSettings = useCallback(
    (change: (current: Settings) => Settings) => {
      void client.updateSettings(change).then(setSettings);
    },
    [client],
  );
  // A match marked "not the same claim" (or shown again): the page checks itself again when the
  // settings change, and its new report reaches this view through the subscription.
  const marks = useMemo<MarkHandlers>(
    () => ({
      onHide: (key) => changeSettings((s) => withMatchHidden(s, key)),
      onShowHidden: (keys) => changeSettings((s) => withMatchesShown(s, keys)),
    }),
    [changeSettings],
  );
  const checkNow = useCallback(() => {
    if (tabId === null) return;
    setView({ kind: 'waiting' });
    void client.checkNow(tabId).then((reached) => {
      if (!reached) setView({ kind: 'unavailable' });
    });
  }, [client, tabId]);
  const showSentence = useCallback(
    (sentence: SentenceResult) => {
      if (tabId === null || view.kind !== 'state' || !view.state.hash) return;
      void client.flash(tabId, { start: sentence.start, end: sentence.end, hash: view.state.hash });
    },
    [client, tabId, view],
  );

  const state = view.kind === 'state' ? view.state : null;
  const host = state?.host ?? null;
  const siteOff = settings !== null && host !== null && isSiteDisabled(settings, host);
  const rowWanted = tabId !== null && state?.status === 'ready';
  // A library that does not answer (still loading a large index, or stuck) never hides the
  // controls for long.
  useEffect(() => {
    if (!rowWanted || rowSettled) return;
    const timer = setTimeout(() => setRowSettled(true), WAIT_FOR_ROW_MS);
    return () => clearTimeout(timer);
  }, [rowWanted, rowSettled]);
  // The library row sits above the controls and learns its content from the background: the
  // controls wait for it the first time, so that a late row never pushes the switch away from
  // under a reader's pointer (and "Keep this article" into its place). Once shown they stay.
  const showControls = settings !== null && (controlsShown.current || !rowWanted || rowSettled);
  if (showControls) controlsShown.current = true;

  return (
    <div class={client.fullPage ? 'app full' : 'app'}>
      <header class="bar">
        <img class="logo" src="icons/icon-32.png" width={20} height={20} alt="" />
        <span class="brand">{t('extName')}</span>
      </header>
      <main
        class="content"
        aria-live="polite"
        aria-busy={view.kind === 'loading' || view.kind === 'waiting'}
      >
        <MainView
          view={view}
          corpus={corpus}
          onCheckNow={checkNow}
          onEnableSite={() => host && changeSettings((s) => withSiteDisabled(s, host, false))}
          onRetry={() => {
            setView({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
          onShowSentence={showSentence}
          marks={marks}
        />
      </main>
      {rowWanted && (
        <LibraryRow
          client={client}
          tabId={tabId}
          state={state}
          onSettled={() => setRowSettled(true)}
        />
      )}
      {settings && showControls && (
        <footer class="controls">
          <HighlightSwitch
            settings={settings}
            shortcut={shortcut}
            onChange={(on) => changeSettings((s) => ({ ...s, highlights: on }))}
          />
          <div class="buttons">
            {host && !siteOff && (
              <button
                type="button"
                class="button"
                onClick={() => changeSettings((s) => withSiteDisabled(s, host, true))}
              >
                {t('buttonDisableSite')}
              </button>
            )}
            {state?.status === 'ready' && state.scope === 'selection' && (
              <button type="button" class="button" onClick={checkNow}>
                {t('buttonCheckWholePage')}
              </button>
            )}
            {!client.fullPage && tabId !== null && (
              <button
                type="button"
                class="button"
                onClick={() => void client.openFullReport(tabId).then(() => window.close())}
              >
                {t('buttonFullReport')}
              </button>
            )}
            <button
              type="button"
              class="button"
              onClick={() =>
                void client.openCheckPage().then(() => {
                  // The toolbar popup steps aside for the new tab; a full report stays open.
                  if (!client.fullPage) window.close();
                })
              }
            >
              {t('buttonCheckText')}
            </button>
            <button type="button" class="button" onClick={() => void client.openOptions()}>
              {t('buttonOptions')}
            </button>
          </div>
        </footer>
      )}
    </div>
  );
}

function MainView({
  view,
  corpus,
  onCheckNow,
  onEnableSite,
  onRetry,
  onShowSentence,
  marks,
}: {
  view: View;
  corpus: Result<CorpusInfo> | null;
  onCheckNow: () => void;
  onEnableSite: () => void;
  onRetry: () => void;
  onShowSentence: (sentence: SentenceResult) => void;
  marks: MarkHandlers;
}) {
  // Without the corpus nothing can be compared: say so whatever the page's state.
  if (corpus && !corpus.ok) {
    return (
      <StatusView tone="error" title={t('popupErrorTitle')} body={t('popupErrorCorpus')}>
        <p class="details">{t('popupErrorDetails', corpus.error)}</p>
      </StatusView>
    );
  }
  switch (view.kind) {
    case 'loading':
    case 'waiting':
      return <StatusView tone="busy" title={t('popupLoading')} />;
    case 'not-checked':
      return (
        <StatusView title={t('popupNotCheckedTitle')}>
          <button type="button" class="button primary" onClick={onCheckNow}>
            {t('buttonCheckNow')}
          </button>
        </StatusView>
      );
    case 'unavailable':
      return <StatusView title={t('popupUnavailableTitle')} body={t('popupUnavailableBody')} />;
    case 'error':
      return (
        <StatusView tone="error" title={view.message}>
          {view.details && <p class="details">{t('popupErrorDetails', view.details)}</p>}
          <button type="button" class="button" onClick={onRetry}>
            {t('buttonRetry')}
          </button>
        </StatusView>
      );
    case 'state':
      return (
        <StateView
          state={view.state}
          corpus={corpus?.ok ? corpus.value : null}
          onCheckNow={onCheckNow}
          onEnableSite={onEnableSite}
          onShowSentence={onShowSentence}
          marks={marks}
        />
      );
  }
}

/** A page not checked as an article: check it anyway (its visible text, if no article is found). */
function CheckAnyway(props: { title: string; body: string; onCheckNow: () => void }) {
  return (
    <StatusView title={props.title} body={props.body}>
      <button type="button" class="button primary" onClick={props.onCheckNow}>
        {t('buttonCheckAnyway')}
      </button>
      <p class="hint">{t('popupSelectionHint')}</p>
    </StatusView>
  );
}

function StateView({
  state,
  corpus,
  onCheckNow,
  onEnableSite,
  onShowSentence,
  marks,
}: {
  state: TabState;
  corpus: CorpusInfo | null;
  onCheckNow: () => void;
  onEnableSite: () => void;
  onShowSentence: (sentence: SentenceResult) => void;
  marks: MarkHandlers;
}) {
  switch (state.status) {
    case 'ready':
      return (
        <ReportView state={state} corpus={corpus} onShowSentence={onShowSentence} {...marks} />
      );
    case 'not-article':
      return (
        <CheckAnyway
          title={t('popupNotArticleTitle')}
          body={t('popupNotArticleBody')}
          onCheckNow={onCheckNow}
        />
      );
    case 'no-text':
      return (
        <CheckAnyway
          title={t('popupNoTextTitle')}
          body={t('popupNoTextBody')}
          onCheckNow={onCheckNow}
        />
      );
    case 'auto-off':
      return (
        <StatusView title={t('popupAutoOffTitle')} body={t('popupAutoOffBody')}>
          <button type="button" class="button primary" onClick={onCheckNow}>
            {t('buttonCheckNow')}
          </button>
        </StatusView>
      );
    case 'disabled':
      return (
        <StatusView title={t('popupDisabledTitle', state.host)} body={t('popupDisabledBody')}>
          <button type="button" class="button primary" onClick={onEnableSite}>
            {t('buttonEnableSite')}
          </button>
        </StatusView>
      );
    case 'error':
      return (
        <StatusView tone="error" title={t('popupErrorTitle')} body={t('popupErrorCorpus')}>
          {state.error && <p class="details">{t('popupErrorDetails', state.error)}</p>}
        </StatusView>
      );
  }
}
