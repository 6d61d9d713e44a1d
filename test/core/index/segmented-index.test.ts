import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aliasTable, CORPUS_VERSION, type CorpusInput } from '../../../src/core/corpus';
import { compileSegment } from '../../../src/core/index/compile';
import { pack, unpack } from '../../../src/core/index/binary';
import { Segment, SEGMENT_FORMAT, SEGMENT_MAGIC } from '../../../src/core/index/segment';
import { SegmentedIndex } from '../../../src/core/index/segmented-index';
import { Matcher } from '../../../src/core/matcher';
import type { ReportMeta } from '../../../src/core/types';
import { CORPUS_DIR, loadDevCorpus } from '../../quality/predict';

const corpus = loadDevCorpus();
const aliases = aliasTable();
const fixtures = path.join(CORPUS_DIR, '../../test/fixtures');
/** Pages to check: the corpus reports themselves and articles by other outlets. */
const pages = [
  ...corpus.inputs.map((input) => input.text),
  readFileSync(path.join(fixtures, 'heldout/northgate-courier.txt'), 'utf8'),
  readFileSync(path.join(fixtures, 'heldout/harbour-ledger.txt'), 'utf8'),
  readFileSync(path.join(fixtures, 'articles/ukraine-drone-strike.txt'), 'utf8'),
];

function newIndex(inputs: readonly CorpusInput[] = corpus.inputs): SegmentedIndex {
  const texts = new Map(inputs.map((input) => [input.meta.id, input.text]));
  return new SegmentedIndex({
    aliases,
    tokenizer: CORPUS_VERSION,
    texts: { text: (key) => texts.get(key) },
  });
}

/** Adds reports one by one, each compiled against what the index holds, as the library does. */
function addEach(index: SegmentedIndex, inputs: readonly CorpusInput[], firstKey = 0): Segment[] {
  return inputs.map((input, i) => {
    const segment = compileSegment([input], {
      aliases,
      acronyms: index.acronyms,
      owned: (term) => !index.ownsTerm(term),
    });
    index.addSegment(segment, firstKey + i);
    return segment;
  });
}

/** What a matcher says about every page, as comparable data. */
function answers(index: SegmentedIndex) {
  const matcher = Matcher.over(index);
  return pages.map((text) => matcher.check(text));
}

