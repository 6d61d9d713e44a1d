import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import { manifestFor } from '../../scripts/build-extension.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const source = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;
const chrome = manifestFor(source, 'chrome', '1.2.3');
const firefox = manifestFor(source, 'firefox', '1.2.3');

describe.each([
  ['chrome', chrome],
  ['firefox', firefox],
])('%s manifest', (_browser, manifest) => {
  test('asks only for the context menu and storage; content scripts on web pages only, with their stylesheet', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.permissions).toEqual(['contextMenus', 'storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content.js'],
        css: ['content.css'],
        run_at: 'document_idle',
      },
    ]);
  });

  test('lists the keyboard command that toggles highlights', () => {
    expect(manifest.commands['toggle-highlights'].suggested_key.default).toBe('Alt+Shift+H');
  });

  test('every __MSG_…__ names a message and every icon exists', () => {
    const text = JSON.stringify(manifest);
    for (const [, key] of text.matchAll(/__MSG_(\w+)__/g)) expect(messages).toHaveProperty(key!);
    const icons = [
      ...Object.values(manifest.icons),
      ...Object.values(manifest.action.default_icon),
    ] as string[];
    for (const icon of icons) expect(existsSync(path.join(root, 'assets', icon))).toBe(true);
  });

  test('only the extractor module is reachable from web pages', () => {
    expect(
      manifest.web_accessible_resources.map((entry: { resources: string[] }) => entry.resources),
    ).toEqual([['content-extract.js']]);
  });
});

test('Chrome gets the service worker and nothing it warns about', () => {
  expect(chrome.background).toEqual({ service_worker: 'background.js' });
  expect(chrome.browser_specific_settings).toBeUndefined();
  expect(chrome.web_accessible_resources[0].use_dynamic_url).toBe(true);
});

test('Firefox gets an event page and its Gecko settings', () => {
  expect(firefox.background).toEqual({ scripts: ['background.js'] });
  const gecko = firefox.browser_specific_settings.gecko;
  expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(gecko.id).toMatch(/@/);
  // The project's own domain: the id keys the user's stored data and can never change later.
  expect(gecko.id).not.toMatch(/\.(invalid|example|test|localhost)$/);
  expect(firefox.minimum_chrome_version).toBeUndefined();
  expect(firefox.web_accessible_resources[0].use_dynamic_url).toBeUndefined();
});

test('the source manifest is left untouched', () => {
  expect(source).toHaveProperty('browser_specific_settings');
  expect((source.background as Record<string, unknown>).service_worker).toBe('background.js');
});
