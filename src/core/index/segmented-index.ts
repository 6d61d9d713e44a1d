/**
 * The matcher's index over several segments (see segment.ts), as search engines keep theirs: the
 * bundled corpus is one segment, each article the reader keeps adds a small one, and small ones
 * are merged into larger ones in the background. The index puts their vocabularies together into
 * one numbering of terms, keeps the counts of every term over the live units of all segments (so
 * idf, names and spelling classes are those of everything together), and answers what the matcher
 * asks: candidates by BM25, each unit's terms, report and text, a term's spelling neighbours.
 *
 * Adding a segment or deleting a report updates the counts in place: nothing is rebuilt. Texts are
 * not held here; a report's text comes from a {@link TextSource} when a match is shown.
 */
import {
  BM25_B,
  BM25_K1,
  bm25Idf,
  bm25Norm,
  maxWalkedDf,
  ScoreAccumulator,
  topDenseHits,
  type Hit,
} from '../bm25';
import { closestVariant, MIN_VARIANT_LENGTH, skeleton, variantClasses } from '../name-variants';
import { PlaceAliases } from '../place-aliases';
import {
  NO_NEIGHBOURS,
  SpellingNeighbours,
  trigramCodes,
  type Neighbours,
} from '../spelling-neighbours';
import { Synonyms } from '../synonyms';
import type { ReportMeta } from '../types';
import { NAMES_BY_FORM, skeletonHash, type Segment, type SegmentSource } from './segment';
import { Lexicon } from './lexicon';
import { mergeSegments } from './merge';
import { sameMark, vocabularyMark, type StoredVocabulary, type VocabularyPart } from './vocabulary';

/** Where report texts come from: known at once, or not (yet). */
export interface TextSource {
  /** The full text of report `key`, or undefined when it is not at hand. */
  text(key: string): string | undefined;
}

/**
 * Segments whose vocabulary is at most this many terms map global term ids to theirs through a
 * map; larger ones through an array over the whole vocabulary (faster, 4 bytes a term).
 */
const SMALL_SEGMENT_TERMS = 4_096;
/** Most answers of variantOf remembered: far more names than a long article holds. */
const VARIANT_CACHE_SIZE = 10_000;
/** Most spellings whose neighbours one segment remembers before it starts again. */
const SPELLING_CACHE_SIZE = 40_000;

/** A spelling index over some of the vocabulary, with its answers remembered. */
interface SpellingSource {
  /** The spelling index; its own ids are positions in `ownedGlobal`. */
  spelling: SpellingNeighbours;
  ownedGlobal: Int32Array;
  /** Spelling → global ids of its neighbours here, with their similarities. */
  spellingCache: Map<string, SourceNeighbours>;
}

/** Neighbours found in one spelling source, by global id. */
interface SourceNeighbours {
  ids: Int32Array;
  similarities: Float64Array;
}

/** No neighbours in a source: shared, as most sources have none for most spellings. */
const NONE_HERE: SourceNeighbours = { ids: new Int32Array(0), similarities: new Float64Array(0) };

/** One segment as the index holds it. */
interface Held extends SpellingSource {
  segment: Segment;
  /** The caller's name for the segment (its storage key). */
  key: number;
  unitBase: number;
  reportBase: number;
  /** Local term id → global id. */
  toGlobal: Int32Array;
  /** Global term id → local id (−1 or absent when the segment lacks the term). */
  toLocal: Int32Array | Map<number, number>;
  /** Per report: deleted. */
  deleted: Uint8Array;
  deletedCount: number;
  /** Units of report `a` at articleUnitStart[a]..articleUnitStart[a + 1]. */
  articleUnitStart: Uint32Array;
  /** Unit texts held in memory (a corpus compiled with its sentences), or null. */
  unitTexts: readonly string[] | null;
}

/** Grows a typed array to at least `size` elements (doubling), keeping its values. */
function grow<T extends Int32Array | Uint8Array | Uint16Array | Uint32Array>(
  array: T,
  size: number,
): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(size, array.length * 2, 64),
  );
  next.set(array);
  return next;
}

/** The first byte of a place's term ("@RUS"), as isPlaceTerm tells them. */
const PLACE_PREFIX_BYTE = 0x40;

/** 1 for a place's term. */
function placeByForm(lexicon: Lexicon, id: number): number {
  return lexicon.firstByte(id) === PLACE_PREFIX_BYTE ? 1 : 0;
}

/** 1 for a term that names something by its form (see NAMES_BY_FORM). */
function nameyByForm(lexicon: Lexicon, id: number): number {
  // Digits, "@" and capitals A–Z name something by their first byte; other first bytes outside
  // ASCII need the term itself.
  const first = lexicon.firstByte(id);
  return (first >= 0x30 && first <= 0x39) || (first >= 0x40 && first <= 0x5a)
    ? 1
    : first >= 0x80 && NAMES_BY_FORM.test(lexicon.term(id))
      ? 1
      : 0;
}

/** Options of a {@link SegmentedIndex}. */
export interface IndexOptions {
  /** The place alias table pages are tokenised with (the compiled corpus's `aliases`). */
  aliases: Readonly<Record<string, string>>;
  /** The tokeniser version every segment must have been made with. */
  tokenizer: number;
  /** Where the texts of reports come from when no segment holds them. */
  texts?: TextSource;
}

/** The index over segments (see the module comment). */
export class SegmentedIndex {
  readonly tokenizer: number;
  readonly aliases: PlaceAliases;
  /** The alias table `aliases` applies, for compiling new reports into this index. */
  readonly aliasTable: Readonly<Record<string, string>>;
  /** Goes up with every change of what the index holds; callers drop what they derived. */
  version = 0;

  private helds: Held[] = [];
  private readonly texts: TextSource | null;
  /** Keys of reports asked for a text that was not at hand (see {@link missingTexts}). */
  private readonly missing = new Set<string>();

