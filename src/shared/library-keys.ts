/**
 * How articles of the reader's library are named among reports: `library:<id>`. Outlet slugs
 * (the bundled reports' ids) never hold a colon, so the two never meet.
 */

/** Report keys of library articles start with this. */
export const LIBRARY_KEY_PREFIX = 'library:';

/** The report key of library article `id`. */
export function libraryKey(id: number): string {
  return `${LIBRARY_KEY_PREFIX}${id}`;
}

/** The article id of a library report key, or null for a bundled report. */
export function articleIdOf(key: string): number | null {
  if (!key.startsWith(LIBRARY_KEY_PREFIX)) return null;
  const id = Number(key.slice(LIBRARY_KEY_PREFIX.length));
  return Number.isInteger(id) && id > 0 ? id : null;
}
