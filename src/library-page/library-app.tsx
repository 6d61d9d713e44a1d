/**
 * The library page (library.html): the articles the reader kept, newest first, with a search
 * (Fuse.js, typos forgiven) and filters by outlet and date; deleting one or all; the storage used
 * against the browser's quota; import with progress and a list of what could not be read; export.
 */
import Fuse from 'fuse.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LibraryArticle } from '../core/library-format';
import type { ArticleRecord } from '../library/schema';
import { shortDate } from '../shared/dates';
import { t } from '../shared/i18n';
import { MAX_IMPORT_BATCH } from '../shared/messages';
import { webHref } from '../shared/web-href';
import type { ChosenFile, ImportProblem } from './read-files';
import type { LibraryClient, StorageFacts } from './client';

/** Articles listed at first, and added by each "Show more". */
export const PAGE_SIZE = 100;
/** Articles sent to the background per import message. */
const IMPORT_BATCH = Math.min(200, MAX_IMPORT_BATCH);

/** Bytes as a reader reads them: "12.3 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The day (YYYY-MM-DD) of an ISO date. */
const dayOf = (iso: string) => iso.slice(0, 10);

/** What an import is doing or did. */
interface ImportState {
  running: boolean;
  done: number;
  total: number;
  added: number;
  duplicates: number;
  problems: ImportProblem[];
  error: string | null;
}

function Storage({ facts }: { facts: StorageFacts | null }) {
  if (!facts) return null;
  return (
    <p class="hint">
      {facts.usage !== null && facts.quota !== null
        ? t('libraryStorage', [formatBytes(facts.usage), formatBytes(facts.quota)])
        : t('libraryStorageUnknown')}{' '}
      {facts.persisted === true && t('libraryPersisted')}
      {facts.persisted === false && t('libraryNotPersisted')}
    </p>
  );
}

function Article({
  record,
  onDelete,
}: {
  record: ArticleRecord;
  onDelete: (record: ArticleRecord) => void;
}) {
  const href = webHref(record.url);
  const title = record.title?.trim() || record.url || record.outlet;
  return (
    <li class="article">
      <div class="article-main">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" class="article-title">
            {title}
            <span class="sr-only"> {t('reportOpensInNewTab')}</span>
          </a>
        ) : (
          <span class="article-title">{title}</span>
        )}
        <div class="article-meta">
          <span class="article-outlet">{record.outlet}</span>
          <span>{t('readOn', shortDate(record.read))}</span>
          {record.published && <span>{t('libraryPublished', shortDate(record.published))}</span>}
        </div>
      </div>
      <button
        type="button"
        class="button"
        aria-label={t('libraryDeleteLabel', title)}
        onClick={() => onDelete(record)}
      >
        {t('libraryDelete')}
      </button>
    </li>
  );
}