  // The vocabulary of all segments together.
  private lexicon = new Lexicon();
  private df = new Int32Array(64);
  private cap = new Int32Array(64);
  private lower = new Int32Array(64);
  /** Per term: how many segments index it by spelling (one, but for a corpus replaced since). */
  private owned = new Uint16Array(64);
  /** A spelling index over live terms no segment owns (see {@link adoptOrphans}), or null. */
  private orphans: SpellingSource | null = null;
  /** Per term: 1 when written as a name more often than not. */
  private nameFlags = new Uint8Array(64);
  /** Per term: 1 when it names something by its form (see NAMES_BY_FORM). */
  private namey = new Uint8Array(64);
  /** Per term: 1 for a place's term ("@RUS", see place-aliases.ts). */
  private place = new Uint8Array(64);
  /** Per term: the id of its spelling class (itself unless it is a variant of a name). */
  private canonicalIds = new Int32Array(64);
  /** Representative → every member of its class, for classes of two or more. */
  private readonly members = new Map<number, number[]>();
  /** Per term: the hash of its skeleton (see skeletonHash), 0 when it can have no variant. */
  private skeletons = new Uint32Array(64);
  /** Names by the hash of their skeleton: where a name's spelling variants are to be found. */
  private readonly namesBySkeleton = new Map<number, number[]>();
  /** Answers of variantOf, until the names change. */
  private readonly variants = new Map<string, string | null>();

  private liveUnits = 0;
  private totalLength = 0;
  private totalUnits = 0;
  private totalReports = 0;
  private readonly reportKeys = new Map<string, { held: Held; local: number }>();
  private readonly acronymCounts = new Map<string, number>();
  private acronymSet: Set<string> | null = null;

  // Derived, rebuilt on demand after a change.
  private synonymsCache: { version: number; synonyms: Synonyms } | null = null;
  private classDfCache = new Map<number, number>();
  private claims = new Int8Array(0);
  private neighbours: (Neighbours | undefined)[] = [];
  private neighboursVersion = -1;
  private readonly unknownNeighbours = new Map<string, Neighbours>();
  // BM25 accumulators, one slot per unit.
  private readonly accumulator = new ScoreAccumulator();
  private classTf = new Float64Array(0);
  /** A unit's local term ids, while they are read (see localTerms). */
  private termScratch = new Int32Array(256);

  constructor(options: IndexOptions) {
    this.tokenizer = options.tokenizer;
    this.aliases = new PlaceAliases(options.aliases);
    this.aliasTable = options.aliases;
    this.texts = options.texts ?? null;
  }

  // ---- What the index holds -------------------------------------------------------------

  /** Number of terms of all segments together (global ids are below this). */
  get vocabularySize(): number {
    return this.lexicon.size;
  }

  /** Number of units of all segments (deleted ones included); unit numbers are below this. */
  get unitCount(): number {
    return this.totalUnits;
  }

  /** Number of reports of all segments (deleted ones included). */
  get reportCount(): number {
    return this.totalReports;
  }

  /** Number of units of live reports: the document count of BM25. */
  get docs(): number {
    return this.liveUnits;
  }

  /** The segments' keys, in order. */
  segmentKeys(): number[] {
    return this.helds.map((held) => held.key);
  }

  /** The segments, with their keys, number of reports and number deleted. */
  segmentList(): { key: number; segment: Segment; deleted: number }[] {
    return this.helds.map((h) => ({ key: h.key, segment: h.segment, deleted: h.deletedCount }));
  }

  /** Whether a report of this key is in the index and not deleted. */
  hasReport(key: string): boolean {
    const found = this.reportKeys.get(key);
    return found !== undefined && found.held.deleted[found.local] === 0;
  }

  /** Whether some segment indexes `term` by spelling (a new segment need not). */
  ownsTerm(term: string): boolean {
    const id = this.lexicon.idOf(term);
    return id >= 0 && this.owned[id]! > 0;
  }

  /**
   * Indexes by spelling, in memory, the live terms no segment owns: after the bundled corpus
   * changed under a stored library, terms it owned and the library still uses. Call once the
   * segments are loaded.
   */
  adoptOrphans(): number {
    const orphans: number[] = [];
    for (let g = 0; g < this.lexicon.size; g++)
      if (this.df[g]! > 0 && this.owned[g] === 0) orphans.push(g);
    this.orphans =
      orphans.length === 0
        ? null
        : {
            spelling: new SpellingNeighbours(orphans.map((g) => this.lexicon.term(g))),
            ownedGlobal: Int32Array.from(orphans),
            spellingCache: new Map(),
          };
    this.changed();
    return orphans.length;
  }

  /**
   * The merge of the segments `keys` (their live reports, in index order), ready for
   * {@link replaceSegments}.
   */
  mergeOf(keys: readonly number[]): Segment {
    const parts = this.helds
      .filter((h) => keys.includes(h.key))
      .map((held) => ({ segment: held.segment, live: (a: number) => held.deleted[a] === 0 }));
    return mergeSegments(parts, (term) => {
      const id = this.lexicon.idOf(term);
      return id >= 0 && this.df[id]! > 0;
    });
  }

  /** Keys of the reports a segment holds that are not deleted. */
  liveKeys(segmentKey: number): string[] {
    const held = this.helds.find((h) => h.key === segmentKey);
    if (!held) return [];
    return held.segment.keys.filter((_, a) => held.deleted[a] === 0);
  }

  /** Adds a segment. Its reports' keys must be new to the index. */
  addSegment(segment: Segment, key: number, unitTexts: readonly string[] | null = null): void {
    this.addSegments([{ segment, key, unitTexts }]);
  }

  /**
   * Adds several segments at once (a library loaded after a restart): the names among their
   * terms are worked out once for all of them. With `stored`, a vocabulary worked out before for
   * segments loaded in this order (see vocabulary.ts), the first segments it fits take their
   * terms' numbering from it instead of looking up every term; returns how many did.
   */
  addSegments(
    list: readonly { segment: Segment; key: number; unitTexts?: readonly string[] | null }[],
    stored: StoredVocabulary | null = null,
  ): number {
    for (const { segment } of list) {
      if (segment.tokenizer !== this.tokenizer)
        throw new Error(`segment made by tokeniser ${segment.tokenizer}, not ${this.tokenizer}`);
    }
    // Room for the largest vocabulary and all the term bytes at once (a lower bound of what the
    // index will hold), rather than growing the tables at every doubling.
    let largest: Segment | null = null;
    for (const { segment } of list)
      if (!largest || segment.termCount > largest.termCount) largest = segment;
    const restored = stored ? this.restoreVocabulary(list, stored) : 0;
    if (largest && restored === 0) {
      this.lexicon.reserve(largest.termCount, largest.termBytes.length);
      this.growTerms(this.lexicon.size + largest.termCount);
    }
    let at = 0;
    const helds = list.map(({ segment, key, unitTexts }, i) => {
      // Copied out, so that the stored vocabulary's bytes are not kept for it.
      const toGlobal = i < restored ? stored!.toGlobal.slice(at, (at += segment.termCount)) : null;
      return this.hold(segment, key, unitTexts ?? null, toGlobal);
    });
    this.helds.push(...helds);
    this.renumber();
    const touched = { terms: [] as number[], seen: new Uint8Array(this.lexicon.size) };
    for (const held of helds) this.count(held, 1, touched);
    this.updateNames(touched.terms);
    this.changed();
    return restored;
  }

