/**
 * Synthetic corpora for the scale benchmark: many stories, each told by a few outlets, built by
 * recombining and perturbing sentences of real news text with a fixed seed. Sentence shapes,
 * lengths and function words stay those of real prose; each story keeps some of its template's
 * content words (the same places and people recur across stories, as in a real news archive) and
 * maps the others onto a Zipf-distributed vocabulary of invented words, so stories differ in topic
 * while common words are shared across many of them.
 */
import type { ReportMeta } from '../src/core/types';
import { Prng } from './prng';

/** One report as the corpus compiler takes it. */
export interface CorpusInput {
  meta: ReportMeta;
  text: string;
}

/** What to generate and from what. */
export interface SyntheticCorpusOptions {
  /** Total number of reports, the real ones included. */
  reports: number;
  seed: number;
  /** Real reports, kept verbatim in the corpus (they are one story told by several outlets). */
  real: CorpusInput[];
  /** Other news-like texts whose sentences also seed synthetic stories. */
  templates: string[];
  /** Sentence splitter (the project's own, so templates are cut the way the engine cuts them). */
  split: (text: string) => string[];
}

/** Distinct words the generator can draw from: about the vocabulary of a large news archive. */
const LEXICON_SIZE = 200_000;
/**
 * Share of a story's names (capitalised words) kept as in its template: stories about the same
 * places and people. Other content words are always remapped, so two stories share a sentence's
 * names but not its wording, as different stories of one archive do.
 */
const STORY_KEEP_NAMES = 0.3;
/**
 * Chance that a story sentence takes one of its clauses from another template sentence, and that
 * it drops one: the templates are few, so sentence shapes must vary or thousands of stories would
 * repeat the same few hundred sentences word for word but for the content words.
 */
const CLAUSE_SWAP = 0.6;
const CLAUSE_DROP = 0.2;
/** Typical story length in words (the real reports are 300-860 words) and its spread. */
const STORY_WORDS_MEAN = 560;
const STORY_WORDS_SD = 200;
/** Share of a story's sentences each outlet retells. */
const OUTLET_COVERAGE = 0.8;
/** Share of sentences an outlet copies unchanged (rewrites of one wire report copy a lot). */
const OUTLET_VERBATIM = 0.3;
/** In a rewritten sentence: chance per content word of another word, and of dropping it. */
const REWRITE_REPLACE = 0.2;
const REWRITE_DROP = 0.05;
/** Number of outlets per story: 1 + geometric with this chance of one more (mean about 2.5). */
const MORE_OUTLETS = 0.6;
const MAX_OUTLETS = 8;
/** Outlets in the archive; one outlet covers many stories. */
const OUTLET_COUNT = 400;

/** Site furniture every news site has; a report carries a few lines of it, as real pages do. */
const FURNITURE = [
  'Leave a Reply',
  'Share this article',
  'Subscribe to our newsletter for the latest updates.',
  'Back To Top',
  'Related Posts',
  'Follow us on social media',
  'Advertisement',
  'Click here to read more stories like this.',
  'Support independent journalism with a donation today.',
  'Your email address will not be published.',
  'All rights reserved.',
  'Read more',
];

/** English function words: they carry the sentence shape and are never remapped. */
const FUNCTION_WORDS = new Set(
  (
    'a about above after again against all also although am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either few for from further had has ' +
    'have having he her here hers herself him himself his how however i if in into is it its itself just me more ' +
    'most much must my myself neither no nor not now of off on once only or other our ours ourselves out over own ' +
    'same she should since so some such than that the their theirs them themselves then there these they this ' +
    'those though through to too under until up upon us very was we were what when where whether which while who ' +
    'whom whose why will with within without would yet you your yours yourself said says say according told ' +
    'including'
  ).split(' '),
);

/**
 * Pieces of invented words. English-like spelling with a spread of letter combinations close to
 * real vocabulary (thousands of distinct trigrams), since fuzzy matching of terms looks at them.
 */
const ONSETS = (
  'b c d f g h j k l m n p r s t v w y z bl br ch cl cr dr fl fr gl gr kn ph pl pr qu sc sh sk sl sm sn sp st ' +
  'sw th tr tw wh wr scr spl spr str thr'
).split(' ');
const VOWELS = 'a e i o u y ai au ay ea ee ei ie oa oi oo ou ow ue'.split(' ');
const CODAS = (
  '- - - - b ck d ft g k l ld lf lk lm lp lt m mp n nce nch nd ng nk ns nt p r rb rc rd rf rg rk rl rm rn rp rs rt ' +
  's sh sk sp ss st t th tch x z'
)
  .split(' ')
  .map((c) => (c === '-' ? '' : c));

/** Splits a whitespace-free token into leading punctuation, the word, and trailing punctuation. */
const TOKEN = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;
const HAS_LETTER = /\p{L}/u;
const ALL_DIGITS = /^[\d.,]+$/;

