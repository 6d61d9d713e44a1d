import localeMessages from '../../assets/_locales/en/messages.json';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noMatchesLine, summaryLine, wordingFor } from '../../src/popup/report-scope';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';
import type { TabState } from '../../src/shared/messages';

beforeAll(() => setTranslator(translatorFrom(localeMessages)));
afterAll(() => setTranslator(null));

describe('the summary of a report', () => {
  test('counts sentences in the plural', () => {
    expect(summaryLine(3, 21)).toBe('3 of 21 sentences also reported by other outlets');
  });

  test('speaks of a single sentence in the singular', () => {
    expect(summaryLine(1, 1)).toBe('The one sentence checked is also reported by other outlets');
    const page = wordingFor({ scope: 'article' } as TabState);
    const text = wordingFor({ scope: 'text' } as TabState);
    expect(noMatchesLine(page, 1)).toMatch(/^The one sentence of this article does not appear/);
    expect(noMatchesLine(text, 1)).toMatch(/^The one sentence of this text does not appear/);
    expect(noMatchesLine(page, 4)).toMatch(/^None of the 4 sentences of this article/);
  });
});
