/**
 * The check page (check.html): any text, pasted or read from a dropped .txt or .html file, checked
 * against the corpus, with the report below in the same view as the popup's full report. A
 * selection that its page could not check itself arrives here too (`?selection=<id>`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isQuestion } from '../core/sentences';
import { cutForCheck, MAX_CHECK_CHARS } from '../core/text-cut';
import type { SentenceResult } from '../core/types';
import { ReportView, type MarkHandlers } from '../popup/report-view';
import { StatusView } from '../popup/status-view';
import { summaryLine } from '../popup/report-scope';
import { t, uiLanguage } from '../shared/i18n';
import type { CorpusInfo, Result, TabState, TextCheck } from '../shared/messages';
import { MATCH_CHANCES, sameMarks, withMatchesShown, withMatchHidden } from '../shared/settings';
import type { CheckClient } from './client';
import { readTextFile, type FileText } from './text-file';

/** Files the "Open a file…" dialog offers. */
const ACCEPT = '.txt,.text,.html,.htm,.xhtml,text/plain,text/html';

/** Words of the unchecked part quoted in the note that says where the cut is. */
const CUT_QUOTE_WORDS = 8;

/** Where the text in the box came from. */
type Origin =
  | { kind: 'typed' }
  | { kind: 'file'; name: string; read: Extract<FileText, { ok: true }>['read'] }
  | { kind: 'selection'; host: string };

/** The text's origin and what is sent with it. */
interface Source {
  origin: Origin;
  title: string | null;
  detected: boolean;
  /** The publication date of an HTML file, for where the claims come from (provenance). */
  published: string | null;
}

/** Typed or pasted text: taken as the reader gives it, as the command line takes plain text. */
const TYPED: Source = { origin: { kind: 'typed' }, title: null, detected: true, published: null };

