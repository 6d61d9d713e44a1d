/**
 * The content script's work on one page: decide whether to check it (site turned off, automatic
 * detection off, not an article), extract the article text, have the background match it, and
 * highlight what other outlets also reported. Runs again after in-page navigation and when the
 * site replaces the article, but never sends the same text twice for the same page. When the
 * reader checks a selection ("Cross-check selection"), the selection is what the page's report is
 * about until the page navigates or the reader asks for the whole page again.
 */
import { claimSources, sourcesLine } from '../core/provenance/claim-sources';
import type { SentenceResult } from '../core/types';
import { echoPhrases } from '../shared/echo-phrases';
import type {
  BackgroundMessages,
  CheckScope,
  ContentMessages,
  FlashSentenceRequest,
  Handlers,
  Result,
  TabState,
} from '../shared/messages';
import { isSiteDisabled, sameMarks, type Settings } from '../shared/settings';
import type { CardData } from './hover-card';
import { levelFor, type HighlightEntry, type Highlighter } from './highlighter';
import { idle, mapInSlices } from './idle';
import { hashText } from '../core/text-hash';

/** Text of the page to check, with a way from its offsets to live Ranges: an article, a selection. */
export interface PageText {
  title: string | null;
  text: string;
  truncated: boolean;
  rangeFor(start: number, end: number): Range | null;
}

/** The extractor's result, as far as the checker uses it (see extract.ts). */
export interface ArticleText extends PageText {
  /** `page` when no article body was found and the text is the page's visible main text. */
  source: 'readability' | 'element' | 'page';
}

/** Why a check runs; the stronger reason wins when several arrive during one run. */
export type CheckReason =
  'highlights' | 'mutation' | 'load' | 'settings' | 'navigation' | 'check-now' | 'selection';

const REASON_STRENGTH: Record<CheckReason, number> = {
  highlights: 0,
  mutation: 1,
  load: 2,
  settings: 3,
  navigation: 4,
  'check-now': 5,
  selection: 6,
};

/**
 * The most article text checked. Long-form features run to about 60,000 characters; beyond this,
 * extra text costs time on every page and the popup says the text was cut.
 */
export const MAX_ARTICLE_CHARS = 100_000;

type StatusKind = BackgroundMessages['page-status']['request']['status'];
type PageScope = Exclude<CheckScope, 'text'>;

/** The text a run checks, whether the page looked like an article, and what part of it it is. */
interface FoundText {
  article: PageText;
  detected: boolean;
  scope: PageScope;
}

function hasText(article: ArticleText | null): article is ArticleText {
  return article !== null && article.text.trim() !== '';
}
type Sent =
  | { type: 'check-article'; payload: BackgroundMessages['check-article']['request'] }
  | { type: 'page-status'; payload: BackgroundMessages['page-status']['request'] };

/** What the checker needs from the page and the extension. */
export interface PageCheckerDeps {
  doc: Document;
  win: Window & typeof globalThis;
  detect: (doc: Document) => { isArticle: boolean };
  /**
   * Loads the extractor on first use (see extract-entry.ts), then extracts a slice at a time,
   * giving up (null) once `cancelled` says the result is no longer wanted.
   */
  extract: (
    doc: Document,
    options: { maxChars: number; cancelled: () => boolean },
  ) => Promise<ArticleText | null>;
  /**
   * The page's visible main text alone (see main-text.ts), read the same way: what a page that is
   * not taken for an article is checked by when the reader asks to check it anyway.
   */
  extractMainText: (
    doc: Document,
    options: { maxChars: number; cancelled: () => boolean },
  ) => Promise<ArticleText | null>;
  /** The text the reader has selected on the page, or null (see selection-text.ts). */
  readSelection: () => Promise<PageText | null>;
  send: <K extends 'check-article' | 'page-status'>(
    type: K,
    payload: BackgroundMessages[K]['request'],
  ) => Promise<Result<TabState>>;
  /** The page's publication date from its markup (see published-date.ts), or null. */
  published?: (doc: Document) => string | null;
  highlighter: Highlighter;
  settings: Settings;
  /** Runs DOM work of the extension's own without it counting as a page change. */
  quietly: <T>(work: () => T) => T;
  /** Called when the extension was reloaded or removed under the page: stop everything. */
  onOrphaned: () => void;
  /**
   * Told when the page's detected article has been checked (with what was sent), and with null
   * when the page no longer has a checked article (navigation, a new text, the site turned off).
   */
  onArticle?: (
    article: { url: string; title: string | null; text: string; hash: string } | null,
  ) => void;
}

