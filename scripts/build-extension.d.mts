/** The browsers built, each into dist/<browser>. */
export declare const BROWSERS: readonly ['chrome', 'firefox'];
/** The content script's size limit in bytes; the build fails above it. */
export declare const CONTENT_SCRIPT_LIMIT: number;
/** The manifest for one browser, from the shared source manifest.json. */
export declare function manifestFor(
  source: Record<string, unknown>,
  browser: 'chrome' | 'firefox',
  version: string,
  // Free-form manifest JSON: callers read nested fields of either browser's shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Record<string, any>;
/** Builds dist/chrome and dist/firefox (and their zips); with `watch`, keeps rebuilding. */
export declare function buildExtension(options: {
  root: string;
  dist: string;
  watch?: boolean;
}): Promise<void>;
