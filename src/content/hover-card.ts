/**
 * The small card shown over a highlighted sentence: which other outlets made the claim, in their
 * own words, with links. It lives in a closed shadow root, so the page's CSS cannot reach it nor
 * its scripts read it; it is styled through a constructed stylesheet (CSSOM, allowed under a
 * strict style-src policy) and every text goes in through textContent, never as markup.
 */
import { matchKey } from '../core/hidden-matches';
import type { SentenceResult, Tier } from '../core/types';
import { differencesLine } from '../shared/difference-labels';
import { t, type MessageKey } from '../shared/i18n';
import { shortDate } from '../shared/dates';
import { chanceText, chanceTitle } from '../shared/match-chance';

/** What the card shows. */
export interface CardData {
  sentence: SentenceResult;
  /**
   * Where the claim comes from, in one line ("5 outlets, 1 independent source: Reuters"), from
   * the echo groups computed from the texts; null when the answer has no provenance.
   */
  sources: string | null;
}

/** The card's controls. */
export interface HoverCard {
  /** Shows the card next to `anchor` (a line box of the sentence, in viewport coordinates). */
  show(data: CardData, anchor: DOMRect, pointerX: number): void;
  hide(): void;
  readonly visible: boolean;
  /** True when `node` is the card's host element (events from inside the shadow root retarget to it). */
  owns(node: EventTarget | null): boolean;
  destroy(): void;
}

const TIER_KEYS: Record<Tier, MessageKey> = {
  verbatim: 'tierVerbatim',
  close: 'tierClose',
  paraphrase: 'tierParaphrase',
};

// Room between the sentence and the card, and between the card and the viewport's edges.
const GAP_PX = 8;

const CARD_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important;
  z-index: 2147483647 !important; display: block !important; }
.card { position: fixed; box-sizing: border-box; width: max-content; max-width: min(380px, calc(100vw - 16px));
  max-height: min(60vh, 420px); overflow: auto; padding: 12px 14px; border-radius: 10px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  background: #ffffff; border: 1px solid #d4d4d8; box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none;
  overflow-wrap: anywhere; }