  /**
   * Takes the numbering of the terms of the first segments of `list` from a stored vocabulary:
   * as many as it was worked out for, in the same order, with the same vocabularies, on top of
   * the vocabulary this index holds now. Returns how many (0 when it does not fit).
   */
  private restoreVocabulary(
    list: readonly { segment: Segment; key: number }[],
    stored: StoredVocabulary,
  ): number {
    const prior = this.lexicon;
    const fits = this.vocabularyFits(list, stored);
    if (fits === 0) return 0;
    const size = stored.parts[fits - 1]!.size;
    // Room for the segments after those it fits, looked up as before.
    const room = { terms: 0, bytes: 0 };
    for (const { segment } of list.slice(fits)) {
      room.terms += segment.termCount;
      room.bytes += segment.termBytes.length;
    }
    const { arena, starts, hashes, slots } = stored.lexicon;
    const lexicon = Lexicon.restored(
      {
        arena: arena.subarray(0, starts[size]!),
        starts: starts.subarray(0, size + 1),
        hashes: hashes.subarray(0, size),
        // The stored table holds every term of the vocabulary: of use only when all of it fits.
        slots: size === hashes.length ? slots : undefined,
      },
      prior,
      room,
    );
    if (!lexicon) return 0;
    // New terms come in order of first sight: each part's ids are below the next new one.
    const { toGlobal } = stored;
    let next = prior.size;
    let at = 0;
    for (let p = 0; p < fits; p++) {
      for (let end = at + stored.parts[p]!.terms; at < end; at++) {
        const g = toGlobal[at]!;
        if (g === next) next++;
        else if (!(g >= 0 && g < next)) return 0;
      }
      if (next !== stored.parts[p]!.size) return 0;
    }
    this.lexicon = lexicon;
    this.growTerms(size + room.terms);
    // What a term's bytes tell, stored: copied, not worked out term by term.
    const { skeletons, place, namey } = stored.forms;
    this.skeletons.set(skeletons.subarray(prior.size, size), prior.size);
    this.place.set(place.subarray(prior.size, size), prior.size);
    this.namey.set(namey.subarray(prior.size, size), prior.size);
    const { canonicalIds } = this;
    for (let id = prior.size; id < size; id++) canonicalIds[id] = id;
    return fits;
  }

  /**
   * How many of the first segments of `list` a stored vocabulary serves when they are added to
   * this index now: those it was worked out for, in the same order, with the same vocabularies,
   * on top of the vocabulary this index holds.
   */
  vocabularyFits(
    list: readonly { segment: Segment; key: number }[],
    stored: StoredVocabulary,
  ): number {
    const here = vocabularyMark(this.lexicon.size, this.lexicon.parts().arena);
    if (!sameMark(here, stored.base)) return 0;
    let fits = 0;
    while (fits < list.length && fits < stored.parts.length) {
      const part = stored.parts[fits]!;
      const { segment, key } = list[fits]!;
      if (part.key !== key || !sameMark(part, segment.termsMark)) break;
      fits++;
    }
    return fits;
  }

  /**
   * The vocabulary an index holding segment `baseKey` alone would have once the segments `keys`
   * were loaded into it, in that order: what a restart of a library stored so works out first,
   * to be stored (see vocabulary.ts).
   */
  vocabularyOf(baseKey: number, keys: readonly number[]): StoredVocabulary {
    const segmentOf = (key: number): Segment => {
      const held = this.helds.find((h) => h.key === key);
      if (!held) throw new Error(`vocabularyOf: no segment ${key}`);
      return held.segment;
    };
    const lexicon = new Lexicon();
    const skeletons: number[] = [];
    const add = (segment: Segment, into: Int32Array, at: number) => {
      const { termBytes, termStart, termSkeleton } = segment;
      lexicon.reserve(segment.termCount, termBytes.length);
      for (let l = 0; l < segment.termCount; l++) {
        const id = lexicon.lookUp(termBytes, termStart[l]!, termStart[l + 1]! - 1, true);
        if (id === skeletons.length) skeletons.push(termSkeleton[l]!);
        into[at + l] = id;
      }
    };
    const first = segmentOf(baseKey);
    add(first, new Int32Array(first.termCount), 0);
    const base = vocabularyMark(lexicon.size, lexicon.parts().arena);
    const segments = keys.map(segmentOf);
    const toGlobal = new Int32Array(segments.reduce((sum, s) => sum + s.termCount, 0));
    let at = 0;
    const parts = segments.map((segment, i): VocabularyPart => {
      add(segment, toGlobal, at);
      at += segment.termCount;
      return {
        ...segment.termsMark,
        key: keys[i]!,
        size: lexicon.size,
      };
    });
    const { arena, starts, hashes, slots } = lexicon.parts();
    const forms = {
      skeletons: Uint32Array.from(skeletons),
      place: new Uint8Array(lexicon.size),
      namey: new Uint8Array(lexicon.size),
    };
    for (let id = 0; id < lexicon.size; id++) {
      forms.place[id] = placeByForm(lexicon, id);
      forms.namey[id] = nameyByForm(lexicon, id);
    }
    return { base, parts, lexicon: { arena, starts, hashes, slots }, forms, toGlobal };
  }

