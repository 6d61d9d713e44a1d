/**
 * The user's settings: typed defaults, a forgiving reader and a read-modify-write helper over
 * storage.local. A damaged or older stored value never costs the user the parts that are valid.
 */
import { isMatchKey } from '../core/hidden-matches';
import type { Api } from './browser-api';
import { isRecord } from './validate';

/** How highlighted sentences look on the page. */
export type HighlightStyle = 'marker' | 'underline';

/** The highlight styles, in the order the options page lists them. */
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['marker', 'underline'];

/**
 * How sure a match must be to be shown, as the verifier's calibrated probability that the two
 * sentences make the same claim: more likely than not (the engine's own threshold, the default),
 * or stricter, for a reader who would rather miss a match than be shown a wrong one. At 85% the
 * neighbouring stories of the quality tests give under one false match per 100 sentences
 * (cross-validated; figures in README.md, "How sure a match is").
 */
export const MATCH_CHANCES = [0.5, 0.7, 0.85] as const;

/** One of MATCH_CHANCES. */
export type MatchChance = (typeof MATCH_CHANCES)[number];

/** Everything the user can set. */
export interface Settings {
  /** Check pages that look like news articles without being asked. */
  autoDetect: boolean;
  /** Show highlights on the page (the popup switch and the keyboard command toggle this). */
  highlights: boolean;
  highlightStyle: HighlightStyle;
  /** Host names where Crosscheck does nothing (normalised by `siteKey`). */
  disabledSites: string[];
  /** Keep the articles the reader reads in their library (off until they switch it on). */
  keepArticles: boolean;
  /** Host names whose articles are never kept in the library (normalised by `siteKey`). */
  keepExcludedSites: string[];
  /** The least probability of the same claim at which a match is shown (see MATCH_CHANCES). */
  minChance: MatchChance;
  /**
   * The matches the reader marked "not the same claim", never shown again (keys made by
   * `matchKey` of src/core/hidden-matches.ts), oldest first.
   */
  hiddenMatches: string[];
}

/** The key of the settings object in storage.local. */
export const SETTINGS_KEY = 'settings';

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoDetect: true,
  highlights: true,
  highlightStyle: 'marker',
  disabledSites: [],
  keepArticles: false,
  keepExcludedSites: [],
  minChance: 0.5,
  hiddenMatches: [],
});

// Enough for anyone's list; keeps a damaged value from filling the options page.
const MAX_DISABLED_SITES = 1_000;
// A DNS name is at most 253 characters.
const MAX_HOST_LENGTH = 253;
const HOST_PATTERN = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/**
 * The key a site is disabled under: its lower-case host name without a leading "www.", or null
 * when the text is not a host name.
 */
export function siteKey(host: string): string | null {
  const key = host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (key === '' || key.length > MAX_HOST_LENGTH || !HOST_PATTERN.test(key)) return null;
  return key;
}

/** True when Crosscheck is turned off for this host. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const key = siteKey(host);
  return key !== null && settings.disabledSites.includes(key);
}

function readBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  // Values once written by hand or through a string-only store.
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return fallback;
}

function readStyle(value: unknown): HighlightStyle {
  if (typeof value !== 'string') return DEFAULT_SETTINGS.highlightStyle;
  const style = value.trim().toLowerCase();
  // "background" was the marker style's name in early builds.
  if (style === 'background') return 'marker';
  return (HIGHLIGHT_STYLES as readonly string[]).includes(style)
    ? (style as HighlightStyle)
    : DEFAULT_SETTINGS.highlightStyle;
}

/**
 * Marks kept at most; past it the oldest marks go. Years of marking one wrong match a day, and a
 * list the settings can still carry whole (about 40 KB).
 */
export const MAX_HIDDEN_MATCHES = 2_000;

/** The newest MAX_HIDDEN_MATCHES of `keys` (oldest first, as they are kept). */
function newestMarks(keys: readonly string[]): string[] {
  return keys.slice(Math.max(0, keys.length - MAX_HIDDEN_MATCHES));
}

function readHidden(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return newestMarks([...new Set(value.filter(isMatchKey))]);
}

