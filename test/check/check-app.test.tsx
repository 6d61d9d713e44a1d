// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import { CheckApp } from '../../src/check/check-app';
import type { CheckClient } from '../../src/check/client';
import { MAX_CHECK_CHARS } from '../../src/core/matcher';
import { cutForCheck } from '../../src/core/text-cut';
import type { ArticleReport } from '../../src/core/types';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import type { CheckTextRequest, KeptSelection, Result, TextCheck } from '../../src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const CLAIM = 'Russia has handed the US a list of demands.';

/** The engine's answer, as a stub: the claim matched wherever the text has it. */
function reportOn(text: string, title: string | null): ArticleReport {
  const at = text.indexOf(CLAIM);
  const sentences =
    at < 0
      ? [{ text: text.trim(), start: 0, end: text.length, matches: [] }]
      : [
          {
            text: CLAIM,
            start: at,
            end: at + CLAIM.length,
            matches: [
              {
                report: 'eawaz',
                outlet: 'eAwaz',
                url: 'https://eawaz.example/r',
                text: 'Russia has presented the United States with a list of demands.',
                start: 0,
                end: 62,
                score: 0.8,
                tier: 'close' as const,
              },
            ],
          },
        ];
  const matched = sentences.filter((s) => s.matches.length > 0).length;
  return {
    self: null,
    article: { title, detected: true },
    sentences,
    summary: {
      sentences: sentences.length,
      matched,
      outlets: matched ? [{ report: 'eawaz', outlet: 'eAwaz', sentences: 1 }] : [],
    },
  };
}

function stubClient(options: { kept?: KeptSelection | null; fails?: string } = {}): CheckClient & {
  check: ReturnType<typeof vi.fn>;
  settingsChanged: (settings: Settings) => void;
} {
  const listeners = new Set<(settings: Settings) => void>();
  let stored: Settings = { ...DEFAULT_SETTINGS };
  return {
    watchSettings(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settingsChanged: (settings) => {
      stored = settings;
      listeners.forEach((listener) => listener(settings));
    },
    settings: vi.fn(async () => stored),
    updateSettings: vi.fn(async (change: (settings: Settings) => Settings) => {
      stored = change(stored);
      listeners.forEach((listener) => listener(stored));
      return stored;
    }),
    corpus: vi.fn(async () => ({
      ok: true as const,
      value: { story: null, reports: [], echo: { origin: 'One wire report', reports: 5 } },
    })),
    check: vi.fn(async (request: CheckTextRequest): Promise<Result<TextCheck>> => {
      if (options.fails) return { ok: false, error: options.fails };
      return { ok: true, value: { report: reportOn(request.text, request.title), echo: null } };
    }),
    keptSelection: vi.fn(async () => options.kept),
  };
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function show(client: CheckClient): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<CheckApp client={client} />, root);
  });
  await settle();
  return root;
}

const box = (view: HTMLElement) => view.querySelector('textarea')!;

