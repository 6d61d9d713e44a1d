import { describe, expect, test } from 'vitest';
import {
  extractArticle,
  extractArticleInSlices,
  READABILITY_MAX_ELEMENTS,
  type ExtractedArticle,
} from '../../src/content/extract';
import { documentOf, loadPage } from './load-page';

/** Runs the sliced extraction with a pause after every step, counting the pauses. */
async function inSlices(doc: Document, maxChars?: number, cancelAfter = Infinity) {
  let pauses = 0;
  const article = await extractArticleInSlices(doc, {
    maxChars,
    pause: async () => {
      pauses++;
    },
    sliceMs: 0,
    cancelled: () => pauses > cancelAfter,
  });
  return { article, pauses };
}

const essentials = (a: ExtractedArticle | null) =>
  a && { title: a.title, text: a.text, truncated: a.truncated, source: a.source };

/** The story's paragraphs: prose with clauses, as news bodies are written. */
const STORY = [
  'Moscow has handed Washington a list of conditions for ending the war in Ukraine, according to two people familiar with the talks, who spoke on condition of anonymity.',
  'The list, delivered over the past three weeks in meetings held in person and by video, repeats demands the Kremlin has made of Kyiv, of NATO and of the United States for years.',
  'Officials in Washington said they were still studying the document, and that no date had been set for a further round of talks between the two delegations.',
  'In Kyiv, the foreign ministry said it had not been shown the list, and that no agreement about Ukraine could be reached without Ukraine at the table.',
  'Analysts cautioned that the demands, which include limits on Western military aid, would be hard for European governments to accept, whatever Washington decides.',
];

/** Teaser standfirsts of other stories: one line each, each in its own linked card. */
const TEASERS = [
  'Harbour City lift the cup after a late winner',
  'New chip promises faster phones next year',
  'Grain exports recover as the corridor holds',
  'Museum reopens its east wing after repairs',
  'Ferry timetable changes for the summer season',
  'Council approves the budget for the new library',
];

/** A news page over Readability's limits: a long menu, the story, a grid of teasers. */
function busyPage(storyRepeats: number): string {
  const menu = Array.from(
    { length: READABILITY_MAX_ELEMENTS },
    (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`,
  ).join('');
  const story = Array.from({ length: storyRepeats }, () =>
    STORY.map((p) => `<p>${p}</p>`).join('\n'),
  ).join('\n');
  const cards = Array.from({ length: 8 }, () =>
    TEASERS.map(
      (t, i) =>
        `<div class="card"><a href="/story/${i}"><h3>${t}</h3></a><p>${t}, and what it means for the people of the region this week.</p></div>`,
    ).join(''),
  ).join('');
  return `<html><head><title>Moscow hands Washington its list | The Courier</title></head><body>
    <header><nav><ul>${menu}</ul></nav></header>
    <main><article><h1>Moscow hands Washington its list</h1>${story}</article>
    <section class="more"><h2>More stories</h2><div class="grid">${cards}</div></section></main>
    <footer><p>The Courier, all rights reserved.</p></footer></body></html>`;
}

describe('extractArticleInSlices', () => {
  test.each(['news-article.html', 'sport-article.html', 'plain-article.html'])(
    '%s: pauses along the way and ends with what extractArticle gives',
    async (page) => {
      const { article, pauses } = await inSlices(loadPage(page));
      expect(pauses).toBeGreaterThan(1);
      expect(essentials(article)).toEqual(essentials(extractArticle(loadPage(page))));
    },
  );

  test('cancelled part-way: null', async () => {
    const { article } = await inSlices(loadPage('news-article.html'), undefined, 2);
    expect(article).toBeNull();
  });
});

describe('pages over the size Readability is given', () => {
  test.each([
    ['a story Readability can take on its own', 1, 'readability'],
    ['a story too long for Readability: read from its element', 80, 'element'],
  ])('%s: the story, not the menu or the teaser grid', (_name, repeats, source) => {
    const doc = documentOf(busyPage(repeats));
    const article = extractArticle(doc)!;
    expect(article.source).toBe(source);
    for (const paragraph of STORY) expect(article.text).toContain(paragraph);
    for (const furniture of ['Section 12', 'Harbour City lift the cup', 'all rights reserved']) {
      expect(article.text).not.toContain(furniture);
    }
    // And every paragraph maps back to the live page.
    const start = article.text.lastIndexOf(STORY[4]!);
    expect(article.rangeFor(start, start + STORY[4]!.length)?.toString()).toBe(STORY[4]);
  });

  test('one paragraph of megabytes: cut at the cap, flagged, mapped', () => {
    const sentence = 'Officials said the talks would go on next week in Geneva. ';
    const doc = documentOf(
      `<html><body><article><p>${sentence.repeat(50_000)}</p></article></body></html>`,
    );
    const article = extractArticle(doc, { maxChars: 5_000 })!;
    expect(article.truncated).toBe(true);
    expect(article.text.length).toBeLessThanOrEqual(5_000);
    expect(article.text.length).toBeGreaterThan(4_900);
    const last = article.text.lastIndexOf('Officials');
    expect(article.rangeFor(last, last + 9)?.toString()).toBe('Officials');
  });
});
