/**
 * The library's records in files, for the benchmark in Node (no IndexedDB here): the same
 * interface the extension's IndexedDB store implements, so the benchmark runs the library's own
 * code for adding, merging and loading. Segments are one file each (as IndexedDB keeps large
 * values in files of their own); article records and texts are appended to one file each; the ids
 * of the articles are a small binary file, all a restart needs besides the segments.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { ArticleRecord, PlacementRecord, SegmentRecord } from '../src/library/schema';
import type { LibraryRecords, NewArticle, SegmentMaker } from '../src/library/store';

/** A stored record with where its text is in the texts file. */
type FileRecord = ArticleRecord & { at: number; bytes: number; deleted?: true };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The library's records in a folder of files. */
export class LibraryFiles implements LibraryRecords {
  private ids: number[];
  private records: Map<number, FileRecord> | null = null;
  private byUrl = new Map<string, number>();
  private byText = new Map<string, number>();
  private nextArticle: number;
  private nextSegment: number;
  private textsLength: number;

  /** Opens (or creates) the records in `dir`: reads only the list of article ids. */
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const idsFile = this.file('ids.bin');
    this.ids = existsSync(idsFile)
      ? Array.from(new Int32Array(new Uint8Array(readFileSync(idsFile)).buffer))
      : [];
    this.nextArticle = Math.max(0, ...this.ids) + 1;
    this.nextSegment = Math.max(0, ...this.segmentIds()) + 1;
    this.textsLength = existsSync(this.file('texts.dat'))
      ? statSync(this.file('texts.dat')).size
      : 0;
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  private segmentIds(): number[] {
    return readdirSync(this.dir)
      .map((name) => /^segment-(\d+)\.bin$/.exec(name)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number);
  }

