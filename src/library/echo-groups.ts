/**
 * The reader's library among the echo groups: each kept article is placed, as the bundled
 * reports are at build time, with `EchoGroups` (src/core/provenance): checked against everything
 * placed before it, it joins the group it retells or starts one of its own. Placing costs one
 * check, so it runs in the background after an article is kept or imported, one article at a
 * time; until then an article counts as a source of its own. Each placement is stored
 * (`placements`), and a restart replays them in their order instead of checking again.
 *
 * Forgetting an article replays the others without it: an article placed in the group of a
 * forgotten one stays with the rest of that group (they retell one text), and alone otherwise.
 */
import {
  EchoGroups,
  sourcingOf,
  type PlacedReport,
  type PlacementDecision,
  type ReportSourcing,
} from '../core/provenance';
import type { ArticleReport, ReportMeta } from '../core/types';
import { libraryKey } from '../shared/library-keys';
import type { PlacementRecord } from './schema';

/** The matcher's answer for an article's text, the article itself left out, texts filled in. */
export type PlacementCheck = (text: string, exclude: string) => Promise<ArticleReport>;

/** What placing needs of the library. */
export interface PlacementSource {
  /** The article's report (outlet, date) in the index, or null when it is no longer kept. */
  meta(key: string): ReportMeta | null;
  /** Whether the article's report is in the index: {@link meta} without decoding it. */
  has(key: string): boolean;
  /** The article's text, or undefined when it is no longer kept. */
  text(id: number): Promise<string | undefined>;
  placements(): Promise<PlacementRecord[]>;
  putPlacements(records: readonly PlacementRecord[]): Promise<void>;
}

/** Articles placed per stored batch: each is one check, so a batch is a fraction of a second. */
export const PLACEMENT_BATCH = 8;

/** The echo groups of the bundled corpus and the reader's library together. */
export class LibraryGroups {
  private current: EchoGroups;
  /** Placements of kept articles, by article id. */
  private readonly placed = new Map<number, PlacementRecord>();
  /** Kept articles not placed yet, in the order they were kept. */
  private pending: number[] = [];
  private nextSeq = 0;

  /** `base`: the bundled corpus's groups, never changed here. */
  constructor(
    private readonly base: EchoGroups,
    private readonly source: PlacementSource,
  ) {
    this.current = base.clone();
  }

  /** The groups as far as articles are placed. */
  get groups(): EchoGroups {
    return this.current;
  }

  /** Articles kept but not placed yet. */
  get unplaced(): number {
    return this.pending.length;
  }

  /**
   * Replays the stored placements of the kept articles `ids` (in their order); articles without
   * one wait to be placed.
   */
  async load(ids: readonly number[]): Promise<void> {
    const live = new Set(ids);
    for (const record of await this.source.placements()) {
      if (live.has(record.id)) this.placed.set(record.id, record);
    }
    this.pending = ids.filter((id) => !this.placed.has(id));
    this.replay();
  }

  /** Articles just kept or imported: placed by the next {@link placePending}. */
  added(ids: readonly number[]): void {
    this.pending.push(...ids);
  }

  /** The kept articles are `ids`: those neither placed nor waiting are placed next. */
  track(ids: readonly number[]): void {
    const waiting = new Set(this.pending);
    for (const id of ids) if (!this.placed.has(id) && !waiting.has(id)) this.pending.push(id);
  }

  /** Articles forgotten: the others are placed again from their stored placements. */
  removed(ids: readonly number[]): void {
    const gone = new Set(ids);
    this.pending = this.pending.filter((id) => !gone.has(id));
    for (const id of ids) this.placed.delete(id);
    this.replay();
  }

  /** The library was cleared. */
  cleared(): void {
    this.placed.clear();
    this.pending = [];
    this.replay();
  }

  /**
   * Places up to `limit` articles waiting to be placed, each checked with `check` against
   * everything placed before it, and stores their placements. Returns how many were placed.
   */
  async placePending(check: PlacementCheck, limit = PLACEMENT_BATCH): Promise<number> {
    const batch: PlacementRecord[] = [];
    while (batch.length < limit && this.pending.length > 0) {
      const id = this.pending.shift()!;
      const key = libraryKey(id);
      const text = await this.source.text(id);
      // Forgotten meanwhile: nothing to place.
      if (text === undefined || this.source.meta(key) === null || this.placed.has(id)) continue;
      const report = await check(text, key);
      // The article may have been forgotten while it was checked.
      const meta = this.source.meta(key);
      if (meta === null || this.placed.has(id)) continue;
      const { links, merge } = this.current.locate(report);
      const record: PlacementRecord = {
        id,
        seq: this.nextSeq++,
        group: links[0]?.group ?? null,
        merge,
        sourcing: sourcingOf(text, meta.published),
        outlet: meta.outlet,
      };
      this.placeOne(meta, record.sourcing, record);
      this.placed.set(id, record);
      batch.push(record);
    }
    if (batch.length > 0) await this.source.putPlacements(batch);
    return batch.length;
  }

  /** The groups again from the corpus's and every stored placement, in placement order. */
  private replay(): void {
    this.current = this.base.clone();
    const records = [...this.placed.values()].sort((a, b) => a.seq - b.seq);
    for (const record of records) {
      const report = this.reportOf(record);
      if (report) this.placeOne(report, record.sourcing, record);
    }
    this.nextSeq = Math.max(this.nextSeq, (records[records.length - 1]?.seq ?? -1) + 1);
  }

  /**
   * What placing a stored placement needs of its article's report (its key and outlet), or null
   * when the index has no such report. A placement that keeps the outlet spares decoding it.
   */
  private reportOf(record: PlacementRecord): PlacedReport | null {
    const key = libraryKey(record.id);
    if (record.outlet === undefined) return this.source.meta(key);
    return this.source.has(key) ? { id: key, outlet: record.outlet } : null;
  }

  private placeOne(
    meta: PlacedReport,
    sourcing: ReportSourcing,
    decision: PlacementDecision,
  ): void {
    if (this.current.groupOf(meta.id) === null) this.current.placeAt(meta, sourcing, decision);
  }
}
