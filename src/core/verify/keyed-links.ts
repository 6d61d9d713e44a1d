/**
 * Links addressed by report key and sentence number, for reports whose place in the index moves:
 * the articles of a reader's library. The bundled corpus stores each unit's links as positions
 * relative to the unit (the unit column `links`), which hold because its reports never move. A
 * library's segments are merged, and a forgotten article's units are given back, so positions
 * change; an article's key and the number of a sentence within it do not.
 *
 * A kept article's links are the links of its sentences, made from the check that places it among
 * the echo groups (src/library/echo-groups.ts): into the bundled reports and the articles kept
 * before it. Each link is read both ways, so an article kept earlier reaches the ones that retell
 * it later too.
 *
 * A library of years of reading may hold hundreds of thousands of links, and a restart of the
 * extension loads them all, so they are kept as they are stored (PackedLinks), and read into one
 * index, per report the links made from it or to it, in a few typed arrays, when a check first
 * asks for one after a change (a report has tens of links, so a lookup reads its part through).
 */

/** A link of sentence `unit` of a kept article to sentence `sentence` of report `report`. */
export interface KeyedLink {
  /** The kept article's sentence (its unit's number within the article, from 0). */
  unit: number;
  /** The key (id) of the other report. */
  report: string;
  /** Its sentence (unit number within that report, from 0). */
  sentence: number;
  /** The probability that the two make the same claim, as the link was made. */
  probability: number;
}

/**
 * The links of one kept article's sentences as they are stored: the other reports' keys, each
 * once, then STRIDE numbers a link: its sentence, the other report (its place in `reports`), that
 * report's sentence and the probability in thousandths. Numbers, not objects: a library of years
 * of reading stores and loads hundreds of thousands of links.
 */
export interface PackedLinks {
  reports: string[];
  links: number[];
}

/** Links packed for storing (see PackedLinks). */
export function packLinks(links: readonly KeyedLink[]): PackedLinks {
  const reports: string[] = [];
  const at = new Map<string, number>();
  const packed: number[] = [];
  for (const link of links) {
    let r = at.get(link.report);
    if (r === undefined) {
      r = reports.length;
      reports.push(link.report);
      at.set(link.report, r);
    }
    packed.push(link.unit, r, link.sentence, Math.round(link.probability * 1000));
  }
  return { reports, links: packed };
}

/** Packed links as KeyedLink objects again. */
export function unpackLinks(packed: PackedLinks): KeyedLink[] {
  const links: KeyedLink[] = [];
  for (let k = 0; k + STRIDE <= packed.links.length; k += STRIDE) {
    links.push({
      unit: packed.links[k]!,
      report: packed.reports[packed.links[k + 1]!]!,
      sentence: packed.links[k + 2]!,
      probability: packed.links[k + 3]! / 1000,
    });
  }
  return links;
}

/** Where a sentence's link leads. */
export interface KeyedTarget {
  report: string;
  sentence: number;
  probability: number;
}

/** Numbers per link in a report's list: its sentence, the other report, its sentence, ‰. */
const STRIDE = 4;

/** The links of kept articles, both ways, by report key and sentence number. */
export class KeyedLinks {
  /** Report keys, each numbered once. */
  private keys: string[] = [];
  private keyIds = new Map<string, number>();
  /** Per kept article (key number): the links it made, as stored. */
  private readonly made = new Map<number, PackedLinks>();
  /**
   * The index, made when first needed after a change: per report (key number), the links made
   * from it or to it, STRIDE numbers each (its sentence, the other report, that report's
   * sentence, ‰), from `data[STRIDE * start[r]]` to `data[STRIDE * start[r + 1]]`.
   */
  private index: { start: Int32Array; data: Int32Array } | null = null;

  /** How many kept articles made links (the matcher skips looking when none did). */
  get size(): number {
    return this.made.size;
  }

  /** The links made from article `key`'s sentences (packLinks), replacing any it had. */
  set(key: string, packed: PackedLinks): void {
    if (packed.links.length < STRIDE) {
      this.delete(key);
      return;
    }
    this.made.set(this.idOf(key), packed);
    this.index = null;
  }

  /** Takes away the links article `key` made (links other articles made to it stay, unread). */
  delete(key: string): void {
    const id = this.keyIds.get(key);
    if (id !== undefined && this.made.delete(id)) this.index = null;
  }

  clear(): void {
    this.keys = [];
    this.keyIds = new Map();
    this.made.clear();
    this.index = null;
  }

  /** The links of sentence `sentence` of report `key`, made from it or to it. */
  at(key: string, sentence: number): KeyedTarget[] {
    const found: KeyedTarget[] = [];
    const id = this.keyIds.get(key);
    if (id === undefined || this.made.size === 0) return found;
    const { start, data } = (this.index ??= this.built());
    for (let k = STRIDE * start[id]!; k < STRIDE * start[id + 1]!; k += STRIDE) {
      if (data[k] !== sentence) continue;
      const report = this.keys[data[k + 1]!]!;
      const at = data[k + 2]!;
      const probability = data[k + 3]! / 1000;
      // Made by both articles, a link counts once, at the higher probability.
      const same = found.find((t) => t.report === report && t.sentence === at);
      if (!same) found.push({ report, sentence: at, probability });
      else same.probability = Math.max(same.probability, probability);
    }
    return found;
  }

  private idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.keyIds.set(key, id);
    }
    return id;
  }

  /** The index of every link, both ways, in two passes: count per report, then place. */
  private built(): { start: Int32Array; data: Int32Array } {
    const others = new Map<PackedLinks, number[]>();
    for (const [own, packed] of this.made) {
      others.set(
        packed,
        packed.reports.map((report) => (report === this.keys[own] ? -1 : this.idOf(report))),
      );
    }
    const count = new Int32Array(this.keys.length + 1);
    this.forEachLink(others, (own, _unit, other) => {
      count[own]!++;
      count[other]!++;
    });
    const start = new Int32Array(this.keys.length + 1);
    for (let r = 0; r < this.keys.length; r++) start[r + 1] = start[r]! + count[r]!;
    const next = start.slice(0, this.keys.length);
    const data = new Int32Array(STRIDE * start[this.keys.length]!);
    const put = (report: number, sentence: number, other: number, at: number, permille: number) => {
      const k = STRIDE * next[report]!++;
      data[k] = sentence;
      data[k + 1] = other;
      data[k + 2] = at;
      data[k + 3] = permille;
    };
    this.forEachLink(others, (own, unit, other, sentence, permille) => {
      put(own, unit, other, sentence, permille);
      put(other, sentence, own, unit, permille);
    });
    return { start, data };
  }

  /** Every link made, with the key numbers of its two reports (`others`: of each article's). */
  private forEachLink(
    others: ReadonlyMap<PackedLinks, readonly number[]>,
    visit: (own: number, unit: number, other: number, sentence: number, permille: number) => void,
  ): void {
    for (const [own, packed] of this.made) {
      const ids = others.get(packed)!;
      const links = packed.links;
      for (let k = 0; k + STRIDE <= links.length; k += STRIDE) {
        const other = ids[links[k + 1]!] ?? -1;
        if (other >= 0) visit(own, links[k]!, other, links[k + 2]!, links[k + 3]!);
      }
    }
  }
}
