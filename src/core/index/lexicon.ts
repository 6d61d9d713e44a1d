/**
 * The vocabulary of an index over several segments: every term's UTF-8 bytes in one growing arena
 * and an open-addressing hash table over them, in typed arrays. Putting together the vocabularies
 * of the stored segments after a restart is then a pass over their bytes, with no string or map
 * entry made per term (a map of 150,000 strings took most of a load); a term's string is made when
 * something asks for it, and remembered.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The UTF-8 bytes of the term looked up last (see encodeTerm); lookUp copies what it keeps. */
let termBytes = new Uint8Array(64);

/**
 * Writes `term` as UTF-8 into `termBytes` and returns its length. Most terms are ASCII, and
 * copying their codes is several times faster than `TextEncoder.encode`, which makes an array
 * per call; a lookup is made for every page word and every synonym of the corpus.
 */
function encodeTerm(term: string): number {
  const n = term.length;
  // A UTF-16 unit takes at most three bytes.
  if (termBytes.length < 3 * n) termBytes = new Uint8Array(Math.max(3 * n, 2 * termBytes.length));
  for (let i = 0; i < n; i++) {
    const code = term.charCodeAt(i);
    if (code >= 0x80) return encoder.encodeInto(term, termBytes).written;
    termBytes[i] = code;
  }
  return n;
}

/** FNV-1a over bytes[from..to). */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * A 32-bit hash of a whole array's bytes, four at a time where they are aligned: the fingerprint
 * of a vocabulary or a column (not for hash tables). Fast enough to run over every stored
 * segment's vocabulary at each load (a few MB).
 */
