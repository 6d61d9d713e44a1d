// A damaged prebuilt corpus index at run time (a truncated download, a disk error, an index of
// another version): the page is left alone, the toolbar button shows the error state, and the
// popup and the options page say what is wrong instead of staying blank. Once the index is whole
// again, the next check works without restarting anything.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  badgeOf,
  BUILT_EXTENSION_DIR,
  openExtensionPage,
  openPopup,
  screenshot,
  textsOf,
  waitForElement,
  waitForTabState,
  type Session,
} from './harness';
import {
  copyExtension,
  openHostilePage,
  probeHighlights,
  startHostileSession,
} from './hostile-support';

/** How much of the index is left after the "truncated download". */
const TRUNCATED_BYTES = 4_096;

let session: Session;
let extension: { dir: string; remove(): void };
let messages: Record<string, { message: string }>;
const goodIndex = readFileSync(path.join(BUILT_EXTENSION_DIR, 'corpus/index.json'), 'utf8');
const indexFile = () => path.join(extension.dir, 'corpus/index.json');

beforeAll(async () => {
  extension = copyExtension((dir) => {
    writeFileSync(path.join(dir, 'corpus/index.json'), goodIndex.slice(0, TRUNCATED_BYTES));
  });
  messages = JSON.parse(
    readFileSync(path.join(extension.dir, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  session = await startHostileSession({ extensionDir: extension.dir });
});

afterAll(async () => {
  await session?.close();
  extension?.remove();
});

/** Opens a news page, and checks every place the damage must (and must not) show. */
async function expectReported(problem: RegExp, shot: string) {
  const { page, tabId, errors } = await openHostilePage(session, 'shadow.test');
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'error');
  expect(state.error).toMatch(problem);
  expect((await badgeOf(session, tabId)).text).toBe('!');
  expect(await probeHighlights(session, page)).toEqual([]);

  const popup = await openPopup(session, tabId, { viewport: { width: 420, height: 600 } });
  await waitForElement(popup, '[role="alert"]');
  const said = (await textsOf(popup, '[role="alert"]')).join(' ');
  expect(said).toContain(messages.popupErrorTitle!.message);
  expect(said).toContain(messages.popupErrorCorpus!.message);
  expect(said).toMatch(problem);
  await screenshot(popup, shot);
  await popup.close();

  const options = await openExtensionPage(session, 'options.html');
  await expect
    .poll(async () => (await textsOf(options, '[role="alert"]')).join(' '))
    .toMatch(problem);
  await options.close();
  expect(errors).toEqual([]);
  await page.close();
}

test('a truncated index: error state, named in the popup and the options page, the page untouched', async () => {
  await expectReported(
    /corpus\/index\.json could not be read/i,
    'hostile-damaged-index-truncated-popup',
  );
});

test('an index of another version: the popup says to rebuild it', async () => {
  const other = JSON.parse(goodIndex) as { version: number };
  writeFileSync(indexFile(), JSON.stringify({ ...other, version: other.version + 100 }));
  await expectReported(/version .*rebuild/i, 'hostile-damaged-index-version-popup');
});

test('an index whose sentences point outside the vocabulary is refused, not half-used', async () => {
  const other = JSON.parse(goodIndex) as { sentences: { terms: number[] }[] };
  other.sentences[0]!.terms = [1e9];
  writeFileSync(indexFile(), JSON.stringify(other));
  await expectReported(/outside the vocabulary/i, 'hostile-damaged-index-terms-popup');
});

test('once the index is whole again, the next page is checked without a restart', async () => {
  writeFileSync(indexFile(), goodIndex);
  const { page, tabId } = await openHostilePage(session, 'shadow.test');
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  expect(state.report!.summary.matched).toBeGreaterThan(0);
  await page.close();
});
