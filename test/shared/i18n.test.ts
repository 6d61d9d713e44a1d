import localeMessages from '../../assets/_locales/en/messages.json';
import { describe, expect, test } from 'vitest';
import { translatorFrom } from '../../src/shared/i18n';

const messages = localeMessages as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

describe('translatorFrom', () => {
  const t = translatorFrom(messages);

  test.each([
    ['reportSummary', ['12', '21'], '12 of 21 sentences also reported by other outlets'],
    [
      'reportSelf',
      'Truther Daily',
      "This is Truther Daily's own report, one of the reports in the corpus.",
    ],
    ['cardHeadMany', '3', 'Also reported by 3 other outlets'],
    ['buttonCheckAnyway', undefined, 'Check this page anyway'],
  ] as const)('%s', (key, substitutions, expected) => {
    expect(t(key, substitutions)).toBe(expected);
  });

  test('a missing key shows the key, not a blank', () => {
    expect(translatorFrom({})('extName')).toBe('extName');
  });

  test('substitutions are text: markup and dollar signs come through as typed', () => {
    expect(t('popupDisabledTitle', '<img src=x onerror=alert(1)>$1$$')).toBe(
      'Crosscheck is off on <img src=x onerror=alert(1)>$1$$',
    );
  });
});

describe('messages.json', () => {
  test.each(Object.keys(messages))(
    '%s: every $NAME$ has a placeholder and every placeholder is used',
    (key) => {
      const entry = messages[key]!;
      const used = new Set(
        [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()),
      );
      const declared = new Set(Object.keys(entry.placeholders ?? {}));
      expect(used).toEqual(declared);
      expect(entry.message.trim()).not.toBe('');
    },
  );

  test('the store description fits Chrome’s 132-character limit', () => {
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});
