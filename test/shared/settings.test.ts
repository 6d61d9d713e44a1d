import { describe, expect, test } from 'vitest';
import type { Api } from '../../src/shared/browser-api';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  parseSettings,
  readSettings,
  SETTINGS_KEY,
  siteKey,
  updateSettings,
  withMatchesShown,
  withMatchHidden,
  withSiteDisabled,
  MAX_HIDDEN_MATCHES,
  type Settings,
} from '../../src/shared/settings';

const defaults: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };

/** A storage.local stand-in holding whatever raw value a test puts there. */
function fakeApi(initial: Record<string, unknown>): { api: Api; data: Record<string, unknown> } {
  const data = { ...initial };
  const local = {
    get: async (key: string) => (Object.hasOwn(data, key) ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
  return { api: { storage: { local } } as unknown as Api, data };
}

describe('parseSettings', () => {
  test.each([
    ['nothing stored', undefined, defaults],
    ['not an object', 'corrupt', defaults],
    ['an array', [1, 2], defaults],
    [
      'valid values',
      {
        autoDetect: false,
        highlights: false,
        highlightStyle: 'underline',
        disabledSites: ['example.com'],
        keepArticles: true,
        keepExcludedSites: ['private.example'],
        minChance: 0.85,
        hiddenMatches: ['1x2y3z:2s'],
      },
      {
        autoDetect: false,
        highlights: false,
        highlightStyle: 'underline',
        disabledSites: ['example.com'],
        keepArticles: true,
        keepExcludedSites: ['private.example'],
        minChance: 0.85,
        hiddenMatches: ['1x2y3z:2s'],
      },
    ],
    [
      'hidden matches: damaged keys dropped one by one, each once',
      { hiddenMatches: ['abc:1', 42, '', 'not a key', 'abc:1', '<b>:1', 'def:2'] },
      { ...defaults, hiddenMatches: ['abc:1', 'def:2'] },
    ],
    ['hidden matches that are not a list', { hiddenMatches: 'abc:1' }, defaults],
    ['a strictness stored as text', { minChance: '0.7' }, { ...defaults, minChance: 0.7 }],
    [
      'a strictness that is not one of the choices reads as the default',
      { minChance: 0.6 },
      defaults,
    ],
    ['a strictness below the engine’s own', { minChance: 0.2 }, defaults],
    ['a strictness that is not a number', { minChance: 'strict' }, defaults],
    ['an empty strictness', { minChance: ' ' }, defaults],
    [
      'keeping off unless switched on, excluded sites checked like disabled ones',
      { keepArticles: 'yes', keepExcludedSites: ['www.Bank.example', 'not a host'] },
      { ...defaults, keepExcludedSites: ['bank.example'] },
    ],
    [
      'one damaged field keeps the others',
      { autoDetect: 'maybe', highlights: false, highlightStyle: 'underline' },
      { ...defaults, highlights: false, highlightStyle: 'underline' },
    ],
    [
      'an unknown style',
      { highlightStyle: 'blink', highlights: false },
      { ...defaults, highlights: false },
    ],
    [
      'booleans stored as strings',
      { autoDetect: 'false', highlights: 'true' },
      { ...defaults, autoDetect: false },
    ],
    [
      'the old name of the highlights field',
      { highlightsEnabled: false },
      { ...defaults, highlights: false },
    ],
    ['the old name of the marker style', { highlightStyle: 'Background' }, defaults],
    [
      'sites as a host → true map',
      { disabledSites: { 'example.com': true, 'other.org': false } },
      { ...defaults, disabledSites: ['example.com'] },
    ],
    [
      'sites as a comma-separated string',
      { disabledSites: 'a.com, www.b.org' },
      { ...defaults, disabledSites: ['a.com', 'b.org'] },
    ],
    [
      'invalid site entries dropped one by one',
      { disabledSites: ['ok.com', 42, '', 'not a host', '<script>', 'OK.com', 'x.net.'] },
      { ...defaults, disabledSites: ['ok.com', 'x.net'] },
    ],
    [
      'unknown fields ignored',
      { autoDetect: false, theme: 'neon' },
      { ...defaults, autoDetect: false },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  test('never returns the frozen defaults object itself', () => {
    const settings = parseSettings(undefined);
    settings.disabledSites.push('example.com');
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
});

describe('matches marked "not the same claim"', () => {
  test('a mark is added once, newest last, and taken off again', () => {
    const one = withMatchHidden(defaults, 'abc:1');
    const two = withMatchHidden(one, 'def:2');
    expect(two.hiddenMatches).toEqual(['abc:1', 'def:2']);
    expect(withMatchHidden(two, 'abc:1').hiddenMatches).toEqual(['def:2', 'abc:1']);
    expect(withMatchesShown(two, ['abc:1', 'zzz:9']).hiddenMatches).toEqual(['def:2']);
    expect(defaults.hiddenMatches).toEqual([]);
  });

  test('past the limit the oldest marks go, when marking and when reading', () => {
    const keys = Array.from({ length: MAX_HIDDEN_MATCHES + 5 }, (_, i) => `k${i.toString(36)}:1`);
    const read = parseSettings({ hiddenMatches: keys });
    expect(read.hiddenMatches).toHaveLength(MAX_HIDDEN_MATCHES);
    expect(read.hiddenMatches[0]).toBe(keys[5]);
    const marked = withMatchHidden(read, 'new:1');
    expect(marked.hiddenMatches).toHaveLength(MAX_HIDDEN_MATCHES);
    expect(marked.hiddenMatches[0]).toBe(keys[6]);
    expect(marked.hiddenMatches.at(-1)).toBe('new:1');
  });
});

describe('sites', () => {
  test.each([
    ['www.Example.COM', 'example.com'],
    ['news.example.co.uk', 'news.example.co.uk'],
    ['localhost', 'localhost'],
    ['[::1]', '[::1]'],
    ['exa mple.com', null],
    ['', null],
    ['a'.repeat(254), null],
  ])('siteKey(%j) = %j', (host, key) => {
    expect(siteKey(host)).toBe(key);
  });

  test('disabling and enabling a site by any spelling of its host', () => {
    const off = withSiteDisabled(defaults, 'www.example.com', true);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isSiteDisabled(off, 'example.com')).toBe(true);
    expect(isSiteDisabled(off, 'WWW.EXAMPLE.COM')).toBe(true);
    expect(isSiteDisabled(off, 'other.example.com')).toBe(false);
    expect(withSiteDisabled(off, 'example.com', true).disabledSites).toEqual(['example.com']);
    expect(withSiteDisabled(off, 'example.com', false).disabledSites).toEqual([]);
  });
});

describe('storage', () => {
  test('reading damaged storage keeps what is valid', async () => {
    const { api } = fakeApi({ [SETTINGS_KEY]: { highlights: false, disabledSites: [7, 'a.com'] } });
    expect(await readSettings(api)).toEqual({
      ...defaults,
      highlights: false,
      disabledSites: ['a.com'],
    });
  });

  test('an update stores a clean value and keeps the other fields', async () => {
    const { api, data } = fakeApi({
      [SETTINGS_KEY]: { highlights: 'false', junk: 1, disabledSites: 'a.com' },
    });
    const next = await updateSettings(api, (s) => ({ ...s, highlightStyle: 'underline' }));
    expect(next).toEqual({
      ...defaults,
      highlights: false,
      highlightStyle: 'underline',
      disabledSites: ['a.com'],
    });
    expect(data[SETTINGS_KEY]).toEqual(next);
  });

  test('a storage failure reads as the defaults', async () => {
    const api = {
      storage: { local: { get: async () => Promise.reject(new Error('gone')) } },
    } as unknown as Api;
    expect(await readSettings(api)).toEqual(defaults);
  });
});