  /**
   * Puts `merged` in the place of the segments `keys` (the first of them): the merge of their
   * live reports. Reports deleted while the merge ran are deleted in it again.
   */
  replaceSegments(keys: readonly number[], merged: Segment, key: number): void {
    const old = this.helds.filter((h) => keys.includes(h.key));
    if (old.length !== keys.length) throw new Error('replaceSegments: unknown segment');
    const deletedKeys = new Set<string>();
    for (const held of old) {
      held.segment.keys.forEach((k, a) => {
        if (held.deleted[a] === 1) deletedKeys.add(k);
      });
      this.count(held, -1);
      for (const k of held.segment.keys) this.reportKeys.delete(k);
    }
    const at = this.helds.indexOf(old[0]!);
    const held = this.hold(merged, key, null);
    merged.keys.forEach((k, a) => {
      if (deletedKeys.has(k)) {
        held.deleted[a] = 1;
        held.deletedCount++;
      }
    });
    this.helds = this.helds.filter((h) => !old.includes(h));
    this.helds.splice(Math.min(at, this.helds.length), 0, held);
    this.renumber();
    this.count(held, 1);
    this.changed();
  }

  /** Deletes a report: its units are never candidates again and leave the counts. */
  deleteReport(key: string): boolean {
    const found = this.reportKeys.get(key);
    if (!found || found.held.deleted[found.local] === 1) return false;
    const { held, local } = found;
    this.countReport(held, local, -1);
    held.deleted[local] = 1;
    held.deletedCount++;
    this.changed();
    return true;
  }

  /** Takes every segment out. */
  clear(): void {
    for (const held of [...this.helds]) this.count(held, -1);
    this.helds = [];
    this.reportKeys.clear();
    this.renumber();
    this.changed();
  }

  /** Takes out a segment whose reports are all deleted. */
  dropSegment(key: number): void {
    const held = this.helds.find((h) => h.key === key);
    if (!held) return;
    this.count(held, -1);
    for (const k of held.segment.keys) this.reportKeys.delete(k);
    this.helds = this.helds.filter((h) => h !== held);
    this.renumber();
    this.changed();
  }

  /** Holds a segment; `known`: its terms' global ids, when known already (a stored vocabulary). */
  private hold(
    segment: Segment,
    key: number,
    unitTexts: readonly string[] | null,
    known: Int32Array | null = null,
  ): Held {
    const local = segment.termCount;
    let toGlobal = known;
    if (!toGlobal) {
      toGlobal = new Int32Array(local);
      const { termBytes, termStart, termSkeleton } = segment;
      for (let l = 0; l < local; l++)
        toGlobal[l] = this.idOf(termBytes, termStart[l]!, termStart[l + 1]! - 1, termSkeleton[l]!);
    }
    let toLocal: Held['toLocal'];
    if (local <= SMALL_SEGMENT_TERMS) {
      toLocal = new Map();
      for (let l = 0; l < local; l++) toLocal.set(toGlobal[l]!, l);
    } else {
      toLocal = new Int32Array(this.df.length).fill(-1);
      for (let l = 0; l < local; l++) toLocal[toGlobal[l]!] = l;
    }
    // Filled in loops: typed arrays' `from` with a mapping function is slow in V8.
    const { owned } = segment;
    const ownedGlobal = new Int32Array(owned.length);
    for (let k = 0; k < owned.length; k++) {
      const g = toGlobal[owned[k]!]!;
      ownedGlobal[k] = g;
      this.owned[g]!++;
    }
    const articles = segment.articles;
    const articleUnitStart = new Uint32Array(articles + 1);
    for (let u = 0; u < segment.units; u++) articleUnitStart[segment.unitArticle[u]! + 1]!++;
    for (let a = 0; a < articles; a++) articleUnitStart[a + 1]! += articleUnitStart[a]!;
    const held: Held = {
      segment,
      key,
      unitBase: 0,
      reportBase: 0,
      toGlobal,
      toLocal,
      spelling: segment.spelling(),
      ownedGlobal,
      spellingCache: new Map(),
      deleted: new Uint8Array(articles),
      deletedCount: 0,
      articleUnitStart,
      unitTexts,
    };
    segment.keys.forEach((k, a) => {
      if (this.reportKeys.has(k)) throw new Error(`report "${k}" is in the index twice`);
      this.reportKeys.set(k, { held, local: a });
    });
    return held;
  }

  /** Makes the per-term arrays hold at least `size` terms (doubling). */
  private growTerms(size: number): void {
    if (this.df.length >= size) return;
    this.df = grow(this.df, size);
    this.cap = grow(this.cap, size);
    this.lower = grow(this.lower, size);
    this.owned = grow(this.owned, size);
    this.nameFlags = grow(this.nameFlags, size);
    this.namey = grow(this.namey, size);
    this.place = grow(this.place, size);
    this.skeletons = grow(this.skeletons, size);
    this.canonicalIds = grow(this.canonicalIds, size);
    // Large segments map the whole vocabulary: a new term is absent from all of them.
    for (const held of this.helds) {
      if (held.toLocal instanceof Int32Array && held.toLocal.length < this.df.length) {
        const next = new Int32Array(this.df.length).fill(-1);
        next.set(held.toLocal);
        held.toLocal = next;
      }
    }
  }

  /** The global id of the term with UTF-8 bytes bytes[from..to), numbered on first sight. */
  private idOf(bytes: Uint8Array, from: number, to: number, skeletonHash: number): number {
    const before = this.lexicon.size;
    const id = this.lexicon.lookUp(bytes, from, to, true);
    if (id === before) {
      this.growTerms(id + 1);
      this.newTerm(id, skeletonHash);
    }
    return id;
  }

  /** What the index knows of a term just numbered from its bytes alone. */
  private newTerm(id: number, skeletonHash: number): void {
    this.canonicalIds[id] = id;
    this.skeletons[id] = skeletonHash;
    this.place[id] = placeByForm(this.lexicon, id);
    this.namey[id] = nameyByForm(this.lexicon, id);
  }

