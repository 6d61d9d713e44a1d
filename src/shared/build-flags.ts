// Replaced by esbuild `define` at build time; absent under the test runner.
declare const __BROWSER__: string | undefined;

/** Which browser this bundle was built for (from the build, never from the user agent). */
export const BROWSER: 'chrome' | 'firefox' =
  typeof __BROWSER__ === 'string' && __BROWSER__ === 'firefox' ? 'firefox' : 'chrome';
