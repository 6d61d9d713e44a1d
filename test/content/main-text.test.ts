import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/content/extract';
import { extractMainText } from '../../src/content/main-text';
import { splitSentences } from '../../src/core/sentences';
import { documentOf } from './load-page';

const squash = (s: string): string => s.replace(/\s+/g, '');

const THREAD = path.resolve(
  import.meta.dirname,
  '../fixtures/site/hosts/chatter.test/lenawatches/thread/1893.html',
);

describe('extractMainText', () => {
  test('a social thread with no article: its posts, without menus, buttons and search', () => {
    const doc = documentOf(
      readFileSync(THREAD, 'utf8'),
      'http://chatter.test/lenawatches/thread/1893',
    );
    // No article is found on it: this is the page "Check this page anyway" is for.
    expect(extractArticle(doc)).toBeNull();
    const page = extractMainText(doc)!;
    expect(page).not.toBeNull();
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
    ['a button', '<button>Load more posts</button>'],
    ['a hidden element', '<div hidden>Subscribe now for unlimited access.</div>'],
    ['an element hidden by the stylesheet', '<div class="promo">Subscribe now for access.</div>'],
  ])('leaves out %s', (_name, furniture) => {
    const doc = documentOf(`<html><head><style>.promo { display: none }</style></head><body>
      ${furniture}<div><div>Moscow has handed the Trump administration a list of demands.</div></div>
      </body></html>`);
    expect(extractMainText(doc)?.text).toBe(
      'Moscow has handed the Trump administration a list of demands.',
    );
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
  });

  test('is cut at maxChars and says so', () => {
    const doc = documentOf(
      `<body>${'<div>Moscow has handed over a list of demands.</div>'.repeat(50)}</body>`,
    );
    const page = extractMainText(doc, { maxChars: 200 })!;
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(200);
  });
});
