// @vitest-environment happy-dom
import messages from '../../assets/_locales/en/messages.json';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderCard, webUrl, type CardData } from '../../src/content/hover-card';
import { findDifferences } from '../../src/core/divergence';
import type { SentenceMatch } from '../../src/core/types';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';

beforeAll(() => {
  setTranslator(translatorFrom(messages));
});
afterAll(() => setTranslator(null));

function match(outlet: string, text: string, url: string): SentenceMatch {
  return {
    report: outlet.toLowerCase(),
    outlet,
    url,
    text,
    start: 0,
    end: text.length,
    score: 0.8,
    tier: 'close',
  };
}

function card(data: CardData): HTMLElement {
  const element = document.createElement('div');
  renderCard(document, element, data);
  return element;
}

describe('renderCard', () => {
  test('"Not the same claim" under each wording, for a click the page did not make up', () => {
    const sentence = {
      text: 'Moscow has presented a list of demands.',
      start: 0,
      end: 39,
      matches: [
        match('eAwaz', 'Russia handed over its demands.', 'https://eawaz.example/b'),
        match('Truther Daily', 'Russia issues demands.', 'https://truther.example/c'),
      ],
    };
    const hidden: string[] = [];
    const element = document.createElement('div');
    renderCard(document, element, { sentence, sources: null }, (key) => hidden.push(key));
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('button.hide')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Not the same claim', 'Not the same claim']);
    // Each named by its text and its outlet's name, by reference.
    const names = buttons.map((b) =>
      (b.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => element.querySelector(`#${id}`)?.textContent)
        .join(' '),
    );
    expect(names).toEqual(['Not the same claim eAwaz', 'Not the same claim Truther Daily']);
    // A script's click is not the reader's: nothing is hidden.
    buttons[0]!.click();
    buttons[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(hidden).toEqual([]);
    // Without the callback (a view that cannot store marks) there is no button.
    expect(card({ sentence, sources: null }).querySelector('button.hide')).toBeNull();
  });

  test('lists each outlet with its wording, tier and a safe link', () => {
    const element = card({
      sentence: {
        text: 'Moscow has presented a list of demands.',
        start: 0,
        end: 39,
        matches: [
          match(
            'CNews Live English',
            'Moscow has presented the United States with a list of demands.',
            'https://cnews.example/a',
          ),
          match('eAwaz', 'Russia handed over its demands.', 'https://eawaz.example/b'),
        ],
      },
      sources: '2 outlets, 1 independent source: Reuters',
    });
    expect(element.querySelector('.head')?.textContent).toBe('Also reported by 2 other outlets');
    expect([...element.querySelectorAll('.outlet')].map((e) => e.textContent)).toEqual([
      'CNews Live English',
      'eAwaz',
    ]);
    expect([...element.querySelectorAll('.tier')].map((e) => e.textContent)).toEqual([
      'Close wording',
      'Close wording',
    ]);
    // The score read as the chance of the same claim, its meaning in the tooltip.
    const chances = [...element.querySelectorAll<HTMLElement>('.chance')];
    expect(chances.map((e) => e.textContent)).toEqual(['80% same claim', '80% same claim']);
    expect(chances[0]!.title).toContain('about 80 in 100');
    const links = [...element.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['https://cnews.example/a', '_blank', 'noopener noreferrer'],
      ['https://eawaz.example/b', '_blank', 'noopener noreferrer'],
    ]);
    expect(element.querySelector('.echo')?.textContent).toBe(
      '2 outlets, 1 independent source: Reuters',
    );
  });

  /** The difference lines of a card whose outlets word `page` as `wordings` do. */
  function flagLines(page: string, wordings: readonly string[]): string[] {
    const element = card({
      sentence: {
        text: page,
        start: 0,
        end: page.length,
        matches: wordings.map((text, i) => ({
          ...match(`Outlet ${i}`, text, `https://outlet${i}.example/a`),
          differences: findDifferences(page, text),
        })),
      },
      sources: null,
    });
    return [...element.querySelectorAll('.flags')].map((e) => e.textContent ?? '');
  }

  test('one line per wording with the count and kinds of its differences', () => {
    const page = 'President Donald Trump is waiting for a 30-day truce.';
    expect(
      flagLines(page, [
        'Former President Donald Trump is waiting for a truce, sources said.',
        page,
      ]),
    ).toEqual(['3 differences: Number, Title, Attribution']);
  });

  test('a date is named as one, apart from a number', () => {
    expect(
      flagLines('Volodymyr Zelenskiy said on Tuesday he would accept a 30-day ceasefire.', [
        'Volodymyr Zelenskiy has already agreed to a ceasefire.',
        'Volodymyr Zelenskiy has said he would accept a 30-day ceasefire.',
      ]),
    ).toEqual(['3 differences: Date, Number, Hedge', 'Told differently: Date']);
  });

  test('markup in page or corpus text is shown as text, never parsed', () => {
    const payload = '<img src=x onerror="window.pwned=1"></script><b>bold</b>';
    const element = card({
      sentence: {
        text: payload,
        start: 0,
        end: payload.length,
        matches: [match(`${payload}Outlet`, payload, 'javascript:alert(1)')],
      },
      sources: null,
    });
    expect(element.querySelector('img, b, script')).toBeNull();
    expect(element.querySelector('.quote')?.textContent).toBe(payload);
    expect(element.querySelector('.outlet')?.textContent).toBe(`${payload}Outlet`);
    // A javascript: address is not a link at all.
    expect(element.querySelector('a')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

test.each([
  ['https://a.example/x', 'https://a.example/x'],
  ['http://a.example/', 'http://a.example/'],
  ['javascript:alert(1)', null],
  ['data:text/html,<b>', null],
  ['not a url', null],
])('webUrl(%j) = %j', (url, expected) => {
  expect(webUrl(url)).toBe(expected);
});

describe("a match from the reader's library", () => {
  test('says when the reader read it, next to the outlet', () => {
    const element = card({
      sentence: {
        text: 'Moscow has presented a list of demands.',
        start: 0,
        end: 39,
        matches: [
          {
            ...match(
              'The Northgate Courier',
              'Russia handed over its demands.',
              'https://n.example/a',
            ),
            report: 'library:4',
            read: '2025-05-03T09:30:00.000Z',
          },
        ],
      },
      sources: null,
    });
    expect(element.querySelector('.meta')?.textContent).toMatch(
      /^The Northgate Courierread on (3 May|May 3)/,
    );
  });
});
