import { defineConfig } from 'vitest/config';

/**
 * The browser tests, once per browser: the same files with CROSSCHECK_BROWSER set, so a test
 * written once runs in Chromium and in Firefox (see test/e2e/README.md).
 */
function e2eProject(browser: 'chromium' | 'firefox', order: number) {
  return {
    test: {
      name: `e2e-${browser}`,
      include: ['test/e2e/**/*.test.ts'],
      // Files that start no browser run once, in the Chromium project.
      exclude:
        browser === 'chromium' ? [] : ['test/e2e/site.test.ts', 'test/e2e/firefox-lint.test.ts'],
      env: { CROSSCHECK_BROWSER: browser },
      // One browser per file; files run one after another, and the two browsers' projects one
      // after the other (sequence.groupOrder), so two browsers never fight over two cores.
      fileParallelism: false,
      sequence: { groupOrder: order },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          // First, on their own: beside a browser on a loaded machine, tests that spawn the CLI
          // ran past their 5 s timeout.
          sequence: { groupOrder: 0 },
        },
      },
      e2eProject('chromium', 1),
      e2eProject('firefox', 2),
    ],
  },
});