async function type(view: HTMLElement, text: string): Promise<void> {
  await act(async () => {
    box(view).value = text;
    box(view).dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function button(view: HTMLElement, text: string): HTMLButtonElement {
  const found = [...view.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}" in: ${view.textContent}`);
  return found;
}

async function press(view: HTMLElement, text: string): Promise<void> {
  await act(async () => button(view, text).click());
  await settle();
}

/** Drops files on the page as a browser does: a drop event whose data carries files. */
async function drop(files: File[]): Promise<void> {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
  await act(async () => void window.dispatchEvent(event));
  await settle();
  expect(event.defaultPrevented).toBe(true);
}

describe('the check page', () => {
  test('checks the text shown again when the reader chooses how sure a match must be', async () => {
    const client = stubClient();
    const view = await show(client);
    // Before anything is checked, a change checks nothing.
    await act(async () => client.settingsChanged({ ...DEFAULT_SETTINGS, minChance: 0.7 }));
    await settle();
    expect(client.check).not.toHaveBeenCalled();
    await type(view, 'Moscow has presented the United States with a list of demands.');
    await press(view, 'Check');
    expect(client.check).toHaveBeenCalledTimes(1);
    // Another setting, the same choice: nothing to do.
    await act(async () => client.settingsChanged({ ...DEFAULT_SETTINGS, highlights: false }));
    await settle();
    expect(client.check).toHaveBeenCalledTimes(1);
    await act(async () => client.settingsChanged({ ...DEFAULT_SETTINGS, minChance: 0.85 }));
    await settle();
    expect(client.check).toHaveBeenCalledTimes(2);
    expect(client.check).toHaveBeenLastCalledWith(
      expect.objectContaining({
        text: 'Moscow has presented the United States with a list of demands.',
      }),
    );
    expect(view.querySelector('.report')).not.toBeNull();
  });

  test('a match marked "not the same claim" is stored and the text checked again', async () => {
    const client = stubClient();
    const view = await show(client);
    await type(view, CLAIM);
    await press(view, 'Check');
    expect(client.check).toHaveBeenCalledTimes(1);
    const hide = view.querySelector<HTMLButtonElement>('.hide-match')!;
    expect(hide.textContent).toBe('Not the same claim');
    expect(hide.getAttribute('aria-label')).toBe(
      'Not the same claim: hide eAwaz’s wording of this sentence',
    );
    await act(async () => hide.click());
    await settle();
    const stored = await client.settings();
    expect(stored.hiddenMatches).toHaveLength(1);
    expect(client.check).toHaveBeenCalledTimes(2);
    // Another setting changing leaves the report alone; the mark taken off checks again.
    await act(async () => client.settingsChanged({ ...stored, highlights: false }));
    await settle();
    expect(client.check).toHaveBeenCalledTimes(2);
    await act(async () => client.settingsChanged({ ...stored, hiddenMatches: [] }));
    await settle();
    expect(client.check).toHaveBeenCalledTimes(3);
  });

  test('starts empty, with the box labelled and focused, and nothing checked', async () => {
    const client = stubClient();
    const view = await show(client);
    const label = view.querySelector('label[for="check-text"]');
    expect(label?.textContent).toBe('Text to check');
    expect(document.activeElement).toBe(box(view));
    expect(view.textContent).toContain('0 characters');
    expect(view.querySelector('.report')).toBeNull();
    expect(document.title).toBe('Check a text');
  });

  test('empty input gives a clear message, not an error, and checks nothing', async () => {
    const client = stubClient();
    const view = await show(client);
    await type(view, '   \n ');
    await press(view, 'Check');
    expect(view.textContent).toContain('There is no text to check yet');
    expect(view.querySelector('[role="alert"]')).toBeNull();
    expect(box(view).getAttribute('aria-invalid')).toBe('true');
    expect(client.check).not.toHaveBeenCalled();
  });

  test('pasted text is checked as given and the report appears below, about "your text"', async () => {
    const client = stubClient();
    const view = await show(client);
    const text = `Breaking: ${CLAIM} More soon.`;
    await type(view, text);
    await press(view, 'Check');
    expect(client.check).toHaveBeenCalledWith({
      text,
      title: null,
      detected: true,
      published: null,
    });
    expect(view.querySelector('.report-title')?.textContent).toBe('Your text');
    expect(view.querySelector('.claim-sentence')?.textContent).toBe(CLAIM);
    expect(view.querySelector('.claim-sentence')?.getAttribute('aria-label')).toBe(
      `Find in your text: ${CLAIM}`,
    );
    expect(view.querySelector('[role="status"].sr-only')?.textContent).toBe(
      'The one sentence checked is also reported by other outlets',
    );
    // Choosing a claim selects its sentence in the box.
    await act(async () => (view.querySelector('.claim-sentence') as HTMLButtonElement).click());
    expect(document.activeElement).toBe(box(view));
    expect(text.slice(box(view).selectionStart, box(view).selectionEnd)).toBe(CLAIM);
  });

  test('a question is not checked, and the page says why and what to write instead', async () => {
    const client = stubClient();
    const view = await show(client);
    await type(view, 'Did Russia hand the US a list of demands?');
    await press(view, 'Check');
    expect(view.querySelector('.question-note')?.textContent).toBe(
      'Its question was not checked: a question asserts nothing that another outlet could have ' +
        'reported. To check what it asks, write it as a statement.',
    );
    // A statement gets no such note.
    await type(view, CLAIM);
    await press(view, 'Check');
    expect(view.querySelector('.claim-sentence')?.textContent).toBe(CLAIM);
    expect(view.querySelector('.question-note')).toBeNull();
  });

  test('Ctrl+Enter in the box checks the text', async () => {
    const client = stubClient();
    const view = await show(client);
    await type(view, CLAIM);
    await act(async () => {
      box(view).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      );
    });
    await settle();
    expect(client.check).toHaveBeenCalledOnce();
    expect(view.querySelector('.claim')).not.toBeNull();
  });

  test('a text over the cap is cut where the engine cuts it, and the page says what was cut', async () => {
    const client = stubClient();
    const view = await show(client);
    const text = `${CLAIM} `.repeat(Math.ceil((MAX_CHECK_CHARS * 1.2) / (CLAIM.length + 1)));
    await type(view, text);
    expect(view.textContent).toContain('only the first 100,000 will be checked');
    await press(view, 'Check');
    const { checked, rest } = cutForCheck(text);
    expect(client.check.mock.calls[0]![0].text).toBe(checked);
    const note = view.querySelector('.cut-note')?.textContent ?? '';
    expect(note).toContain(`This text is ${text.length.toLocaleString('en')} characters long`);
    expect(note).toContain(`The last ${rest.length.toLocaleString('en')} characters, from “`);
    await act(async () => button(view, 'Select the part not checked').click());
    expect(box(view).selectionStart).toBe(checked.length);
    expect(box(view).selectionEnd).toBe(text.length);
  });

  test('a dropped .txt file fills the box and is checked under its name', async () => {
    const client = stubClient();
    const view = await show(client);
    await drop([new File([`Thread:\n\n${CLAIM}`], 'post.txt', { type: 'text/plain' })]);
    expect(box(view).value).toBe(`Thread:\n\n${CLAIM}`);
    expect(client.check).toHaveBeenCalledWith({
      text: `Thread:\n\n${CLAIM}`,
      title: 'post.txt',
      detected: true,
      published: null,
    });
    expect(view.textContent).toContain('Text of post.txt.');
    expect(view.querySelector('.report-title')?.textContent).toBe('post.txt');
  });

  test('a dropped file that is not text is refused with a message, and nothing is checked', async () => {
    const client = stubClient();
    const view = await show(client);
    await drop([new File([Uint8Array.from([0xff, 0xd8, 0, 0])], 'photo.jpg')]);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(
      'photo.jpg is not a text or HTML file',
    );
    expect(client.check).not.toHaveBeenCalled();
  });

  test('a selection its page could not check arrives filled in and checked', async () => {
    const client = stubClient({ kept: { text: CLAIM, url: 'https://social.example/p/1' } });
    const view = await show(client);
    expect(box(view).value).toBe(CLAIM);
    expect(client.check).toHaveBeenCalledWith({
      text: CLAIM,
      title: 'Text selected on social.example',
      detected: false,
      published: null,
    });
    expect(view.textContent).toContain('You selected this text on social.example.');
  });

  test('a selection that is gone says so', async () => {
    const view = await show(stubClient({ kept: null }));
    expect(view.textContent).toContain('The selected text is no longer available.');
  });

  test('a failed check shows the error and its details', async () => {
    const client = stubClient({ fails: 'corpus/index.json could not be read' });
    const view = await show(client);
    await type(view, CLAIM);
    await press(view, 'Check');
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong');
    expect(view.textContent).toContain('corpus/index.json could not be read');
  });
});
