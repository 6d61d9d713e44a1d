/**
 * Every message the extension's parts send each other, in one typed map per receiver.
 *
 * Envelope: `{ type, payload }`. Answer: `{ ok: true, value } | { ok: false, error }`, because an
 * exception thrown in a listener does not survive being sent back.
 *
 * To the background (runtime.sendMessage):
 * - `check-article` (from a content script): the text of the tab's page, what part of the page it
 *   is (`scope`: the article, the page's visible main text when no article was found, or the text
 *   the reader selected, with the article around it when the selection lies in the page's
 *   article), and the page's publication date when its markup gives one. The
 *   background runs the engine (matcher, provenance, divergence), stores the tab's state in
 *   storage.session, sets the badge and answers the stored TabState (its `report` drives the
 *   page's highlights and hover cards).
 * - `page-status` (from a content script): the page is not checked, and why (`not-article`,
 *   `disabled` for a site the user turned off, `auto-off` when automatic detection is off,
 *   `no-text` when no article text was found). Stored and shown like a result.
 * - `get-tab-state` (from an extension page): the stored TabState of a tab, or null.
 * - `get-corpus` (from an extension page): the bundled reports and the echo note.
 * - `search-corpus` (from an extension page): the corpus sentences best matching a few words
 *   (typos allowed), each with its report and the spans of the words that matched.
 * - `keep-article` (from a content script): keep the page's article in the reader's library (after
 *   the reader stayed on it, or asked to). Refused in private windows, on sites the reader turned
 *   off or excluded from the library, and (unless asked) while keeping is off.
 * - `library-page` (from an extension page): whether a tab's page is kept, can be kept, and how
 *   the library is doing (for the popup's "Keep this article" / "Forget this article").
 * - `library-forget` / `library-clear` (from an extension page): delete some or all articles.
 * - `library-import` (from an extension page): a batch of articles to add, each stored whole or
 *   not at all; `library-import-corpus`: a compiled corpus file, as base64.
 * - `check-text` (from an extension page): any text the reader gave the check page (pasted, or
 *   read from a file, with the file's publication date when its markup gives one), checked the
 *   same way as a page (matcher, provenance, divergence); answers the report and the echo note.
 *   Nothing is stored.
 * - `get-selection-text` (from an extension page): a selection the background kept for the check
 *   page because the page it came from could not check it itself (see selection-menu.ts).
 *
 * To a tab's content script (tabs.sendMessage, from the popup, the full report or the background):
 * - `flash-sentence`: scroll to the sentence at [start, end) of the text with hash `hash` and
 *   flash it (highlight `crosscheck-flash`). Answers false when the page's text changed since.
 * - `check-now`: "Check this page anyway": check it even though it does not look like an
 *   article or automatic detection is off.
 * - `report-status`: send the page's latest state to the background again (the popup asks when
 *   storage.session has none, e.g. after the background cleared it on a same-page navigation).
 * - `keep-now`: "Keep this article": send the page's article to the library now.
 * - `check-selection` (from the background, after "Cross-check selection" in the context menu):
 *   check the text selected on the page instead of the article, and highlight it. Answers true
 *   once the selection was checked, false when the page has no selection it can read.
 *
 * Highlights the content script registers (CSS Custom Highlight API): `crosscheck-1`,
 * `crosscheck-2`, `crosscheck-3` for sentences that 1, 2, or 3 or more other outlets reported, and
 * `crosscheck-flash` while a sentence is flashed.
 */
import { MAX_QUERY_CHARS, type CorpusHit } from '../core/corpus-search';
import type { EchoGroup } from '../core/provenance/types';
import type { ArticleReport, ReportMeta } from '../core/types';
import type { Runtime } from 'webextension-polyfill';
import type { Api } from './browser-api';
import {
  bool,
  int,
  isRecord,
  list,
  nullable,
  oneOf,
  shape,
  str,
  type Guard,
  type Guarded,
} from './validate';

/** Longest article text a content script may send; it cuts the text well before this. */
export const MAX_MESSAGE_TEXT = 250_000;
/** Longest URL accepted; browsers allow about 2 MB but no article needs more than this. */
export const MAX_URL = 8_192;
/** Longest page title accepted. */
export const MAX_TITLE = 2_000;
const MAX_HASH = 64;
const MAX_TEXT_ID = 64;
const MAX_OFFSET = MAX_MESSAGE_TEXT;
const MAX_TAB_ID = Number.MAX_SAFE_INTEGER;

/** Why a page was not checked, or that it was (`ready`), or that checking failed (`error`). */
export type PageStatus = 'ready' | 'not-article' | 'disabled' | 'auto-off' | 'no-text' | 'error';

