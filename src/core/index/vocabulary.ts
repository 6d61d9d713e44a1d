/**
 * The stored vocabulary of an index over stored segments: what loading them works out before
 * anything else (one numbering of every term of every segment, in order of first sight, and each
 * segment's map from its own term ids to those), kept so that a restart takes it as it is instead
 * of looking up every term of every segment again (most of a load at 10,000 articles).
 *
 * It is derived data, like the segments: it names the segments it was worked out for (their keys,
 * in load order, and a fingerprint of each one's vocabulary) and the vocabulary the index held
 * before them (the bundled corpus's), so a load takes it only for the segments it still fits, in
 * order from the first, and looks up the terms of the others as before. One that is missing,
 * damaged or of another format is ignored: the load then works everything out, as before there was
 * one. Like the segments, it carries no checksum (hashing its megabytes would cost a good part of
 * what it saves): its lengths are checked when it is read, and its numbering, term boundaries and
 * hash table where they are taken (see SegmentedIndex and Lexicon.restored), so damage can lose a
 * term but not send a segment's terms out of the vocabulary.
 */
import { column, FormatError, pack, unpack, type Column } from './binary';
import { fingerprint, type LexiconParts } from './lexicon';

/** The container magic of a stored vocabulary. */
export const VOCABULARY_MAGIC = 'CCVB';
/** Version of its layout: a vocabulary of another version is ignored (and made again). */
export const VOCABULARY_FORMAT = 1;

/** What a vocabulary of terms is recognised by: its number of terms, bytes and fingerprint. */
export interface VocabularyMark {
  terms: number;
  bytes: number;
  hash: number;
}

/** One segment the vocabulary covers. */
export interface VocabularyPart extends VocabularyMark {
  /** The segment's storage key. */
  key: number;
  /** Terms in the whole vocabulary once this segment is in. */
  size: number;
}

/** What a load works out of each term from its bytes alone (see SegmentedIndex). */
export interface TermForms {
  /** A hash of its consonant skeleton, 0 for a term that can have no spelling variant. */
  skeletons: Uint32Array;
  /** 1 for a place's term ("@RUS"). */
  place: Uint8Array;
  /** 1 when it names something by its form (a number, an acronym, a capitalised word). */
  namey: Uint8Array;
}

/** A vocabulary worked out for segments loaded in order (see the module comment). */
export interface StoredVocabulary {
  /** The vocabulary the index held before the first part (the bundled corpus's). */
  base: VocabularyMark;
  parts: VocabularyPart[];
  /** Every term, the base's first, then each part's new ones in order of first sight. */
  lexicon: LexiconParts;
  /** Per term of `lexicon`. */
  forms: TermForms;
  /** Each part's local term ids → global ids, one part after another. */
  toGlobal: Int32Array;
}

/** The mark of a vocabulary given as its terms' bytes (as a segment or a lexicon holds them). */
export function vocabularyMark(terms: number, bytes: Uint8Array): VocabularyMark {
  return { terms, bytes: bytes.length, hash: fingerprint(bytes) };
}

/** Whether two marks name the same vocabulary. */
export function sameMark(a: VocabularyMark, b: VocabularyMark): boolean {
  return a.terms === b.terms && a.bytes === b.bytes && a.hash === b.hash;
}

/** The stored columns. */
function columns(v: StoredVocabulary): Record<string, Column> {
  return {
    arena: v.lexicon.arena,
    starts: v.lexicon.starts,
    hashes: v.lexicon.hashes,
    slots: v.lexicon.slots ?? new Int32Array(0),
    skeletons: v.forms.skeletons,
    place: v.forms.place,
    namey: v.forms.namey,
    toGlobal: v.toGlobal,
  };
}

/** The stored form. */
export function encodeVocabulary(v: StoredVocabulary): Uint8Array {
  return pack(VOCABULARY_MAGIC, VOCABULARY_FORMAT, { base: v.base, parts: v.parts }, columns(v));
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isHash = (n: unknown): n is number => isCount(n) && (n as number) <= 0xffffffff;

function mark(raw: unknown): VocabularyMark {
  const m = raw as VocabularyMark | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    !isCount(m.terms) ||
    !isCount(m.bytes) ||
    !isHash(m.hash)
  )
    throw new FormatError('damaged vocabulary');
  return { terms: m.terms, bytes: m.bytes, hash: m.hash };
}

/**
 * Reads a stored vocabulary (its columns are views over `bytes`). Throws a FormatError when it is
 * of another layout, damaged, or its parts do not add up.
 */
export function decodeVocabulary(bytes: Uint8Array): StoredVocabulary {
  const unpacked = unpack(bytes, VOCABULARY_MAGIC);
  if (unpacked.version !== VOCABULARY_FORMAT)
    throw new FormatError(`vocabulary layout ${unpacked.version}, expected ${VOCABULARY_FORMAT}`);
  const h = unpacked.header;
  if (!Array.isArray(h.parts)) throw new FormatError('damaged vocabulary');
  const base = mark(h.base);
  let size = base.terms;
  let locals = 0;
  const parts = (h.parts as unknown[]).map((raw): VocabularyPart => {
    const p = raw as VocabularyPart;
    const m = mark(p);
    if (!isCount(p.key) || !isCount(p.size) || p.size < size || p.size - size > m.terms)
      throw new FormatError('damaged vocabulary');
    size = p.size;
    locals += m.terms;
    return { ...m, key: p.key, size: p.size };
  });
  const slots = column(unpacked, 'slots', 'i32');
  const v: StoredVocabulary = {
    base,
    parts,
    lexicon: {
      arena: column(unpacked, 'arena', 'u8'),
      starts: column(unpacked, 'starts', 'i32'),
      hashes: column(unpacked, 'hashes', 'u32'),
      slots: slots.length > 0 ? slots : undefined,
    },
    forms: {
      skeletons: column(unpacked, 'skeletons', 'u32'),
      place: column(unpacked, 'place', 'u8'),
      namey: column(unpacked, 'namey', 'u8'),
    },
    toGlobal: column(unpacked, 'toGlobal', 'i32'),
  };
  if (
    v.lexicon.hashes.length !== size ||
    v.lexicon.starts.length !== size + 1 ||
    v.forms.skeletons.length !== size ||
    v.forms.place.length !== size ||
    v.forms.namey.length !== size ||
    v.toGlobal.length !== locals
  )
    throw new FormatError('damaged vocabulary');
  return v;
}
