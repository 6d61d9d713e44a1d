// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readPageMeta } from '../../src/content/page-meta';

function doc(head: string): Document {
  return new DOMParser().parseFromString(
    `<html><head>${head}</head><body></body></html>`,
    'text/html',
  );
}
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('what a page says about itself', () => {
  test.each([
    [
      'JSON-LD NewsArticle with a publisher object',
      ld({
        '@type': 'NewsArticle',
        publisher: { '@type': 'Organization', name: 'The Paper' },
        datePublished: '2025-03-14',
      }),
      { outlet: 'The Paper', published: '2025-03-14' },
    ],
    [
      'an article inside @graph, with a list of types and publishers',
      ld({
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          {
            '@type': ['ReportageNewsArticle'],
            publisher: [{ name: 'Graph Daily' }],
            datePublished: '2025-03-14T09:00:00+01:00',
          },
        ],
      }),
      { outlet: 'Graph Daily', published: '2025-03-14T08:00:00.000Z' },
    ],
    [
      'Open Graph and article tags when there is no JSON-LD',
      '<meta property="og:site_name" content="  OG   News "><meta property="article:published_time" content="2025-03-13T21:00:00Z">',
      { outlet: 'OG News', published: '2025-03-13T21:00:00.000Z' },
    ],
    [
      'broken JSON-LD, then the tags',
      '<script type="application/ld+json">{not json</script><meta property="og:site_name" content="Fallback">',
      { outlet: 'Fallback', published: null },
    ],
    ['nothing at all', '<title>x</title>', { outlet: null, published: null }],
  ])('%s', (_name, head, expected) => {
    expect(readPageMeta(doc(head))).toMatchObject(expected);
  });

  test('the canonical address, only when it is a web address', () => {
    expect(readPageMeta(doc('<link rel="canonical" href="https://paper.example/a?x=1">')).url).toBe(
      'https://paper.example/a?x=1',
    );
    expect(readPageMeta(doc('<link rel="canonical" href="javascript:alert(1)">')).url).toBeNull();
  });
});