export function fingerprint(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  let i = 0;
  if (bytes.byteOffset % 4 === 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    for (let k = 0; k < words.length; k++) {
      h = Math.imul(h ^ words[k]!, 0x5bd1e995);
      h ^= h >>> 15;
    }
    i = words.length * 4;
  }
  for (; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i]!, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A lexicon's terms up to some size, as stored (see vocabulary.ts). */
export interface LexiconParts {
  /** The terms' UTF-8 bytes, one after another. */
  arena: Uint8Array;
  /** Term `id`'s bytes are arena[starts[id]..starts[id + 1]]. */
  starts: Int32Array;
  /** Each term's hash (FNV-1a of its bytes). */
  hashes: Uint32Array;
  /**
   * The hash table over exactly these terms (term id + 1 per slot, 0 empty, a power of two in
   * size), when it comes with them; else it is made again from the hashes.
   */
  slots?: Int32Array;
}

/** Terms numbered in order of first sight, looked up by their bytes or their string. */
export class Lexicon {
  private arena: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  /** Term `id`'s bytes are arena[starts[id]..starts[id + 1]]. */
  private starts: Int32Array = new Int32Array(1 << 12);
  private count = 0;
  /** Hash table: term id + 1, or 0 for an empty slot; a power of two in size. */
  private slots = new Int32Array(1 << 13);
  private hashes: Uint32Array = new Uint32Array(1 << 12);
  private strings: (string | undefined)[] = [];

  /** Number of terms. */
  get size(): number {
    return this.count;
  }

  /** The first byte of term `id` (terms are never empty). */
  firstByte(id: number): number {
    return this.arena[this.starts[id]!]!;
  }

  /** The id of the term with bytes bytes[from..to), or −1 (or a new id when `add`). */
  lookUp(bytes: Uint8Array, from: number, to: number, add: boolean): number {
    const hash = hashBytes(bytes, from, to);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        if (!add) return -1;
        return this.insert(bytes, from, to, hash, slot);
      }
      const id = entry - 1;
      if (this.hashes[id] !== hash) continue;
      const start = this.starts[id]!;
      if (this.starts[id + 1]! - start !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = this.arena[start + k] === bytes[from + k];
      if (same) return id;
    }
  }

  /** The terms as they are stored, with the hash table (views, not copies). */
  parts(): LexiconParts {
    return {
      arena: this.arena.subarray(0, this.used),
      starts: this.starts.subarray(0, this.count + 1),
      hashes: this.hashes.subarray(0, this.count),
      slots: this.slots,
    };
  }

  /**
   * A lexicon of the terms of `parts` (copied, with room for `room` more terms and bytes), whose
   * first terms must be those of `prior` (same bytes, same boundaries): a vocabulary worked out
   * before, taken without looking up a term. Null when `prior`'s terms are not where `parts`
   * begins, or the parts do not fit together.
   */
  static restored(
    parts: LexiconParts,
    prior: Lexicon,
    room: { terms: number; bytes: number },
  ): Lexicon | null {
    const { arena, starts, hashes } = parts;
    const size = hashes.length;
    if (starts.length !== size + 1 || size < prior.count) return null;
    if (starts[0] !== 0 || starts[size] !== arena.length) return null;
    for (let id = 0; id <= prior.count; id++) if (starts[id] !== prior.starts[id]) return null;
    for (let at = 0; at < prior.used; at++) if (arena[at] !== prior.arena[at]) return null;
    for (let id = 0; id < prior.count; id++) if (hashes[id] !== prior.hashes[id]) return null;
    // Terms are never empty.
    for (let id = 0; id < size; id++) if (starts[id + 1]! <= starts[id]!) return null;
    const lexicon = new Lexicon();
    lexicon.arena = new Uint8Array(arena.length + room.bytes);
    lexicon.arena.set(arena);
    lexicon.used = arena.length;
    lexicon.starts = new Int32Array(size + room.terms + 2);
    lexicon.starts.set(starts);
    lexicon.hashes = new Uint32Array(lexicon.starts.length);
    lexicon.hashes.set(hashes);
    lexicon.count = size;
    let slots = lexicon.slots.length;
    while ((size + room.terms) * 2 > slots) slots *= 2;
    // The stored table serves when it is large enough and holds these terms only: a table made
    // again from the hashes costs a random write per term (tens of ms at 150,000 terms).
    const table = parts.slots;
    if (table && table.length >= slots && (table.length & (table.length - 1)) === 0) {
      let entries = 0;
      for (let k = 0; k < table.length; k++) {
        const entry = table[k]!;
        if (entry !== 0) {
          if (entry < 0 || entry > size) return null;
          entries++;
        }
      }
      if (entries === size) {
        lexicon.slots = table.slice();
        return lexicon;
      }
    }
    lexicon.rehash(slots);
    return lexicon;
  }

  /** The id of a term, or −1. */
  idOf(term: string): number {
    const length = encodeTerm(term);
    return this.lookUp(termBytes, 0, length, false);
  }

  /** The id of a term, numbered now if new. */
  add(term: string): number {
    const length = encodeTerm(term);
    return this.lookUp(termBytes, 0, length, true);
  }

  /** The term of `id`, made into a string on first request. */
  term(id: number): string {
    let text = this.strings[id];
    if (text === undefined) {
      if (id < 0 || id >= this.count) return '';
      text = decoder.decode(this.arena.subarray(this.starts[id]!, this.starts[id + 1]!));
      this.strings[id] = text;
    }
    return text;
  }

  private insert(bytes: Uint8Array, from: number, to: number, hash: number, slot: number): number {
    const id = this.count++;
    const length = to - from;
    if (this.used + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    // A loop, not `set` over a subarray: a view made per term costs more than its few bytes.
    const arena = this.arena;
    for (let k = 0, at = this.used; k < length; k++) arena[at + k] = bytes[from + k]!;
    if (id + 2 > this.starts.length) {
      const next = new Int32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
      const hashes = new Uint32Array(this.starts.length);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.starts[id] = this.used;
    this.used += length;
    this.starts[id + 1] = this.used;
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    // At most half full, so probe runs stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /**
   * Makes room for `terms` more terms of `bytes` more bytes, so that taking in the vocabularies of
   * several segments grows and rehashes the tables once rather than at every doubling. Callers
   * give a lower bound of what comes (rooms never shrink).
   */
  reserve(terms: number, bytes: number): void {
    const total = this.count + terms;
    if (this.used + bytes > this.arena.length) {
      const next = new Uint8Array(this.used + bytes);
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    if (total + 2 > this.starts.length) {
      let size = this.starts.length;
      while (size < total + 2) size *= 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Uint32Array(size);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    let slots = this.slots.length;
    while (total * 2 > slots) slots *= 2;
    if (slots > this.slots.length) this.rehash(slots);
  }

  private rehash(size = this.slots.length * 2): void {
    const slots = new Int32Array(size);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
