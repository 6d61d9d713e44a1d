import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractArticle, extractMainText } from '../../src/content/extract';
import { splitSentences } from '../../src/core/sentences';
import { documentOf } from './load-page';

const squash = (s: string): string => s.replace(/\s+/g, '');

const THREAD = path.resolve(
  import.meta.dirname,
  '../fixtures/site/hosts/chatter.test/lenawatches/thread/1893.html',
);

/** A page without an article: a few lines of prose in plain <div>s, after `furniture`. */
function pageWith(furniture: string): Document {
  return documentOf(`<html><head><style>.promo { display: none }</style></head><body>
    ${furniture}<div><div>Moscow has handed the Trump administration a list of demands.</div></div>
    </body></html>`);
}

describe("the page's visible main text, where no article is found", () => {
  test('a social thread: its posts, without menus, buttons and search', () => {
    const doc = documentOf(
      readFileSync(THREAD, 'utf8'),
      'http://chatter.test/lenawatches/thread/1893',
    );
    const page = extractMainText(doc)!;
    expect(page).not.toBeNull();
    expect(page.source).toBe('page');
    expect(page.title).toBe('Lena Ortiz on Chatter');
    expect(page.text).toContain(
      'President Donald Trump is still waiting to hear whether Vladimir Putin will sign up to a 30-day truce.',
    );
    expect(page.text).toContain('Sourdough is back on the shelves from Thursday.');
    // Navigation (repeated per breakpoint), buttons and the search box are furniture.
    for (const furniture of ['Notifications', 'Bookmarks', 'Reply', 'Follow', 'Search Chatter']) {
      expect(page.text).not.toContain(furniture);
    }
    for (const unit of splitSentences(page.text)) {
      const range = page.rangeFor(unit.start, unit.end);
      expect(range, unit.text).not.toBeNull();
      expect(squash(range!.toString())).toBe(squash(unit.text));
    }
  });

  test.each([
    ['a <nav>', '<nav><a href="/">Home</a> <a href="/world">World news today</a></nav>'],
    ['an <aside>', '<aside>Most read: Inflation eases for a second month</aside>'],
    ['the page header', '<header><div>The Daily Ledger, since 1893</div></header>'],
    ['the page footer', '<footer>All rights reserved by the Daily Ledger.</footer>'],
    ['a dialog', '<div role="dialog">We use cookies to improve your experience.</div>'],
    ['a consent banner', '<div class="cookie-consent">We and our partners process data.</div>'],
    ['a pinned overlay', '<div style="position: fixed">Subscribe for one dollar a week.</div>'],
    ['a button', '<button>Load more posts</button>'],
    ['a control by its role', '<div role="button">12 replies</div>'],
    ['a hidden element', '<div hidden>Subscribe now for unlimited access.</div>'],
    ['an element hidden by the stylesheet', '<div class="promo">Subscribe now for access.</div>'],
  ])('leaves out %s', (_name, furniture) => {
    const page = extractMainText(pageWith(furniture));
    expect(page?.source).toBe('page');
    expect(page?.text).toBe('Moscow has handed the Trump administration a list of demands.');
  });

  test("is the extractor's own last resort, where no article body is found", () => {
    const line =
      'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by four thousand residents.';
    // An old table layout too large for Readability, with no <p>, <article> or <main> (as in the
    // command line's test), a cookie bar and a promotion the stylesheet hides.
    const cells = Array.from({ length: 800 }, (_, i) => `<td>${(i * 7) % 101}</td>`).join('');
    const html = `<html><head><title>Town news</title><style>.promo { display: none }</style></head>
      <body><div class="cookie-bar">We use cookies to improve your experience.</div>
      <div>${'<a href="/x">Section</a> '.repeat(30)}</div>
      <div class="promo">Subscribe now for access.</div>
      <table><tr><td><font size="2">${`${line}<br><br>`.repeat(2)}</font></td></tr></table>
      <table><tr>${cells}</tr></table></body></html>`;
    const article = extractArticle(documentOf(html))!;
    expect(article.source).toBe('page');
    expect(article.text).toContain(line);
    for (const unwanted of ['cookies', 'Section', 'Subscribe']) {
      expect(article.text).not.toContain(unwanted);
    }
    expect(article.text).toBe(extractMainText(documentOf(html))?.text);
  });

  test("keeps a post's own header, inside its section", () => {
    const doc = documentOf(`<body><section><header>Lena Ortiz · 3h</header>
      <div>Moscow has handed over a list of demands.</div></section></body>`);
    expect(extractMainText(doc)?.text).toBe(
      'Lena Ortiz · 3h\n\nMoscow has handed over a list of demands.',
    );
  });

  test('is null for a page with no visible text', () => {
    const doc = documentOf(
      '<body><nav>Home</nav><div hidden>Nothing</div><button>Go</button></body>',
    );
    expect(extractMainText(doc)).toBeNull();
    expect(extractArticle(doc)).toBeNull();
  });

  test('is cut at maxChars and says so', () => {
    const doc = documentOf(
      `<body>${'<div>Moscow has handed over a list of demands.</div>'.repeat(50)}</body>`,
    );
    const page = extractMainText(doc, { maxChars: 200 })!;
    expect(page.source).toBe('page');
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(200);
  });
});
