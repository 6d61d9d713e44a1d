/**
 * Visible strings: every one comes from `_locales/<lang>/messages.json` through `t`. The key type
 * is read from the English file, so a misspelt key is a compile error.
 */
import type { Api } from './browser-api';
import { isRecord } from './validate';

/** A key of messages.json. */
export type MessageKey = keyof typeof import('../../assets/_locales/en/messages.json');

/** Looks up a message, with `$1`…`$9` substitutions. */
export type Translator = (key: MessageKey, substitutions?: string | readonly string[]) => string;

let translator: Translator | null = null;

function fromApi(): Translator {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  const i18n = (scope.browser ?? scope.chrome)?.i18n;
  return (key, substitutions) => {
    const text = i18n?.getMessage(key, substitutions as string | string[] | undefined) ?? '';
    // An empty answer means the key is missing: show the key so it is noticed, not a blank.
    return text === '' ? key : text;
  };
}

/** The translated text of `key`. */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  translator ??= fromApi();
  return translator(key, substitutions);
}

/** The browser's UI language as a BCP 47 tag (for the pages' `lang`), "en" when unknown. */
export function uiLanguage(): string {
  const scope = globalThis as { browser?: Api; chrome?: Api };
  try {
    return (scope.browser ?? scope.chrome)?.i18n?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Replaces the translator (tests render views outside the extension with `translatorFrom`). */
export function setTranslator(next: Translator | null): void {
  translator = next;
}

/**
 * A translator over a parsed messages.json, following the browser's rules: named placeholders
 * `$NAME$` take their `content`, `$1`…`$9` take the substitutions, `$$` is a dollar sign.
 */
export function translatorFrom(messages: unknown): Translator {
  const table = isRecord(messages) ? messages : {};
  return (key, substitutions) => {
    const entry = table[key];
    if (!isRecord(entry) || typeof entry.message !== 'string') return key;
    const args = substitutions === undefined ? [] : [substitutions].flat();
    const placeholders = isRecord(entry.placeholders) ? entry.placeholders : {};
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_m, digit: string) => args[Number(digit) - 1] ?? '');
    // One pass over the template: inserted substitutions are never scanned again.
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name?: string) => {
      if (name === undefined) return '$';
      const placeholder = placeholders[name.toLowerCase()];
      if (!isRecord(placeholder) || typeof placeholder.content !== 'string') return match;
      return positional(placeholder.content);
    });
  };
}
