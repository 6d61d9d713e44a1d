/**
 * Notices when the page shows different text without a new document: a single-page app moved to
 * another URL (history API), or the site's scripts replaced the article. Both are reported after
 * things settle, so a page that renders in bursts is checked once, not once per burst.
 */

/** Why the page should be looked at again. */
export type ChangeReason = 'navigation' | 'mutation';

/** What the watcher needs. */
export interface ChangeWatchDeps {
  doc: Document;
  win: Window & typeof globalThis;
  onChange: (reason: ChangeReason) => void;
  /** True for nodes the extension itself adds (hover card, fallback marks): never a page change. */
  ignore: (node: Node) => boolean;
}

/** The watcher's controls. */
export interface ChangeWatch {
  /** Drops mutations made by `work` (used while the extension changes the DOM itself). */
  quietly<T>(work: () => T): T;
  stop(): void;
}

// The history API leaves no event a content script can hear for pushState, so the address is
// compared this often; reading location.href is cheap.
const URL_POLL_MS = 500;
// A navigation is acted on after this pause, giving the app time to render the new article.
const NAVIGATION_SETTLE_MS = 600;
// Mutations are acted on when none came for this long ...
const MUTATION_QUIET_MS = 900;
// ... or at the latest this long after the first one, for pages that never stop changing.
const MUTATION_MAX_WAIT_MS = 5_000;
// Less changed text than this (a clock, a counter, a like button) cannot be a new article.
const MIN_CHANGED_CHARS = 80;

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The length of the text under `node`, counted only up to `limit`: reading `textContent` of a
 * huge added subtree would build the whole string just to compare it with a few dozen.
 */
function textLength(node: Node, limit: number): number {
  if (node.nodeType === 3 || node.nodeType === 4) return (node as CharacterData).length;
  if (node.nodeType !== 1 && node.nodeType !== 11) return 0;
  const doc = node.ownerDocument;
  if (!doc) return 0;
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let text = walker.nextNode(); text && length < limit; text = walker.nextNode()) {
    length += (text as Text).length;
  }
  return length;
}

/**
 * How much text a batch of mutations added, removed or changed, counted until it reaches
 * MIN_CHANGED_CHARS (the only question asked of it).
 */
export function changedChars(
  records: readonly MutationRecord[],
  ignore: (node: Node) => boolean,
): number {
  let total = 0;
  const count = (node: Node) => {
    if (total >= MIN_CHANGED_CHARS || ignore(node)) return;
    total += textLength(node, MIN_CHANGED_CHARS - total);
  };
  for (const record of records) {
    if (total >= MIN_CHANGED_CHARS) break;
    if (ignore(record.target)) continue;
    if (record.type === 'characterData') {
      const before = record.oldValue?.length ?? 0;
      const after = (record.target as CharacterData).length ?? 0;
      total += Math.max(before, after);
      continue;
    }
    record.addedNodes.forEach(count);
    record.removedNodes.forEach(count);
  }
  return total;
}

/** Starts watching; `onChange` is called at most once per settled change. */
export function watchChanges(deps: ChangeWatchDeps): ChangeWatch {
  const { doc, win, onChange, ignore } = deps;
  let url = withoutFragment(win.location.href);
  let navigationTimer: number | null = null;
  let quietTimer: number | null = null;
  let maxWaitTimer: number | null = null;

  const fireMutation = () => {
    if (quietTimer !== null) win.clearTimeout(quietTimer);
    if (maxWaitTimer !== null) win.clearTimeout(maxWaitTimer);
    quietTimer = maxWaitTimer = null;
    onChange('mutation');
  };

  const checkUrl = () => {
    const now = withoutFragment(win.location.href);
    if (now === url) return;
    url = now;
    if (navigationTimer !== null) win.clearTimeout(navigationTimer);
    navigationTimer = win.setTimeout(() => {
      navigationTimer = null;
      onChange('navigation');
    }, NAVIGATION_SETTLE_MS);
  };

  const observer = new win.MutationObserver((records) => {
    try {
      if (changedChars(records, ignore) < MIN_CHANGED_CHARS) return;
      if (quietTimer !== null) win.clearTimeout(quietTimer);
      quietTimer = win.setTimeout(fireMutation, MUTATION_QUIET_MS);
      maxWaitTimer ??= win.setTimeout(fireMutation, MUTATION_MAX_WAIT_MS);
    } catch {
      // A failure here must not surface in the page.
    }
  });
  const observe = () =>
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
    });
  observe();

  const poll = win.setInterval(checkUrl, URL_POLL_MS);
  win.addEventListener('popstate', checkUrl);

  return {
    quietly(work) {
      try {
        return work();
      } finally {
        // Records of our own change are taken and dropped before the observer reports them.
        observer.takeRecords();
      }
    },
    stop() {
      observer.disconnect();
      win.clearInterval(poll);
      win.removeEventListener('popstate', checkUrl);
      for (const timer of [navigationTimer, quietTimer, maxWaitTimer]) {
        if (timer !== null) win.clearTimeout(timer);
      }
    },
  };
}
