/**
 * "Search the reports": a search field over the corpus sentences, with the outlet, the sentence
 * with the matched words marked, and a link to each report.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUERY_CHARS, type CorpusHit } from '../core/corpus-search';
import { t } from '../shared/i18n';
import type { Result } from '../shared/messages';
import { webHref } from '../shared/web-href';

/** Pause in typing before searching: one search per word typed, not per key. */
export const SEARCH_DEBOUNCE_MS = 200;
type Done = { kind: 'done'; query: string; result: Result<CorpusHit[]> };
type SearchState =
  | { kind: 'idle' }
  // The previous answer stays on screen while the next one is on its way, so the list does not
  // blink empty at every word typed.
  | { kind: 'searching'; query: string; previous: Done | null }
  | Done;

/** The sentence with its matched words in <mark>; spans out of order or range are skipped. */
function MarkedText({ text, marks }: { text: string; marks: readonly [number, number][] }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function Hit({ hit }: { hit: CorpusHit }) {
  const href = webHref(hit.url);
  return (
    <li class="search-hit">
      <div class="search-hit-meta">
        <span class="search-hit-outlet">{hit.outlet}</span>
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t('optionsSearchOpenReport')}
            <span class="sr-only"> {t('reportOpensInNewTab')}</span>
          </a>
        )}
      </div>
      <p class="search-hit-text">
        <MarkedText text={hit.text} marks={hit.marks} />
      </p>
    </li>
  );
}

function Results({ state }: { state: SearchState }) {
  const shown = state.kind === 'searching' ? state.previous : state;
  if (shown === null || shown.kind !== 'done') return null;
  const { result, query } = shown;
  if (!result.ok) {
    return (
      <div class="search-state status-error">
        <p>{t('optionsSearchError')}</p>
        <p class="details">{t('popupErrorDetails', result.error)}</p>
      </div>
    );
  }
  if (result.value.length === 0) {
    return (
      <div class="search-state">
        <p class="search-state-title">{t('optionsSearchNoneTitle', query)}</p>
        <p class="hint">{t('optionsSearchNoneBody')}</p>
      </div>
    );
  }
  return (
    <ol class="search-hits">
      {result.value.map((hit) => (
        <Hit key={`${hit.report}:${hit.text}`} hit={hit} />
      ))}
    </ol>
  );
}

/** What a screen reader hears when the results change. */
function announcement(state: SearchState): string {
  if (state.kind === 'searching') return t('optionsSearchSearching');
  if (state.kind === 'done' && state.result.ok) {
    return state.result.value.length === 0
      ? t('optionsSearchNoneTitle', state.query)
      : t('optionsSearchCount', String(state.result.value.length));
  }
  if (state.kind === 'done') return t('optionsSearchError');
  return '';
}

/** The search field and its results. */
export function CorpusSearchView({
  search,
}: {
  search: (query: string) => Promise<Result<CorpusHit[]>>;
}) {
  const [input, setInput] = useState('');
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  // Answers can arrive out of order; only the latest query's answer is shown.
  const latest = useRef(0);

  useEffect(() => {
    const query = input.trim().slice(0, MAX_QUERY_CHARS);
    const ticket = ++latest.current;
    if (query === '') {
      setState({ kind: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      setState((current) => ({
        kind: 'searching',
        query,
        previous:
          current.kind === 'searching'
            ? current.previous
            : current.kind === 'done'
              ? current
              : null,
      }));
      void search(query).then((result) => {
        if (ticket === latest.current) setState({ kind: 'done', query, result });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input, search]);

  return (
    <div class="corpus-search" role="search">
      <label for="corpus-search-field" class="search-label">
        {t('optionsSearchLabel')}
      </label>
      <input
        id="corpus-search-field"
        class="search-field"
        type="search"
        value={input}
        maxLength={MAX_QUERY_CHARS}
        placeholder={t('optionsSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="corpus-search-hint"
        aria-controls="corpus-search-results"
        onInput={(event) => setInput(event.currentTarget.value)}
      />
      <p id="corpus-search-hint" class="hint">
        {t('optionsSearchHint')}
      </p>
      <p class="sr-only" role="status">
        {announcement(state)}
      </p>
      <div id="corpus-search-results" class="search-results" aria-busy={state.kind === 'searching'}>
        <Results state={state} />
      </div>
    </div>
  );
}