/**
 * What part of a page, or what text, was checked: the article, the page's visible main text (no
 * article was found), the reader's selection, or a text given on the check page.
 */
export type CheckScope = 'article' | 'page' | 'selection' | 'text';

/**
 * The reports of the corpus form one echo group (computed from their texts): their agreement is
 * an echo of its source.
 */
export interface EchoNote {
  /** The common source, as the reports name it. */
  origin: string;
  /** How many reports rewrite it. */
  reports: number;
}

/** What the background knows about one tab's page, kept in storage.session. */
export interface TabState {
  status: PageStatus;
  /** The page's URL as its content script saw it (the extension has no `tabs` permission). */
  url: string;
  /** The page's host name, used by "Disable on this site". */
  host: string;
  /** Hash of the checked text (status `ready`). */
  hash: string | null;
  /** The engine's report (status `ready`). */
  report: ArticleReport | null;
  /** True when the article text was cut before checking (by the extractor or the engine). */
  truncated: boolean;
  /** Set when every report of the corpus is one echo group naming a source. */
  echo: EchoNote | null;
  /** What went wrong (status `error`), for the popup's error state. */
  error: string | null;
  /**
   * What was checked (status `ready`); an article when absent. `page` means no article body was
   * found and the page's visible main text was checked instead (the CLI's `article.fallback`).
   */
  scope?: CheckScope;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** The library's generation the report was made against (see LibraryPageState). */
  library?: number;
}

/** What became of an article sent to the library. */
export interface KeepAnswer {
  status: 'kept' | 'duplicate' | 'refused' | 'error';
  /** The article's id in the library (kept, or the one it duplicates). */
  id: number | null;
  /** Why it was refused or failed, in words for the reader. */
  message: string | null;
  /** True when storage is full. */
  full?: boolean;
}

/** Why a page cannot be kept. */
export type KeepBlock = 'private' | 'excluded' | 'not-checked' | null;

/** The library as the popup shows it for one tab. */
export interface LibraryPageState {
  /** The reader's "Keep the articles I read" setting. */
  keeping: boolean;
  /** The page's article in the library, if kept. */
  kept: { id: number; read: string } | null;
  /** Why the page cannot be kept, or null. */
  blocked: KeepBlock;
  /** Articles in the library. */
  articles: number;
  /** The last failed write, until one succeeds. */
  error: { message: string; full: boolean } | null;
  /** Goes up whenever articles are added or deleted. */
  generation: number;
}

/** What an import did. */
export interface ImportAnswer {
  added: number;
  duplicates: number;
  /** Articles the background could not read. */
  invalid: { index: number; error: string }[];
  /** Articles not stored because storage failed. */
  failed: number;
  error: string | null;
  full: boolean;
}

/** The storage.session key of a tab's TabState. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** The bundled corpus, for "About the corpus" and the echo note. */
export interface CorpusInfo {
  story: string | null;
  reports: ReportMeta[];
  echo: EchoNote | null;
  /** The reports' echo groups, computed from their texts. */
  groups?: EchoGroup[];
}

/** Longest publication date accepted (an ISO date and time with zone is 29 characters). */
const MAX_DATE = 64;

const checkArticle = shape(
  {
    url: str(MAX_URL),
    title: nullable(str(MAX_TITLE)),
    text: str(MAX_MESSAGE_TEXT),
    truncated: bool,
    detected: bool,
    hash: str(MAX_HASH),
    // `page` is the page's main text, read because no article was found (the JSON's `fallback`).
    scope: oneOf('article', 'page', 'selection'),
  },
  // The page's publication date, when its markup gives one; for a selection made in the page's
  // article, that article's text, judged with it (see CheckOptions.context).
  { published: nullable(str(MAX_DATE)), context: str(MAX_MESSAGE_TEXT) },
);
const pageStatus = shape({
  url: str(MAX_URL),
  status: oneOf('not-article', 'disabled', 'auto-off', 'no-text'),
});
const tabRequest = shape({ tabId: int(0, MAX_TAB_ID) });
const keepArticle = shape({
  url: str(MAX_URL),
  title: nullable(str(MAX_TITLE)),
  text: str(MAX_MESSAGE_TEXT),
  hash: str(MAX_HASH),
  outlet: nullable(str(MAX_TITLE)),
  published: nullable(str(MAX_TITLE)),
  manual: bool,
});
/** Most articles an import sends in one message. */
export const MAX_IMPORT_BATCH = 500;
/** Longest compiled corpus file an import sends, as base64 (within browsers' message limits). */
export const MAX_CORPUS_BASE64 = 48 * 2 ** 20;
const libraryForget = shape({ ids: list(int(1, Number.MAX_SAFE_INTEGER), 100_000) });
const libraryImport = shape({ articles: list(isRecord, MAX_IMPORT_BATCH) });
const libraryImportCorpus = shape({ data: str(MAX_CORPUS_BASE64) });
const empty = shape({});
/** A search query: some text besides white space, at most MAX_QUERY_CHARS once trimmed. */
const query: Guard<string> = (value): value is string => {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_QUERY_CHARS;
};
const searchCorpus = shape({ query });
const checkText = shape(
  {
    text: str(MAX_MESSAGE_TEXT),
    title: nullable(str(MAX_TITLE)),
    detected: bool,
  },
  // The publication date an HTML file's markup gives.
  { published: nullable(str(MAX_DATE)) },
);
const selectionText = shape({ id: str(MAX_TEXT_ID) });
const flashSentence = shape({
  start: int(0, MAX_OFFSET),
  end: int(0, MAX_OFFSET),
  hash: str(MAX_HASH),
});