  /**
   * Adds (sign 1) or takes away (−1) a segment's live units from the counts. The terms whose
   * counts changed go into `into` when given (the caller then updates the names), else their
   * names are updated here.
   */
  private count(held: Held, sign: 1 | -1, into?: { terms: number[]; seen: Uint8Array }): void {
    const { segment, toGlobal } = held;
    const { df, cap, lower } = this;
    const touched = into?.terms ?? [];
    // Terms of several segments are noted once each, at their first sight: the names of a term
    // are worked out from its counts over all of them, so a second time would change nothing.
    const seen = into?.seen;
    for (let l = 0; l < toGlobal.length; l++) {
      const g = toGlobal[l]!;
      df[g]! += sign * segment.df[l]!;
      cap[g]! += sign * segment.cap[l]!;
      lower[g]! += sign * segment.lower[l]!;
      if (!seen) touched.push(g);
      else if (seen[g] === 0) {
        seen[g] = 1;
        touched.push(g);
      }
    }
    let length = 0;
    for (let u = 0; u < segment.units; u++) length += segment.unitLength[u]!;
    this.liveUnits += sign * segment.units;
    this.totalLength += sign * length;
    for (const acronym of segment.acronyms) {
      const n = (this.acronymCounts.get(acronym) ?? 0) + sign;
      if (n > 0) this.acronymCounts.set(acronym, n);
      else this.acronymCounts.delete(acronym);
    }
    this.acronymSet = null;
    // The segment's counts include its deleted reports, which left the counts when deleted.
    for (let a = 0; a < held.deleted.length; a++) {
      if (held.deleted[a] === 1) this.countReport(held, a, -sign as 1 | -1, false);
    }
    if (sign === -1) for (const g of held.ownedGlobal) this.owned[g]!--;
    if (!into) this.updateNames(touched);
  }

  /** Adds or takes away one report's units from the counts. */
  private countReport(held: Held, article: number, sign: 1 | -1, names = true): void {
    const { segment, toGlobal } = held;
    const touched: number[] = [];
    const from = held.articleUnitStart[article]!;
    const to = held.articleUnitStart[article + 1]!;
    for (let u = from; u < to; u++) {
      const seen = new Set<number>();
      segment.forEachTerm(u, (l, flag) => {
        const g = toGlobal[l]!;
        if (!seen.has(g)) {
          seen.add(g);
          this.df[g]! += sign;
          touched.push(g);
        }
        if (flag === 1) this.cap[g]! += sign;
        else if (flag === 2) this.lower[g]! += sign;
      });
      this.liveUnits += sign;
      this.totalLength += sign * segment.unitLength[u]!;
    }
    if (names) this.updateNames(touched);
  }

  /**
   * Terms written as names (more often capitalised than not), updated for `terms` (which may
   * repeat), and the classes of spellings of one name among them.
   */
  private updateNames(terms: readonly number[]): void {
    // Classes can only change among names of the skeleton of a name that came or went.
    const changed = new Set<number>();
    for (const g of terms) {
      const name = this.df[g]! > 0 && this.cap[g]! > this.lower[g]! ? 1 : 0;
      if (name === this.nameFlags[g]) continue;
      this.nameFlags[g] = name;
      const hash = this.skeletons[g]!;
      if (hash === 0) continue;
      let bucket = this.namesBySkeleton.get(hash);
      if (name) {
        if (!bucket) this.namesBySkeleton.set(hash, (bucket = []));
        bucket.push(g);
      } else if (bucket) {
        bucket.splice(bucket.indexOf(g), 1);
        if (bucket.length === 0) this.namesBySkeleton.delete(hash);
      }
      // A name that was in no class and meets no other name leaves the classes as they are.
      if ((bucket?.length ?? 0) >= 2 || this.canonicalIds[g] !== g || this.members.has(g))
        changed.add(hash);
      if (!name) this.unclass(g);
    }
    if (changed.size === 0) return;
    this.variants.clear();
    for (const hash of changed) {
      const ids = this.namesBySkeleton.get(hash) ?? [];
      for (const id of ids) this.unclass(id);
      if (ids.length < 2) continue;
      // Strings only here: the names of a skeleton shared by two or more (and hashes that collide
      // are told apart by the skeletons themselves).
      const bySkeleton = new Map<string, string[]>();
      const idOf = new Map<string, number>();
      for (const id of ids) {
        const term = this.lexicon.term(id);
        idOf.set(term, id);
        const key = skeleton(term);
        const list = bySkeleton.get(key);
        if (list) list.push(term);
        else bySkeleton.set(key, [term]);
      }
      for (const list of bySkeleton.values()) {
        for (const [member, representative] of variantClasses(list)) {
          const id = idOf.get(member)!;
          const rep = idOf.get(representative)!;
          this.canonicalIds[id] = rep;
          const members = this.members.get(rep);
          if (members) members.push(id);
          else this.members.set(rep, [id]);
        }
      }
      for (const id of ids) this.members.get(id)?.sort((a, b) => a - b);
    }
  }

  /** Takes term `id` out of its class of spellings, if in one (its class is then made again). */
  private unclass(id: number): void {
    const rep = this.canonicalIds[id]!;
    if (rep !== id || this.members.has(id)) {
      for (const member of this.members.get(rep) ?? []) this.canonicalIds[member] = member;
      this.members.delete(rep);
    }
    this.canonicalIds[id] = id;
  }

  private renumber(): void {
    let units = 0;
    let reports = 0;
    for (const held of this.helds) {
      held.unitBase = units;
      held.reportBase = reports;
      units += held.segment.units;
      reports += held.segment.articles;
    }
    this.totalUnits = units;
    this.totalReports = reports;
  }

  private changed(): void {
    this.version++;
    this.classDfCache = new Map();
    this.claims = new Int8Array(0);
    this.unknownNeighbours.clear();
  }

  // ---- Terms ---------------------------------------------------------------------------------

  /**
   * The global id of a term some live unit has, or undefined: a term whose reports were all
   * deleted is as unknown as one never seen.
   */
  termId(term: string): number | undefined {
    const id = this.lexicon.idOf(term);
    return id >= 0 && this.df[id]! > 0 ? id : undefined;
  }

  /** The term of a global id. */
  term(id: number): string {
    return this.lexicon.term(id);
  }

  /** The id of a term's spelling class (the term itself unless it is a variant of a name). */
  canonical(id: number): number {
    return this.canonicalIds[id] ?? id;
  }

  /** The known name closest to `term` among its spelling variants, or null. */
  variantOf(term: string): string | null {
    if (term.length < MIN_VARIANT_LENGTH) return null;
    let found = this.variants.get(term);
    if (found === undefined) {
      const ids = this.namesBySkeleton.get(skeletonHash(term)) ?? [];
      found = closestVariant(
        term,
        ids.map((id) => this.lexicon.term(id)),
      );
      // A bounded memory: when full, start again rather than track what is used least.
      if (this.variants.size >= VARIANT_CACHE_SIZE) this.variants.clear();
      this.variants.set(term, found);
    }
    return found;
  }