  /** The records, read on first need (a restart does not need them). */
  private all(): Map<number, FileRecord> {
    if (!this.records) {
      this.records = new Map();
      const file = this.file('articles.jsonl');
      const live = new Set(this.ids);
      if (existsSync(file)) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          if (!line) continue;
          const record = JSON.parse(line) as FileRecord;
          if (!live.has(record.id)) continue;
          this.records.set(record.id, record);
          if (record.urlKey) this.byUrl.set(record.urlKey, record.id);
          this.byText.set(record.hash, record.id);
        }
      }
    }
    return this.records;
  }

  private writeIds(): void {
    writeFileSync(this.file('ids.bin'), new Uint8Array(Int32Array.from(this.ids).buffer));
  }

  async articleIds(): Promise<number[]> {
    return [...this.ids];
  }

  async article(id: number): Promise<ArticleRecord | undefined> {
    return this.all().get(id);
  }

  async count(): Promise<number> {
    return this.ids.length;
  }

  async byUrlKey(urlKey: string): Promise<ArticleRecord | undefined> {
    const id = (this.all(), this.byUrl.get(urlKey));
    return id === undefined ? undefined : this.records!.get(id);
  }

  async byHash(hash: string): Promise<ArticleRecord | undefined> {
    const id = (this.all(), this.byText.get(hash));
    return id === undefined ? undefined : this.records!.get(id);
  }

  async texts(ids: readonly number[]): Promise<(string | undefined)[]> {
    const records = this.all();
    const fd = openSync(this.file('texts.dat'), 'r');
    try {
      return ids.map((id) => {
        const record = records.get(id);
        if (!record) return undefined;
        const bytes = new Uint8Array(record.bytes);
        readSync(fd, bytes, 0, record.bytes, record.at);
        return decoder.decode(bytes);
      });
    } finally {
      closeSync(fd);
    }
  }

  /** In the order of their keys, as IndexedDB gives them. */
  async segments(): Promise<SegmentRecord[]> {
    return this.segmentIds()
      .sort((a, b) => a - b)
      .map((id) => {
        const bytes = readFileSync(this.file(`segment-${id}.bin`));
        // A large file's buffer is its own; a small one may share Node's pool and is copied out.
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const buffer = whole
          ? bytes.buffer
          : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        return { id, bytes: buffer as ArrayBuffer, articles: 0, units: 0 };
      });
  }

  /** The segments' stored vocabulary: one file, written whole. */
  async vocabulary(): Promise<ArrayBuffer | undefined> {
    const file = this.file('vocabulary.bin');
    if (!existsSync(file)) return undefined;
    const bytes = readFileSync(file);
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return (
      whole
        ? bytes.buffer
        : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    ) as ArrayBuffer;
  }

  async putVocabulary(bytes: ArrayBuffer): Promise<void> {
    writeFileSync(this.file('vocabulary.tmp'), new Uint8Array(bytes));
    renameSync(this.file('vocabulary.tmp'), this.file('vocabulary.bin'));
  }

  async addArticles(
    articles: readonly NewArticle[],
    makeSegment: SegmentMaker,
  ): Promise<{ ids: number[]; segment: number }> {
    const records = this.all();
    const ids = articles.map(() => this.nextArticle++);
    const made = makeSegment(ids);
    const segment = this.nextSegment++;
    writeFileSync(this.file(`segment-${segment}.bin`), new Uint8Array(made.bytes));
    let lines = '';
    articles.forEach(({ record, text }, i) => {
      const bytes = encoder.encode(text);
      appendFileSync(this.file('texts.dat'), bytes);
      const stored: FileRecord = {
        ...record,
        id: ids[i]!,
        at: this.textsLength,
        bytes: bytes.length,
      };
      this.textsLength += bytes.length;
      records.set(stored.id, stored);
      if (stored.urlKey) this.byUrl.set(stored.urlKey, stored.id);
      this.byText.set(stored.hash, stored.id);
      lines += `${JSON.stringify(stored)}\n`;
    });
    appendFileSync(this.file('articles.jsonl'), lines);
    this.ids.push(...ids);
    this.writeIds();
    return { ids, segment };
  }

  async deleteArticles(ids: readonly number[], segments: readonly number[] = []): Promise<void> {
    const gone = new Set(ids);
    this.ids = this.ids.filter((id) => !gone.has(id));
    for (const id of ids) this.all().delete(id);
    this.writeIds();
    for (const key of segments) rmSync(this.file(`segment-${key}.bin`), { force: true });
  }

  async replaceSegments(
    old: readonly number[],
    merged: Omit<SegmentRecord, 'id'> | null,
  ): Promise<number | null> {
    let id: number | null = null;
    if (merged) {
      id = this.nextSegment++;
      writeFileSync(this.file(`segment-${id}.bin`), new Uint8Array(merged.bytes));
    }
    for (const key of old) rmSync(this.file(`segment-${key}.bin`), { force: true });
    return id;
  }

  /** Placements among the echo groups: JSON lines appended to one file, the last one wins. */
  async placements(): Promise<PlacementRecord[]> {
    const file = this.file('placements.jsonl');
    if (!existsSync(file)) return [];
    const byId = new Map<number, PlacementRecord>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const record = JSON.parse(line) as PlacementRecord;
      byId.set(record.id, record);
    }
    return [...byId.values()];
  }

  async putPlacements(records: readonly PlacementRecord[]): Promise<void> {
    appendFileSync(
      this.file('placements.jsonl'),
      records.map((record) => `${JSON.stringify(record)}\n`).join(''),
    );
  }

  async clear(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.ids = [];
    this.records = new Map();
    this.textsLength = 0;
  }

  /** Bytes of every file, and of the segments alone. */
  sizes(): { total: number; segments: number } {
    let total = 0;
    let segments = 0;
    for (const name of readdirSync(this.dir)) {
      const size = statSync(this.file(name)).size;
      total += size;
      if (name.startsWith('segment-')) segments += size;
    }
    return { total, segments };
  }
}
