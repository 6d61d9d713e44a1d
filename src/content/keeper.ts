/**
 * Keeping the page's article in the reader's library: once the page was checked and the reader
 * has had it in view for a few seconds (time in a background tab does not count), or at once when
 * they ask ("Keep this article"). The background decides whether it is kept; this only asks.
 */
import type { KeepAnswer, KeepArticleRequest, Result } from '../shared/messages';
import { readPageMeta } from './page-meta';

/**
 * Time the article must be in view before it is kept: long enough that a page opened by mistake
 * or left at once is not kept, short enough that a reader who reads it is sure to stay as long.
 */
export const KEEP_AFTER_MS = 5_000;

/** The checked article, as sent to the background. */
export interface CheckedArticle {
  url: string;
  title: string | null;
  text: string;
  hash: string;
}

/** What the keeper needs from the page and the extension. */
export interface KeeperDeps {
  doc: Document;
  win: Window;
  send: (payload: KeepArticleRequest) => Promise<Result<KeepAnswer>>;
  /** Whether keeping is on (the reader's setting). */
  keeping: () => boolean;
}

/** Keeps the page's checked article after the reader stayed on it, or when asked. */
export class Keeper {
  private article: CheckedArticle | null = null;
  private sent: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Time in view so far, and when the current stretch in view began (null when hidden). */
  private seen = 0;
  private since: number | null = null;
  private readonly onVisibility = () => this.visibilityChanged();

  constructor(private readonly deps: KeeperDeps) {
    deps.doc.addEventListener('visibilitychange', this.onVisibility);
  }

  /** The page's article was checked: start counting the time it is in view. */
  checked(article: CheckedArticle): void {
    if (this.article?.hash === article.hash && this.article.url === article.url) return;
    this.cancel();
    this.article = article;
    this.seen = 0;
    this.since = null;
    this.visibilityChanged();
  }

  /** The page's article is gone (navigation, a new text, the extension stopped). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.article = null;
    this.since = null;
  }

  /** The reader's settings changed: keeping may have been switched on or off. */
  settingsChanged(): void {
    if (this.since === null) this.visibilityChanged();
  }

  /** Stops listening to the page. */
  stop(): void {
    this.cancel();
    this.deps.doc.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** "Keep this article": sends the checked article now, whatever the setting. */
  async keepNow(): Promise<KeepAnswer> {
    const article = this.article;
    if (!article) return { status: 'refused', id: null, message: 'The page has not been checked.' };
    return this.send(article, true);
  }

  private visibilityChanged(): void {
    const now = performance.now();
    const visible = this.deps.doc.visibilityState !== 'hidden';
    if (!visible && this.since !== null) {
      this.seen += now - this.since;
      this.since = null;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
    } else if (visible && this.since === null && this.article && this.deps.keeping()) {
      if (this.sent === `${this.article.url}\n${this.article.hash}`) return;
      this.since = now;
      const article = this.article;
      this.timer = setTimeout(
        () => {
          this.timer = null;
          if (this.article === article && this.deps.keeping()) void this.send(article, false);
        },
        Math.max(0, KEEP_AFTER_MS - this.seen),
      );
    }
  }

  private async send(article: CheckedArticle, manual: boolean): Promise<KeepAnswer> {
    const meta = readPageMeta(this.deps.doc);
    this.sent = `${article.url}\n${article.hash}`;
    const answer = await this.deps.send({
      url: article.url,
      title: article.title,
      text: article.text,
      hash: article.hash,
      outlet: meta.outlet,
      published: meta.published,
      manual,
    });
    if (!answer.ok) {
      this.sent = null;
      return { status: 'error', id: null, message: answer.error };
    }
    return answer.value;
  }
}
