// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KEEP_AFTER_MS, Keeper } from '../../src/content/keeper';
import type { KeepArticleRequest } from '../../src/shared/messages';

const article = { url: 'https://paper.example/a', title: 'A', text: 'Some text.', hash: 'h:1' };

function setup(keeping = true) {
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  document.head.innerHTML = `<meta property="og:site_name" content="The Paper">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-14T08:00:00Z","publisher":{"name":"The Paper Ltd"}}</script>`;
  const sent: KeepArticleRequest[] = [];
  const state = { keeping };
  const keeper = new Keeper({
    doc: document,
    win: window,
    send: async (payload) => {
      sent.push(payload);
      return { ok: true, value: { status: 'kept', id: 1, message: null } };
    },
    keeping: () => state.keeping,
  });
  const setVisible = (visible: boolean) => {
    visibility = visible ? 'visible' : 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return { keeper, sent, setVisible, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keeping the page the reader stays on', () => {
  test('sends the article with the publisher and date the page gives, after a few seconds', async () => {
    const { keeper, sent } = setup();
    keeper.checked(article);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS - 100);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([
      { ...article, outlet: 'The Paper Ltd', published: '2025-03-14T08:00:00.000Z', manual: false },
    ]);
  });

  test('time in a background tab does not count', async () => {
    const { keeper, sent, setVisible } = setup();
    keeper.checked(article);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS / 2);
    setVisible(false);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS * 4);
    expect(sent).toEqual([]);
    setVisible(true);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS / 2 + 10);
    expect(sent).toHaveLength(1);
  });

  test('leaving the article before then keeps nothing, and the same article is sent once', async () => {
    const { keeper, sent } = setup();
    keeper.checked(article);
    await vi.advanceTimersByTimeAsync(1_000);
    keeper.cancel();
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS * 2);
    expect(sent).toEqual([]);
    keeper.checked(article);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS + 10);
    keeper.checked({ ...article });
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS + 10);
    expect(sent).toHaveLength(1);
  });

  test('with keeping off nothing is sent, until it is switched on; "Keep this article" sends at once', async () => {
    const { keeper, sent, state } = setup(false);
    keeper.checked(article);
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS * 2);
    expect(sent).toEqual([]);
    expect(await keeper.keepNow()).toMatchObject({ status: 'kept' });
    expect(sent[0]!.manual).toBe(true);
    state.keeping = true;
    keeper.settingsChanged();
    await vi.advanceTimersByTimeAsync(KEEP_AFTER_MS + 10);
    expect(sent).toHaveLength(1);
  });
});
