import messages from '../../assets/_locales/en/messages.json';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badgeFor, iconPaths } from '../../src/background/badge';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import type { PageStatus, TabState } from '../../src/shared/messages';

beforeAll(() => {
  setTranslator(translatorFrom(messages));
});
afterAll(() => setTranslator(null));

function state(status: PageStatus, matched = 0): TabState {
  return {
    status,
    url: 'https://news.example/a',
    host: 'news.example',
    hash: null,
    report:
      status === 'ready'
        ? {
            self: null,
            article: { title: null, detected: true },
            sentences: [],
            summary: { sentences: 20, matched, outlets: [] },
          }
        : null,
    truncated: false,
    echo: null,
    error: null,
    updatedAt: 0,
  };
}

test.each([
  ['nothing known', null, '', 'default', 'Crosscheck'],
  [
    'an article with matches',
    state('ready', 12),
    '12',
    'matches',
    'Crosscheck: 12 sentences also reported by other outlets',
  ],
  [
    'an article with matches at a stricter choice',
    { ...state('ready', 9), report: { ...state('ready', 9).report!, minChance: 0.85 } },
    '9',
    'matches',
    'Crosscheck: 9 sentences also reported by other outlets, counting matches at least 85% likely the same claim',
  ],
  [
    'an article without matches',
    state('ready', 0),
    '',
    'default',
    "Crosscheck: no other outlet in the corpus reports this article's sentences",
  ],
  [
    'more matches than fit',
    state('ready', 1234),
    '999+',
    'matches',
    'Crosscheck: 1234 sentences also reported by other outlets',
  ],
  ['not an article', state('not-article'), '', 'muted', 'Crosscheck: not a news article'],
  ['a disabled site', state('disabled'), '', 'muted', 'Crosscheck is off on this site'],
  [
    'an error',
    state('error'),
    '!',
    'muted',
    'Crosscheck: something went wrong; open the popup for details',
  ],
] as const)('%s', (_name, tab, text, icon, title) => {
  expect(badgeFor(tab)).toMatchObject({ text, icon, title });
});

test('each look names the four icon sizes', () => {
  expect(iconPaths('muted')).toEqual({
    16: 'icons/icon-muted-16.png',
    32: 'icons/icon-muted-32.png',
    48: 'icons/icon-muted-48.png',
    128: 'icons/icon-muted-128.png',
  });
  expect(iconPaths('default')['16']).toBe('icons/icon-16.png');
});
