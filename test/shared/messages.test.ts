import { describe, expect, test, vi } from 'vitest';
import { MAX_QUERY_CHARS } from '../../src/core/corpus-search';
import {
  backgroundSenders,
  backgroundValidators,
  classifySender,
  contentValidators,
  createDispatcher,
  isResult,
  MAX_MESSAGE_TEXT,
  type BackgroundMessages,
  type Handlers,
  type Sender,
} from '../../src/shared/messages';

const OWN_ID = 'ownextensionid';
const ORIGIN = `chrome-extension://${OWN_ID}/`;

const contentSender: Sender = {
  id: OWN_ID,
  url: 'https://news.example/story',
  tab: { id: 7 } as Sender['tab'],
  frameId: 0,
};
const popupSender: Sender = { id: OWN_ID, url: `${ORIGIN}popup.html` };

const checkPayload = {
  url: 'https://news.example/story',
  title: 'A title',
  text: 'Moscow has presented the United States with a list of demands.',
  truncated: false,
  detected: true,
  hash: 'abc:1',
  scope: 'article' as const,
};

function setup() {
  const handlers = {
    'check-article': vi.fn(async () => ({ status: 'ready' }) as never),
    'page-status': vi.fn(async () => ({ status: 'not-article' }) as never),
    'get-tab-state': vi.fn(async () => null),
    'get-corpus': vi.fn(async () => ({ story: null, reports: [], echo: null })),
    'search-corpus': vi.fn(async () => []),
    'keep-article': vi.fn(async () => ({ status: 'kept', id: 1, message: null }) as const),
    'library-page': vi.fn(async () => ({}) as never),
    'library-forget': vi.fn(async () => null),
    'library-clear': vi.fn(async () => null),
    'library-import': vi.fn(async () => ({}) as never),
    'library-import-corpus': vi.fn(async () => ({}) as never),
    'check-text': vi.fn(async () => ({ report: null, echo: null }) as never),
    'get-selection-text': vi.fn(async () => null),
  } satisfies Handlers<BackgroundMessages>;
  const dispatch = createDispatcher({
    validators: backgroundValidators,
    handlers,
    acceptSender: (type, sender) =>
      classifySender(sender, OWN_ID, ORIGIN) === backgroundSenders[type],
  });
  const calls = () =>
    Object.values(handlers).reduce((n, handler) => n + handler.mock.calls.length, 0);
  return { dispatch, handlers, calls };
}

describe('classifySender', () => {
  test.each<[string, Sender, 'content' | 'page' | null]>([
    ['our content script in a top frame', contentSender, 'content'],
    ['our popup', popupSender, 'page'],
    ['our report page in a tab', { ...popupSender, tab: { id: 3 } as Sender['tab'] }, 'page'],
    ['another extension', { ...contentSender, id: 'someoneelse' }, null],
    ['no id at all', { url: contentSender.url, tab: contentSender.tab }, null],
    ['our content script in an iframe', { ...contentSender, frameId: 2 }, null],
    ['a content script without a tab', { id: OWN_ID, url: 'https://news.example/' }, null],
    ['a non-web page', { ...contentSender, url: 'file:///etc/passwd' }, null],
  ])('%s', (_name, sender, kind) => {
    expect(classifySender(sender, OWN_ID, ORIGIN)).toBe(kind);
  });
});