function readChance(value: unknown): MatchChance {
  // A number, or its text (a store that keeps strings only).
  const chance = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return (MATCH_CHANCES as readonly unknown[]).includes(chance)
    ? (chance as MatchChance)
    : DEFAULT_SETTINGS.minChance;
}

function readSites(value: unknown): string[] {
  let entries: unknown[] = [];
  if (Array.isArray(value)) entries = value;
  // Older shapes: a map of host → true, or one comma- or line-separated string.
  else if (isRecord(value)) entries = Object.keys(value).filter((key) => value[key] === true);
  else if (typeof value === 'string') entries = value.split(/[\s,]+/);
  const sites = new Set<string>();
  for (const entry of entries) {
    if (sites.size >= MAX_DISABLED_SITES) break;
    if (typeof entry !== 'string') continue;
    const key = siteKey(entry);
    if (key !== null) sites.add(key);
  }
  return [...sites];
}

/**
 * Reads settings from whatever storage holds, field by field: each valid field is kept, each
 * missing or damaged one falls back to its default, invalid list entries are dropped one by one.
 */
export function parseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  return {
    autoDetect: readBoolean(value.autoDetect, DEFAULT_SETTINGS.autoDetect),
    // `highlightsEnabled` is the field's name in early builds.
    highlights: readBoolean(
      value.highlights ?? value.highlightsEnabled,
      DEFAULT_SETTINGS.highlights,
    ),
    highlightStyle: readStyle(value.highlightStyle),
    disabledSites: readSites(value.disabledSites),
    keepArticles: readBoolean(value.keepArticles, DEFAULT_SETTINGS.keepArticles),
    keepExcludedSites: readSites(value.keepExcludedSites),
    minChance: readChance(value.minChance),
    hiddenMatches: readHidden(value.hiddenMatches),
  };
}

/** The settings stored in storage.local (defaults when none or unreadable). */
export async function readSettings(api: Api): Promise<Settings> {
  try {
    const stored = await api.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS, disabledSites: [], keepExcludedSites: [], hiddenMatches: [] };
  }
}

/** Applies `change` to the stored settings and stores the result, which it returns. */
export async function updateSettings(
  api: Api,
  change: (settings: Settings) => Settings,
): Promise<Settings> {
  const next = parseSettings(change(await readSettings(api)));
  await api.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Adds or removes a host from the disabled sites. */
export function withSiteDisabled(settings: Settings, host: string, disabled: boolean): Settings {
  const key = siteKey(host);
  if (key === null) return settings;
  const others = settings.disabledSites.filter((site) => site !== key);
  return { ...settings, disabledSites: disabled ? [...others, key] : others };
}

/** True when articles of this host are never kept in the library. */
export function isSiteExcluded(settings: Settings, host: string): boolean {
  const key = siteKey(host);
  return key !== null && settings.keepExcludedSites.includes(key);
}

/** Adds or removes a host from the sites whose articles are never kept. */
export function withSiteExcluded(settings: Settings, host: string, excluded: boolean): Settings {
  const key = siteKey(host);
  if (key === null) return settings;
  const others = settings.keepExcludedSites.filter((site) => site !== key);
  return { ...settings, keepExcludedSites: excluded ? [...others, key] : others };
}

/** Marks a match "not the same claim" (the newest mark last; the oldest go past the limit). */
export function withMatchHidden(settings: Settings, key: string): Settings {
  const others = settings.hiddenMatches.filter((k) => k !== key);
  return { ...settings, hiddenMatches: newestMarks([...others, key]) };
}

/** Takes the marks off the matches of `keys`, so that they are shown again. */
export function withMatchesShown(settings: Settings, keys: readonly string[]): Settings {
  const shown = new Set(keys);
  return { ...settings, hiddenMatches: settings.hiddenMatches.filter((k) => !shown.has(k)) };
}

/** Whether two lists of marks are the same (a change of either is a reason to check again). */
export function sameMarks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Calls `listener` with the new settings whenever they change; returns an unsubscribe. */
export function watchSettings(api: Api, listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, SETTINGS_KEY)) {
      listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
    }
  };
  api.storage.onChanged.addListener(onChanged);
  return () => api.storage.onChanged.removeListener(onChanged);
}
