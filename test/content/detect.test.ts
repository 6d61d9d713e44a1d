import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../src/content/detect';
import { documentOf, loadPage } from './load-page';

const LONG_PARAGRAPHS = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story: officials met for a third day of talks on Thursday and said afterwards that progress had been slow but steady.</p>`,
).join('');

describe('detectArticle on fixture pages', () => {
  test.each([
    { page: 'news-article.html', isArticle: true, signal: 'json-ld:newsarticle' },
    { page: 'sport-article.html', isArticle: true, signal: 'json-ld:reportagenewsarticle' },
    { page: 'plain-article.html', isArticle: true, signal: 'prose-block' },
    { page: 'homepage.html', isArticle: false, signal: 'teasers:8' },
    { page: 'search-results.html', isArticle: false, signal: 'json-ld:searchresultspage' },
    { page: 'search-results-plain.html', isArticle: false, signal: undefined },
    { page: 'shop.html', isArticle: false, signal: 'json-ld:product' },
    { page: 'shop-plain.html', isArticle: false, signal: 'shop' },
  ])('$page → $isArticle', ({ page, isArticle, signal }) => {
    const result = detectArticle(loadPage(page));
    expect(result.isArticle, result.signals.join(' ')).toBe(isArticle);
    if (signal) expect(result.signals).toContain(signal);
  });
});

describe('detectArticle on structured data', () => {
  test.each([
    {
      name: 'JSON-LD array with an Article',
      head: '<script type="application/ld+json">[{"@type":"WebPage"},{"@type":"Article"}]</script>',
      body: `<div>${LONG_PARAGRAPHS}</div>`,
      isArticle: true,
    },
    {
      name: 'JSON-LD type as a full schema.org URL inside mainEntity',
      head: '<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"https://schema.org/NewsArticle"}}</script>',
      body: `<div>${LONG_PARAGRAPHS}</div>`,
      isArticle: true,
    },
    {
      name: 'malformed JSON-LD still names its type',
      head: '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",}</script>',
      body: `<div>${LONG_PARAGRAPHS}</div>`,
      isArticle: true,
    },
    {
      name: 'og:type=article on a page with no text',
      head: '<meta property="og:type" content="article">',
      body: '<div><p>Sign in to continue.</p></div>',
      isArticle: false,
    },
    {
      name: 'ItemList of NewsArticles is a list page',
      head: '<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle"}}]}</script>',
      body: `<div>${LONG_PARAGRAPHS}</div>`,
      isArticle: false,
    },
    {
      name: 'og:type=website with prose but no <article>',
      head: '<meta property="og:type" content="website">',
      body: `<div>${LONG_PARAGRAPHS}</div>`,
      isArticle: false,
    },
    {
      name: 'og:type=website overruled by one long <article>',
      head: '<meta property="og:type" content="website">',
      body: `<article>${LONG_PARAGRAPHS}</article>`,
      isArticle: true,
    },
    {
      name: 'a story with related-story cards outside the body',
      head: '',
      body: `<div class="body">${LONG_PARAGRAPHS}</div>${'<article><h3><a href="/x">Related</a></h3></article>'.repeat(6)}`,
      isArticle: true,
    },
    {
      name: 'an empty page',
      head: '',
      body: '',
      isArticle: false,
    },
    {
      name: 'teaser list in one container with linked headlines',
      head: '',
      body: `<div class="latest">${Array.from({ length: 6 }, (_, i) => `<h3><a href="/s${i}">Headline ${i}</a></h3><p>A standfirst long enough to look like prose, about the news of the day in some detail, number ${i}.</p>`).join('')}</div>`,
      isArticle: false,
    },
  ])('$name → $isArticle', ({ head, body, isArticle }) => {
    const doc = documentOf(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
    const result = detectArticle(doc);
    expect(result.isArticle, result.signals.join(' ')).toBe(isArticle);
  });
});
