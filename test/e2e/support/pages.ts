/**
 * Pages of the fixture site (test/fixtures/site/hosts/), by what they are: shared by the browser
 * tests' harness and the page-cost benchmark, which cannot import the harness because it
 * configures vitest.
 */

/** A page of the fixture site: its host name (resolved to 127.0.0.1) and path. */
export type PageRef = { host: string; path: string };

/** Pages of the fixture site, by what they are. Paths are those of test/fixtures/site/hosts/. */
export const PAGES = {
  cnews: {
    host: 'cnewslive.test',
    path: '/news/29835/russia-presents-us-with-demands-for-ending-ukraine-war-and-resetting-relations-aj',
  },
  yournews: { host: 'ganjingworld.test', path: '/news/1hg77petps26IKb20bldKghoE1kj1c' },
  truther: { host: 'trutherdaily.test', path: '/russia-demands' },
  chriswick: {
    host: 'chriswicknews.test',
    path: '/russia-presents-u-s-with-list-of-demands-to-end-war-in-ukraine/13274/',
  },
  eawaz: {
    host: 'eawaz.test',
    path: '/usa-news/putins-conditions-without-which-there-is-no-truce-trump-is-waiting-for-an-answer-to-a-key-question/',
  },
  meridian: {
    host: 'meridianpost.test',
    path: '/world/2025/mar/14/russia-demands-ceasefire-talks',
  },
  sport: { host: 'meridianpost.test', path: '/sport/2025/mar/15/harbour-city-rovers-derby' },
  home: { host: 'meridianpost.test', path: '/' },
  search: { host: 'meridianpost.test', path: '/search?q=russia+demands' },
  shop: { host: 'northwind-shop.test', path: '/products/ridgeline-jacket' },
  thread: { host: 'chatter.test', path: '/lenawatches/thread/1893' },
  spa: { host: 'newsline.test', path: '/story/russia-demands' },
  rerender: { host: 'dailyledger.test', path: '/live/russia-demands' },
  /** Two papers outside the corpus that retell the story (the library's browser tests). */
  northgate: { host: 'northgatecourier.test', path: '/news/2025/03/14/kremlin-price-for-peace' },
  harbour: { host: 'harbourledger.test', path: '/world/russia-gives-us-list-of-demands' },
} as const;
