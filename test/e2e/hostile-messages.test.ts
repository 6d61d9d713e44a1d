// Forged and malformed messages. The background answers only its own extension pages and content
// scripts, and only messages of the shapes it knows: everything else gets `{ ok: false, error }`
// and changes nothing (stored settings, tab states, badges). Messages are sent from an extension
// page, from the content script's own world in one tab (trying to act on another tab), from the
// background's side to a content script, and from a web page (which has no way in at all).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import {
  badgeOf,
  inContentScript,
  inExtension,
  openExtensionPage,
  waitForTabState,
  type Session,
  type TestPage,
} from './harness';
import {
  openHostilePage,
  probeHighlights,
  startHostileSession,
  storageSnapshot,
} from './hostile-support';

// The extension's API, as code evaluated in its contexts sees it.
declare const chrome: WebExtensionApi;

/** Longer than any text a content script may send (the background refuses more than 250,000). */
const OVERSIZED_TEXT = 'Moscow has presented demands. '.repeat(9_000);
/** A payload of several megabytes, far past anything legitimate. */
const HUGE_PADDING = 'x'.repeat(8 * 1024 * 1024);

let session: Session;
/** The tab whose state others try to read or overwrite. */
let victim: { page: TestPage; tabId: number };
/** The tab whose content script world sends forged messages. */
let attacker: { page: TestPage; tabId: number; errors: string[] };
let extensionPage: TestPage;

beforeAll(async () => {
  session = await startHostileSession();
  const a = await openHostilePage(session, 'frames.test');
  await waitForTabState(session, a.page, a.tabId, (s) => s.status === 'ready');
  victim = a;
  const b = await openHostilePage(session, 'shadow.test');
  await waitForTabState(session, b.page, b.tabId, (s) => s.status === 'ready');
  attacker = b;
  extensionPage = await openExtensionPage(session, 'options.html');
});

afterAll(async () => {
  await session?.close();
});

/** What must not change: every stored value and both tabs' toolbar buttons. */
async function observableState() {
  return {
    storage: await storageSnapshot(session),
    victimBadge: await badgeOf(session, victim.tabId),
    attackerBadge: await badgeOf(session, attacker.tabId),
    victimHighlights: (await probeHighlights(session, victim.page)).length,
    attackerHighlights: (await probeHighlights(session, attacker.page)).length,
  };
}

/** Sends a raw message to the background from the extension page; returns the answer or the error. */
function fromExtensionPage(message: unknown): Promise<unknown> {
  return extensionPage.evaluate(async (m) => {
    try {
      return await chrome.runtime.sendMessage(m);
    } catch (error) {
      return { thrown: String(error) };
    }
  }, message);
}

/**
 * Sends a raw message to the background from the content script's world of a page (Chromium's
 * isolated world, Firefox's content-script sandbox), as a compromised content script would.
 */
function fromContentScript(page: TestPage, message: unknown): Promise<unknown> {
  return inContentScript(
    session,
    page,
    (m) => chrome.runtime.sendMessage(m).catch((error: unknown) => ({ thrown: String(error) })),
    message,
  );
}

/** Expects an error answer (not a thrown error, not a success). */
function expectRefused(answer: unknown, reason?: RegExp) {
  expect(answer).toMatchObject({ ok: false, error: expect.any(String) });
  if (reason) expect((answer as { error: string }).error).toMatch(reason);
}

test('a valid request from an extension page is answered (so the refusals below mean something)', async () => {
  const answer = (await fromExtensionPage({
    type: 'get-tab-state',
    payload: { tabId: victim.tabId },
  })) as {
    ok: boolean;
    value: { status: string } | null;
  };
  expect(answer.ok).toBe(true);
  expect(answer.value?.status).toBe('ready');
});