/** The content script's controller for one page. */
export class PageChecker {
  private settings: Settings;
  private forced = false;
  /** The selection checked instead of the article, until navigation or "check the page". */
  private pinned: PageText | null = null;
  private article: PageText | null = null;
  /** The text of the page's article as last checked: the context of a selection made in it. */
  private articleText: string | null = null;
  private hash: string | null = null;
  private state: TabState | null = null;
  private lastSent: Sent | null = null;
  private entries: HighlightEntry[] = [];
  private running = false;
  private queued: CheckReason | null = null;
  private queuedWaiters: (() => void)[] = [];
  private generation = 0;
  private stopped = false;

  constructor(private readonly deps: PageCheckerDeps) {
    this.settings = deps.settings;
    deps.highlighter.setStyle(this.settings.highlightStyle);
    deps.highlighter.setVisible(this.settings.highlights);
  }

  /**
   * Asks for a check; one runs at a time, later requests are merged into one follow-up run.
   * Resolves once the run that serves this request has finished.
   */
  schedule(reason: CheckReason): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      if (this.queued === null || REASON_STRENGTH[reason] > REASON_STRENGTH[this.queued]) {
        this.queued = reason;
      }
      return new Promise((resolve) => this.queuedWaiters.push(resolve));
    }
    this.running = true;
    return this.run(reason)
      .catch(() => {
        // Whatever failed, the page must not notice; the next change tries again.
      })
      .finally(() => {
        this.running = false;
        const next = this.queued;
        const waiters = this.queuedWaiters.splice(0);
        this.queued = null;
        if (next !== null) void this.schedule(next).then(() => waiters.forEach((w) => w()));
      });
  }

  /** Applies new settings to the page. */
  updateSettings(next: Settings): void {
    const before = this.settings;
    this.settings = next;
    const host = this.deps.win.location.hostname;
    const wasDisabled = isSiteDisabled(before, host);
    const isDisabled = isSiteDisabled(next, host);
    this.deps.highlighter.setStyle(next.highlightStyle);
    // A stricter or looser choice of how sure a match must be, or a match marked "not the same
    // claim" (or shown again): the page is checked again.
    if (
      isDisabled !== wasDisabled ||
      next.autoDetect !== before.autoDetect ||
      next.minChance !== before.minChance ||
      !sameMarks(next.hiddenMatches, before.hiddenMatches)
    ) {
      this.schedule('settings');
      return;
    }
    if (next.highlights !== before.highlights) {
      this.deps.highlighter.setVisible(next.highlights);
      // The fallback unwraps when hidden; showing again needs ranges over the current DOM.
      if (next.highlights && this.deps.highlighter.changesDom) this.schedule('highlights');
    }
  }

  /** The page changed address without a new document. */
  navigated(): void {
    this.forced = false;
    this.pinned = null;
    this.clear();
    this.schedule('navigation');
  }

  /** The card content of a highlighted sentence. */
  cardData(entry: HighlightEntry): CardData | null {
    const sentence: SentenceResult | undefined = this.state?.report?.sentences[entry.index];
    const report = this.state?.report;
    if (!report || !sentence || sentence.matches.length === 0) return null;
    const sources = report.provenance
      ? sourcesLine(claimSources(report, sentence.matches, sentence.cites), echoPhrases())
      : null;
    return { sentence, sources };
  }

  /** True while something is highlighted and highlights are on. */
  get active(): boolean {
    return this.settings.highlights && this.entries.length > 0;
  }

  /** Handlers of the messages the popup sends to this page. */
  handlers(): Handlers<ContentMessages> {
    return {
      'flash-sentence': (payload) => this.flash(payload),
      'check-now': () => {
        this.forced = true;
        this.pinned = null;
        void this.schedule('check-now');
        return null;
      },
      'check-selection': () => this.checkSelection(),
      'report-status': async () => {
        const last = this.lastSent;
        if (last === null) void this.schedule('load');
        else await this.deps.send(last.type, last.payload as never);
        return null;
      },
      // Answered by the keeper (see main.ts), which knows the checked article.
      'keep-now': () => ({ status: 'refused', id: null, message: 'Not available on this page.' }),
    };
  }

  /**
   * Checks the reader's selection instead of the article and highlights it: true once it was
   * sent to the background, false when there is no selection this page can read or the site is
   * turned off (the background then shows the selection on the check page).
   */
  private async checkSelection(): Promise<boolean> {
    if (this.stopped || isSiteDisabled(this.settings, this.deps.win.location.hostname))
      return false;
    const selection = await this.deps.readSelection();
    if (!selection) return false;
    this.pinned = selection;
    await this.schedule('selection');
    const last = this.lastSent;
    return (
      this.pinned === selection &&
      last?.type === 'check-article' &&
      last.payload.scope === 'selection' &&
      last.payload.text === selection.text
    );
  }

  /** Stops all work and removes every highlight. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    this.clear();
  }

  private clear(): void {
    this.deps.onArticle?.(null);
    this.entries = [];
    this.deps.quietly(() => this.deps.highlighter.clear());
  }

  private async run(reason: CheckReason): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.stopped;
    const { win } = this.deps;
    const host = win.location.hostname;

    if (isSiteDisabled(this.settings, host)) return this.report('disabled');
    if (!this.pinned && !this.settings.autoDetect && !this.forced) return this.report('auto-off');

    await idle(win);
    if (!current()) return;
    const found = await this.findText(current);
    if (!current()) return;
    if (typeof found === 'string') return this.report(found);
    const { article, detected, scope } = found;
    this.article = article;
    if (scope === 'article') this.articleText = article.text;

    const hash = hashText(article.text);
    const sameText = hash === this.hash && this.state?.status === 'ready';
    // The same text re-rendered (or highlights switched back on): only the ranges are rebuilt.
    if (sameText && (reason === 'mutation' || reason === 'highlights')) {
      return this.highlight(article, current);
    }

    const payload = {
      url: win.location.href,
      title: article.title,
      text: article.text,
      truncated: article.truncated,
      detected,
      hash,
      published: this.deps.published?.(this.deps.doc) ?? null,
      scope,
      ...(scope === 'selection' ? contextOf(article.text, this.articleText) : {}),
    };
    this.hash = hash;
    const answer = await this.send({ type: 'check-article', payload });
    if (!current()) return;
    if (!answer.ok || answer.value.status !== 'ready') {
      this.state = answer.ok ? answer.value : null;
      this.clear();
      return;
    }
    this.state = answer.value;
    if (detected) this.deps.onArticle?.(payload);
    return this.highlight(article, current);
  }

  /**
   * What a run checks: the selection the reader asked about; else on an article, its text (or,
   * when no article body is found there, the page's visible main text, the extractor's last
   * resort); else, on a page not taken for an article that the reader asked to check anyway, the
   * same visible main text. Or why there is none.
   */
  private async findText(current: () => boolean): Promise<FoundText | StatusKind> {
    if (this.pinned) return { article: this.pinned, detected: false, scope: 'selection' };
    const { doc } = this.deps;
    const detected = this.deps.detect(doc).isArticle;
    if (!detected && !this.forced) return 'not-article';
    const options = { maxChars: MAX_ARTICLE_CHARS, cancelled: () => !current() };
    // Readability finds an "article" in most pages with prose; on a page the detector does not
    // take for one (a thread, a forum) that would be a guess, so the visible text is read instead.
    const article = detected
      ? await this.deps.extract(doc, options)
      : await this.deps.extractMainText(doc, options);
    if (!hasText(article)) return 'no-text';
    return { article, detected, scope: article.source === 'page' ? 'page' : 'article' };
  }

  /** Tells the background why the page is not checked (once per status and address). */
  private async report(status: StatusKind): Promise<void> {
    this.clear();
    this.state = null;
    this.hash = null;
    const url = this.deps.win.location.href;
    const last = this.lastSent;
    if (
      last?.type === 'page-status' &&
      last.payload.status === status &&
      last.payload.url === url
    ) {
      return;
    }
    await this.send({ type: 'page-status', payload: { url, status } });
  }

  private async send(message: Sent): Promise<Result<TabState>> {
    this.lastSent = message;
    const answer = await this.deps.send(message.type, message.payload as never);
    if (!answer.ok && /context invalidated|extension context/i.test(answer.error)) {
      this.stop();
      this.deps.onOrphaned();
    }
    return answer;
  }

  /** Maps the report's matched sentences to ranges, a slice at a time, and highlights them. */
  private async highlight(article: PageText, current: () => boolean): Promise<void> {
    const sentences = this.state?.report?.sentences ?? [];
    const matched: number[] = [];
    sentences.forEach((sentence, index) => {
      if (sentence.matches.length > 0) matched.push(index);
    });
    const mapped = await mapInSlices(
      this.deps.win,
      matched,
      (index): HighlightEntry | null => {
        const sentence = sentences[index]!;
        const range = article.rangeFor(sentence.start, sentence.end);
        return range && { range, level: levelFor(sentence.matches.length), index };
      },
      () => !current(),
    );
    if (mapped === null || !current()) return;
    this.entries = mapped.filter((entry): entry is HighlightEntry => entry !== null);
    const { highlighter } = this.deps;
    this.deps.quietly(() => {
      highlighter.show(this.entries);
      highlighter.setVisible(this.settings.highlights);
    });
  }

  /** Scrolls to a sentence of the checked text and flashes it. */
  private flash(request: FlashSentenceRequest): boolean {
    const report = this.state?.report;
    const article = this.article;
    if (!report || !article || request.hash !== this.hash) return false;
    const index = report.sentences.findIndex(
      (sentence) => sentence.start === request.start && sentence.end === request.end,
    );
    if (index === -1) return false;
    const { highlighter, win, doc } = this.deps;
    let range: Range | null = null;
    let rects = highlighter.rectsOf(index);
    if (!rects || rects.length === 0) {
      range = article.rangeFor(request.start, request.end);
      rects = range ? Array.from(range.getClientRects()) : [];
    }
    const first = rects[0];
    if (!first) return false;
    scrollToRect(doc, win, first, range?.startContainer ?? null);
    return this.deps.quietly(() => highlighter.flash(index, range));
  }
}