/** The library page's root. */
export function LibraryApp({ client }: { client: LibraryClient }) {
  const [records, setRecords] = useState<ArticleRecord[] | null>(null);
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [query, setQuery] = useState('');
  const [outlet, setOutlet] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [importing, setImporting] = useState<ImportState | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = async () => {
    const [list, storage] = await Promise.all([client.articles(), client.storage()]);
    setRecords(
      [...list].sort((a, b) => (a.read < b.read ? 1 : a.read > b.read ? -1 : b.id - a.id)),
    );
    setFacts(storage);
  };

  useEffect(() => {
    document.title = t('libraryTitle');
    void reload();
    return client.onChange(() => void reload());
  }, [client]);

  const outlets = useMemo(
    () => [...new Set((records ?? []).map((r) => r.outlet))].sort((a, b) => a.localeCompare(b)),
    [records],
  );
  const fuse = useMemo(
    () =>
      new Fuse(records ?? [], {
        keys: ['title', 'outlet'],
        threshold: 0.35,
        ignoreLocation: true,
      }),
    [records],
  );
  const filtered = useMemo(() => {
    const text = query.trim();
    const base = text === '' ? (records ?? []) : fuse.search(text).map((hit) => hit.item);
    return base.filter(
      (r) =>
        (outlet === '' || r.outlet === outlet) &&
        (from === '' || dayOf(r.read) >= from) &&
        (to === '' || dayOf(r.read) <= to),
    );
  }, [records, fuse, query, outlet, from, to]);

  const remove = async (record: ArticleRecord) => {
    const answer = await client.forget([record.id]);
    setFailure(answer.ok ? null : answer.error);
    await reload();
  };

  const removeAll = async () => {
    const count = records?.length ?? 0;
    if (count === 0 || !client.confirm(t('libraryDeleteAllConfirm', String(count)))) return;
    const answer = await client.clear();
    setFailure(answer.ok ? null : answer.error);
    await reload();
  };

  const exportAll = async () => {
    const lines = await client.exportLines();
    const day = new Date().toISOString().slice(0, 10);
    client.save(`crosscheck-library-${day}.jsonl`, lines, 'application/x-ndjson');
    setNote(t('libraryExportDone', String(lines.length)));
  };

  const importFiles = async (chosen: ChosenFile[]) => {
    const items = client.readFiles(chosen);
    const state: ImportState = {
      running: true,
      done: 0,
      total: items.reduce((n, item) => n + (item.kind === 'corpus' ? 1 : item.articles.length), 0),
      added: 0,
      duplicates: 0,
      problems: items.flatMap((item) => (item.kind === 'articles' ? item.problems : [])),
      error: null,
    };
    const update = () => setImporting({ ...state, problems: [...state.problems] });
    update();
    const send = async (
      work: Promise<Awaited<ReturnType<LibraryClient['importArticles']>>>,
      file: string,
      batch: LibraryArticle[] | null,
      count: number,
    ) => {
      const answer = await work;
      if (!answer.ok) state.error = answer.error;
      else {
        state.added += answer.value.added;
        state.duplicates += answer.value.duplicates;
        for (const invalid of answer.value.invalid)
          state.problems.push({
            file,
            line: null,
            error: batch ? `${batch[invalid.index]?.url || file}: ${invalid.error}` : invalid.error,
          });
        if (answer.value.error) state.error = answer.value.error;
      }
      state.done += count;
      update();
    };
    for (const item of items) {
      if (state.error) break;
      if (item.kind === 'corpus') {
        await send(client.importCorpus(item.bytes), item.file, null, 1);
        continue;
      }
      for (let i = 0; i < item.articles.length && !state.error; i += IMPORT_BATCH) {
        const batch = item.articles.slice(i, i + IMPORT_BATCH);
        await send(client.importArticles(batch), item.file, batch, batch.length);
      }
    }
    state.running = false;
    update();
    await reload();
  };

  const count = records?.length ?? 0;
  return (
    <div class="library">
      <header class="bar">
        <img class="logo" src="icons/icon-32.png" width={24} height={24} alt="" />
        <h1>{t('libraryHeading')}</h1>
        <span class="count">
          {records && (count === 1 ? t('libraryCountOne') : t('libraryCount', String(count)))}
        </span>
        <a class="back" href="options.html">
          {t('libraryBack')}
        </a>
      </header>
      <main>
        <p>{t('libraryIntro')}</p>
        <Storage facts={facts} />

        <section class="tools" aria-label={t('libraryImport')}>
          <div class="buttons">
            <label class="button file-button">
              {t('libraryImport')}
              <input
                type="file"
                multiple
                class="sr-only"
                accept=".jsonl,.ndjson,.json,.ccorpus,.txt,.html,.htm"
                disabled={importing?.running}
                onChange={(event) => {
                  const input = event.currentTarget;
                  const files = [...(input.files ?? [])];
                  input.value = '';
                  void Promise.all(
                    files.map(async (file) => ({
                      name: file.name,
                      bytes: new Uint8Array(await file.arrayBuffer()),
                    })),
                  ).then(importFiles);
                }}
              />
            </label>
            <button
              type="button"
              class="button"
              disabled={count === 0}
              onClick={() => void exportAll()}
            >
              {t('libraryExport')}
            </button>
            <button
              type="button"
              class="button danger"
              disabled={count === 0}
              onClick={() => void removeAll()}
            >
              {t('libraryDeleteAll')}
            </button>
          </div>
          <p class="hint">{t('libraryImportHint')}</p>
          {importing && (
            <div class="import" role="status">
              {importing.running ? (
                <>
                  <progress value={importing.done} max={Math.max(1, importing.total)} />
                  <span>
                    {t('libraryImportProgress', [String(importing.done), String(importing.total)])}
                  </span>
                </>
              ) : (
                <p>
                  {t('libraryImportDone', [String(importing.added), String(importing.duplicates)])}
                </p>
              )}
              {importing.error && (
                <p class="error" role="alert">
                  {t('libraryImportStopped', importing.error)}
                </p>
              )}
              {importing.problems.length > 0 && (
                <>
                  <p>{t('libraryImportProblems')}</p>
                  <ul class="problems">
                    {importing.problems.slice(0, 500).map((p, i) => (
                      <li key={i}>
                        {p.line === null
                          ? t('libraryImportFileProblem', [p.file, p.error])
                          : t('libraryImportLine', [p.file, String(p.line), p.error])}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {note && <p role="status">{note}</p>}
          {failure && (
            <p class="error" role="alert">
              {failure}
            </p>
          )}
        </section>

        {records && count === 0 && <p class="empty">{t('libraryEmpty')}</p>}
        {records && count > 0 && (
          <section aria-label={t('libraryHeading')}>
            <div class="filters">
              <label>
                <span>{t('librarySearch')}</span>
                <input
                  type="search"
                  value={query}
                  onInput={(event) => {
                    setQuery(event.currentTarget.value);
                    setShown(PAGE_SIZE);
                  }}
                />
              </label>
              <label>
                <span>{t('libraryOutletFilter')}</span>
                <select value={outlet} onChange={(event) => setOutlet(event.currentTarget.value)}>
                  <option value="">{t('libraryOutletAll')}</option>
                  {outlets.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t('libraryFrom')}</span>
                <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
              </label>
              <label>
                <span>{t('libraryTo')}</span>
                <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
              </label>
            </div>
            <p class="hint" aria-live="polite">
              {t('libraryShown', [String(filtered.length), String(count)])}
            </p>
            {filtered.length === 0 ? (
              <p class="empty">{t('libraryNoResults')}</p>
            ) : (
              <ul class="articles">
                {filtered.slice(0, shown).map((record) => (
                  <Article key={record.id} record={record} onDelete={(r) => void remove(r)} />
                ))}
              </ul>
            )}
            {filtered.length > shown && (
              <button type="button" class="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                {t('libraryShowMore')}
              </button>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