/** Request of `check-article`. */
export type CheckArticleRequest = Guarded<typeof checkArticle>;
/** Request of `page-status`. */
export type PageStatusRequest = Guarded<typeof pageStatus>;
/** Request of `search-corpus`. */
export type SearchCorpusRequest = Guarded<typeof searchCorpus>;
/** Request of `check-text`. */
export type CheckTextRequest = Guarded<typeof checkText>;
/** Request of `flash-sentence`. */
export type FlashSentenceRequest = Guarded<typeof flashSentence>;
/** Request of `keep-article`. */
export type KeepArticleRequest = Guarded<typeof keepArticle>;
type Empty = Record<string, never>;

/** Answer of `check-text`: the engine's report and the echo note of the corpus. */
export interface TextCheck {
  report: ArticleReport;
  echo: EchoNote | null;
}

/** A selection kept for the check page: its text and the page it was selected on. */
export interface KeptSelection {
  text: string;
  url: string;
}

/** Messages the background answers: name → request and response. */
export interface BackgroundMessages {
  'check-article': { request: CheckArticleRequest; response: TabState };
  'page-status': { request: PageStatusRequest; response: TabState };
  'get-tab-state': { request: { tabId: number }; response: TabState | null };
  'get-corpus': { request: Empty; response: CorpusInfo };
  'search-corpus': { request: SearchCorpusRequest; response: CorpusHit[] };
  'keep-article': { request: KeepArticleRequest; response: KeepAnswer };
  'library-page': { request: { tabId: number }; response: LibraryPageState };
  'library-forget': { request: { ids: number[] }; response: null };
  'library-clear': { request: Empty; response: null };
  'library-import': { request: { articles: Record<string, unknown>[] }; response: ImportAnswer };
  'library-import-corpus': { request: { data: string }; response: ImportAnswer };
  'check-text': { request: CheckTextRequest; response: TextCheck };
  'get-selection-text': { request: { id: string }; response: KeptSelection | null };
}

/** Messages a content script answers: name → request and response. */
export interface ContentMessages {
  'flash-sentence': { request: FlashSentenceRequest; response: boolean };
  'check-now': { request: Empty; response: null };
  'report-status': { request: Empty; response: null };
  'keep-now': { request: Empty; response: KeepAnswer };
  'check-selection': { request: Empty; response: boolean };
}

/** A map of message names to their request and response types. */
export type MessageMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };

/** An answer: errors travel as data because thrown ones are lost between contexts. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One validator per message: a missing one is a compile error. */
export type Validators<M extends MessageMap<M>> = {
  [K in keyof M]: (payload: unknown) => payload is M[K]['request'];
};

/** One handler per message: a missing one is a compile error. */
export type Handlers<M extends MessageMap<M>> = {
  [K in keyof M]: (
    payload: M[K]['request'],
    sender: Sender,
  ) => Promise<M[K]['response']> | M[K]['response'];
};

/** Who sent a message, as the browser reports it. */
export type Sender = Runtime.MessageSender;

/** Where a message to the background may come from. */
export type SenderKind = 'content' | 'page';

/** Shape checks of the background's messages. */
export const backgroundValidators: Validators<BackgroundMessages> = {
  'check-article': checkArticle,
  'page-status': pageStatus,
  'get-tab-state': tabRequest,
  'get-corpus': empty as (payload: unknown) => payload is Empty,
  'search-corpus': searchCorpus,
  'keep-article': keepArticle,
  'library-page': tabRequest,
  'library-forget': libraryForget,
  'library-clear': empty as (payload: unknown) => payload is Empty,
  'library-import': libraryImport,
  'library-import-corpus': libraryImportCorpus,
  'check-text': checkText,
  'get-selection-text': selectionText,
};

