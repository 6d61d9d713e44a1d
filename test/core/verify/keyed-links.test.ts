import { describe, expect, test } from 'vitest';
import { KeyedLinks, packLinks, unpackLinks, type KeyedLink } from '../../../src/core/verify';

const link = (unit: number, report: string, sentence: number, probability = 0.9): KeyedLink => ({
  unit,
  report,
  sentence,
  probability,
});

describe('links by report key and sentence number', () => {
  test('a link is read from both of its sentences', () => {
    const links = new KeyedLinks();
    expect(links.size).toBe(0);
    links.set(
      'library:2',
      packLinks([link(0, 'cnews', 3), link(0, 'eawaz', 1, 0.85), link(4, 'cnews', 7)]),
    );
    expect(links.size).toBe(1);
    expect(links.at('library:2', 0)).toEqual([
      { report: 'cnews', sentence: 3, probability: 0.9 },
      { report: 'eawaz', sentence: 1, probability: 0.85 },
    ]);
    expect(links.at('cnews', 3)).toEqual([{ report: 'library:2', sentence: 0, probability: 0.9 }]);
    expect(links.at('cnews', 7)).toEqual([{ report: 'library:2', sentence: 4, probability: 0.9 }]);
    expect(links.at('cnews', 4)).toEqual([]);
    expect(links.at('library:3', 0)).toEqual([]);
  });

  test('made by both articles, a link counts once, at the higher probability', () => {
    const links = new KeyedLinks();
    links.set('library:1', packLinks([link(2, 'library:2', 5, 0.82)]));
    links.set('library:2', packLinks([link(5, 'library:1', 2, 0.91)]));
    expect(links.at('library:1', 2)).toEqual([
      { report: 'library:2', sentence: 5, probability: 0.91 },
    ]);
    expect(links.at('library:2', 5)).toEqual([
      { report: 'library:1', sentence: 2, probability: 0.91 },
    ]);
    // Taken away by one article, it stays as the other made it.
    links.delete('library:2');
    expect(links.at('library:1', 2)).toEqual([
      { report: 'library:2', sentence: 5, probability: 0.82 },
    ]);
    expect(links.at('library:2', 5)).toEqual([
      { report: 'library:1', sentence: 2, probability: 0.82 },
    ]);
  });

  test('setting an article again replaces its links; deleting and clearing take them away', () => {
    const links = new KeyedLinks();
    links.set('library:2', packLinks([link(0, 'cnews', 3), link(1, 'eawaz', 2)]));
    links.set('library:3', packLinks([link(0, 'cnews', 3)]));
    links.set('library:2', packLinks([link(1, 'eawaz', 4)]));
    expect(links.at('library:2', 0)).toEqual([]);
    expect(links.at('eawaz', 2)).toEqual([]);
    expect(links.at('eawaz', 4)).toEqual([{ report: 'library:2', sentence: 1, probability: 0.9 }]);
    expect(links.at('cnews', 3)).toEqual([{ report: 'library:3', sentence: 0, probability: 0.9 }]);
    links.delete('library:2');
    expect(links.at('eawaz', 4)).toEqual([]);
    expect(links.size).toBe(1);
    links.set('library:3', packLinks([]));
    expect(links.size).toBe(0);
    expect(links.at('cnews', 3)).toEqual([]);
    links.set('library:4', packLinks([link(0, 'cnews', 1)]));
    links.clear();
    expect(links.size).toBe(0);
    expect(links.at('cnews', 1)).toEqual([]);
  });

  test('packed for storing, links come back as they were, to the thousandth', () => {
    const links = [link(0, 'cnews', 3, 0.8123), link(2, 'eawaz', 1, 0.85), link(4, 'cnews', 7)];
    const packed = packLinks(links);
    expect(packed.reports).toEqual(['cnews', 'eawaz']);
    expect(packed.links).toEqual([0, 0, 3, 812, 2, 1, 1, 850, 4, 0, 7, 900]);
    expect(unpackLinks(packed)).toEqual([{ ...links[0]!, probability: 0.812 }, links[1], links[2]]);
  });

  test('a link to a sentence of its own article is not kept', () => {
    const links = new KeyedLinks();
    links.set('library:2', packLinks([link(0, 'library:2', 3)]));
    expect(links.at('library:2', 0)).toEqual([]);
    expect(links.at('library:2', 3)).toEqual([]);
  });
});
