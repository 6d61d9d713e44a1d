import { describe, expect, test } from 'vitest';
import { aliasTable } from '../../../src/core/corpus';
import { FormatError } from '../../../src/core/index/binary';
import { compileSegment, segmentOfCompiled } from '../../../src/core/index/compile';
import { mergeSegments } from '../../../src/core/index/merge';
import { Segment } from '../../../src/core/index/segment';
import { loadDevCorpus } from '../../quality/predict';

const corpus = loadDevCorpus();
const aliases = aliasTable();

/** Everything a segment holds, read back through its public surface. */
function contents(segment: Segment) {
  const units = [];
  for (let u = 0; u < segment.units; u++) {
    const terms: string[] = [];
    segment.forEachTerm(u, (t, flag) => terms.push(`${segment.terms[t]}/${flag}`));
    units.push({
      report: segment.keys[segment.unitArticle[u]!],
      start: segment.unitStart[u],
      end: segment.unitEnd[u],
      kind: segment.unitKind[u],
      terms,
    });
  }
  const postings: Record<string, [string, number][]> = {};
  segment.terms.forEach((term, t) => {
    const list: [string, number][] = [];
    segment.forEachPosting(t, (unit, tf) => list.push([`${segment.unitStart[unit]}`, tf]));
    postings[term] = list;
  });
  return {
    keys: segment.keys,
    meta: segment.keys.map((_, a) => segment.meta(a)),
    units,
    postings,
    acronyms: segment.acronyms,
    owned: Array.from(segment.owned, (l) => segment.terms[l]),
  };
}

describe('segment format', () => {
  test('a segment reads back the same after being stored', () => {
    const segment = compileSegment(corpus.inputs, { aliases });
    const read = Segment.decode(segment.encode());
    expect(contents(read)).toEqual(contents(segment));
    read.checkDeep();
  });

  test("a unit's term ids read at once are those its terms are visited with", () => {
    const segment = Segment.decode(compileSegment(corpus.inputs, { aliases }).encode());
    for (let u = 0; u < segment.units; u++) {
      const visited: number[] = [];
      segment.forEachTerm(u, (t) => visited.push(t));
      const out = new Int32Array(segment.termBytesOf(u));
      const n = segment.termIdsOf(u, out);
      expect(Array.from(out.subarray(0, n))).toEqual(visited);
    }
  });

  test('the prebuilt corpus becomes a segment with every unit and its text', () => {
    const { segment, texts } = segmentOfCompiled(corpus.compiled);
    expect(segment.units).toBe(corpus.compiled.sentences.length);
    expect(texts).toEqual(corpus.compiled.sentences.map((s) => s.text));
    expect(segment.synonyms).toEqual(corpus.compiled.synonyms);
    segment.checkDeep();
  });

  test('posting lists hold each unit with a term once, with its count', () => {
    const segment = compileSegment(corpus.inputs.slice(0, 1), { aliases });
    segment.terms.forEach((_, t) => {
      let n = 0;
      segment.forEachPosting(t, () => n++);
      expect(n).toBe(segment.df[t]);
    });
  });

  const stored = compileSegment(corpus.inputs.slice(0, 2), { aliases }).encode();
  test.each([
    ['another format', () => Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])],
    ['cut short', () => stored.slice(0, stored.length >> 1)],
    [
      'header damaged',
      () => {
        const bytes = stored.slice();
        bytes[14] = 0x7b;
        bytes[15] = 0x7b;
        return bytes;
      },
    ],
    [
      'another layout version',
      () => {
        const bytes = stored.slice();
        bytes[4] = 99;
        return bytes;
      },
    ],
  ])('a stored segment %s is refused with a FormatError', (_name, bytes) => {
    expect(() => Segment.decode(bytes())).toThrow(FormatError);
  });

  test('a segment with a term id outside its vocabulary fails the deep check', () => {
    const segment = compileSegment(corpus.inputs.slice(0, 1), { aliases });
    const bytes = segment.encode();
    // The posting lists are the last large column before the spelling index: garble them all.
    const decoded = Segment.decode(bytes);
    const { bytes: postings } = decoded.postingBytes();
    postings.fill(0x7f);
    expect(() => decoded.checkDeep()).toThrow(FormatError);
  });
});

describe('merging segments', () => {
  test('merging per-report segments keeps every live unit, in order, and drops deleted reports', () => {
    const parts = corpus.inputs.map((input) => compileSegment([input], { aliases }));
    const merged = mergeSegments(parts.map((segment, i) => ({ segment, live: () => i !== 2 })));
    const expected = parts.filter((_, i) => i !== 2).flatMap((p) => contents(p).units);
    expect(contents(merged).units).toEqual(expected);
    expect(merged.keys).toEqual(parts.filter((_, i) => i !== 2).map((p) => p.keys[0]));
    merged.checkDeep();
  });

  test('numbers a compiled corpus carries per unit become a column that travels through a merge', () => {
    // A later stage of the matcher may compile numbers per unit next to its terms.
    const compiled = {
      ...corpus.compiled,
      sentences: corpus.compiled.sentences.map((s, u) => ({ ...s, signature: [u, u + 0.5] })),
    };
    const { segment } = segmentOfCompiled(compiled);
    const stored = Segment.decode(segment.encode());
    // The bundled corpus carries its units' links (see Matcher.reportLinks) already.
    expect(stored.extras.map((x) => x.name)).toEqual(['links', 'signature']);
    const merged = mergeSegments([
      { segment: stored, live: (a) => a !== 0 },
      {
        segment: stored.relabel({
          articles: stored.keys.map((key, a) => ({ ...stored.meta(a), id: `copy-${key}` })),
        }),
        live: () => true,
      },
    ]);
    const extra = merged.extras.find((x) => x.name === 'signature')!;
    const firstKept = corpus.compiled.sentences.findIndex((s) => s.report !== 0);
    expect(extra.values).toBeInstanceOf(Float32Array);
    expect(Array.from(extra.values.subarray(0, 2))).toEqual([firstKept, firstKept + 0.5]);
    expect(extra.start.length).toBe(merged.units + 1);
  });
});