/** Which context may send each background message. */
export const backgroundSenders: { [K in keyof BackgroundMessages]: SenderKind } = {
  'check-article': 'content',
  'page-status': 'content',
  'get-tab-state': 'page',
  'get-corpus': 'page',
  'search-corpus': 'page',
  'keep-article': 'content',
  'library-page': 'page',
  'library-forget': 'page',
  'library-clear': 'page',
  'library-import': 'page',
  'library-import-corpus': 'page',
  'check-text': 'page',
  'get-selection-text': 'page',
};

/** Shape checks of the content script's messages. */
export const contentValidators: Validators<ContentMessages> = {
  'flash-sentence': flashSentence,
  'check-now': empty as (payload: unknown) => payload is Empty,
  'report-status': empty as (payload: unknown) => payload is Empty,
  'keep-now': empty as (payload: unknown) => payload is Empty,
  'check-selection': empty as (payload: unknown) => payload is Empty,
};

/** A successful answer. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed answer. */
export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** True for a value shaped like an answer. */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return Object.hasOwn(value, 'value');
  return value.ok === false && typeof value.error === 'string';
}

/** The text of an error of any kind. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

/**
 * Classifies a sender of a message to the background: an extension page of ours (`page`), our
 * content script in a tab's top frame (`content`), or anything else (null).
 */
export function classifySender(
  sender: Sender,
  ownId: string,
  ownOrigin: string,
): SenderKind | null {
  if (typeof sender !== 'object' || sender === null || sender.id !== ownId) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(ownOrigin)) return 'page';
  const tabId = sender.tab?.id;
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  if (typeof tabId === 'number' && tabId >= 0 && topFrame && /^https?:/i.test(url)) {
    return 'content';
  }
  return null;
}

/** What a dispatcher needs: validators, handlers, and a rule for who may send what. */
export interface DispatcherSpec<M extends MessageMap<M>> {
  validators: Validators<M>;
  handlers: Handlers<M>;
  acceptSender: (type: keyof M & string, sender: Sender) => boolean;
}

/**
 * Turns a handler map into one function answering any received message: unknown names, refused
 * senders and malformed payloads get `{ ok: false }` without any handler running.
 */
export function createDispatcher<M extends MessageMap<M>>(
  spec: DispatcherSpec<M>,
): (message: unknown, sender: Sender) => Promise<Result<unknown>> {
  return async (message, sender) => {
    if (!isRecord(message) || typeof message.type !== 'string') return fail('Malformed message');
    const keys = Object.keys(message);
    if (keys.length !== 2 || !Object.hasOwn(message, 'payload')) return fail('Malformed message');
    const type = message.type;
    // Object.hasOwn keeps names such as "constructor" or "__proto__" from reaching the prototype.
    if (!Object.hasOwn(spec.validators, type)) return fail(`Unknown message: ${type.slice(0, 40)}`);
    const name = type as keyof M & string;
    if (!spec.acceptSender(name, sender)) return fail('Sender not allowed');
    const validator = spec.validators[name];
    if (!validator(message.payload)) return fail(`Malformed payload for ${name}`);
    try {
      const handler = spec.handlers[name];
      const value = await handler(message.payload, sender);
      return ok(value);
    } catch (error) {
      return fail(errorText(error));
    }
  };
}

/**
 * Registers a dispatcher on runtime.onMessage. Answers through `sendResponse` (returning true
 * keeps the channel open), which both browsers support; Chrome ignores a returned promise.
 */
export function listen(
  api: Api,
  dispatch: (message: unknown, sender: Sender) => Promise<Result<unknown>>,
): void {
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse(fail(errorText(error))),
    );
    return true;
  });
}

/** Sends a message to the background and returns its answer, or a failure (never throws). */
export async function sendToBackground<K extends keyof BackgroundMessages>(
  api: Api,
  type: K,
  payload: BackgroundMessages[K]['request'],
): Promise<Result<BackgroundMessages[K]['response']>> {
  try {
    const answer: unknown = await api.runtime.sendMessage({ type, payload });
    return isResult(answer)
      ? (answer as Result<BackgroundMessages[K]['response']>)
      : fail('No answer from the background');
  } catch (error) {
    return fail(errorText(error));
  }
}

/** Sends a message to a tab's content script and returns its answer, or a failure. */
export async function sendToContent<K extends keyof ContentMessages>(
  api: Api,
  tabId: number,
  type: K,
  payload: ContentMessages[K]['request'],
): Promise<Result<ContentMessages[K]['response']>> {
  try {
    const answer: unknown = await api.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
    return isResult(answer)
      ? (answer as Result<ContentMessages[K]['response']>)
      : fail('No answer from the page');
  } catch (error) {
    return fail(errorText(error));
  }
}