  /** Acronyms the reports write, for tokenising a page ("United States" → "us"). */
  get acronyms(): ReadonlySet<string> {
    this.acronymSet ??= new Set(this.acronymCounts.keys());
    return this.acronymSet;
  }

  /** Synonyms of the segments' words (those compiled with a thesaurus), over global ids. */
  get synonyms(): Synonyms {
    if (this.synonymsCache?.version !== this.version) {
      const table: Record<string, string[]> = {};
      for (const held of this.helds) {
        for (const [term, list] of Object.entries(held.segment.synonyms ?? {})) {
          const into = (table[term] ??= []);
          for (const synonym of list) if (!into.includes(synonym)) into.push(synonym);
        }
      }
      this.synonymsCache = {
        version: this.version,
        synonyms: new Synonyms(
          table,
          { get: (term: string) => ((id) => (id < 0 ? undefined : id))(this.lexicon.idOf(term)) },
          this.canonicalIds,
        ),
      };
    }
    return this.synonymsCache.synonyms;
  }

  /** Whether a term is a place's (a country's) term; ids outside the vocabulary are not. */
  isPlace(id: number): boolean {
    return this.place[id] === 1;
  }

  /** Whether a term is written as a name (more often capitalised than not, over live units). */
  isName(id: number): boolean {
    return this.nameFlags[id] === 1;
  }

  /** Whether a term names something: a name, or a number, acronym or place by its form. */
  namesSomething(id: number): boolean {
    return this.nameFlags[id] === 1 || this.namey[id] === 1;
  }

  /** Units holding a term of the class of `id` (which must be a class representative). */
  classDf(id: number): number {
    const list = this.members.get(id);
    if (!list) return this.df[id] ?? 0;
    let df = this.classDfCache.get(id);
    if (df === undefined) {
      // A unit holding two spellings of one name counts once.
      const seen = new Set<number>();
      for (const member of list) this.forEachPosting(member, (doc) => void seen.add(doc));
      df = seen.size;
      this.classDfCache.set(id, df);
    }
    return df;
  }

  /** BM25 idf of a class representative; any id outside the vocabulary gets that of df = 0. */
  idf(id: number): number {
    return bm25Idf(id < this.lexicon.size ? this.classDf(id) : 0, this.liveUnits);
  }

  // ---- Spelling ------------------------------------------------------------------------------

  /**
   * Spelling neighbours over every segment: `of(id)` for a vocabulary term, `search(term)` for any
   * spelling. Only class representatives with live units are returned.
   */
  readonly spelling = {
    of: (id: number): Neighbours => {
      if (this.neighboursVersion !== this.version) {
        this.neighbours = [];
        this.neighboursVersion = this.version;
      }
      let found = this.neighbours[id];
      if (!found) {
        found = this.lookUpSpelling(this.lexicon.term(id), id);
        this.neighbours[id] = found;
      }
      return found;
    },
    search: (term: string): Neighbours => {
      let found = this.unknownNeighbours.get(term);
      if (!found) {
        found = this.lookUpSpelling(term, -1);
        if (this.unknownNeighbours.size >= SPELLING_CACHE_SIZE) this.unknownNeighbours.clear();
        this.unknownNeighbours.set(term, found);
      }
      return found;
    },
  };

  private lookUpSpelling(term: string, self: number): Neighbours {
    const codes: number[] = [];
    const count = trigramCodes(term, codes);
    if (count === 0) return NO_NEIGHBOURS;
    const ids: number[] = [];
    const similarities: number[] = [];
    const sources: SpellingSource[] = this.orphans ? [...this.helds, this.orphans] : this.helds;
    let contributing = 0;
    for (const held of sources) {
      if (held.ownedGlobal.length === 0) continue;
      // A term of the segment's own vocabulary: its neighbours there are listed (see
      // NeighbourLists), but in a segment stored without the lists.
      const lists =
        self >= 0 && held !== this.orphans ? (held as Held).segment.spellingLists() : null;
      const local = lists !== null ? localIn(held as Held, self) : -1;
      if (local >= 0) {
        const listed = held.spelling.listed(lists!, local, count);
        if (listed.ids.length === 0) continue;
        contributing++;
        for (let k = 0; k < listed.ids.length; k++) {
          const g = held.ownedGlobal[listed.ids[k]!]!;
          if (this.isNeighbourOf(g, self, contributing > 1 ? ids : null)) {
            ids.push(g);
            similarities.push(listed.similarities[k]!);
          }
        }
        continue;
      }
      let here = held.spellingCache.get(term);
      if (!here) {
        const raw = held.spelling.neighboursOfCodes(codes, count);
        here = NONE_HERE;
        if (raw.ids.length > 0) {
          // Filled in loops: typed arrays' `from` with a mapping function is slow in V8.
          here = {
            ids: new Int32Array(raw.ids.length),
            similarities: new Float64Array(raw.ids.length),
          };
          for (let k = 0; k < raw.ids.length; k++) {
            here.ids[k] = held.ownedGlobal[raw.ids[k]!]!;
            here.similarities[k] = raw.similarities[k]!;
          }
        }
        if (held.spellingCache.size >= SPELLING_CACHE_SIZE) held.spellingCache.clear();
        held.spellingCache.set(term, here);
      }
      const found = here.ids;
      if (found.length === 0) continue;
      contributing++;
      const similar = here.similarities;
      for (let k = 0; k < found.length; k++) {
        const g = found[k]!;
        if (this.isNeighbourOf(g, self, contributing > 1 ? ids : null)) {
          ids.push(g);
          similarities.push(similar[k]!);
        }
      }
    }
    return ids.length === 0 ? NO_NEIGHBOURS : { ids, similarities };
  }

  /**
   * Whether global term `g`, found near spelling `self` in one source, is one of its neighbours:
   * not the term itself, its class's own id, still counted somewhere, and not among `listed` by an
   * earlier source (a term two segments own, a corpus replaced since, is listed once).
   */
  private isNeighbourOf(g: number, self: number, listed: readonly number[] | null): boolean {
    if (g === self || this.canonicalIds[g] !== g || this.df[g]! <= 0) return false;
    return listed === null || !listed.includes(g);
  }