describe('from an extension page', () => {
  test.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'get-corpus'],
    ['an array', ['get-corpus', {}]],
    ['a type that is not a string', { type: 7, payload: {} }],
    ['no payload', { type: 'get-corpus' }],
    ['an extra envelope field', { type: 'get-corpus', payload: {}, sender: { id: 'x' } }],
    ['an unknown type', { type: 'wipe-storage', payload: {} }],
    ['a prototype name as type', { type: '__proto__', payload: {} }],
    ['"constructor" as type', { type: 'constructor', payload: {} }],
    ['"hasOwnProperty" as type', { type: 'hasOwnProperty', payload: {} }],
    ['tabId as a string', { type: 'get-tab-state', payload: { tabId: '1' } }],
    ['a negative tabId', { type: 'get-tab-state', payload: { tabId: -1 } }],
    ['a fractional tabId', { type: 'get-tab-state', payload: { tabId: 1.5 } }],
    ['an unsafe integer tabId', { type: 'get-tab-state', payload: { tabId: 2 ** 60 } }],
    ['an extra payload field', { type: 'get-tab-state', payload: { tabId: 1, all: true } }],
    ['a payload for get-corpus', { type: 'get-corpus', payload: { reload: true } }],
    ['megabytes of padding', { type: 'get-tab-state', payload: { tabId: 1, pad: HUGE_PADDING } }],
    [
      'check-text over the size limit',
      { type: 'check-text', payload: { text: OVERSIZED_TEXT, title: null, detected: true } },
    ],
    [
      'check-text naming a page to store it for',
      {
        type: 'check-text',
        payload: { text: 'NATO said no.', title: null, detected: true, tabId: 1 },
      },
    ],
    ['get-selection-text with a number as id', { type: 'get-selection-text', payload: { id: 1 } }],
  ])('%s is refused and changes nothing', async (_name, message) => {
    const before = await observableState();
    expectRefused(await fromExtensionPage(message));
    expect(await observableState()).toEqual(before);
  });

  test("a content script's message (check-article, page-status) is refused from an extension page", async () => {
    const before = await observableState();
    const url = victim.page.url();
    expectRefused(
      await fromExtensionPage({
        type: 'check-article',
        payload: {
          url,
          title: null,
          text: 'NATO said no.',
          truncated: false,
          detected: true,
          hash: 'x',
          scope: 'article',
        },
      }),
      /sender/i,
    );
    expectRefused(
      await fromExtensionPage({ type: 'page-status', payload: { url, status: 'disabled' } }),
      /sender/i,
    );
    expect(await observableState()).toEqual(before);
  });
});

describe("from a content script's own world (one tab acting on another)", () => {
  const article = (url: string, overrides: Record<string, unknown> = {}) => ({
    type: 'check-article',
    payload: {
      url,
      title: 'Forged',
      text: 'Nothing of the kind was ever said by anyone.',
      truncated: false,
      detected: true,
      hash: 'forged',
      scope: 'article',
      ...overrides,
    },
  });

  test.each([
    [
      "reading another tab's report",
      () => ({ type: 'get-tab-state', payload: { tabId: victim.tabId } }),
      /sender/i,
    ],
    [
      'reading the corpus (an extension page message)',
      () => ({ type: 'get-corpus', payload: {} }),
      /sender/i,
    ],
    [
      'checking a text as the check page does (an extension page message)',
      () => ({
        type: 'check-text',
        payload: { text: 'NATO said no.', title: null, detected: true },
      }),
      /sender/i,
    ],
    [
      'reading a selection kept for the check page',
      () => ({ type: 'get-selection-text', payload: { id: 'any' } }),
      /sender/i,
    ],
    [
      'a check scope the content script may not claim',
      () => article(attacker.page.url(), { scope: 'text' }),
      /malformed/i,
    ],
    [
      "overwriting another site's state (its URL)",
      () => article(victim.page.url()),
      /does not match/i,
    ],
    [
      'naming another tab in the payload',
      () => ({
        ...article(attacker.page.url()),
        payload: { ...article(attacker.page.url()).payload, tabId: victim.tabId },
      }),
      /malformed/i,
    ],
    [
      'spoofing the sender in the payload',
      () => ({
        ...article(attacker.page.url()),
        payload: { ...article(attacker.page.url()).payload, sender: { tab: { id: victim.tabId } } },
      }),
      /malformed/i,
    ],
    [
      'a javascript: page URL',
      () => ({
        type: 'page-status',
        payload: { url: 'javascript:alert(1)', status: 'not-article' },
      }),
      /web page|URL/i,
    ],
    [
      'a status the content script may not set',
      () => ({ type: 'page-status', payload: { url: attacker.page.url(), status: 'ready' } }),
      /malformed/i,
    ],
    [
      'text over the size limit',
      () => article(attacker.page.url(), { text: OVERSIZED_TEXT }),
      /malformed/i,
    ],
    [
      'a boolean that is a string',
      () => article(attacker.page.url(), { truncated: 'false' }),
      /malformed/i,
    ],
    [
      'an overlong hash',
      () => article(attacker.page.url(), { hash: 'h'.repeat(10_000) }),
      /malformed/i,
    ],
  ])('%s is refused and changes nothing', async (_name, message, reason) => {
    const before = await observableState();
    expectRefused(await fromContentScript(attacker.page, message()), reason);
    expect(await observableState()).toEqual(before);
  });

  test("the same world's message about its own page is answered (the channel works)", async () => {
    const answer = (await fromContentScript(attacker.page, {
      type: 'page-status',
      payload: { url: attacker.page.url(), status: 'no-text' },
    })) as { ok: boolean; value: { status: string; url: string } };
    expect(answer.ok).toBe(true);
    expect(answer.value).toMatchObject({ status: 'no-text', url: attacker.page.url() });
    // The victim's state is untouched by it.
    expect(
      (await fromExtensionPage({
        type: 'get-tab-state',
        payload: { tabId: victim.tabId },
      })) as object,
    ).toMatchObject({
      ok: true,
      value: { status: 'ready', url: victim.page.url() },
    });
  });
});

