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
 * A library of years of reading may hold hundreds of thousands of links, so they are kept as
 * numbers: each report key once, and per report one flat list of its links, made from it or to it
 * (a report has tens of them, so a lookup reads its list through).
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
  private readonly keys: string[] = [];
  private readonly keyIds = new Map<string, number>();
  /** Per report (key number): its links, made from it or to it, STRIDE numbers each. */
  private byReport: (number[] | undefined)[] = [];
  /** Per kept article (key number): the links it made, STRIDE numbers each (to take them away). */
  private made: (number[] | undefined)[] = [];
  private articles = 0;

  /** How many kept articles made links (the matcher skips looking when none did). */
  get size(): number {
    return this.articles;
  }

  /** The links made from article `key`'s sentences (packLinks), replacing any it had. */
  set(key: string, packed: PackedLinks): void {
    this.delete(key);
    const own = this.idOf(key);
    const ids = packed.reports.map((report) => (report === key ? -1 : this.idOf(report)));
    const source = packed.links;
    let n = 0;
    for (let k = 0; k + STRIDE <= source.length; k += STRIDE) if (ids[source[k + 1]!]! >= 0) n++;
    if (n === 0) return;
    const made = new Array<number>(n * STRIDE);
    let m = 0;
    for (let k = 0; k + STRIDE <= source.length; k += STRIDE) {
      const other = ids[source[k + 1]!]!;
      if (other < 0) continue;
      made[m] = source[k]!;
      made[m + 1] = other;
      made[m + 2] = source[k + 2]!;
      made[m + 3] = source[k + 3]!;
      this.both(own, made, m);
      m += STRIDE;
    }
    this.made[own] = made;
    this.articles++;
  }

  /** Takes away the links article `key` made (links other articles made to it stay, unread). */
  delete(key: string): void {
    const own = this.keyIds.get(key);
    const made = own === undefined ? undefined : this.made[own];
    if (own === undefined || !made) return;
    this.made[own] = undefined;
    this.articles--;
    for (let k = 0; k < made.length; k += STRIDE) {
      const unit = made[k]!;
      const other = made[k + 1]!;
      const sentence = made[k + 2]!;
      const permille = made[k + 3]!;
      this.remove(own, unit, other, sentence, permille);
      this.remove(other, sentence, own, unit, permille);
    }
  }

  clear(): void {
    this.keys.length = 0;
    this.keyIds.clear();
    this.byReport = [];
    this.made = [];
    this.articles = 0;
  }

  /** The links of sentence `sentence` of report `key`, made from it or to it. */
  at(key: string, sentence: number): KeyedTarget[] {
    const id = this.keyIds.get(key);
    const list = id === undefined ? undefined : this.byReport[id];
    const found: KeyedTarget[] = [];
    if (!list) return found;
    for (let k = 0; k < list.length; k += STRIDE) {
      if (list[k] !== sentence) continue;
      const report = this.keys[list[k + 1]!]!;
      const at = list[k + 2]!;
      const probability = list[k + 3]! / 1000;
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

  /** The link at `made[k]` of article `own`, entered both ways. */
  private both(own: number, made: readonly number[], k: number): void {
    this.add(own, made[k]!, made[k + 1]!, made[k + 2]!, made[k + 3]!);
    this.add(made[k + 1]!, made[k + 2]!, own, made[k]!, made[k + 3]!);
  }

  /** One link of `report`'s sentence, entered as one maker made it (a link two made is entered twice). */
  private add(report: number, sentence: number, other: number, at: number, permille: number): void {
    const list = this.byReport[report];
    if (list) list.push(sentence, other, at, permille);
    else this.byReport[report] = [sentence, other, at, permille];
  }

  /** Takes away one entry of the link (the other maker's, if any, stays). */
  private remove(
    report: number,
    sentence: number,
    other: number,
    at: number,
    permille: number,
  ): void {
    const list = this.byReport[report];
    if (!list) return;
    for (let k = 0; k < list.length; k += STRIDE) {
      if (list[k] !== sentence || list[k + 1] !== other || list[k + 2] !== at) continue;
      if (list[k + 3] !== permille) continue;
      list.splice(k, STRIDE);
      break;
    }
    if (list.length === 0) this.byReport[report] = undefined;
  }
}