  // ---- Units ---------------------------------------------------------------------------------

  private heldOfUnit(doc: number): Held {
    const helds = this.helds;
    let lo = 0;
    let hi = helds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (helds[mid]!.unitBase <= doc) lo = mid;
      else hi = mid - 1;
    }
    return helds[lo]!;
  }

  private heldOfReport(report: number): Held {
    const helds = this.helds;
    let lo = 0;
    let hi = helds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (helds[mid]!.reportBase <= report) lo = mid;
      else hi = mid - 1;
    }
    return helds[lo]!;
  }

  /** The report (global number) of unit `doc`. */
  unitReport(doc: number): number {
    const held = this.heldOfUnit(doc);
    return held.reportBase + held.segment.unitArticle[doc - held.unitBase]!;
  }

  /**
   * The units of the report of unit `doc`, as [first, end): a report's units are numbered side by
   * side (a segment holds them in its articles' order, and no report spans two segments).
   */
  reportUnits(doc: number): [number, number] {
    const report = this.unitReport(doc);
    let first = doc;
    while (first > 0 && this.unitReport(first - 1) === report) first--;
    let end = doc + 1;
    while (end < this.unitCount && this.unitReport(end) === report) end++;
    return [first, end];
  }

  /** The key (id) of report `report` (a global number), without decoding its metadata. */
  reportKey(report: number): string {
    const held = this.heldOfReport(report);
    return held.segment.keys[report - held.reportBase]!;
  }

  /**
   * The global number of unit `ordinal` (counted from 0) of the live report of this key, or −1
   * (no such report, deleted, or fewer units).
   */
  unitOfReport(key: string, ordinal: number): number {
    const found = this.reportKeys.get(key);
    if (!found || found.held.deleted[found.local] === 1 || ordinal < 0) return -1;
    const { segment, unitBase } = found.held;
    const articles = segment.unitArticle;
    // A segment holds its reports' units side by side, in its reports' order.
    let lo = 0;
    let hi = segment.units;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (articles[mid]! < found.local) lo = mid + 1;
      else hi = mid;
    }
    const u = lo + ordinal;
    return u < segment.units && articles[u] === found.local ? unitBase + u : -1;
  }

  /** Whether unit `doc` belongs to a live report. */
  unitLive(doc: number): boolean {
    const held = this.heldOfUnit(doc);
    return held.deleted[held.segment.unitArticle[doc - held.unitBase]!] === 0;
  }

  /** The unit's offsets in its report's text. */
  unitOffsets(doc: number): { start: number; end: number } {
    const held = this.heldOfUnit(doc);
    const u = doc - held.unitBase;
    return { start: held.segment.unitStart[u]!, end: held.segment.unitEnd[u]! };
  }

  /** The unit's local term ids in `termScratch`; returns how many. */
  private localTerms(held: Held, unit: number): number {
    const room = held.segment.termBytesOf(unit);
    if (this.termScratch.length < room)
      this.termScratch = new Int32Array(Math.max(room, 2 * this.termScratch.length));
    return held.segment.termIdsOf(unit, this.termScratch);
  }

  /** The unit's class ids in text order. */
  unitTerms(doc: number): number[] {
    return numbersOf(this.unitTermsView(doc));
  }

  /**
   * The unit's class ids in text order, in a buffer that the next call overwrites: for callers
   * that read many units' terms and keep few (no array made per unit).
   */
  unitTermsView(doc: number): Int32Array {
    const held = this.heldOfUnit(doc);
    const n = this.localTerms(held, doc - held.unitBase);
    const { toGlobal } = held;
    const { termScratch, canonicalIds } = this;
    // In place: each id is read before its slot is written.
    for (let k = 0; k < n; k++) termScratch[k] = canonicalIds[toGlobal[termScratch[k]!]!]!;
    return termScratch.subarray(0, n);
  }

  /**
   * Whether the unit can carry a claim: it names something (a name, place, acronym or number).
   * Remembered until the index changes.
   */
  unitClaim(doc: number): boolean {
    if (this.claims.length !== this.totalUnits)
      this.claims = new Int8Array(this.totalUnits).fill(-1);
    let claim = this.claims[doc]!;
    if (claim < 0) {
      const held = this.heldOfUnit(doc);
      const u = doc - held.unitBase;
      // A term named something by its form settles it without reading the unit's terms.
      claim = held.segment.unitNamey[u] === 1 ? 1 : 0;
      if (claim === 0) {
        const n = this.localTerms(held, u);
        const { toGlobal } = held;
        const { termScratch, canonicalIds, nameFlags, namey } = this;
        for (let k = 0; k < n && claim === 0; k++) {
          const c = canonicalIds[toGlobal[termScratch[k]!]!]!;
          if (nameFlags[c] === 1 || namey[c] === 1) claim = 1;
        }
      }
      this.claims[doc] = claim;
    }
    return claim === 1;
  }

  /** The verifier's tags of unit `doc`'s terms, in order. */
  unitTags(doc: number): Uint8Array {
    const held = this.heldOfUnit(doc);
    return held.segment.tagsOf(doc - held.unitBase);
  }

  /** Per-unit numbers of column `name` for unit `doc`, or null when its segment has none. */
  unitColumn(name: string, doc: number): Int32Array | Float32Array | null {
    const held = this.heldOfUnit(doc);
    const extra = held.segment.extras.find((x) => x.name === name);
    if (!extra) return null;
    const u = doc - held.unitBase;
    return extra.values.subarray(extra.start[u]!, extra.start[u + 1]!);
  }

  /**
   * The unit's text: from memory, or from the text source; '' (and the report noted in
   * {@link missingTexts}) when the source does not have it at hand.
   */
  unitText(doc: number): string {
    const held = this.heldOfUnit(doc);
    const u = doc - held.unitBase;
    if (held.unitTexts) return held.unitTexts[u] ?? '';
    const key = held.segment.keys[held.segment.unitArticle[u]!]!;
    const text = this.texts?.text(key);
    if (text === undefined) {
      this.missing.add(key);
      return '';
    }
    return text.slice(held.segment.unitStart[u]!, held.segment.unitEnd[u]!);
  }

  /** Keys of reports whose text was asked for and not at hand since the last call (then cleared). */
  missingTexts(): string[] {
    const keys = [...this.missing];
    this.missing.clear();
    return keys;
  }

  // ---- Reports -------------------------------------------------------------------------------

  /** The metadata of report `report` (global number). */
  report(report: number): ReportMeta {
    const held = this.heldOfReport(report);
    return held.segment.meta(report - held.reportBase);
  }

  /** The metadata of the live report of this key, or null (none, or deleted). */
  liveReport(key: string): ReportMeta | null {
    const found = this.reportKeys.get(key);
    if (!found || found.held.deleted[found.local] === 1) return null;
    return found.held.segment.meta(found.local);
  }

  /** Whether a live report has this key: {@link liveReport} without decoding its metadata. */
  hasLiveReport(key: string): boolean {
    const found = this.reportKeys.get(key);
    return found !== undefined && found.held.deleted[found.local] === 0;
  }

  /** The global number of the report of this key, or −1. */
  reportIndexOf(key: string): number {
    const found = this.reportKeys.get(key);
    return found ? found.held.reportBase + found.local : -1;
  }

  /** Every live report's metadata, in order. */
  liveReports(): ReportMeta[] {
    const out: ReportMeta[] = [];
    for (const held of this.helds) {
      for (let a = 0; a < held.segment.articles; a++)
        if (held.deleted[a] === 0) out.push(held.segment.meta(a));
    }
    return out;
  }

  // ---- Retrieval -----------------------------------------------------------------------------

  /** Calls `visit(doc, tf)` for every live unit holding term `id` (a global id, not a class). */
  private forEachPosting(id: number, visit: (doc: number, tf: number) => void): void {
    for (const held of this.helds) {
      const local = localIn(held, id);
      if (local < 0) continue;
      const { unitArticle } = held.segment;
      held.segment.forEachPosting(local, (unit, tf) => {
        if (held.deletedCount > 0 && held.deleted[unitArticle[unit]!] === 1) return;
        visit(held.unitBase + unit, tf);
      });
    }
  }

  /**
   * The `limit` best live units by BM25 for the query's class ids (ids outside the vocabulary
   * are ignored), best first, among those `accept` lets through. Terms in too many units to
   * propose candidates are skipped (see PRUNE_MIN_DF).
   */
  search(query: readonly number[], limit: number, accept: (doc: number) => boolean): Hit[] {
    const vocabularySize = this.lexicon.size;
    const unique = [...new Set(query)].filter((t) => t >= 0 && t < vocabularySize);
    const docs = this.liveUnits;
    const maxDf = maxWalkedDf(docs);
    const averageLength = docs > 0 ? Math.max(1, this.totalLength / docs) : 1;
    const { accumulator } = this;
    accumulator.clear();
    for (const term of unique) {
      const df = this.classDf(term);
      if (df === 0 || df > maxDf) continue;
      const idf = bm25Idf(df, docs) * (BM25_K1 + 1);
      const list = this.members.get(term);
      if (!list) {
        for (const held of this.helds) {
          const local = localIn(held, term);
          if (local < 0) continue;
          const { unitArticle, unitLength } = held.segment;
          const { start, bytes } = held.segment.postingBytes();
          const end = start[local + 1]!;
          const base = held.unitBase;
          const units = held.segment.units;
          const deleted = held.deletedCount > 0 ? held.deleted : null;
          let at = start[local]!;
          let unit = 0;
          // Varints decoded inline: this loop walks every posting a page's terms propose.
          while (at < end) {
            let byte = bytes[at++]!;
            let delta = byte & 0x7f;
            for (let scale = 128; byte >= 0x80; scale *= 128) {
              byte = bytes[at++] ?? 0;
              delta += (byte & 0x7f) * scale;
            }
            byte = bytes[at++] ?? 0;
            let f = byte & 0x7f;
            for (let scale = 128; byte >= 0x80; scale *= 128) {
              byte = bytes[at++] ?? 0;
              f += (byte & 0x7f) * scale;
            }
            unit += delta;
            if (unit >= units) break;
            if (deleted !== null && deleted[unitArticle[unit]!] === 1) continue;
            accumulator.add(
              base + unit,
              (idf * f) /
                (f + BM25_K1 * (1 - BM25_B + (BM25_B * unitLength[unit]!) / averageLength)),
            );
          }
        }
      } else {
        // Several spellings of one name: their frequencies in a unit add up, as one term's.
        if (this.classTf.length < this.totalUnits)
          this.classTf = new Float64Array(this.totalUnits + (this.totalUnits >> 2));
        const tf = this.classTf;
        const seen: number[] = [];
        const lengths = new Map<number, number>();
        for (const member of list) {
          for (const held of this.helds) {
            const local = localIn(held, member);
            if (local < 0) continue;
            const { unitArticle, unitLength } = held.segment;
            held.segment.forEachPosting(local, (unit, f) => {
              if (held.deletedCount > 0 && held.deleted[unitArticle[unit]!] === 1) return;
              const doc = held.unitBase + unit;
              if (tf[doc] === 0) {
                seen.push(doc);
                lengths.set(doc, unitLength[unit]!);
              }
              tf[doc]! += f;
            });
          }
        }
        seen.sort((a, b) => a - b);
        for (const doc of seen) {
          const f = tf[doc]!;
          tf[doc] = 0;
          accumulator.add(doc, (idf * f) / (f + bm25Norm(lengths.get(doc)!, averageLength)));
        }
      }
    }
    return topDenseHits(accumulator.docs, accumulator.scores, accumulator.count, limit, accept);
  }
}

/**
 * The numbers of `view` as an array, copied in a loop: V8's Array.from reads a typed array through
 * its iterator, about five times slower for a unit's few dozen terms.
 */
export function numbersOf(view: Int32Array): number[] {
  const numbers: number[] = [];
  for (let k = 0; k < view.length; k++) numbers.push(view[k]!);
  return numbers;
}

/** The local id of global term `id` in a held segment, or −1. */
function localIn(held: Held, id: number): number {
  const { toLocal } = held;
  if (toLocal instanceof Int32Array) return id < toLocal.length ? toLocal[id]! : -1;
  return toLocal.get(id) ?? -1;
}

/** A segment's source in the shape Segment.build takes, for tests and callers that build one. */
export type { SegmentSource };