/** The Zipf-ranked vocabulary of invented words (real names enter stories through STORY_KEEP_NAMES). */
class Lexicon {
  private readonly invented = new Map<number, string>();

  /** Word at a frequency rank; frequent ranks get shorter words, as in real vocabularies. */
  at(rank: number): string {
    let word = this.invented.get(rank);
    if (word === undefined) {
      // A private stream per rank so the word at a rank never depends on draw order.
      const r = new Prng(rank * 2654435761);
      const syllables = rank < 100 ? r.int(1, 2) : rank < 20_000 ? r.int(2, 3) : r.int(2, 4);
      word = '';
      for (let i = 0; i < syllables; i++)
        word += r.pick(ONSETS) + r.pick(VOWELS) + (i === syllables - 1 ? r.pick(CODAS) : '');
      this.invented.set(rank, word);
    }
    return word;
  }

  draw(prng: Prng): string {
    return this.at(prng.zipf(LEXICON_SIZE));
  }
}

/** Keeps the case pattern of the original word (names stay capitalised, acronyms upper case). */
function withCaseOf(original: string, word: string): string {
  if (original.length > 1 && original === original.toUpperCase() && HAS_LETTER.test(original))
    return word.toUpperCase();
  const first = original[0] ?? '';
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function isContent(core: string): boolean {
  return core.length > 0 && HAS_LETTER.test(core) && !FUNCTION_WORDS.has(core.toLowerCase());
}

/** Rewrites the content words of a sentence with `replace`; `drop` removes a word (punctuation stays). */
function rewriteWords(
  sentence: string,
  replace: (core: string, isName: boolean) => string,
  prng: Prng | null,
  drop = 0,
): string {
  const parts = sentence.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  // In a headline every word is capitalised; only an acronym there is surely a name.
  const titleCase = words.filter((w) => /^\p{Lu}/u.test(w)).length > words.length / 2;
  for (let i = 0; i < parts.length; i += 2) {
    const m = TOKEN.exec(parts[i] ?? '');
    if (!m) continue;
    const [, lead = '', core = '', trail = ''] = m;
    if (ALL_DIGITS.test(core) && prng) {
      parts[i] = lead + core.replace(/\d/g, () => String(prng.int(0, 9))) + trail;
      continue;
    }
    if (!isContent(core)) continue;
    if (prng && i > 0 && prng.chance(drop)) {
      parts[i] = lead + trail;
      continue;
    }
    const acronym = core.length > 1 && core === core.toUpperCase();
    const isName = acronym || (i > 0 && !titleCase && /^\p{Lu}/u.test(core));
    parts[i] = lead + replace(core, isName) + trail;
  }
  return parts
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Content words of a text, lower-cased, letters and digits only, a plural -s dropped: what two
 * sentences must share to say the same thing, independent of the engine's own tokenizer.
 */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const core = TOKEN.exec(token)?.[2] ?? '';
    if (!isContent(core)) continue;
    const word = core.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (word) out.add(word.length > 3 ? word.replace(/s$/, '') : word);
  }
  return out;
}

/**
 * Share of the shorter sentence's content words found in the other. Synthetic stories are built
 * from the same template sentences, so a few of them keep most of a real sentence's words by
 * chance: at 0.5 or more, a match to such a sentence is expected, not an error of the matcher.
 */
