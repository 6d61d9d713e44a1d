import { describe, expect, test } from 'vitest';
import {
  extractArticle,
  READABILITY_MAX_CHARS,
  READABILITY_MAX_ELEMENTS,
} from '../../src/content/extract';
import { isFurniture, isLinkList, linkShare } from '../../src/content/furniture';
import { documentOf } from './load-page';

/** The story: prose with clauses, as news bodies are written. */
const STORY = [
  'The port authority said on Monday that the new ferry terminal, delayed by two years of disputes over its cost, would open to passengers in the spring.',
  'Engineers found cracks in the piles of the old pier last winter, and the council, which owns half of the site, agreed to pay for the repairs in March.',
  'Local businesses, who had complained that the works kept visitors away, welcomed the news, although several said the delay had already cost them a season.',
  'The authority expects the terminal to handle two million passengers a year, about twice as many as the old one, once the second berth is finished.',
  'A spokesman said the timetable for the summer would be published in April, and that fares would not rise before the end of the year.',
];

/** Consent text as sites word it: long, full of commas, and placed before everything else. */
const CONSENT = [
  'We and our 842 partners would like to process and share personal data, using cookies and similar technologies, to personalise content and ads, to measure their performance, and to improve our products.',
  'You can accept all cookies, refuse them, or choose which purposes and partners you allow, and you can change your choice at any time, from the privacy settings at the bottom of every page.',
  'Some partners process data on the basis of legitimate interest, which you can object to, without giving consent, by managing your preferences, with effect for this site only.',
];

const paragraphs = (texts: string[]) => texts.map((t) => `<p>${t}</p>`).join('\n');

/** A menu with `items` links: zero keeps the page small enough for Readability as a whole. */
const menu = (items: number) =>
  `<nav><ul>${Array.from({ length: items }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;

/** A page: `before` sits before the article, `inside` in it between two halves of the story. */
function page(options: { before?: string; inside?: string; menuItems?: number }): string {
  return `<html><head><title>Ferry terminal to open in spring</title></head><body>
    ${options.before ?? ''}
    <header>${menu(options.menuItems ?? 0)}</header>
    <main><article><h1>Ferry terminal to open in spring</h1>
    ${paragraphs(STORY.slice(0, 3))}
    ${options.inside ?? ''}
    ${paragraphs(STORY.slice(3))}
    </article></main><footer><p>© The Harbour Gazette</p></footer></body></html>`;
}

/** What sits before the article or inside it, by the general signal that tells it apart. */
const FURNITURE: [string, { before?: string; inside?: string }, string][] = [
  [
    'a consent dialog (role=dialog, aria-modal)',
    { before: `<div role="dialog" aria-modal="true">${paragraphs(CONSENT)}</div>` },
    'personal data',
  ],
  [
    'a cookie wall pinned over the page (position: fixed)',
    { before: `<div style="position: fixed; inset: 0">${paragraphs(CONSENT)}</div>` },
    'personal data',
  ],
  [
    'a consent banner named so',
    { before: `<div class="cmp-consent-banner">${paragraphs(CONSENT)}</div>` },
    'personal data',
  ],
  [
    'a consent banner inside <noscript>',
    { before: `<noscript><div>${paragraphs(CONSENT)}</div></noscript>` },
    'personal data',
  ],
  [
    'skip links',
    {
      before:
        '<div class="top"><a href="#main">Skip to main content</a> <a href="#nav">Jump to navigation</a></div>',
    },
    'Skip to main content',
  ],
  [
    'a newsletter box inside the article',
    {
      inside:
        '<div class="newsletter-signup"><p>Sign up for the morning briefing, with the news of the harbour, the council and the courts, every weekday at seven.</p><form><input type="email"><button>Sign up</button></form></div>',
    },
    'morning briefing',
  ],
  [
    'a "related" rail inside the article',
    {
      inside: `<ul>${['Council approves the harbour budget', 'New ferry route to the islands', 'Fishing fleet returns early', 'Museum reopens its east wing'].map((t, i) => `<li><a href="/r/${i}">${t}</a></li>`).join('')}</ul>`,
    },
    'Council approves',
  ],
];

describe('what sits before the article never becomes the article', () => {
  // Small pages go to Readability whole; a page with a long menu is over its limits, and the
  // article's container is found first. Both paths must leave the furniture out.
  for (const [size, menuItems] of [
    ['small page', 0],
    ['page over the limits', 2 * READABILITY_MAX_ELEMENTS],
  ] as const) {
    test.each(FURNITURE)(`${size}: %s`, (_name, parts, unwanted) => {
      const article = extractArticle(documentOf(page({ ...parts, menuItems })))!;
      expect(article).not.toBeNull();
      expect(article.source).not.toBe('page');
      for (const paragraph of STORY) expect(article.text).toContain(paragraph);
      expect(article.text).not.toContain(unwanted);
      expect(article.text).not.toContain('Section 1');
    });
  }

  test('a page of nothing but navigation and skip links gives no article', () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/s/${i}">World news, section number ${i}</a></li>`,
    ).join('');
    const doc = documentOf(
      `<html><body><div><a href="#main">Skip to main content</a> <a href="#nav">Jump to navigation</a></div><div id="main"><ul>${links}</ul></div></body></html>`,
    );
    expect(extractArticle(doc)).toBeNull();
  });

  test('a page wrapped whole in an element named like a sidebar still gives its article', () => {
    const doc = documentOf(
      `<html><body><div class="layout-two-col-sidebar-right">${page({ menuItems: 2 * READABILITY_MAX_ELEMENTS }).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')}</div></body></html>`,
    );
    const article = extractArticle(doc)!;
    for (const paragraph of STORY) expect(article.text).toContain(paragraph);
  });
});

