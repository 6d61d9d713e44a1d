/**
 * The news-like test pages of Mozilla Readability (test/fixtures/readability/, Apache-2.0): each
 * page's saved HTML and the article text Readability's own test expects of it.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { collectParagraphs } from '../../../src/content/paragraphs';

const folder = new URL('../../fixtures/readability/', import.meta.url);

/** One page of the suite, as listed in pages.json. */
export interface RealPage {
  slug: string;
  publisher: string;
  lang: string;
}

/** Every page of the suite, in the order of pages.json. */
export const REAL_PAGES: RealPage[] = (
  JSON.parse(readFileSync(new URL('pages.json', folder), 'utf8')) as { pages: RealPage[] }
).pages;

/** The saved page's HTML. */
export function sourceHtml(slug: string): string {
  return readFileSync(new URL(`${slug}/source.html`, folder), 'utf8');
}

/** Path of the saved page, for running the command line on it. */
export function sourcePath(slug: string): string {
  return new URL(`${slug}/source.html`, folder).pathname;
}

/** The text of Readability's expected output for the page, paragraph by paragraph. */
export async function expectedText(slug: string): Promise<string> {
  const html = readFileSync(new URL(`${slug}/expected.html`, folder), 'utf8');
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    window.document.body.innerHTML = html;
    const body = window.document.body as unknown as Element;
    return collectParagraphs(body, () => false)
      .map((p) => p.text)
      .join('\n\n');
  } finally {
    await window.happyDOM.close();
  }
}