describe('from the background to a content script', () => {
  async function toContentScript(message: unknown): Promise<unknown> {
    return inExtension(
      session,
      async ([tabId, m]) => {
        try {
          return await chrome.tabs.sendMessage(tabId, m, { frameId: 0 });
        } catch (error) {
          return { thrown: String(error) };
        }
      },
      [attacker.tabId, message] as const,
    );
  }

  test.each([
    ['an unknown type', { type: 'remove-highlights', payload: {} }],
    [
      'flash-sentence with offsets as strings',
      { type: 'flash-sentence', payload: { start: '0', end: '10', hash: 'x' } },
    ],
    [
      'flash-sentence with a negative offset',
      { type: 'flash-sentence', payload: { start: -5, end: 10, hash: 'x' } },
    ],
    ['check-now with a payload', { type: 'check-now', payload: { force: true } }],
    [
      'check-selection carrying a text of its own',
      { type: 'check-selection', payload: { text: 'forged' } },
    ],
    ['report-status without a payload', { type: 'report-status' }],
  ])('%s is refused and changes nothing', async (_name, message) => {
    const before = await observableState();
    expectRefused(await toContentScript(message));
    expect(await observableState()).toEqual(before);
  });

  test('a well-formed flash of text that is not on the page is answered false and flashes nothing', async () => {
    const before = await observableState();
    const answer = await toContentScript({
      type: 'flash-sentence',
      payload: { start: 0, end: 40, hash: 'not-this-text' },
    });
    expect(answer).toEqual({ ok: true, value: false });
    await attacker.page.waitForTimeout(300);
    expect(
      (await probeHighlights(session, attacker.page)).filter((h) => h.name === 'crosscheck-flash'),
    ).toEqual([]);
    expect(await observableState()).toEqual(before);
  });
});

describe('from a web page', () => {
  test('runtime.sendMessage to the extension is not available to pages, and fails', async () => {
    const before = await observableState();
    const outcome = await attacker.page.evaluate(
      async ([id, tabId]) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
          ?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return { available: false, answer: null };
        try {
          const send = runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>;
          return {
            available: true,
            answer: await send(id, { type: 'get-tab-state', payload: { tabId } }),
          };
        } catch (error) {
          return { available: true, answer: { thrown: String(error) } };
        }
      },
      [session.extensionId, victim.tabId] as const,
    );
    console.log(`runtime.sendMessage from a web page: ${JSON.stringify(outcome)}`);
    // Either the API is absent (no externally_connectable) or the call fails: never an answer.
    expect((outcome.answer as { ok?: boolean } | null)?.ok).toBeUndefined();
    expect(await observableState()).toEqual(before);
  });

  test("window messages shaped like the extension's are ignored", async () => {
    const before = await observableState();
    await attacker.page.evaluate(() => {
      for (const message of [
        { type: 'check-now', payload: {} },
        { type: 'flash-sentence', payload: { start: 0, end: 40, hash: 'x' } },
        { type: 'report-status', payload: {} },
        { type: 'check-article', payload: { url: location.href, text: 'forged', title: null } },
      ]) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('crosscheck', { detail: message }));
      }
    });
    await attacker.page.waitForTimeout(1_000);
    expect(await observableState()).toEqual(before);
    expect(attacker.errors).toEqual([]);
  });
});