describe('an index of several segments', () => {
  const separate = newIndex();
  const segments = addEach(separate, corpus.inputs);
  const before = answers(separate);

  test('matches the reports it holds, with their texts', () => {
    const sixth = before[5]!;
    expect(sixth.summary.matched).toBeGreaterThan(5);
    for (const sentence of sixth.sentences)
      for (const match of sentence.matches) {
        const input = corpus.inputs.find((i) => i.meta.id === match.report)!;
        expect(input.text.slice(match.start, match.end)).toBe(match.text);
      }
  });

  test('gives the same answers once its segments are merged into one', () => {
    const merged = newIndex();
    addEach(merged, corpus.inputs);
    merged.replaceSegments([0, 1, 2, 3, 4], merged.mergeOf([0, 1, 2, 3, 4]), 9);
    expect(merged.segmentKeys()).toEqual([9]);
    expect(answers(merged)).toEqual(before);
  });

  test("each report's units lie side by side, in separate segments and once merged", () => {
    const merged = newIndex();
    addEach(merged, corpus.inputs);
    merged.replaceSegments([0, 1], merged.mergeOf([0, 1]), 9);
    for (const index of [separate, merged]) {
      for (let doc = 0; doc < index.unitCount; doc++) {
        const [first, end] = index.reportUnits(doc);
        expect(first).toBeLessThanOrEqual(doc);
        expect(end).toBeGreaterThan(doc);
        const reports = new Set<number>();
        for (let d = first; d < end; d++) reports.add(index.unitReport(d));
        expect([...reports]).toEqual([index.unitReport(doc)]);
        // Every unit of the report is in the range.
        let all = 0;
        for (let d = 0; d < index.unitCount; d++)
          if (index.unitReport(d) === index.unitReport(doc)) all++;
        expect(end - first).toBe(all);
      }
    }
  });

  test("a sentence is found by its report's key and its number in the report, wherever merges put it", () => {
    const moved = newIndex();
    addEach(moved, corpus.inputs);
    // Each unit's report key and number within its report, before anything moves.
    const address = (index: SegmentedIndex, doc: number) => {
      const [first] = index.reportUnits(doc);
      return { key: index.reportKey(index.unitReport(doc)), ordinal: doc - first };
    };
    const offsets = new Map<string, { start: number; end: number }>();
    for (let doc = 0; doc < moved.unitCount; doc++) {
      const { key, ordinal } = address(moved, doc);
      expect(moved.unitOfReport(key, ordinal)).toBe(doc);
      offsets.set(`${key}#${ordinal}`, moved.unitOffsets(doc));
    }
    const first = corpus.inputs[0]!.meta.id;
    const units = moved.reportUnits(moved.unitOfReport(first, 0));
    expect(moved.unitOfReport(first, units[1] - units[0])).toBe(-1);
    expect(moved.unitOfReport(first, -1)).toBe(-1);
    expect(moved.unitOfReport('no-such-report', 0)).toBe(-1);
    // The first report deleted and the segments merged: every unit after it moves.
    moved.deleteReport(first);
    expect(moved.unitOfReport(first, 0)).toBe(-1);
    moved.replaceSegments([0, 1, 2, 3, 4], moved.mergeOf([0, 1, 2, 3, 4]), 9);
    expect(moved.unitCount).toBe(offsets.size - (units[1] - units[0]));
    for (let doc = 0; doc < moved.unitCount; doc++) {
      const { key, ordinal } = address(moved, doc);
      expect(moved.unitOfReport(key, ordinal)).toBe(doc);
      expect(moved.unitOffsets(doc)).toEqual(offsets.get(`${key}#${ordinal}`));
    }
  });

  test('gives the same answers when its segments are stored and loaded again', () => {
    const loaded = newIndex();
    segments.forEach((segment, i) => loaded.addSegment(Segment.decode(segment.encode()), i));
    expect(answers(loaded)).toEqual(before);
  });

  test('gives the same answers from segments stored with 32-bit spelling ids, as before', () => {
    const loaded = newIndex();
    segments.forEach((segment, i) => {
      const { header, columns } = unpack(segment.encode(), SEGMENT_MAGIC);
      const wide = Object.fromEntries(columns);
      wide.spGrams = Int32Array.from(wide.spGrams!);
      wide.spPosts = Int32Array.from(wide.spPosts!);
      const { columns: _, ...rest } = header;
      loaded.addSegment(Segment.decode(pack(SEGMENT_MAGIC, SEGMENT_FORMAT, rest, wide)), i);
    });
    expect(answers(loaded)).toEqual(before);
  });

  test('gives the same answers and spelling neighbours from segments stored without spelling lists', async () => {
    /** A segment as layout 2 stored it: every column but the lists. */
    const withoutLists = (segment: Segment): Uint8Array => {
      const { header, columns } = unpack(segment.encode(), SEGMENT_MAGIC);
      const kept = Object.fromEntries(
        [...columns].filter(([name]) => !['spNearStart', 'spNear', 'spNearShared'].includes(name)),
      );
      const { columns: _, ...rest } = header;
      return pack(SEGMENT_MAGIC, 2, rest, kept);
    };
    const old = newIndex();
    const current = newIndex();
    for (const [i, segment] of segments.entries()) {
      const read = Segment.decode(withoutLists(segment));
      expect(read.spellingLists()).toBeNull();
      old.addSegment(read, i);
      current.addSegment(Segment.decode(segment.encode()), i);
      // Its lists worked out in steps are those of a build.
      const stepped = Segment.decode(withoutLists(segment));
      let pauses = 0;
      await stepped.completeSpellingLists(async () => void pauses++);
      expect(pauses).toBeGreaterThan(0);
      expect(stepped.spellingLists()).toEqual(segment.spellingLists());
      // Written again, it is written in the current layout, lists and all.
      const rewritten = Segment.decode(read.encode());
      expect(unpack(read.encode(), SEGMENT_MAGIC).version).toBe(SEGMENT_FORMAT);
      expect(rewritten.spellingLists()).toEqual(segment.spellingLists());
    }
    expect(old.vocabularySize).toBe(current.vocabularySize);
    const asMap = (n: { ids: readonly number[]; similarities: readonly number[] }) =>
      new Map(n.ids.map((id, k) => [id, n.similarities[k]]));
    let found = 0;
    for (let id = 0; id < current.vocabularySize; id++) {
      const listed = current.spelling.of(id);
      found += listed.ids.length;
      expect(asMap(listed)).toEqual(asMap(old.spelling.of(id)));
    }
    expect(found).toBeGreaterThan(0);
    expect(answers(old)).toEqual(before);
  });

  test('after deleting a report, answers as if it had never been added', () => {
    const deleted = newIndex();
    segments.forEach((segment, i) => deleted.addSegment(segment, i));
    const gone = corpus.inputs[2]!.meta.id;
    expect(deleted.hasLiveReport(gone)).toBe(true);
    expect(deleted.deleteReport(gone)).toBe(true);
    expect(deleted.deleteReport(gone)).toBe(false);
    // Whether a report is live, as its metadata says, without decoding it.
    for (const key of [gone, corpus.inputs[1]!.meta.id, 'no-such-report'])
      expect(deleted.hasLiveReport(key)).toBe(deleted.liveReport(key) !== null);
    expect(deleted.hasLiveReport(corpus.inputs[1]!.meta.id)).toBe(true);
    const never = newIndex();
    segments.forEach((segment, i) => i !== 2 && never.addSegment(segment, i));
    // Terms the left-out report's segment owned and others use are indexed by spelling, as on load.
    never.adoptOrphans();
    expect(answers(deleted)).toEqual(answers(never));
    expect(JSON.stringify(answers(deleted))).not.toContain(`"report":"${gone}"`);
    expect(deleted.docs).toBe(never.docs);
  });

  test('a report deleted while a merge ran stays deleted in the merged segment', () => {
    const index = newIndex();
    segments.forEach((segment, i) => index.addSegment(segment, i));
    const merged = index.mergeOf([0, 1, 2]);
    index.deleteReport(corpus.inputs[1]!.meta.id);
    index.replaceSegments([0, 1, 2], merged, 7);
    expect(index.hasReport(corpus.inputs[1]!.meta.id)).toBe(false);
    const never = newIndex();
    segments.forEach((segment, i) => i !== 1 && never.addSegment(segment, i));
    never.adoptOrphans();
    expect(answers(index)).toEqual(answers(never));
  });

  test('clearing it leaves nothing to match', () => {
    const index = newIndex();
    segments.forEach((segment, i) => index.addSegment(segment, i));
    index.clear();
    expect(index.docs).toBe(0);
    expect(Matcher.over(index).check(pages[5]!).summary.matched).toBe(0);
  });

  test('a text not at hand is noted, and given once it is', () => {
    const known = new Map<string, string>();
    const index = new SegmentedIndex({
      aliases,
      tokenizer: CORPUS_VERSION,
      texts: { text: (key) => known.get(key) },
    });
    segments.forEach((segment, i) => index.addSegment(segment, i));
    const matcher = Matcher.over(index);
    const first = matcher.check(pages[5]!);
    const missing = index.missingTexts();
    expect(missing.length).toBeGreaterThan(0);
    for (const key of missing) known.set(key, corpus.inputs.find((i) => i.meta.id === key)!.text);
    expect(matcher.check(pages[5]!).sentences.map((s) => s.matches.length)).toEqual(
      first.sentences.map((s) => s.matches.length),
    );
    expect(index.missingTexts()).toEqual([]);
    expect(matcher.check(pages[5]!)).toEqual(before[5]);
  });
});

describe('names across segments', () => {
  const meta = (id: string): ReportMeta => ({
    id,
    file: '',
    outlet: id,
    site: '',
    url: `https://example.com/${id}`,
    title: null,
    published: '',
    origin: '',
  });
  const report = (id: string, text: string): CorpusInput => ({ meta: meta(id), text });

  test('two spellings of a name in different segments become one, and part when one goes', () => {
    const index = newIndex([]);
    addEach(index, [
      report('a', 'President Zelenskyy met Olena Kravets in Lviv on Tuesday.'),
      report('b', 'Zelensky spoke to reporters in Odesa after the meeting.'),
    ]);
    const a = index.termId('zelenskyy')!;
    const b = index.termId('zelensky')!;
    expect(index.canonical(a)).toBe(index.canonical(b));
    index.deleteReport('b');
    expect(index.canonical(a)).toBe(a);
  });
});
