/**
 * The content script, injected at document_idle into every http(s) page. It stays small and
 * quiet: nothing runs on the page until an idle moment, nothing is thrown into the page, and the
 * corpus never comes here (matching happens in the background).
 */
import { getApi } from '../shared/browser-api';
import { contentValidators, createDispatcher, listen, sendToBackground } from '../shared/messages';
import { readSettings, updateSettings, watchSettings, withMatchHidden } from '../shared/settings';
import { watchPointer } from './card-pointer';
import { watchChanges } from './change-watch';
import { detectArticle } from './detect';
import type * as Extractor from './extract-entry';
import { createHighlighter } from './highlighter';
import { createHoverCard } from './hover-card';
import { idle } from './idle';
import { Keeper } from './keeper';
import { MAX_ARTICLE_CHARS, PageChecker } from './page-checker';
import { publishedDate } from './published-date';

/** The built extractor module, next to this script in the extension. */
const EXTRACT_MODULE = 'content-extract.js';

async function start(): Promise<void> {
  const api = getApi();
  let extractor: Promise<typeof Extractor> | null = null;
  const loadExtractor = () =>
    (extractor ??= (import(api.runtime.getURL(EXTRACT_MODULE)) as Promise<typeof Extractor>).catch(
      (error: unknown) => {
        // Try again on the next check rather than never.
        extractor = null;
        throw error;
      },
    ));
  const doc = document;
  const win = window;
  let settings = await readSettings(api);
  const highlighter = createHighlighter(doc, win);
  // "Not the same claim" in the card: the mark is stored, and the settings change checks the page
  // again (watchSettings below), as a mark made in the popup does.
  const card = createHoverCard(doc, win, (key) => {
    void updateSettings(api, (s) => withMatchHidden(s, key)).catch(() => undefined);
  });

  const stops: (() => void)[] = [];
  const stopAll = () => {
    for (const stop of stops.splice(0)) {
      try {
        stop();
      } catch {
        // Keep stopping the rest.
      }
    }
  };

  const keeper = new Keeper({
    doc,
    win,
    send: (payload) => sendToBackground(api, 'keep-article', payload),
    keeping: () => settings.keepArticles,
  });
  const changes = watchChanges({
    doc,
    win,
    ignore: (node) => card.owns(node) || highlighter.owns(node),
    onChange: (reason) =>
      reason === 'navigation' ? checker.navigated() : checker.schedule('mutation'),
  });
  const checker = new PageChecker({
    doc,
    win,
    detect: detectArticle,
    published: publishedDate,
    extract: async (page, options) =>
      (await loadExtractor()).extractArticleInSlices(page, { ...options, pause: () => idle(win) }),
    extractMainText: async (page, options) =>
      (await loadExtractor()).extractMainTextInSlices(page, { ...options, pause: () => idle(win) }),
    readSelection: async () =>
      (await loadExtractor()).readSelectionInSlices(doc, {
        maxChars: MAX_ARTICLE_CHARS,
        pause: () => idle(win),
      }),
    send: (type, payload) => sendToBackground(api, type, payload),
    highlighter,
    settings,
    quietly: (work) => changes.quietly(work),
    onOrphaned: stopAll,
    onArticle: (article) => (article ? keeper.checked(article) : keeper.cancel()),
  });
  stops.push(
    () => changes.stop(),
    () => checker.stop(),
    () => card.destroy(),
    () => keeper.stop(),
    watchPointer({
      doc,
      win,
      highlighter,
      card,
      dataFor: (entry) => checker.cardData(entry),
      active: () => checker.active,
    }),
    watchSettings(api, (next) => {
      settings = next;
      checker.updateSettings(next);
      keeper.settingsChanged();
    }),
  );

  const ownOrigin = api.runtime.getURL('');
  listen(
    api,
    createDispatcher({
      validators: contentValidators,
      handlers: { ...checker.handlers(), 'keep-now': () => keeper.keepNow() },
      // Only our popup and report page talk to this script (pages cannot use runtime messaging).
      acceptSender: (_type, sender) =>
        sender.id === api.runtime.id &&
        (sender.url === undefined || sender.url.startsWith(ownOrigin)),
    }),
  );
  void checker.schedule('load');
}

start().catch(() => {
  // Not an extension context any more, or storage unavailable: leave the page alone.
});