.card[hidden] { display: none; }
.head { margin: 0 0 8px; font-weight: 600; font-size: 12px; color: #5b21b6; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
li { margin: 0; padding: 0; }
.meta { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; margin-bottom: 2px; }
.outlet { font-weight: 600; }
.tier { font-size: 11px; color: #52525b; border: 1px solid #d4d4d8; border-radius: 999px; padding: 0 6px; }
.read, .chance { font-size: 12px; color: #52525b; }
.quote { display: block; margin: 0; quotes: "\\201C" "\\201D"; }
.quote::before { content: open-quote; } .quote::after { content: close-quote; }
.flags { margin: 2px 0 0; font-size: 12px; color: #b91c1c; }
.via { margin: 2px 0 0; font-size: 12px; color: #52525b; }
a { color: #4338ca; font-size: 12px; }
a:focus-visible { outline: 2px solid #6d28d9; outline-offset: 2px; border-radius: 2px; }
.links { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.hide { all: unset; cursor: pointer; font-size: 12px; color: #52525b; text-decoration: underline; }
.hide:hover { color: #4338ca; }
.hide:focus-visible { outline: 2px solid #6d28d9; outline-offset: 2px; border-radius: 2px; }
.echo { margin: 10px 0 0; padding-top: 8px; border-top: 1px solid #e4e4e7; font-size: 12px; color: #52525b; }
@media (prefers-color-scheme: dark) {
  .card { color: #e4e4e7; background: #18181b; border-color: #3f3f46; box-shadow: 0 8px 28px rgb(0 0 0 / 0.5); }
  .head { color: #c4b5fd; } .tier { color: #a1a1aa; border-color: #52525b; } .read, .chance, .via { color: #a1a1aa; }
  a { color: #a5b4fc; } .echo { color: #a1a1aa; border-color: #3f3f46; } .flags { color: #fca5a5; }
  .hide { color: #a1a1aa; } .hide:hover { color: #a5b4fc; }
}
`;

/** The URL if it is a web address, else null: corpus links are data and never run script. */
export function webUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string | null,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Fills the card with one sentence's matches. With `onHide`, each wording has a "Not the same
 * claim" button that calls it with the match's key (see src/core/hidden-matches.ts), for a real
 * click only: a page cannot reach into the card, and an event it makes up is not trusted.
 */
export function renderCard(
  doc: Document,
  card: HTMLElement,
  data: CardData,
  onHide?: (key: string) => void,
): void {
  const matches = data.sentence.matches;
  card.replaceChildren();
  const head = element(
    doc,
    'p',
    'head',
    matches.length === 1 ? t('cardHeadOne') : t('cardHeadMany', String(matches.length)),
  );
  head.id = 'crosscheck-card-head';
  card.setAttribute('aria-labelledby', head.id);
  const list = element(doc, 'ul', null);
  for (const [i, match] of matches.entries()) {
    const item = element(doc, 'li', null);
    const meta = element(doc, 'div', 'meta');
    const outlet = element(doc, 'span', 'outlet', match.outlet);
    outlet.id = `crosscheck-card-outlet-${i}`;
    meta.append(outlet);
    // An article of the reader's library: when they read it.
    if (match.read) meta.append(element(doc, 'span', 'read', t('readOn', shortDate(match.read))));
    meta.append(element(doc, 'span', 'tier', t(TIER_KEYS[match.tier])));
    const chance = element(doc, 'span', 'chance', chanceText(match.score));
    chance.title = chanceTitle(match.score);
    meta.append(chance);
    item.append(meta, element(doc, 'q', 'quote', match.text));
    // Found through another outlet's matching sentence (src/core/verify/carry-over.ts).
    if (match.via) {
      const via = matches.find((m) => m.report === match.via)?.outlet ?? match.via;
      item.append(element(doc, 'p', 'via', t('reportVia', via)));
    }
    const differences = match.differences ?? [];
    if (differences.length > 0) {
      // One line: how many details this wording changed, and of which kinds.
      item.append(element(doc, 'p', 'flags', differencesLine(differences)));
    }
    const links = element(doc, 'div', 'links');
    const href = webUrl(match.url);
    if (href) {
      const link = element(doc, 'a', null, t('cardOpenReport', match.outlet));
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      links.append(link);
    }
    if (onHide) {
      const hide = element(doc, 'button', 'hide', t('reportHideMatch'));
      hide.type = 'button';
      // Named by its text and the outlet's ("Not the same claim eAwaz"), by reference: the
      // outlet's name, which the corpus or the library gives, never goes into an attribute.
      hide.id = `crosscheck-card-hide-${i}`;
      hide.setAttribute('aria-labelledby', `${hide.id} ${outlet.id}`);
      const key = matchKey(data.sentence.text, match);
      hide.addEventListener('click', (event) => {
        if (event.isTrusted) onHide(key);
      });
      links.append(hide);
    }
    if (links.childElementCount > 0) item.append(links);
    list.append(item);
  }
  card.append(head, list);
  if (data.sources) card.append(element(doc, 'p', 'echo', data.sources));
}

/** Applies the card's stylesheet to its shadow root without any <style> element where possible. */
function adoptStyles(doc: Document, win: Window & typeof globalThis, root: ShadowRoot): void {
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers without constructable stylesheets: a <style> element (a strict page CSP may block it).
    root.append(element(doc, 'style', null, CARD_CSS));
  }
}

/**
 * Creates the card; its host element joins the page only when first shown. `onHide` is called
 * when the reader marks a wording "not the same claim" (the card hides itself first).
 */
export function createHoverCard(
  doc: Document,
  win: Window & typeof globalThis,
  onHide?: (key: string) => void,
): HoverCard {
  let host: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let visible = false;

  const ensure = (): HTMLElement => {
    if (!host || !card) {
      host = doc.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      adoptStyles(doc, win, root);
      card = element(doc, 'div', 'card');
      card.setAttribute('role', 'dialog');
      card.hidden = true;
      root.append(card);
    }
    // Outside <body>, so the page's body styles and layout never apply to it.
    if (!host.isConnected) doc.documentElement.append(host);
    return card;
  };

  return {
    show(data, anchor, pointerX) {
      const box = ensure();
      renderCard(
        doc,
        box,
        data,
        onHide &&
          ((key) => {
            box.hidden = true;
            visible = false;
            onHide(key);
          }),
      );
      box.hidden = false;
      visible = true;
      // Measure, then place below the line (above when there is no room), inside the viewport.
      const { width, height } = box.getBoundingClientRect();
      const viewWidth = doc.documentElement.clientWidth || win.innerWidth;
      const viewHeight = win.innerHeight;
      let top = anchor.bottom + GAP_PX;
      if (top + height > viewHeight - GAP_PX) top = Math.max(GAP_PX, anchor.top - GAP_PX - height);
      const left = Math.min(
        Math.max(GAP_PX, pointerX - 32),
        Math.max(GAP_PX, viewWidth - width - GAP_PX),
      );
      box.style.top = `${Math.round(top)}px`;
      box.style.left = `${Math.round(left)}px`;
    },
    hide() {
      if (card) card.hidden = true;
      visible = false;
    },
    get visible() {
      return visible;
    },
    owns(node) {
      return host !== null && node === host;
    },
    destroy() {
      host?.remove();
      host = null;
      card = null;
      visible = false;
    },
  };
}
