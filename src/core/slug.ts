/** Readable identifiers made from names, e.g. an outlet's name into a report id. */

/** Longest slug kept: ids appear in URLs and JSON keys, where a short readable id is easier. */
const MAX_SLUG_LENGTH = 48;

/**
 * Lower-case ASCII slug of a name: accents dropped, camel-case humps and every run of other
 * characters turned into one hyphen ("CNews Live English" → "cnews-live-english", "yourNEWS" →
 * "yournews", "eAwaz" → "eawaz"). Returns "" when the name has no letters or digits.
 */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const slug = ascii
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/**
 * Slugs for several names, unique among themselves: a repeated slug gets "-2", "-3"… in order,
 * and a name without letters or digits falls back to `fallback(index)`.
 */
export function uniqueSlugs(
  names: readonly string[],
  fallback: (index: number) => string,
): string[] {
  const seen = new Set<string>();
  return names.map((name, index) => {
    const base = slugify(name) || fallback(index);
    let slug = base;
    for (let n = 2; seen.has(slug); n++) slug = `${base}-${n}`;
    seen.add(slug);
    return slug;
  });
}