/** What the results area shows. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'empty' }
  | { kind: 'busy' }
  | { kind: 'problem'; message: string }
  | { kind: 'error'; details: string }
  | { kind: 'report'; state: TabState; checked: string; rest: string; origin: Origin };

/** The report of a check as the report view takes it. */
function reportState(check: TextCheck): TabState {
  return {
    status: 'ready',
    url: '',
    host: '',
    hash: null,
    report: check.report,
    truncated: false,
    echo: check.echo,
    error: null,
    updatedAt: Date.now(),
    scope: 'text',
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The first words of `text`, for quoting where something starts. */
function opening(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, CUT_QUOTE_WORDS).join(' ');
  return words.length > 80 ? words.slice(0, 80) : words;
}

function OriginNote({ origin }: { origin: Origin }) {
  switch (origin.kind) {
    case 'typed':
      return null;
    case 'file':
      return (
        <p class="note">
          {origin.read === 'page'
            ? t('checkFileNoArticle', origin.name)
            : t('checkFromFile', origin.name)}
        </p>
      );
    case 'selection':
      return origin.host ? <p class="note">{t('checkFromSelection', origin.host)}</p> : null;
  }
}

/**
 * Says that the text's questions were not checked, and why: a reader who types "Did Russia give
 * the US its demands?" learns to write the claim instead.
 */
function QuestionNote({ sentences }: { sentences: readonly SentenceResult[] }) {
  const questions = sentences.filter((s) => isQuestion(s.text)).length;
  if (questions === 0) return null;
  return (
    <p class="note question-note">
      {questions === 1 ? t('checkQuestionOne') : t('checkQuestions', String(questions))}
    </p>
  );
}

/** The check page's root. */
export function CheckApp({ client }: { client: CheckClient }) {
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>(TYPED);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [corpus, setCorpus] = useState<Result<CorpusInfo> | null>(null);
  const [dragging, setDragging] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Each check or file read counts up; an answer that is no longer the latest is dropped.
  const latest = useRef(0);
  // The text of the report shown, how sure its matches had to be and which matches were marked
  // "not the same claim", to check it again when the reader changes either.
  const shown = useRef<{
    value: string;
    from: Source;
    minChance: number;
    hidden: readonly string[];
  } | null>(null);
  const number = useMemo(() => new Intl.NumberFormat(uiLanguage()), []);

  const check = useCallback(
    async (value: string, from: Source) => {
      const run = ++latest.current;
      shown.current = null;
      if (value.trim() === '') {
        setOutcome({ kind: 'empty' });
        box.current?.focus();
        return;
      }
      const { checked, rest } = cutForCheck(value);
      setOutcome({ kind: 'busy' });
      // Read before the check, so that a mark made meanwhile is seen as a change.
      const hidden = (await client.settings()).hiddenMatches;
      const answer = await client.check({
        text: checked,
        title: from.title,
        detected: from.detected,
        published: from.published,
      });
      if (run !== latest.current) return;
      if (!answer.ok) {
        setOutcome({ kind: 'error', details: answer.error });
        return;
      }
      shown.current = {
        value,
        from,
        minChance: answer.value.report.minChance ?? MATCH_CHANCES[0],
        hidden,
      };
      setOutcome({
        kind: 'report',
        state: reportState(answer.value),
        checked,
        rest,
        origin: from.origin,
      });
    },
    [client],
  );

  // A stricter or looser choice of how sure a match must be, or a match marked "not the same
  // claim" here or elsewhere (or shown again): the report shown is checked again.
  useEffect(
    () =>
      client.watchSettings((settings) => {
        const last = shown.current;
        if (
          last &&
          (settings.minChance !== last.minChance || !sameMarks(settings.hiddenMatches, last.hidden))
        )
          void check(last.value, last.from);
      }),
    [client, check],
  );
  // Marks made here are stored; the settings' change checks the text again (above).
  const marks = useMemo<MarkHandlers>(
    () => ({
      onHide: (key) => void client.updateSettings((s) => withMatchHidden(s, key)),
      onShowHidden: (keys) => void client.updateSettings((s) => withMatchesShown(s, keys)),
    }),
    [client],
  );

  const loadFile = useCallback(
    async (file: File) => {
      const run = ++latest.current;
      setOutcome({ kind: 'busy' });
      const read = await readTextFile(file);
      if (run !== latest.current) return;
      if (!read.ok) {
        setOutcome({ kind: 'problem', message: read.error });
        return;
      }
      const from: Source = {
        origin: { kind: 'file', name: file.name, read: read.read },
        title: read.title ?? file.name,
        detected: read.detected,
        published: read.published,
      };
      setText(read.text);
      setSource(from);
      await check(read.text, from);
    },
    [check],
  );

  useEffect(() => {
    document.title = t('checkTitle');
    // The page is for typing or pasting: the box has the focus from the start.
    box.current?.focus();
    void client.corpus().then(setCorpus);
    void client.keptSelection().then((kept) => {
      if (kept === undefined) return;
      if (kept === null) {
        setOutcome({ kind: 'problem', message: t('checkSelectionGone') });
        return;
      }
      const host = hostOf(kept.url);
      const from: Source = {
        origin: { kind: 'selection', host },
        title: host ? t('reportSelectionTitle', host) : null,
        detected: false,
        published: null,
      };
      setText(kept.text);
      setSource(from);
      void check(kept.text, from);
    });
  }, [client, check]);

  // A file dropped anywhere on the page is read; text dragged into the box is the browser's.
  useEffect(() => {
    const hasFiles = (event: DragEvent) =>
      Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser opens the file in place of the page.
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void loadFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [loadFile]);

  /** Selects [start, end) of the checked text in the box, if the box still holds that text. */
  const selectInBox = (start: number, end: number) => {
    const el = box.current;
    if (!el || outcome.kind !== 'report' || !el.value.startsWith(outcome.checked)) return;
    // Focusing a text area scrolls its caret into view (setting the selection alone does not):
    // the caret goes to the start first, then the selection is extended.
    el.blur();
    el.setSelectionRange(start, start);
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollIntoView({ block: 'nearest' });
  };
  const showInBox = (sentence: SentenceResult) => selectInBox(sentence.start, sentence.end);
  const selectRest = () => {
    if (outcome.kind === 'report') selectInBox(outcome.checked.length, text.length);
  };

  const over = text.length > MAX_CHECK_CHARS;
  return (
    <div class={dragging ? 'app full check-page dragging' : 'app full check-page'}>
      <header class="bar">
        <img class="logo" src="icons/icon-32.png" width={20} height={20} alt="" />
        <span class="brand">{t('extName')}</span>
      </header>
      <main class="content">
        <h1 class="check-title">{t('checkTitle')}</h1>
        <p class="check-intro">{t('checkIntro')}</p>
        <form
          class="check-form"
          onSubmit={(event) => {
            event.preventDefault();
            void check(text, source);
          }}
        >
          <label for="check-text" class="check-label">
            {t('checkTextLabel')}
          </label>
          <textarea
            id="check-text"
            ref={box}
            value={text}
            rows={12}
            placeholder={t('checkTextPlaceholder')}
            aria-describedby="check-count check-keys"
            aria-invalid={outcome.kind === 'empty'}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setSource(TYPED);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void check(event.currentTarget.value, source);
              }
            }}
          />
          {dragging && (
            <div class="drop-hint" aria-hidden="true">
              {t('checkDropHere')}
            </div>
          )}
          <div class="check-meta">
            <span id="check-count" class={over ? 'hint over' : 'hint'}>
              {over
                ? t('checkCountOver', [number.format(text.length), number.format(MAX_CHECK_CHARS)])
                : t('checkCount', number.format(text.length))}
            </span>
            <span id="check-keys" class="hint">
              {t('checkShortcut')}
            </span>
          </div>
          <div class="buttons">
            <button type="submit" class="button primary">
              {t('checkButton')}
            </button>
            <button type="button" class="button" onClick={() => fileInput.current?.click()}>
              {t('checkOpenFile')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              class="sr-only"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) void loadFile(file);
              }}
            />
          </div>
        </form>
        <div class="check-results">
          <OutcomeView
            outcome={outcome}
            corpus={corpus}
            number={number}
            onShowSentence={showInBox}
            onSelectRest={selectRest}
            marks={marks}
          />
        </div>
      </main>
    </div>
  );
}

