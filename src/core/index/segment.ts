/**
 * A segment: an immutable, self-contained piece of the matcher's index over some reports (a
 * corpus, one article the reader kept, or several segments merged), in the form it is stored.
 *
 * It holds its own vocabulary (so it can be read, moved and merged on its own), the counts of each
 * term, every unit's offsets and terms, posting lists, and a spelling index over the terms it
 * brought into the index first ("owned"). Numbers that are many and small are variable-length
 * integers; everything is a column of one binary container (see binary.ts), so loading a stored
 * segment is a handful of views over its bytes. Report texts are not in it: they stay in storage
 * and are read when a match is shown.
 */
import { MIN_VARIANT_LENGTH, skeleton } from '../name-variants';
import {
  joinLists,
  SpellingNeighbours,
  type NeighbourLists,
  type SpellingParts,
} from '../spelling-neighbours';
import type { ReportMeta } from '../types';
import { vocabularyMark, type VocabularyMark } from './vocabulary';
import {
  column,
  FormatError,
  pack,
  unpack,
  VarintReader,
  VarintWriter,
  type Column,
  type Unpacked,
} from './binary';

/** The container magic of a segment. */
export const SEGMENT_MAGIC = 'CCSG';
/**
 * Version of the segment layout: a segment of another version is rebuilt from its reports, but for
 * the previous one, which lacks only the spelling lists (see NeighbourLists): it is read as it is,
 * and its look-ups walk the pair index.
 */
export const SEGMENT_FORMAT = 3;
/** The layout before the spelling lists. */
const SEGMENT_FORMAT_WITHOUT_LISTS = 2;
/**
 * Most terms a segment indexes by spelling for its spelling lists to be worked out when it is
 * built. Their cost grows with the vocabulary times the length of a look-up's walk: a few
 * milliseconds for an article or an import batch, but seconds for the largest merges, whose lists
 * are worked out in steps ({@link Segment.completeSpellingLists}) or, failing that, when stored.
 */
export const LISTS_AT_BUILD = 8_192;
/** Terms whose spelling lists are worked out between two pauses of completeSpellingLists. */
const LIST_STEP = 4_096;
/** Longest unit length recorded (BM25 only needs lengths to compare them with the average). */
const MAX_UNIT_LENGTH = 0xffff;
/**
 * A hash of a term's consonant skeleton (see name-variants.ts), never 0; 0 for a term that can
 * have no spelling variant (too short, or not letters only).
 */
