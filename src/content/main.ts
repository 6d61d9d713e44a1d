/**
 * The content script, injected at document_idle into every http(s) page. It stays small and
 * quiet: nothing runs on the page until an idle moment, nothing is thrown into the page, and the
 * corpus never comes here (matching happens in the background).
 */
import { getApi } from '../shared/browser-api';
import { contentValidators, createDispatcher, listen, sendToBackground } from '../shared/messages';
import { readSettings, watchSettings } from '../shared/settings';
import { watchPointer } from './card-pointer';
import { watchChanges } from './change-watch';
import { detectArticle } from './detect';
import type { extractArticleInSlices } from './extract';
import { createHighlighter } from './highlighter';
import { createHoverCard } from './hover-card';
import { idle } from './idle';
import { Keeper } from './keeper';
import { PageChecker } from './page-checker';
import { publishedDate } from './published-date';

/** The built extractor module, next to this script in the extension. */
const EXTRACT_MODULE = 'content-extract.js';

async function start(): Promise<void> {
  const api = getApi();
  let extractor: Promise<typeof extractArticleInSlices> | null = null;
  const loadExtractor = () =>
    (extractor ??= (
      import(api.runtime.getURL(EXTRACT_MODULE)) as Promise<{
        extractArticleInSlices: typeof extractArticleInSlices;
      }>
    ).then(
      (module) => module.extractArticleInSlices,
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
  const card = createHoverCard(doc, win);

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
      (await loadExtractor())(page, { ...options, pause: () => idle(win) }),
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
  checker.schedule('load');
}

start().catch(() => {
  // Not an extension context any more, or storage unavailable: leave the page alone.
});