function OutcomeView({
  outcome,
  corpus,
  number,
  onShowSentence,
  onSelectRest,
  marks,
}: {
  outcome: Outcome;
  corpus: Result<CorpusInfo> | null;
  number: Intl.NumberFormat;
  onShowSentence: (sentence: SentenceResult) => void;
  onSelectRest: () => void;
  marks: MarkHandlers;
}) {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'empty':
      return <StatusView title={t('checkEmptyTitle')} body={t('checkEmptyBody')} />;
    case 'busy':
      return <StatusView tone="busy" title={t('checkChecking')} />;
    case 'problem':
      return <StatusView tone="error" title={outcome.message} />;
    case 'error':
      return (
        <StatusView tone="error" title={t('popupErrorTitle')}>
          <p class="details">{t('popupErrorDetails', outcome.details)}</p>
        </StatusView>
      );
    case 'report': {
      const { report } = outcome.state;
      const total = outcome.checked.length + outcome.rest.length;
      return (
        <>
          <p role="status" class="sr-only">
            {report ? summaryLine(report.summary.matched, report.summary.sentences) : ''}
          </p>
          <div class="check-notes">
            <OriginNote origin={outcome.origin} />
            {report && <QuestionNote sentences={report.sentences} />}
            {outcome.rest && (
              <p class="note cut-note">
                {t('checkCut', [
                  number.format(total),
                  number.format(MAX_CHECK_CHARS),
                  number.format(outcome.rest.length),
                  opening(outcome.rest),
                ])}{' '}
                <button type="button" class="link-button" onClick={onSelectRest}>
                  {t('checkSelectCut')}
                </button>
              </p>
            )}
          </div>
          <ReportView
            state={outcome.state}
            corpus={corpus?.ok ? corpus.value : null}
            onShowSentence={onShowSentence}
            {...marks}
          />
        </>
      );
    }
  }
}
