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
 *
 * The check that places an article also gives the links of its sentences to the sentences of
 * other reports that make the same claim (`PlacementLinks`, src/core/verify/keyed-links.ts):
 * stored with the placement, handed to the matcher on load, taken away when it is forgotten.
 */
import {
  EchoGroups,
  sourcingOf,
  type PlacedReport,
  type PlacementDecision,
  type ReportSourcing,
} from '../core/provenance';
import type { ArticleReport, ReportMeta } from '../core/types';
import type { PackedLinks } from '../core/verify';
import { libraryKey } from '../shared/library-keys';
import type { PlacementRecord } from './schema';

/**
 * What the library does with the links of its articles' sentences (src/core/verify/keyed-links.ts),
 * made from the same check that places an article: the matcher reads them (Matcher.keepLinks).
 */
export interface PlacementLinks {
  /** The links of article `key`'s sentences, from `report`, the check that places it. */
  of(key: string, report: ArticleReport): PackedLinks;
  keep(key: string, links: PackedLinks): void;
  forget(key: string): void;
  clear(): void;
}

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
  /** Where the links of the articles' sentences go; none are made without it. */
  links?: PlacementLinks;
}

/**
 * A placement as kept in memory: its links are with the matcher (Matcher.keepLinks), and stay
 * stored.
 */
function withoutLinks({ links: _links, ...record }: PlacementRecord): PlacementRecord {
  return record;
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
  /** Placed articles whose placement was stored without links, to be checked for them. */
  private toLink: number[] = [];
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

  /** Articles placed, but not linked yet (placed before links were kept). */
  get unlinked(): number {
    return this.toLink.length;
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
    const links = this.source.links;
    if (links) {
      for (const record of this.placed.values()) {
        if (!record.links) this.toLink.push(record.id);
        else {
          links.keep(libraryKey(record.id), record.links);
          this.placed.set(record.id, withoutLinks(record));
        }
      }
    }
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
    this.toLink = this.toLink.filter((id) => !gone.has(id));
    for (const id of ids) {
      this.placed.delete(id);
      this.source.links?.forget(libraryKey(id));
    }
    this.replay();
  }

  /** The library was cleared. */
  cleared(): void {
    this.placed.clear();
    this.pending = [];
    this.toLink = [];
    this.source.links?.clear();
    this.replay();
  }

  /**
   * Places up to `limit` articles waiting to be placed, each checked with `check` against
   * everything placed before it, and stores their placements with the links of their sentences;
   * then, up to `limit` in all, checks placed articles that have no links yet for them. Returns
   * how many placements were stored.
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
      this.linkFrom(key, report, record);
      this.placeOne(meta, record.sourcing, record);
      this.placed.set(id, withoutLinks(record));
      batch.push(record);
    }
    // Articles placed before links were kept: checked again, for their links only.
    while (batch.length < limit && this.toLink.length > 0) {
      const id = this.toLink.shift()!;
      const key = libraryKey(id);
      const placed = this.placed.get(id);
      const text = await this.source.text(id);
      if (!placed || text === undefined || !this.source.has(key)) continue;
      const report = await check(text, key);
      if (this.placed.get(id) !== placed || !this.source.has(key)) continue;
      const record = { ...placed };
      this.linkFrom(key, report, record);
      batch.push(record);
    }
    if (batch.length > 0) await this.source.putPlacements(batch);
    return batch.length;
  }

  /** Article `key`'s links, from the check that placed it, kept and put in its record. */
  private linkFrom(key: string, report: ArticleReport, record: PlacementRecord): void {
    const links = this.source.links;
    if (!links) return;
    record.links = links.of(key, report);
    links.keep(key, record.links);
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