function prefersReducedMotion(win: Window): boolean {
  try {
    return win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

/** Scrolls so that `rect` (viewport coordinates) sits in the middle of the window. */
function scrollToRect(doc: Document, win: Window, rect: DOMRect, node: Node | null): void {
  // A hidden tab (the article behind the full report, which brings it forward afterwards) jumps:
  // Firefox does not carry out a smooth scroll in a background tab, so the page stayed put.
  const hidden = doc.visibilityState === 'hidden';
  const behavior: ScrollBehavior = prefersReducedMotion(win) || hidden ? 'auto' : 'smooth';
  const scroller = doc.scrollingElement;
  if (scroller && scroller.scrollHeight > win.innerHeight) {
    const top = win.scrollY + rect.top - Math.max(0, (win.innerHeight - rect.height) / 2);
    win.scrollTo({ top: Math.max(0, top), behavior });
    return;
  }
  // The page scrolls inside an element rather than the window: let the browser find it.
  const element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  element?.scrollIntoView({ block: 'center', behavior });
}

/** Runs of white space as one space: a selection's text and its article's are laid out apart. */
const folded = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * The article a selection was made in, as the context it is judged with (see
 * CheckOptions.context): only when the selection's words lie in the article's, so that a selection
 * elsewhere on the page (a comment, a caption) is judged on its own.
 */
export function contextOf(selection: string, article: string | null): { context?: string } {
  if (article === null) return {};
  const words = folded(selection);
  return words !== '' && folded(article).includes(words) ? { context: article } : {};
}