export function contentOverlap(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** Counts words the way a reader would (whitespace-separated). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

/** Template sentences grouped by document, all their clauses, and the vocabulary stories draw from. */
interface TemplateSet {
  docs: string[][];
  clauses: string[];
  lexicon: Lexicon;
}

/** Clauses of a sentence: the pieces between commas and semicolons (punctuation stays with them). */
function clausesOf(sentence: string): string[] {
  return sentence.split(/(?<=[,;])\s+/).filter((c) => c.length > 0);
}

/** A template sentence with one clause swapped for a clause of another sentence, or one dropped. */
function reshape(sentence: string, templates: TemplateSet, prng: Prng): string {
  const clauses = clausesOf(sentence);
  if (clauses.length > 1 && prng.chance(CLAUSE_DROP))
    clauses.splice(prng.int(0, clauses.length - 2), 1);
  if (prng.chance(CLAUSE_SWAP)) {
    const i = prng.int(0, clauses.length - 1);
    const last = i === clauses.length - 1;
    // Keep the sentence's own ending punctuation on its last clause, and a comma on inner ones.
    const other = prng.pick(templates.clauses).replace(/[,;.!?]+$/, '');
    const ending = (clauses[i] ?? '').match(/[,;.!?]+$/)?.[0] ?? (last ? '.' : ',');
    clauses[i] = other + ending;
  }
  return clauses.join(' ');
}

function prepareTemplates(options: SyntheticCorpusOptions): TemplateSet {
  const texts = [...options.real.map((r) => r.text), ...options.templates];
  // Very short units (headings, furniture) make poor story sentences.
  const docs = texts.map((t) => options.split(t).filter((s) => wordCount(s) >= 4));
  const clauses = docs
    .flat()
    .flatMap(clausesOf)
    .filter((c) => wordCount(c) >= 2);
  return { docs: docs.filter((d) => d.length > 0), clauses, lexicon: new Lexicon() };
}

/** Sentences of one story, in the order a report would tell them, with the story's own vocabulary. */
function makeStory(templates: TemplateSet, prng: Prng): string[] {
  const target = Math.max(150, Math.min(1400, prng.normal(STORY_WORDS_MEAN, STORY_WORDS_SD)));
  const mapping = new Map<string, string>();
  const remap = (core: string, isName: boolean): string => {
    const key = core.toLowerCase();
    let to = mapping.get(key);
    if (to === undefined) {
      to = isName && prng.chance(STORY_KEEP_NAMES) ? key : templates.lexicon.draw(prng);
      mapping.set(key, to);
    }
    return withCaseOf(core, to);
  };
  const story: string[] = [];
  let words = 0;
  let doc = prng.pick(templates.docs);
  let i = prng.int(0, doc.length - 1);
  while (words < target) {
    if (i >= doc.length) {
      doc = prng.pick(templates.docs);
      i = 0;
    }
    const sentence = rewriteWords(reshape(doc[i] as string, templates, prng), remap, prng);
    story.push(sentence);
    words += wordCount(sentence);
    i++;
  }
  return story;
}

/** One outlet's retelling of a sentence: a copy, or a light rewrite (other words, dropped words). */
export function retell(
  sentence: string,
  lexicon: { draw(prng: Prng): string },
  prng: Prng,
): string {
  if (prng.chance(OUTLET_VERBATIM)) return sentence;
  return rewriteWords(
    sentence,
    (core) => (prng.chance(REWRITE_REPLACE) ? withCaseOf(core, lexicon.draw(prng)) : core),
    prng,
    REWRITE_DROP,
  );
}

/** Lays sentences out in paragraphs of one to four sentences, one paragraph a line, like the corpus. */
function paragraphs(sentences: string[], prng: Prng): string {
  const lines: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = prng.int(1, 4);
    lines.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return lines.join('\n');
}

/** A generated corpus and what the benchmark needs to probe it. */
export interface SyntheticCorpus {
  inputs: CorpusInput[];
  /** Number of synthetic stories (the real reports are one more). */
  stories: number;
  words: number;
  /** Retells real sentences the way an outlet would; used to build probe articles. */
  retell(sentence: string, prng: Prng): string;
  /** A fresh story, not in the corpus, told as one article: checks that unrelated text stays unmatched. */
  unrelatedArticle(words: number, prng: Prng): string;
}

/** Builds a corpus of `options.reports` reports, the real ones among them, deterministically. */
export function generateCorpus(options: SyntheticCorpusOptions): SyntheticCorpus {
  const prng = new Prng(options.seed);
  const templates = prepareTemplates(options);
  const synthetic: CorpusInput[] = [];
  let stories = 0;
  const wanted = Math.max(0, options.reports - options.real.length);
  while (synthetic.length < wanted) {
    const story = makeStory(templates, prng);
    stories++;
    let outlets = 1;
    while (outlets < MAX_OUTLETS && prng.chance(MORE_OUTLETS)) outlets++;
    outlets = Math.min(outlets, wanted - synthetic.length);
    const firstOutlet = prng.int(0, OUTLET_COUNT - 1);
    for (let o = 0; o < outlets; o++) {
      const n = synthetic.length;
      const outletNo = (firstOutlet + o * 37) % OUTLET_COUNT;
      const told = story
        .filter(() => prng.chance(OUTLET_COVERAGE))
        .map((s) => retell(s, templates.lexicon, prng));
      const furniture = prng.shuffled(FURNITURE).slice(0, prng.int(0, 3));
      const text = paragraphs(told, prng) + (furniture.length ? '\n' + furniture.join('\n') : '');
      const id = `synthetic-${String(n).padStart(5, '0')}`;
      synthetic.push({
        meta: {
          id,
          file: `${id}.txt`,
          outlet: `Synthetic Outlet ${outletNo}`,
          site: `outlet-${outletNo}.example`,
          url: `https://outlet-${outletNo}.example/story/${stories}`,
          title: told[0]?.split(/\s+/).slice(0, 10).join(' ') ?? null,
          published: '2025-03',
          origin: `synthetic story ${stories}`,
        },
        text,
      });
    }
  }
  const inputs = prng.shuffled([...options.real, ...synthetic]);
  return {
    inputs,
    stories,
    words: inputs.reduce((sum, r) => sum + wordCount(r.text), 0),
    retell: (sentence, p) => retell(sentence, templates.lexicon, p),
    unrelatedArticle: (words, p) => {
      const out: string[] = [];
      let count = 0;
      while (count < words) {
        for (const s of makeStory(templates, p)) {
          out.push(s);
          count += wordCount(s);
          if (count >= words) break;
        }
      }
      return paragraphs(out, p);
    },
  };
}
