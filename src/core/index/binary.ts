/**
 * A small binary container of named typed-array columns: a four-letter magic, a format version, a
 * JSON header for what is small (counts, word lists), then each column aligned to 8 bytes so that
 * reading one is a view over the bytes, not a copy. Everything is little-endian, as typed arrays
 * are on every platform the extension and the command line run on.
 */

/** The element types a column may have. */
export type ColumnType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';

/** A column's values. */
export type Column =
  Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A damaged or foreign container; the message says what is wrong. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

const CONSTRUCTORS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

/** Where a column lies in the data area, as the header records it. */
interface ColumnEntry {
  name: string;
  type: ColumnType;
  /** Byte offset from the start of the data area (a multiple of 8). */
  offset: number;
  /** Number of elements. */
  length: number;
}

/** Bytes before the header: magic, version, header length. */
const PREAMBLE = 12;

function typeOf(column: Column): ColumnType {
  if (column instanceof Uint8Array) return 'u8';
  if (column instanceof Uint16Array) return 'u16';
  if (column instanceof Uint32Array) return 'u32';
  if (column instanceof Int32Array) return 'i32';
  if (column instanceof Float32Array) return 'f32';
  return 'f64';
}

const align8 = (n: number): number => (n + 7) & ~7;

/** True on a little-endian host (every browser and Node platform in use). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Packs `header` (anything JSON can hold) and the columns into one buffer. `magic` is four ASCII
 * letters naming the format.
 */
export function pack(
  magic: string,
  version: number,
  header: Record<string, unknown>,
  columns: Readonly<Record<string, Column>>,
): Uint8Array {
  if (!LITTLE_ENDIAN) throw new FormatError('big-endian hosts are not supported');
  const list = Object.entries(columns);
  const entries: ColumnEntry[] = [];
  let offset = 0;
  for (const [name, column] of list) {
    entries.push({ name, type: typeOf(column), offset, length: column.length });
    offset = align8(offset + column.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, columns: entries }));
  const dataStart = align8(PREAMBLE + headerBytes.length);
  const out = new Uint8Array(dataStart + offset);
  for (let i = 0; i < 4; i++) out[i] = magic.charCodeAt(i) & 0xff;
  const view = new DataView(out.buffer);
  view.setUint32(4, version, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, PREAMBLE);
  entries.forEach((entry, i) => {
    const column = list[i]![1];
    out.set(
      new Uint8Array(column.buffer, column.byteOffset, column.byteLength),
      dataStart + entry.offset,
    );
  });
  return out;
}

/** An unpacked container: its version, header and columns (views over the given bytes). */
export interface Unpacked {
  version: number;
  header: Record<string, unknown>;
  columns: Map<string, Column>;
}

/** The magic of a buffer, or "" when it is too short to have one. */
export function magicOf(bytes: Uint8Array): string {
  if (bytes.length < 4) return '';
  return String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
}

/**
 * Reads a container written by {@link pack}. Throws a FormatError when the magic is not `magic`
 * or any part lies outside the buffer. Columns are views when the bytes are aligned, else copies.
 */
export function unpack(bytes: Uint8Array, magic: string): Unpacked {
  if (!LITTLE_ENDIAN) throw new FormatError('big-endian hosts are not supported');
  if (magicOf(bytes) !== magic) throw new FormatError(`not a ${magic} file`);
  if (bytes.length < PREAMBLE) throw new FormatError('cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  const headerLength = view.getUint32(8, true);
  if (PREAMBLE + headerLength > bytes.length) throw new FormatError('cut short (header)');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(PREAMBLE, PREAMBLE + headerLength),
      ),
    ) as Record<string, unknown>;
  } catch {
    throw new FormatError('damaged header');
  }
  if (typeof header !== 'object' || header === null || !Array.isArray(header.columns))
    throw new FormatError('damaged header');
  const dataStart = align8(PREAMBLE + headerLength);
  const columns = new Map<string, Column>();
  for (const raw of header.columns as unknown[]) {
    const entry = raw as ColumnEntry;
    const make = CONSTRUCTORS[entry?.type];
    if (
      !make ||
      typeof entry.name !== 'string' ||
      !Number.isInteger(entry.offset) ||
      !Number.isInteger(entry.length) ||
      entry.offset < 0 ||
      entry.length < 0
    ) {
      throw new FormatError('damaged column table');
    }
    const start = dataStart + entry.offset;
    const byteLength = entry.length * make.BYTES_PER_ELEMENT;
    if (start + byteLength > bytes.length) throw new FormatError(`cut short (${entry.name})`);
    const absolute = bytes.byteOffset + start;
    const column =
      absolute % make.BYTES_PER_ELEMENT === 0
        ? new make(bytes.buffer as ArrayBuffer, absolute, entry.length)
        : new make(bytes.slice(start, start + byteLength).buffer);
    columns.set(entry.name, column as Column);
  }
  delete header.columns;
  return { version, header, columns };
}

/** A column of the expected type, or a FormatError naming it. */
export function column<T extends ColumnType>(
  unpacked: Unpacked,
  name: string,
  type: T,
): InstanceType<(typeof CONSTRUCTORS)[T]> {
  const found = unpacked.columns.get(name);
  if (!found || typeOf(found) !== type) throw new FormatError(`missing column ${name}`);
  return found as InstanceType<(typeof CONSTRUCTORS)[T]>;
}

/** CRC-32 (IEEE) of `bytes`, to tell a damaged file from a whole one. */
export function crc32(bytes: Uint8Array): number {
  let table = crcTable;
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    crcTable = table;
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
let crcTable: Int32Array | null = null;

/** A growable byte buffer for variable-length integers. */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  /** Bytes written so far. */
  length = 0;

  /** Appends a non-negative integer below 2^53, seven bits a byte, low bits first. */
  write(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }

  /** The bytes written, trimmed. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Reads varints from `bytes` starting at `at`; `next()` returns the value and moves on. A value
 * running past the end reads as what was there (callers bound their reads by offsets they check).
 */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    /** Position of the next byte. */
    public at = 0,
  ) {}

  next(): number {
    const { bytes } = this;
    let byte = bytes[this.at++] ?? 0;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 128;
    do {
      byte = bytes[this.at++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte >= 0x80 && scale < 2 ** 56);
    return value;
  }
}
