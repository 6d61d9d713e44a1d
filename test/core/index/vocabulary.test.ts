import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aliasTable, CORPUS_VERSION, type CorpusInput } from '../../../src/core/corpus';
import { FormatError } from '../../../src/core/index/binary';
import { compileSegment } from '../../../src/core/index/compile';
import type { Segment } from '../../../src/core/index/segment';
import { SegmentedIndex } from '../../../src/core/index/segmented-index';
import {
  decodeVocabulary,
  encodeVocabulary,
  type StoredVocabulary,
} from '../../../src/core/index/vocabulary';
import { Matcher } from '../../../src/core/matcher';
import { CORPUS_DIR, loadDevCorpus } from '../../quality/predict';

const corpus = loadDevCorpus();
const aliases = aliasTable();
const fixtures = path.join(CORPUS_DIR, '../../test/fixtures');
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
/** Articles by other outlets, kept as a library would keep them (one segment each). */
const kept: CorpusInput[] = [
  'heldout/northgate-courier.txt',
  'heldout/harbour-ledger.txt',
  'articles/ukraine-drone-strike.txt',
].map((file, i) => ({
  meta: {
    id: `lib:${i + 1}`,
    file,
    outlet: `Outlet ${i + 1}`,
    site: '',
    url: `https://outlet${i + 1}.example/`,
    title: null,
    published: '',
    origin: '',
  },
  text: read(file),
}));
// A name the bundled reports do not write, spelt two ways in two segments: one class at load.
kept.push(
  {
    ...kept[0]!,
    meta: { ...kept[0]!.meta, id: 'lib:4', outlet: 'Outlet 4' },
    text: 'Envoys met the general Syrskyi in Istanbul, and aides of Syrskyi said talks would go on.',
  },
  {
    ...kept[0]!,
    meta: { ...kept[0]!.meta, id: 'lib:5', outlet: 'Outlet 5' },
    text: 'Reporters in Kharkiv were told by the commander Syrsky that Syrsky would not resign.',
  },
);
const pages = [...corpus.inputs.map((input) => input.text), ...kept.map((input) => input.text)];
const all = [...corpus.inputs, ...kept];
const texts = new Map(all.map((input) => [input.meta.id, input.text]));

function newIndex(): SegmentedIndex {
  return new SegmentedIndex({
    aliases,
    tokenizer: CORPUS_VERSION,
    texts: { text: (key) => texts.get(key) },
  });
}

/** The bundled reports in one segment (key 0), as the background starts. */
const base = compileSegment(corpus.inputs, { aliases, acronyms: new Set(), owned: () => true });
/** Kept articles compiled one by one against what the index holds, keyed 1, 2, 3. */
const library: { segment: Segment; key: number }[] = (() => {
  const index = newIndex();
  index.addSegment(base, 0);
  return kept.map((input, i) => {
    const segment = compileSegment([input], {
      aliases,
      acronyms: index.acronyms,
      owned: (term) => !index.ownsTerm(term),
    });
    index.addSegment(segment, i + 1);
    return { segment, key: i + 1 };
  });
})();

/** An index over the base and `list`, loaded as a restart loads them; how many took `stored`. */
function load(list: readonly { segment: Segment; key: number }[], stored?: StoredVocabulary) {
  const index = newIndex();
  index.addSegment(base, 0);
  const restored = index.addSegments(list, stored ?? null);
  return { index, restored };
}

/** Everything a check can see of the index's terms, and its answers on every page. */
function state(index: SegmentedIndex) {
  const terms = [];
  for (let id = 0; id < index.vocabularySize; id++)
    terms.push([
      index.term(id),
      index.canonical(id),
      index.isName(id),
      index.namesSomething(id),
      index.isPlace(id),
      index.idf(id),
      index.variantOf(index.term(id)),
    ]);
  const matcher = Matcher.over(index);
  return { terms, answers: pages.map((text) => matcher.check(text)) };
}

const stored = (() => {
  const { index } = load(library);
  return decodeVocabulary(
    encodeVocabulary(
      index.vocabularyOf(
        0,
        library.map(({ key }) => key),
      ),
    ),
  );
})();

describe('a stored vocabulary', () => {
  test('gives the index a load makes by looking up every term: same numbering, same answers', () => {
    const looked = load(library);
    const taken = load(library, stored);
    expect(looked.restored).toBe(0);
    expect(taken.restored).toBe(library.length);
    expect(state(taken.index)).toEqual(state(looked.index));
    expect(state(taken.index).answers[corpus.inputs.length]!.summary.matched).toBeGreaterThan(0);
    // The two spellings of a name only the library writes are one class, as after a full load.
    const index = taken.index;
    expect(index.canonical(index.termId('syrskyi')!)).toBe(index.termId('syrski'));
  });

  test('is the same whether worked out after a restart or while the segments were added', () => {
    const { index } = load(library, stored);
    const again = encodeVocabulary(
      index.vocabularyOf(
        0,
        library.map(({ key }) => key),
      ),
    );
    expect(again).toEqual(encodeVocabulary(stored));
  });

  test('serves the segments it was made for, from the first; later ones are looked up', () => {
    // The last segment replaced by another (a merge, say): the first two still take it.
    const other = compileSegment([{ ...kept[2]!, meta: { ...kept[2]!.meta, id: 'lib:9' } }], {
      aliases,
      acronyms: new Set(),
      owned: () => true,
    });
    texts.set('lib:9', kept[2]!.text);
    const list = [...library.slice(0, 2), { segment: other, key: 9 }];
    const taken = load(list, stored);
    expect(taken.restored).toBe(2);
    expect(state(taken.index)).toEqual(state(load(list).index));
    // A segment left out before the others: nothing fits from there on.
    expect(load(library.slice(1), stored).restored).toBe(0);
  });

  test('is not taken over another bundled corpus', () => {
    const index = newIndex();
    index.addSegment(library[0]!.segment, 0);
    expect(index.addSegments(library.slice(1), stored)).toBe(0);
  });

  test('of another layout, cut short or not one at all, is refused when read', () => {
    const bytes = encodeVocabulary(stored);
    const later = bytes.slice();
    later[4] = 99;
    expect(() => decodeVocabulary(later)).toThrow(FormatError);
    expect(() => decodeVocabulary(bytes.subarray(0, bytes.length >> 1))).toThrow(FormatError);
    expect(() => decodeVocabulary(new Uint8Array(8))).toThrow(FormatError);
    expect(decodeVocabulary(bytes).parts).toEqual(stored.parts);
  });

  test('damaged, so that its numbering or term boundaries do not hold together, is not taken', () => {
    const looked = state(load(library).index);
    // A global id past the next new term, as a damaged byte would make it.
    const numbering: StoredVocabulary = { ...stored, toGlobal: stored.toGlobal.slice() };
    numbering.toGlobal[numbering.toGlobal.length - 1]! |= 1 << 24;
    // A term that would end before it starts.
    const starts = stored.lexicon.starts.slice();
    starts[starts.length - 2] = starts[starts.length - 3]!;
    const boundaries: StoredVocabulary = { ...stored, lexicon: { ...stored.lexicon, starts } };
    for (const damaged of [numbering, boundaries]) {
      const taken = load(library, damaged);
      expect(taken.restored).toBe(0);
      expect(state(taken.index)).toEqual(looked);
    }
  });
});
