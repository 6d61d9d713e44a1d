/**
 * The popup's line about the reader's library: whether the page is kept ("In your library, read
 * on 3 May"), "Keep this article" or "Forget this article", why a page cannot be kept, and the
 * way to the library page.
 */
import { useEffect, useState } from 'preact/hooks';
import { shortDate } from '../shared/dates';
import { t } from '../shared/i18n';
import type { LibraryPageState, TabState } from '../shared/messages';
import type { PopupClient } from './client';

/** Props of LibraryRow. */
export interface LibraryRowProps {
  client: PopupClient;
  tabId: number;
  /** The tab's state: the row is read again when it changes. */
  state: TabState | null;
  /** Called each time the row has its answer (or knows it shows nothing): first when it settles. */
  onSettled?: () => void;
}

/** The library controls for one tab. */
export function LibraryRow({ client, tabId, state, onSettled }: LibraryRowProps) {
  const [page, setPage] = useState<LibraryPageState | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client
      .libraryPage(tabId)
      .then((answer) => live && setPage(answer.ok ? answer.value : null))
      .catch(() => live && setPage(null))
      .finally(() => onSettled?.());
    return () => {
      live = false;
    };
  }, [client, tabId, state?.updatedAt, attempt]);

  const keep = async () => {
    setBusy(true);
    const answer = await client.keepArticle(tabId);
    setBusy(false);
    if (!answer.ok) setNote(answer.error);
    else setNote(answer.value.status === 'kept' ? t('libraryKeptNow') : answer.value.message);
    setAttempt((n) => n + 1);
  };
  const forget = async (id: number) => {
    setBusy(true);
    const answer = await client.forgetArticles([id]);
    setBusy(false);
    setNote(answer.ok ? t('libraryForgotten') : answer.error);
    setAttempt((n) => n + 1);
  };

  if (!page) return null;
  let status: string | null = null;
  let action = null;
  if (page.kept) {
    status = t('libraryKeptOn', shortDate(page.kept.read));
    const id = page.kept.id;
    action = (
      <button type="button" class="button" disabled={busy} onClick={() => void forget(id)}>
        {t('libraryForget')}
      </button>
    );
  } else if (page.blocked === 'private') status = t('libraryPrivate');
  else if (page.blocked === 'excluded') status = t('libraryExcluded');
  else if (page.blocked === null) {
    action = (
      <button type="button" class="button" disabled={busy} onClick={() => void keep()}>
        {t('libraryKeep')}
      </button>
    );
  }
  return (
    <section class="library-row" aria-label={t('libraryRegion')}>
      {page.error?.full && (
        <p class="library-error" role="alert">
          {t('libraryFull')}
        </p>
      )}
      {(note ?? status) && (
        <p class="library-status" role="status">
          {note ?? status}
        </p>
      )}
      <div class="buttons">
        {action}
        <button type="button" class="button link" onClick={() => void client.openLibrary()}>
          {t('libraryOpen')}
        </button>
      </div>
    </section>
  );
}
