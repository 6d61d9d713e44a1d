/**
 * A long news article page (about 10,000 words) for the in-page benchmark: a realistic page
 * (navigation, JSON-LD, byline, sidebar, comments, footer) whose article mixes retold sentences of
 * the corpus story (so many sentences match and get highlighted) with long stretches of other prose.
 */
import { Prng } from './prng';
import { wordCount } from './synthetic-corpus';

/** What the page is made of. */
export interface LongArticleOptions {
  /** Sentences of the corpus story; each is retold before use. */
  storySentences: string[];
  /** Sentences of other news prose, retold to fill the article. */
  fillerSentences: string[];
  retell: (sentence: string, prng: Prng) => string;
  words: number;
  seed: number;
}

/** Share of paragraphs taken from the corpus story: enough highlights to stress the page. */
const STORY_PARAGRAPHS = 0.3;
/** Share of paragraphs with a link or emphasis inside, splitting sentences across DOM nodes. */
const INLINE_MARKUP = 0.4;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Wraps one word of a paragraph in a link or emphasis, as editors do. */
function withInlineMarkup(paragraph: string, prng: Prng): string {
  const words = paragraph.split(' ');
  const escaped = words.map(escapeHtml);
  if (words.length > 6 && prng.chance(INLINE_MARKUP)) {
    const i = prng.int(1, words.length - 2);
    escaped[i] = prng.chance(0.5)
      ? `<a href="#ref-${i}">${escaped[i]}</a>`
      : `<em>${escaped[i]}</em>`;
  }
  return escaped.join(' ');
}

/** The page's HTML and the article's plain text (paragraphs separated by blank lines). */
export function longArticlePage(options: LongArticleOptions): {
  html: string;
  text: string;
  words: number;
} {
  const prng = new Prng(options.seed);
  const paragraphs: string[] = [];
  let words = 0;
  let story = prng.shuffled(options.storySentences);
  let filler = prng.shuffled(options.fillerSentences);
  while (words < options.words) {
    const fromStory = prng.chance(STORY_PARAGRAPHS);
    const sentences: string[] = [];
    for (let n = prng.int(2, 5); n > 0; n--) {
      if (fromStory && story.length === 0) story = prng.shuffled(options.storySentences);
      if (!fromStory && filler.length === 0) filler = prng.shuffled(options.fillerSentences);
      const source = fromStory ? story : filler;
      sentences.push(options.retell(source.pop() as string, prng));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    words += wordCount(paragraph);
  }
  const title = 'The long road to a ceasefire: what Moscow wants, and what it means for the region';
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: '2025-03-14T09:00:00Z',
    author: { '@type': 'Person', name: 'Alex Example' },
    publisher: { '@type': 'Organization', name: 'The Long Read Gazette' },
  });
  const related = Array.from(
    { length: 6 },
    (_, i) => `<li><a href="/story/${i}">Related story number ${i + 1} on the region</a></li>`,
  ).join('');
  const comments = Array.from(
    { length: 5 },
    (_, i) =>
      `<li class="comment"><b>Reader${i + 1}</b><p>Thanks for this piece, very informative.</p></li>`,
  ).join('');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | The Long Read Gazette</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(title)}">
<script type="application/ld+json">${jsonLd}</script>
<style>body{font:18px/1.6 Georgia,serif;margin:0}header,footer{background:#123;color:#fff;padding:1em}
main{display:flex;gap:2em;max-width:1100px;margin:auto}article{flex:3}aside{flex:1}</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By Alex Example · <time datetime="2025-03-14">14 March 2025</time></p>
${paragraphs.map((p) => `<p>${withInlineMarkup(p, prng)}</p>`).join('\n')}
<div class="share"><button>Share</button> <button>Tweet</button> <button>Email</button></div>
</article>
<aside><h2>Related stories</h2><ul>${related}</ul></aside>
</main>
<section class="comments"><h2>Comments</h2><ul>${comments}</ul></section>
<footer><p>© 2025 The Long Read Gazette. All rights reserved.</p><a href="/about">About</a> <a href="/privacy">Privacy</a></footer>
</body>
</html>
`;
  return { html, text: paragraphs.join('\n\n'), words };
}
