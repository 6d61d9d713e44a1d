// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders whose code runs in one place only; src/core must stay free of DOM and extension APIs. */
const browserOnly = [
  '**/content/**',
  '**/background/**',
  '**/popup/**',
  '**/options/**',
  '**/shared/**',
  '**/library/**',
  '**/library-page/**',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        Intl: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The engine runs in Node, the service worker and tests alike: no DOM, no `browser`.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: browserOnly, message: 'src/core must not import browser code.' },
            {
              group: ['webextension-polyfill', 'preact', 'preact/*'],
              message: 'src/core is pure TypeScript.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'navigator'],
    },
  },
);