export function skeletonHash(term: string): number {
  if (term.length < MIN_VARIANT_LENGTH || !/^\p{L}+$/u.test(term)) return 0;
  const key = skeleton(term);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/** A term that names something by its form: a number, an acronym, a capitalised word, a place. */
export const NAMES_BY_FORM = /^[\d@\p{Lu}]/u;

/**
 * Numbers carried per unit for stages of the matcher after retrieval (for example a verifier's
 * compact signature of the unit), computed when the unit is compiled: unit `u`'s values are
 * values[start[u]..start[u + 1]].
 */
export interface UnitColumn {
  name: string;
  start: Uint32Array;
  values: Int32Array | Float32Array;
}

/** What a segment is built from: units of reports, with term ids in some input numbering. */
export interface SegmentSource {
  /** The tokeniser version the terms were made with (CORPUS_VERSION). */
  tokenizer: number;
  /** The input numbering's terms. */
  terms: readonly string[];
  /** The reports, in order; `id` is each one's key. */
  articles: readonly ReportMeta[];
  /** Per unit: its report (index into `articles`), offsets in the report's text, kind number. */
  unitArticle: ArrayLike<number>;
  unitStart: ArrayLike<number>;
  unitEnd: ArrayLike<number>;
  unitKind: ArrayLike<number>;
  /** Unit `u`'s terms (input ids) at termIds[termStart[u]..termStart[u + 1]], with their flags. */
  termStart: ArrayLike<number>;
  termIds: ArrayLike<number>;
  flags: ArrayLike<number>;
  /** The verifier's tag of each term (parallel to termIds; see verify/index.ts); 0 when absent. */
  tags?: ArrayLike<number>;
  /** Whether the segment owns (indexes by spelling) the input term `id`. */
  owned(id: number): boolean;
  /**
   * Input terms the segment owns although none of its units has them (a merge keeps owning terms
   * that only other segments' reports still use).
   */
  alsoOwned?: readonly number[];
  acronyms: readonly string[];
  synonyms: Readonly<Record<string, readonly string[]>> | null;
  /** Per-unit columns, in the same unit order. */
  extras?: readonly UnitColumn[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The parts of a segment. */
interface Parts {
  tokenizer: number;
  acronyms: string[];
  synonyms: Record<string, string[]> | null;
  /** The terms' UTF-8 bytes, each followed by a line feed. */
  termBytes: Uint8Array;
  termSkeleton: Uint32Array;
  df: Int32Array;
  cap: Int32Array;
  lower: Int32Array;
  owned: Uint32Array;
  keys: string[];
  metaBytes: Uint8Array;
  metaStart: Uint32Array;
  unitArticle: Uint32Array;
  unitStart: Uint32Array;
  unitEnd: Uint32Array;
  unitKind: Uint8Array;
  unitLength: Uint16Array;
  unitNamey: Uint8Array;
  unitTermStart: Uint32Array;
  unitTerms: Uint8Array;
  unitTagStart: Uint32Array;
  unitTags: Uint8Array;
  postingStart: Uint32Array;
  postings: Uint8Array;
  spelling: SpellingParts;
  /**
   * Every term's spelling neighbours among the owned terms; null in a segment of layout 2 and in a
   * large one until they are worked out.
   */
  near: NeighbourLists | null;
  extras: UnitColumn[];
}

/** One segment of the index (see the module comment). */
export class Segment {
  /** The tokeniser version its terms were made with. */
  readonly tokenizer: number;
  /** Acronyms its reports write ("us", "nato"). */
  readonly acronyms: readonly string[];
  /** Synonyms of its words, when it was compiled with a thesaurus. */
  readonly synonyms: Readonly<Record<string, readonly string[]>> | null;
  /** Its vocabulary as UTF-8, each term followed by a line feed; see {@link terms}. */
  readonly termBytes: Uint8Array;

  /**
   * Per local term: a hash of its consonant skeleton (see skeletonHash), 0 for a term that can
   * have no spelling variant; names are grouped by it without making their strings.
   */
  readonly termSkeleton: Uint32Array;
  /** Per local term: units holding it, uses written like a name, uses in lower case. */
  readonly df: Int32Array;
  readonly cap: Int32Array;
  readonly lower: Int32Array;
  /** Local ids of the terms its spelling index holds, ascending. */
  readonly owned: Uint32Array;
  /** Report keys (ids), in order. */
  readonly keys: readonly string[];
  /** Per unit: report, offsets, kind number, number of terms. */
  readonly unitArticle: Uint32Array;
  readonly unitStart: Uint32Array;
  readonly unitEnd: Uint32Array;
  readonly unitKind: Uint8Array;
  readonly unitLength: Uint16Array;
  /**
   * Per unit: 1 when one of its terms names something by its form (a number, an acronym, a
   * capitalised word, a place), so the unit can carry a claim whatever else it holds.
   */
  readonly unitNamey: Uint8Array;
  readonly extras: readonly UnitColumn[];
  private readonly metaBytes: Uint8Array;
  private readonly metaStart: Uint32Array;
  private readonly unitTermStart: Uint32Array;
  /** Per unit, its terms in order as varints of `local id × 4 + flag`. */
  private readonly unitTerms: Uint8Array;
  /** Per unit, the verifier's tag of each of its terms, in order (one byte each). */
  private readonly unitTagStart: Uint32Array;
  private readonly unitTagBytes: Uint8Array;
  /** Posting lists: varints of (unit − previous unit, term frequency), per local term. */
  private readonly postingStart: Uint32Array;
  private readonly postings: Uint8Array;
  private readonly spellingParts: SpellingParts;
  private near: NeighbourLists | null;
  private termList: string[] | null = null;
  private termStarts: Uint32Array | null = null;
  private mark: VocabularyMark | null = null;

  private constructor(parts: Parts) {
    this.tokenizer = parts.tokenizer;
    this.acronyms = parts.acronyms;
    this.synonyms = parts.synonyms;
    this.termBytes = parts.termBytes;
    this.termSkeleton = parts.termSkeleton;
    this.df = parts.df;
    this.cap = parts.cap;
    this.lower = parts.lower;
    this.owned = parts.owned;
    this.keys = parts.keys;
    this.metaBytes = parts.metaBytes;
    this.metaStart = parts.metaStart;
    this.unitArticle = parts.unitArticle;
    this.unitStart = parts.unitStart;
    this.unitEnd = parts.unitEnd;
    this.unitKind = parts.unitKind;
    this.unitLength = parts.unitLength;
    this.unitNamey = parts.unitNamey;
    this.unitTermStart = parts.unitTermStart;
    this.unitTerms = parts.unitTerms;
    this.unitTagStart = parts.unitTagStart;
    this.unitTagBytes = parts.unitTags;
    this.postingStart = parts.postingStart;
    this.postings = parts.postings;
    this.spellingParts = parts.spelling;
    this.near = parts.near;
    this.extras = parts.extras;
  }

  /** Number of terms. */
  get termCount(): number {
    return this.df.length;
  }

  /**
   * Local term `t`'s bytes are termBytes[termStart[t]..termStart[t + 1] − 1]. Worked out on first
   * need (a load that takes the stored vocabulary needs none); throws a FormatError when the
   * bytes do not hold as many terms as the counts (see {@link checkTerms}).
   */
  get termStart(): Uint32Array {
    if (!this.termStarts) {
      const start = termOffsets(this.termBytes, this.df.length);
      if (start.length !== this.df.length + 1) fail('vocabulary');
      this.termStarts = start;
    }
    return this.termStarts;
  }

  /** Throws a FormatError unless the vocabulary's bytes hold as many terms as the counts say. */
  checkTerms(): void {
    void this.termStart;
  }

  /** What its vocabulary is recognised by (see vocabulary.ts), worked out once. */
  get termsMark(): VocabularyMark {
    this.mark ??= vocabularyMark(this.termCount, this.termBytes);
    return this.mark;
  }

  /** Its vocabulary as strings: local term id → term (made on first request). */
  get terms(): readonly string[] {
    this.termList ??=
      this.termCount === 0 ? [] : decoder.decode(this.termBytes.subarray(0, -1)).split('\n');
    return this.termList;
  }

  /** Number of units. */
  get units(): number {
    return this.unitArticle.length;
  }

  /** Number of reports. */
  get articles(): number {
    return this.keys.length;
  }

  /** Bytes the segment's arrays take (what it costs in memory once loaded). */
  get byteSize(): number {
    let bytes = 0;
    for (const array of this.arrays()) bytes += array.byteLength;
    return bytes;
  }

  /** The metadata of report `article`. */
  meta(article: number): ReportMeta {
    const from = this.metaStart[article]!;
    const to = this.metaStart[article + 1]!;
    return JSON.parse(decoder.decode(this.metaBytes.subarray(from, to))) as ReportMeta;
  }

  /**
   * Calls `visit(localTerm, flag)` for each term of unit `unit`, in order. Ids outside the
   * vocabulary (a damaged segment) are skipped.
   */
  forEachTerm(unit: number, visit: (term: number, flag: number) => void): void {
    const end = this.unitTermStart[unit + 1]!;
    const reader = new VarintReader(this.unitTerms, this.unitTermStart[unit]!);
    const vocabulary = this.termCount;
    while (reader.at < end) {
      const value = reader.next();
      const term = value >>> 2;
      if (term < vocabulary) visit(term, value & 3);
    }
  }

  /**
   * Writes the local ids of unit `unit`'s terms, in order, into `out` and returns how many; ids
   * outside the vocabulary (a damaged segment) are skipped. `out` needs room for
   * {@link termBytesOf} ids (each term takes at least one byte).
   */
  termIdsOf(unit: number, out: Int32Array): number {
    const bytes = this.unitTerms;
    const end = this.unitTermStart[unit + 1]!;
    const vocabulary = this.termCount;
    let at = this.unitTermStart[unit]!;
    let n = 0;
    // Varints decoded inline, as VarintReader does: bag-making reads many units' terms.
    while (at < end) {
      let byte = bytes[at++] ?? 0;
      let value = byte & 0x7f;
      for (let scale = 128; byte >= 0x80 && scale < 2 ** 56; scale *= 128) {
        byte = bytes[at++] ?? 0;
        value += (byte & 0x7f) * scale;
      }
      const term = value >>> 2;
      if (term < vocabulary) out[n++] = term;
    }
    return n;
  }

  /** Bytes of unit `unit`'s term list: at least its number of terms. */
  termBytesOf(unit: number): number {
    return this.unitTermStart[unit + 1]! - this.unitTermStart[unit]!;
  }

  /**
   * Calls `visit(unit, tf)` for each unit holding local term `term`, in unit order. Units outside
   * the segment (a damaged segment) end the list.
   */
  forEachPosting(term: number, visit: (unit: number, tf: number) => void): void {
    const end = this.postingStart[term + 1]!;
    const reader = new VarintReader(this.postings, this.postingStart[term]!);
    const units = this.units;
    let unit = 0;
    while (reader.at < end) {
      unit += reader.next();
      const tf = reader.next();
      if (unit >= units) return;
      visit(unit, tf);
    }
  }

  /** The verifier's tags of unit `unit`'s terms, in order. */
  tagsOf(unit: number): Uint8Array {
    return this.unitTagBytes.subarray(this.unitTagStart[unit]!, this.unitTagStart[unit + 1]!);
  }

  /** The raw posting bytes of `term` (for the index's hot loop, which decodes them itself). */
  postingBytes(): { start: Uint32Array; bytes: Uint8Array } {
    return { start: this.postingStart, bytes: this.postings };
  }

  /**
   * The spelling index over the owned terms, for look-ups of spellings (`neighboursOf`); its
   * own ids are positions in `owned`.
   */
  spelling(): SpellingNeighbours {
    return new SpellingNeighbours(new Array<string>(this.owned.length), this.spellingParts);
  }

  /**
   * Each local term's spelling neighbours in {@link spelling}, for its `listed`; null for a
   * segment stored before they were (its look-ups walk the pair index).
   */
  spellingLists(): NeighbourLists | null {
    return this.near;
  }

  /**
   * Works out the spelling lists when the segment lacks them, a step of terms at a time with an
   * `await pause()` between steps, so that work waiting for the thread (a page's check) is not
   * held up behind a large merge's lists.
   */
  async completeSpellingLists(pause: () => Promise<void>): Promise<void> {
    if (this.near) return;
    const spelling = this.spelling();
    const terms = this.terms;
    const runs: NeighbourLists[] = [];
    for (let from = 0; from < terms.length; from += LIST_STEP) {
      runs.push(spelling.lists(terms, from, Math.min(terms.length, from + LIST_STEP)));
      await pause();
    }
    this.near ??= joinLists(runs);
  }

  /**
   * The same units under other report metadata (one for each report, in order: keys change with
   * them), and with the spelling index rebuilt over the terms `owned` accepts when given.
   */
  relabel(options: {
    articles?: readonly ReportMeta[];
    owned?: (term: string) => boolean;
  }): Segment {
    const parts: Parts = {
      tokenizer: this.tokenizer,
      acronyms: [...this.acronyms],
      synonyms: this.synonyms as Record<string, string[]> | null,
      termBytes: this.termBytes,
      termSkeleton: this.termSkeleton,
      df: this.df,
      cap: this.cap,
      lower: this.lower,
      owned: this.owned,
      keys: [...this.keys],
      metaBytes: this.metaBytes,
      metaStart: this.metaStart,
      unitArticle: this.unitArticle,
      unitStart: this.unitStart,
      unitEnd: this.unitEnd,
      unitKind: this.unitKind,
      unitLength: this.unitLength,
      unitNamey: this.unitNamey,
      unitTermStart: this.unitTermStart,
      unitTerms: this.unitTerms,
      unitTagStart: this.unitTagStart,
      unitTags: this.unitTagBytes,
      postingStart: this.postingStart,
      postings: this.postings,
      spelling: this.spellingParts,
      near: this.near,
      extras: [...this.extras],
    };
    if (options.articles) {
      if (options.articles.length !== this.articles)
        throw new Error('relabel: one metadata record per report');
      const table = metaTable(options.articles);
      parts.keys = options.articles.map((meta) => meta.id);
      parts.metaBytes = table.bytes;
      parts.metaStart = table.start;
    }
    const owned = options.owned;
    if (owned) {
      parts.owned = Uint32Array.from(
        this.terms.flatMap((term, local) => (owned(term) ? [local] : [])),
      );
      const spelling = new SpellingNeighbours(Array.from(parts.owned, (l) => this.terms[l]!));
      parts.spelling = spelling.parts();
      parts.near = parts.owned.length <= LISTS_AT_BUILD ? spelling.lists(this.terms) : null;
    }
    return new Segment(parts);
  }

  /** The stored form. */
  encode(): Uint8Array {
    // A segment without its lists (read from the layout before them, or too large to list when
    // built) gets them when it is written.
    this.near ??= this.spelling().lists(this.terms);
    const columns: Record<string, Column> = {
      terms: this.termBytes,
      termSkeleton: this.termSkeleton,
      df: this.df,
      cap: this.cap,
      lower: this.lower,
      owned: this.owned,
      keys: encoder.encode(this.keys.join('\n')),
      metaBytes: this.metaBytes,
      metaStart: this.metaStart,
      unitArticle: this.unitArticle,
      unitStart: this.unitStart,
      unitEnd: this.unitEnd,
      unitKind: this.unitKind,
      unitLength: this.unitLength,
      unitNamey: this.unitNamey,
      unitTermStart: this.unitTermStart,
      unitTerms: this.unitTerms,
      unitTagStart: this.unitTagStart,
      unitTags: this.unitTagBytes,
      postingStart: this.postingStart,
      postings: this.postings,
      spAscii: this.spellingParts.ascii,
      spOther: this.spellingParts.other,
      spGramStart: this.spellingParts.gramStart,
      spGrams: this.spellingParts.grams,
      spBucketStart: this.spellingParts.bucketStart,
      spPosts: this.spellingParts.posts,
      spNearStart: this.near.start,
      spNear: this.near.ids,
      spNearShared: this.near.shared,
    };
    const extras = this.extras.map((extra, i) => {
      columns[`x${i}start`] = extra.start;
      columns[`x${i}values`] = extra.values;
      return extra.name;
    });
    return pack(
      SEGMENT_MAGIC,
      SEGMENT_FORMAT,
      {
        tokenizer: this.tokenizer,
        acronyms: this.acronyms,
        synonyms: this.synonyms,
        extras,
      },
      columns,
    );
  }

  /**
   * Reads a stored segment. Throws a FormatError when it is of another layout version or its
   * parts do not fit together; the values inside lists are bounded where they are read. With
   * `deferTerms`, where each term starts is worked out on first need: the caller then checks the
   * vocabulary's bytes with {@link checkTerms} before it reads the terms (a vocabulary stored for
   * these very bytes checked them when it was made).
   */
  static decode(bytes: Uint8Array, options: { deferTerms?: boolean } = {}): Segment {
    const unpacked = unpack(bytes, SEGMENT_MAGIC);
    if (unpacked.version !== SEGMENT_FORMAT && unpacked.version !== SEGMENT_FORMAT_WITHOUT_LISTS)
      throw new FormatError(`segment layout ${unpacked.version}, expected ${SEGMENT_FORMAT}`);
    const h = unpacked.header;
    const stringList = (value: unknown, what: string): string[] => {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw new FormatError(`damaged ${what}`);
      return value as string[];
    };
    if (!Number.isInteger(h.tokenizer)) throw new FormatError('damaged header');
    const synonyms = h.synonyms ?? null;
    if (synonyms !== null) {
      if (typeof synonyms !== 'object' || Array.isArray(synonyms))
        throw new FormatError('damaged synonyms');
      for (const list of Object.values(synonyms as Record<string, unknown>))
        stringList(list, 'synonyms');
    }
    const text = (name: string): string[] => {
      const bytes = column(unpacked, name, 'u8');
      return bytes.length === 0 ? [] : decoder.decode(bytes).split('\n');
    };
    const termBytes = column(unpacked, 'terms', 'u8');
    if (termBytes.length > 0 && termBytes[termBytes.length - 1] !== 0x0a) fail('vocabulary');
    const extras = stringList(h.extras ?? [], 'extras').map((name, i): UnitColumn => {
      const values = unpacked.columns.get(`x${i}values`);
      if (!(values instanceof Int32Array || values instanceof Float32Array))
        throw new FormatError(`missing column x${i}values`);
      return { name, start: column(unpacked, `x${i}start`, 'u32'), values };
    });
    const segment = new Segment({
      tokenizer: h.tokenizer as number,
      acronyms: stringList(h.acronyms, 'acronyms'),
      synonyms: synonyms as Record<string, string[]> | null,
      termBytes,
      termSkeleton: column(unpacked, 'termSkeleton', 'u32'),
      df: column(unpacked, 'df', 'i32'),
      cap: column(unpacked, 'cap', 'i32'),
      lower: column(unpacked, 'lower', 'i32'),
      owned: column(unpacked, 'owned', 'u32'),
      keys: text('keys'),
      metaBytes: column(unpacked, 'metaBytes', 'u8'),
      metaStart: column(unpacked, 'metaStart', 'u32'),
      unitArticle: column(unpacked, 'unitArticle', 'u32'),
      unitStart: column(unpacked, 'unitStart', 'u32'),
      unitEnd: column(unpacked, 'unitEnd', 'u32'),
      unitKind: column(unpacked, 'unitKind', 'u8'),
      unitLength: column(unpacked, 'unitLength', 'u16'),
      unitNamey: column(unpacked, 'unitNamey', 'u8'),
      unitTermStart: column(unpacked, 'unitTermStart', 'u32'),
      unitTerms: column(unpacked, 'unitTerms', 'u8'),
      unitTagStart: column(unpacked, 'unitTagStart', 'u32'),
      unitTags: column(unpacked, 'unitTags', 'u8'),
      postingStart: column(unpacked, 'postingStart', 'u32'),
      postings: column(unpacked, 'postings', 'u8'),
      spelling: spellingOf(unpacked),
      near: unpacked.version === SEGMENT_FORMAT_WITHOUT_LISTS ? null : listsOf(unpacked),
      extras,
    });
    segment.checkShape();
    if (!options.deferTerms) segment.checkTerms();
    return segment;
  }

  /**
   * Checks every value inside the segment's lists too (term ids, units, spelling ids): for a
   * segment from a file, before it is taken into the library. Throws a FormatError.
   */
  checkDeep(): void {
    const terms = this.termCount;
    for (let u = 0; u < this.units; u++) {
      const end = this.unitTermStart[u + 1]!;
      const reader = new VarintReader(this.unitTerms, this.unitTermStart[u]!);
      while (reader.at < end) if (reader.next() >>> 2 >= terms) fail('unit term');
      if (reader.at !== end) fail('unit terms');
    }
    for (let t = 0; t < terms; t++) {
      const end = this.postingStart[t + 1]!;
      const reader = new VarintReader(this.postings, this.postingStart[t]!);
      let unit = 0;
      let count = 0;
      while (reader.at < end) {
        unit += reader.next();
        reader.next();
        count++;
        if (unit >= this.units) fail('posting');
      }
      if (reader.at !== end || count !== this.df[t]) fail('postings');
    }
  }

  /** Throws a FormatError unless the parts' lengths and offsets fit together. */
  private checkShape(): void {
    const terms = this.termCount;
    const units = this.units;
    const articles = this.keys.length;
    if (
      this.df.length !== terms ||
      this.cap.length !== terms ||
      this.lower.length !== terms ||
      this.termSkeleton.length !== terms
    )
      fail('term counts');
    for (const array of [
      this.unitStart,
      this.unitEnd,
      this.unitKind,
      this.unitLength,
      this.unitNamey,
    ])
      if (array.length !== units) fail('unit columns');
    if (!offsets(this.metaStart, articles, this.metaBytes.length)) fail('report table');
    if (!offsets(this.unitTermStart, units, this.unitTerms.length)) fail('unit terms');
    if (!offsets(this.unitTagStart, units, this.unitTagBytes.length)) fail('unit tags');
    if (!offsets(this.postingStart, terms, this.postings.length)) fail('posting lists');
    for (let u = 0; u < units; u++) {
      if (this.unitArticle[u]! >= articles || this.unitEnd[u]! < this.unitStart[u]!)
        fail('unit columns');
    }
    for (let k = 0; k < this.owned.length; k++) {
      if (this.owned[k]! >= terms || (k > 0 && this.owned[k]! <= this.owned[k - 1]!))
        fail('owned terms');
    }
    const sp = this.spellingParts;
    const buckets = sp.bucketStart.length - 1;
    if (
      !offsets(sp.gramStart, this.owned.length, sp.grams.length) ||
      buckets < 1 ||
      (buckets & (buckets - 1)) !== 0 ||
      sp.bucketStart[0] !== 0 ||
      sp.bucketStart[buckets] !== sp.posts.length ||
      sp.ascii.length % 2 !== 0 ||
      sp.other.length % 2 !== 0
    ) {
      fail('spelling index');
    }
    const near = this.near;
    if (
      near &&
      (!offsets(near.start, terms, near.ids.length) || near.shared.length !== near.ids.length)
    )
      fail('spelling lists');
    // The pair index's offsets and term ids (millions in a large segment), and the ids of the
    // lists, are bounded where a look-up reads them (see SpellingNeighbours), not walked here at
    // every load.
    for (let k = 0; k < sp.ascii.length; k += 2)
      if (!(sp.ascii[k]! >= 0 && sp.ascii[k]! < 27 ** 3)) fail('spelling index');
    for (const extra of this.extras)
      if (!offsets(extra.start, units, extra.values.length)) fail(`column ${extra.name}`);
  }

  private arrays(): ArrayBufferView[] {
    const sp = this.spellingParts;
    return [
      this.termSkeleton,
      this.df,
      this.cap,
      this.lower,
      this.owned,
      this.metaBytes,
      this.metaStart,
      this.unitArticle,
      this.unitStart,
      this.unitEnd,
      this.unitKind,
      this.unitLength,
      this.unitNamey,
      this.unitTermStart,
      this.unitTerms,
      this.unitTagStart,
      this.unitTagBytes,
      this.postingStart,
      this.postings,
      sp.ascii,
      sp.other,
      sp.gramStart,
      sp.grams,
      sp.bucketStart,
      sp.posts,
      ...(this.near ? [this.near.start, this.near.ids, this.near.shared] : []),
      ...this.extras.flatMap((extra) => [extra.start, extra.values]),
    ];
  }

  /**
   * Builds a segment from units of reports. Terms are numbered anew in order of first use (terms
   * no unit uses are left out), counted, and indexed; the segment's spelling index covers the
   * terms `source.owned` accepts.
   */
  static build(source: SegmentSource): Segment {
    if (source.articles.some((meta) => meta.id === '' || meta.id.includes('\n')))
      throw new Error('a report key is empty or holds a line break');
    const units = source.unitArticle.length;
    const localOf = new Int32Array(source.terms.length).fill(-1);
    const terms: string[] = [];
    const ownedList: number[] = [];
    const lastUnit: number[] = [];
    const df: number[] = [];
    const cap: number[] = [];
    const lower: number[] = [];
    const unitTermStart = new Uint32Array(units + 1);
    const unitLength = new Uint16Array(units);
    const unitNamey = new Uint8Array(units);
    const nameyTerm: boolean[] = [];
    const unitWriter = new VarintWriter();
    const unitTagStart = new Uint32Array(units + 1);
    const unitTags = new Uint8Array(source.termStart[units] ?? 0);
    for (let u = 0; u < units; u++) {
      const from = source.termStart[u]!;
      const to = source.termStart[u + 1]!;
      unitTagStart[u + 1] = to;
      if (source.tags) for (let k = from; k < to; k++) unitTags[k] = source.tags[k]!;
      for (let k = from; k < to; k++) {
        const input = source.termIds[k]!;
        let local = localOf[input]!;
        if (local < 0) {
          local = terms.length;
          localOf[input] = local;
          terms.push(source.terms[input]!);
          nameyTerm.push(NAMES_BY_FORM.test(source.terms[input]!));
          if (source.owned(input)) ownedList.push(local);
          lastUnit.push(-1);
          df.push(0);
          cap.push(0);
          lower.push(0);
        }
        const flag = source.flags[k]! & 3;
        unitWriter.write(local * 4 + flag);
        if (nameyTerm[local]) unitNamey[u] = 1;
        if (lastUnit[local] !== u) {
          lastUnit[local] = u;
          df[local]!++;
        }
        if (flag === 1) cap[local]!++;
        else if (flag === 2) lower[local]!++;
      }
      unitTermStart[u + 1] = unitWriter.length;
      unitLength[u] = Math.min(MAX_UNIT_LENGTH, to - from);
    }
    for (const input of source.alsoOwned ?? []) {
      if (localOf[input]! >= 0) continue;
      localOf[input] = terms.length;
      ownedList.push(terms.length);
      terms.push(source.terms[input]!);
      df.push(0);
      cap.push(0);
      lower.push(0);
    }
    ownedList.sort((a, b) => a - b);
    const unitTerms = unitWriter.finish();
    const postings = buildPostings(terms.length, df, units, unitTermStart, unitTerms);
    const owned = Uint32Array.from(ownedList);
    const spellingIndex = new SpellingNeighbours(Array.from(owned, (l) => terms[l]!));
    const meta = metaTable(source.articles);
    const synonyms = source.synonyms
      ? Object.fromEntries(Object.entries(source.synonyms).map(([k, v]) => [k, [...v]]))
      : null;
    return new Segment({
      tokenizer: source.tokenizer,
      acronyms: [...source.acronyms].sort(),
      synonyms,
      termBytes: encoder.encode(terms.map((term) => `${term}\n`).join('')),
      termSkeleton: Uint32Array.from(terms, skeletonHash),
      df: Int32Array.from(df),
      cap: Int32Array.from(cap),
      lower: Int32Array.from(lower),
      owned,
      keys: source.articles.map((meta) => meta.id),
      metaBytes: meta.bytes,
      metaStart: meta.start,
      unitArticle: Uint32Array.from(source.unitArticle),
      unitStart: Uint32Array.from(source.unitStart),
      unitEnd: Uint32Array.from(source.unitEnd),
      unitKind: Uint8Array.from(source.unitKind),
      unitLength,
      unitNamey,
      unitTermStart,
      unitTerms,
      unitTagStart,
      unitTags,
      postingStart: postings.start,
      postings: postings.bytes,
      spelling: spellingIndex.parts(),
      near: owned.length <= LISTS_AT_BUILD ? spellingIndex.lists(terms) : null,
      extras: (source.extras ?? []).map((extra) => ({
        name: extra.name,
        start: Uint32Array.from(extra.start),
        values: extra.values.slice(),
      })),
    });
  }
}

/**
 * Where each term of a vocabulary of line-feed-terminated terms starts (and the end). `expected`
 * is the number of terms the counts say: the bytes are then read once (twice when it is wrong, a
 * damaged segment that checkShape rejects).
 */
function termOffsets(bytes: Uint8Array, expected: number): Uint32Array {
  const start = new Uint32Array(expected + 1);
  let t = 0;
  for (let i = 0; i < bytes.length && t < expected; i++) if (bytes[i] === 0x0a) start[++t] = i + 1;
  if (t === expected && start[t] === bytes.length) return start;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) count++;
  const all = new Uint32Array(count + 1);
  for (let i = 0, k = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) all[++k] = i + 1;
  return all;
}

/** Reports' metadata as JSON, one after another, with where each starts. */
function metaTable(articles: readonly ReportMeta[]): { bytes: Uint8Array; start: Uint32Array } {
  const lines = articles.map((meta) => encoder.encode(JSON.stringify(meta)));
  const start = new Uint32Array(lines.length + 1);
  lines.forEach((line, i) => (start[i + 1] = start[i]! + line.length));
  const bytes = new Uint8Array(start[lines.length]!);
  lines.forEach((line, i) => bytes.set(line, start[i]!));
  return { bytes, start };
}

function fail(what: string): never {
  throw new FormatError(`damaged ${what}`);
}

/** True when `start` has n + 1 non-decreasing offsets from 0 to `total`. */
function offsets(start: Uint32Array | Int32Array, n: number, total: number): boolean {
  if (start.length !== n + 1 || start[0] !== 0 || start[n] !== total) return false;
  for (let i = 0; i < n; i++) if (start[i + 1]! < start[i]!) return false;
  return true;
}

/** The posting lists of every term, from the units' term lists. */
function buildPostings(
  termCount: number,
  df: readonly number[],
  units: number,
  unitTermStart: Uint32Array,
  unitTerms: Uint8Array,
): { start: Uint32Array; bytes: Uint8Array } {
  // Compressed sparse rows first (units and frequencies per term), then varints per term.
  const rowStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) rowStart[t + 1] = rowStart[t]! + df[t]!;
  const docs = new Int32Array(rowStart[termCount]!);
  const tfs = new Uint32Array(rowStart[termCount]!);
  const fill = rowStart.slice(0, termCount);
  const lastUnit = new Int32Array(termCount).fill(-1);
  for (let u = 0; u < units; u++) {
    const end = unitTermStart[u + 1]!;
    const reader = new VarintReader(unitTerms, unitTermStart[u]!);
    while (reader.at < end) {
      const t = reader.next() >>> 2;
      if (lastUnit[t] !== u) {
        lastUnit[t] = u;
        docs[fill[t]!] = u;
        tfs[fill[t]!] = 1;
        fill[t]!++;
      } else tfs[fill[t]! - 1]!++;
    }
  }
  const writer = new VarintWriter();
  const start = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) {
    let previous = 0;
    for (let k = rowStart[t]!; k < rowStart[t + 1]!; k++) {
      writer.write(docs[k]! - previous);
      writer.write(tfs[k]!);
      previous = docs[k]!;
    }
    start[t + 1] = writer.length;
  }
  return { start, bytes: writer.finish() };
}

/**
 * A column of ids of the spelling index: 32 bits each (every segment before narrow columns), or
 * 16 where they fit (see NARROW_IDS).
 */
function idColumn(unpacked: Unpacked, name: string): Int32Array | Uint16Array {
  const found = unpacked.columns.get(name);
  if (found instanceof Int32Array || found instanceof Uint16Array) return found;
  throw new FormatError(`missing column ${name}`);
}

function spellingOf(unpacked: Unpacked): SpellingParts {
  return {
    ascii: column(unpacked, 'spAscii', 'i32'),
    other: column(unpacked, 'spOther', 'f64'),
    gramStart: column(unpacked, 'spGramStart', 'i32'),
    grams: idColumn(unpacked, 'spGrams'),
    bucketStart: column(unpacked, 'spBucketStart', 'i32'),
    posts: idColumn(unpacked, 'spPosts'),
  };
}

function listsOf(unpacked: Unpacked): NeighbourLists {
  return {
    start: column(unpacked, 'spNearStart', 'u32'),
    ids: idColumn(unpacked, 'spNear'),
    shared: column(unpacked, 'spNearShared', 'u8'),
  };
}