describe('long articles whole', () => {
  /** A long feature: sections of prose, each in a block of its own between pictures and quotes. */
  function feature(sections: number): { html: string; last: string } {
    const blocks = Array.from({ length: sections }, (_, s) => {
      const prose = STORY.map((p) => `<p>Part ${s + 1}. ${p}</p>`).join('');
      return `<section class="post-section"><div class="post-text">${prose}</div></section>
        <figure><img src="/p${s}.jpg"><figcaption>Picture ${s + 1} of the harbour.</figcaption></figure>
        <blockquote class="pull-quote"><p>“We have waited long enough,” said a ferry captain.</p></blockquote>`;
    }).join('\n');
    const html = `<html><head><title>The long wait for a terminal</title></head><body>
      <header>${menu(READABILITY_MAX_ELEMENTS)}</header>
      <div class="page"><div class="post-body">${blocks}</div>
      <aside><h2>Most read</h2>${paragraphs(['Fishing fleet returns early, and the market is full again.'])}</aside></div>
      </body></html>`;
    return { html, last: `Part ${sections}. ${STORY[4]}` };
  }

  test.each([
    ['split into sections, within what Readability takes', 6, 'readability'],
    ['split into sections, past what Readability takes', 75, 'element'],
  ])('a feature %s: the first and the last section are both there', (_name, sections, source) => {
    const { html, last } = feature(sections);
    const article = extractArticle(documentOf(html))!;
    expect(article.source).toBe(source);
    expect(article.text).toContain(`Part 1. ${STORY[0]}`);
    expect(article.text).toContain(last);
    expect(article.text).not.toContain('Fishing fleet');
    if (source === 'element') expect(article.text.length).toBeGreaterThan(READABILITY_MAX_CHARS);
    expect(article.truncated).toBe(false);
    const at = article.text.indexOf(last);
    expect(article.rangeFor(at, at + last.length)?.toString()).toBe(last);
  });
});

describe('furniture signals', () => {
  const el = (html: string) =>
    documentOf(`<html><body>${html}</body></html>`).body.firstElementChild!;

  test.each([
    ['<nav></nav>', true],
    ['<div role="dialog"></div>', true],
    ['<div role="alertdialog"></div>', true],
    ['<div aria-modal="true"></div>', true],
    ['<div style="position: fixed"></div>', true],
    ['<div class="cookie-notice"></div>', true],
    ['<div id="newsletter"></div>', true],
    ['<div class="skip-link"></div>', true],
    ['<div class="article-body"></div>', false],
    ['<div class="cookie-recipe-content"></div>', false],
    ['<div role="main"></div>', false],
    ['<section></section>', false],
  ])('isFurniture(%s) is %s', (html, expected) => {
    expect(isFurniture(el(html))).toBe(expected);
  });

  test('link share and link lists', () => {
    const rail = el(
      `<ul>${'<li><a href="/x">A headline of another story</a></li>'.repeat(4)}</ul>`,
    );
    expect(linkShare(rail)).toBe(1);
    expect(isLinkList(rail)).toBe(true);
    const row = el(`<div>${'<a href="/x">Section</a> '.repeat(6)}</div>`);
    expect(isLinkList(row)).toBe(true);
    const prose = el(`<div><p>${STORY[0]} <a href="/y">More</a></p><p>${STORY[1]}</p></div>`);
    expect(linkShare(prose)).toBeLessThan(0.05);
    expect(isLinkList(prose)).toBe(false);
    // A story's short list with a link in each item is kept: fewer than three items.
    expect(
      isLinkList(el('<ul><li><a href="/a">Report</a></li><li><a href="/b">Data</a></li></ul>')),
    ).toBe(false);
  });
});