describe('dispatcher', () => {
  test('a valid message reaches its handler and the answer is wrapped', async () => {
    const { dispatch, handlers } = setup();
    const answer = await dispatch({ type: 'check-article', payload: checkPayload }, contentSender);
    expect(answer).toEqual({ ok: true, value: { status: 'ready' } });
    expect(handlers['check-article']).toHaveBeenCalledWith(checkPayload, contentSender);
  });

  test("the page's publication date may come with the article, as a date string or null", async () => {
    const { dispatch } = setup();
    for (const published of ['2025-03-14T08:30:00Z', null]) {
      const answer = await dispatch(
        { type: 'check-article', payload: { ...checkPayload, published } },
        contentSender,
      );
      expect(answer.ok).toBe(true);
    }
  });

  test.each<[string, unknown, Sender]>([
    [
      'a publication date that is not a string',
      { type: 'check-article', payload: { ...checkPayload, published: 20250314 } },
      contentSender,
    ],
    ['not an object', 'check-article', contentSender],
    ['null', null, contentSender],
    ['no type', { payload: checkPayload }, contentSender],
    ['an unknown type', { type: 'delete-everything', payload: {} }, contentSender],
    ['a prototype name as type', { type: 'constructor', payload: {} }, contentSender],
    ['a __proto__ type', { type: '__proto__', payload: {} }, contentSender],
    [
      'an extra envelope field',
      { type: 'check-article', payload: checkPayload, extra: 1 },
      contentSender,
    ],
    [
      'a missing payload field',
      { type: 'check-article', payload: { ...checkPayload, hash: undefined } },
      contentSender,
    ],
    [
      'an extra payload field',
      { type: 'check-article', payload: { ...checkPayload, html: '<b>' } },
      contentSender,
    ],
    [
      'a wrong payload type',
      { type: 'check-article', payload: { ...checkPayload, detected: 'yes' } },
      contentSender,
    ],
    [
      'a text over the cap',
      {
        type: 'check-article',
        payload: { ...checkPayload, text: 'a'.repeat(MAX_MESSAGE_TEXT + 1) },
      },
      contentSender,
    ],
    [
      'an unknown page status',
      { type: 'page-status', payload: { url: checkPayload.url, status: 'ready' } },
      contentSender,
    ],
    ['a negative tab id', { type: 'get-tab-state', payload: { tabId: -1 } }, popupSender],
    ['a fractional tab id', { type: 'get-tab-state', payload: { tabId: 1.5 } }, popupSender],
    [
      'a content message from the popup',
      { type: 'check-article', payload: checkPayload },
      popupSender,
    ],
    [
      'a page message from a content script',
      { type: 'get-tab-state', payload: { tabId: 7 } },
      contentSender,
    ],
    [
      'a forged sender id',
      { type: 'check-article', payload: checkPayload },
      { ...contentSender, id: 'evil' },
    ],
    [
      'a message from an iframe',
      { type: 'check-article', payload: checkPayload },
      { ...contentSender, frameId: 4 },
    ],
  ])('refuses %s without running any handler', async (_name, message, sender) => {
    const { dispatch, calls } = setup();
    const answer = await dispatch(message, sender);
    expect(answer.ok).toBe(false);
    expect(answer).toHaveProperty('error', expect.any(String));
    expect(calls()).toBe(0);
  });

  test('a throwing handler becomes an error answer', async () => {
    const { dispatch, handlers } = setup();
    handlers['get-corpus'].mockRejectedValueOnce(new Error('index damaged'));
    expect(await dispatch({ type: 'get-corpus', payload: {} }, popupSender)).toEqual({
      ok: false,
      error: 'index damaged',
    });
  });
});

describe('search-corpus', () => {
  test.each<[string, unknown, boolean]>([
    ['a few words', { query: 'Zelenskyy ceasfire' }, true],
    ['one character', { query: 'x' }, true],
    ['white space around the words', { query: '  NATO  ' }, true],
    ['200 characters', { query: 'a'.repeat(MAX_QUERY_CHARS) }, true],
    ['200 characters once trimmed', { query: ` ${'a'.repeat(MAX_QUERY_CHARS)}\n` }, true],
    ['201 characters', { query: 'a'.repeat(MAX_QUERY_CHARS + 1) }, false],
    ['an empty query', { query: '' }, false],
    ['only white space', { query: ' \t\n ' }, false],
    ['a number', { query: 42 }, false],
    ['null', { query: null }, false],
    ['no query', {}, false],
    ['an extra field', { query: 'NATO', limit: 1000 }, false],
    ['a bare string', 'NATO', false],
  ])('%s', (_name, payload, valid) => {
    expect(backgroundValidators['search-corpus'](payload)).toBe(valid);
  });

  test('only extension pages may search', async () => {
    const { dispatch, handlers } = setup();
    const message = { type: 'search-corpus', payload: { query: 'NATO' } };
    expect(await dispatch(message, popupSender)).toEqual({ ok: true, value: [] });
    expect(await dispatch(message, contentSender)).toEqual({
      ok: false,
      error: 'Sender not allowed',
    });
    expect(handlers['search-corpus']).toHaveBeenCalledOnce();
  });
});

