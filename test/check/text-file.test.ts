// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import messages from '../../assets/_locales/en/messages.json';
import { MAX_FILE_BYTES, readTextFile } from '../../src/check/text-file';
import { setTranslator, translatorFrom } from '../../src/shared/i18n';

beforeAll(() => setTranslator(translatorFrom(messages)));
afterAll(() => setTranslator(null));

const SITE = path.resolve(import.meta.dirname, '../fixtures/site/hosts');
const fixture = (file: string) => readFileSync(path.join(SITE, file), 'utf8');
const MERIDIAN = 'meridianpost.test/world/2025/mar/14/russia-demands-ceasefire-talks.html';
const THREAD = 'chatter.test/lenawatches/thread/1893.html';

describe('readTextFile', () => {
  test('a .txt file is checked as it is, as the command line takes plain text', async () => {
    const text = 'Russia has handed the US a list of demands.\n\nTalks went on.';
    expect(await readTextFile(new File([text], 'post.txt', { type: 'text/plain' }))).toEqual({
      ok: true,
      text,
      title: null,
      detected: true,
      read: 'text',
      published: null,
    });
  });

  test('an .html news page gives its article: the body and title, not the menus', async () => {
    const read = await readTextFile(new File([fixture(MERIDIAN)], 'story.html'));
    if (!read.ok) throw new Error(read.error);
    expect(read).toMatchObject({
      title: 'Kremlin sends Washington its price for peace in Ukraine',
      detected: true,
      read: 'article',
      published: '2025-03-14T07:00:00Z',
    });
    expect(read.text).toContain('The list has not been published.');
    expect(read.text).not.toContain('Most read');
  });

  test('an HTML page without an article gives its visible text', async () => {
    const read = await readTextFile(new File([fixture(THREAD)], 'thread.htm'));
    if (!read.ok) throw new Error(read.error);
    expect(read).toMatchObject({ detected: false, read: 'page' });
    expect(read.text).toContain('Sourdough is back on the shelves from Thursday.');
    expect(read.text).not.toContain('Notifications');
  });

  test('HTML under another name is recognised by its content; scripts in it never run', async () => {
    const html = `<!doctype html><html><body><script>window.ran = 1</script>
      <p>Russia has handed the US a list of demands for ending the war.</p></body></html>`;
    const read = await readTextFile(new File([html], 'saved-page'));
    // One paragraph is not taken for an article: its visible text is read, as on a page.
    expect(read).toMatchObject({
      ok: true,
      read: 'page',
      text: 'Russia has handed the US a list of demands for ending the war.',
    });
    expect((window as { ran?: number }).ran).toBeUndefined();
  });

  test('text that is not UTF-8 is read as Windows-1252', async () => {
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73]);
    expect(await readTextFile(new File([bytes], 'old.txt'))).toMatchObject({
      ok: true,
      text: 'Café talks',
    });
  });

  test.each([
    [
      'an image',
      new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], 'photo.png'),
      'photo.png is not a text or HTML file',
    ],
    ['an empty file', new File(['  \n '], 'empty.txt'), 'empty.txt has no text to check'],
    [
      'an HTML page without text',
      new File(
        ['<html><body><script>var page = {};</script><div hidden>Old</div></body></html>'],
        'app.html',
      ),
      'app.html has no text to check',
    ],
  ])('%s is refused with a message naming it', async (_name, file, message) => {
    const read = await readTextFile(file);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.error).toContain(message);
  });

  test('a file over the size limit is not read', async () => {
    const big = { name: 'dump.html', type: 'text/html', size: MAX_FILE_BYTES + 1 } as File;
    expect(await readTextFile(big)).toEqual({
      ok: false,
      error: 'dump.html is too large to read here (over 10 MB).',
    });
  });
});
