import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** A happy-dom Document of `html`, scripts not run, as the command line builds it. */
export function documentOf(html: string, url = 'https://news.example/story'): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** The HTML of a fixture page under test/fixtures/pages/. */
export function fixturePage(name: string): string {
  return readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

/** A happy-dom Document of a fixture page. */
export function loadPage(name: string): Document {
  return documentOf(fixturePage(name));
}