describe('check-article scope', () => {
  test.each<[string, unknown, boolean]>([
    ['the article', 'article', true],
    ["the page's visible text", 'page', true],
    ['a selection', 'selection', true],
    ["the check page's own scope", 'text', false],
    ['no scope', undefined, false],
  ])('%s', (_name, scope, valid) => {
    const payload: Record<string, unknown> = { ...checkPayload, scope };
    if (scope === undefined) delete payload.scope;
    expect(backgroundValidators['check-article'](payload)).toBe(valid);
  });

  test('the scope says it all: no separate fallback flag', () => {
    expect(backgroundValidators['check-article']({ ...checkPayload, fallback: true })).toBe(false);
  });
});

describe('check-text and get-selection-text', () => {
  const text = { text: 'Russia has handed over a list.', title: null, detected: true };

  test.each<[string, unknown, boolean]>([
    ['a text', text, true],
    ['a text with a title', { ...text, title: 'report.html' }, true],
    ['an empty text (the page says so before sending)', { ...text, text: '' }, true],
    ['a text over the cap', { ...text, text: 'a'.repeat(MAX_MESSAGE_TEXT + 1) }, false],
    ['a title that is not a string', { ...text, title: 5 }, false],
    ['detected as a string', { ...text, detected: 'true' }, false],
    ['a URL besides', { ...text, url: 'https://news.example/' }, false],
    ['no title', { text: text.text, detected: true }, false],
    ["an HTML file's publication date", { ...text, published: '2025-03-12' }, true],
    ['no publication date', { ...text, published: null }, true],
    ['a date that is not a string', { ...text, published: 20250312 }, false],
  ])('check-text: %s', (_name, payload, valid) => {
    expect(backgroundValidators['check-text'](payload)).toBe(valid);
  });

  test.each<[string, unknown, boolean]>([
    ['an id', { id: '8f0c2c1e-6d1b-4a57-b0f1-0e8a3c1d2b44' }, true],
    ['an overlong id', { id: 'x'.repeat(65) }, false],
    ['a number', { id: 7 }, false],
    ['an extra field', { id: 'a', all: true }, false],
  ])('get-selection-text: %s', (_name, payload, valid) => {
    expect(backgroundValidators['get-selection-text'](payload)).toBe(valid);
  });

  test.each(['check-text', 'get-selection-text'] as const)(
    '%s is answered for extension pages only',
    async (type) => {
      const { dispatch, handlers } = setup();
      const payload = type === 'check-text' ? text : { id: 'a' };
      expect((await dispatch({ type, payload }, popupSender)).ok).toBe(true);
      expect(await dispatch({ type, payload }, contentSender)).toEqual({
        ok: false,
        error: 'Sender not allowed',
      });
      expect(handlers[type]).toHaveBeenCalledOnce();
    },
  );
});

describe('content validators', () => {
  test.each<[string, keyof typeof contentValidators, unknown, boolean]>([
    ['a flash request', 'flash-sentence', { start: 0, end: 10, hash: 'h' }, true],
    ['a flash with negative offsets', 'flash-sentence', { start: -1, end: 10, hash: 'h' }, false],
    ['a flash with a string offset', 'flash-sentence', { start: '0', end: 10, hash: 'h' }, false],
    ['check-now with no payload fields', 'check-now', {}, true],
    ['check-now with a field', 'check-now', { force: true }, false],
    ['check-selection with no payload fields', 'check-selection', {}, true],
    ['check-selection with the text in it', 'check-selection', { text: 'forged' }, false],
    ['report-status with null', 'report-status', null, false],
  ])('%s', (_name, type, payload, valid) => {
    expect(contentValidators[type](payload)).toBe(valid);
  });
});

test('isResult', () => {
  expect(isResult({ ok: true, value: null })).toBe(true);
  expect(isResult({ ok: false, error: 'x' })).toBe(true);
  expect(isResult({ ok: true })).toBe(false);
  expect(isResult({ ok: false })).toBe(false);
  expect(isResult(undefined)).toBe(false);
});
