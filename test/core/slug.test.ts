import { expect, test } from 'vitest';
import { slugify, uniqueSlugs } from '../../src/core/slug';

test.each([
  ['CNews Live English', 'cnews-live-english'],
  ['yourNEWS', 'yournews'],
  ['Truther Daily', 'truther-daily'],
  ['Chris Wick News', 'chris-wick-news'],
  ['eAwaz', 'eawaz'],
  ['Le Monde diplomatique', 'le-monde-diplomatique'],
  ['Süddeutsche Zeitung', 'suddeutsche-zeitung'],
  ["Fox & Friends' Desk", 'fox-and-friends-desk'],
  ['!!!', ''],
])('%s → %s', (name, slug) => {
  expect(slugify(name)).toBe(slug);
});

test('slugs are made unique and never empty', () => {
  expect(uniqueSlugs(['The Post', 'The post', '***'], (i) => `report-${i + 1}`)).toEqual([
    'the-post',
    'the-post-2',
    'report-3',
  ]);
});
