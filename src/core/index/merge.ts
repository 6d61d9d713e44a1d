/**
 * Merging segments into one, as search engines merge theirs: the live reports of several segments
 * (in order), their units and counts, and one spelling index over the terms they owned. Deleted
 * reports are left out, so a merge is also how their space is given back.
 */
import type { ReportMeta } from '../types';
import { Segment, type UnitColumn } from './segment';

/** A segment to merge and which of its reports are still live. */
export interface MergePart {
  segment: Segment;
  live(article: number): boolean;
}

/**
 * Merges the live reports of `parts` into one segment. A term owned by a part stays owned when a
 * merged unit has it or `stillUsed(term)` says reports elsewhere do.
 */
export function mergeSegments(
  parts: readonly MergePart[],
  stillUsed: (term: string) => boolean = () => false,
): Segment {
  const first = parts[0];
  if (!first) throw new Error('mergeSegments: nothing to merge');
  const inputIds = new Map<string, number>();
  const terms: string[] = [];
  const ownedInput = new Set<number>();
  const idOf = (term: string): number => {
    let id = inputIds.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      inputIds.set(term, id);
    }
    return id;
  };
  const articles: ReportMeta[] = [];
  const unitArticle: number[] = [];
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  const unitKind: number[] = [];
  const termStart: number[] = [0];
  const termIds: number[] = [];
  const flags: number[] = [];
  const tags: number[] = [];
  const extraNames = [...new Set(parts.flatMap((p) => p.segment.extras.map((x) => x.name)))];
  const extraStarts = extraNames.map(() => [0]);
  const extraValues = extraNames.map((): number[] => []);
  const extraFloat = extraNames.map(() => false);
  const acronyms = new Set<string>();
  let synonyms: Record<string, string[]> | null = null;
  for (const { segment, live } of parts) {
    const toInput = segment.terms.map(idOf);
    for (const local of segment.owned) ownedInput.add(toInput[local]!);
    for (const acronym of segment.acronyms) acronyms.add(acronym);
    if (segment.synonyms) {
      synonyms ??= {};
      for (const [term, list] of Object.entries(segment.synonyms)) {
        const into = (synonyms[term] ??= []);
        for (const synonym of list) if (!into.includes(synonym)) into.push(synonym);
      }
    }
    const newNumber = new Int32Array(segment.articles).fill(-1);
    for (let a = 0; a < segment.articles; a++) {
      if (!live(a)) continue;
      newNumber[a] = articles.length;
      articles.push(segment.meta(a));
    }
    const extras = extraNames.map((name) => segment.extras.find((x) => x.name === name));
    for (let u = 0; u < segment.units; u++) {
      const article = newNumber[segment.unitArticle[u]!]!;
      if (article < 0) continue;
      unitArticle.push(article);
      unitStart.push(segment.unitStart[u]!);
      unitEnd.push(segment.unitEnd[u]!);
      unitKind.push(segment.unitKind[u]!);
      segment.forEachTerm(u, (local, flag) => {
        termIds.push(toInput[local]!);
        flags.push(flag);
      });
      for (const tag of segment.tagsOf(u)) tags.push(tag);
      termStart.push(termIds.length);
      extras.forEach((extra: UnitColumn | undefined, k) => {
        if (extra) {
          const values = extra.values.subarray(extra.start[u]!, extra.start[u + 1]!);
          for (const v of values) extraValues[k]!.push(v);
          if (extra.values instanceof Float32Array) extraFloat[k] = true;
        }
        extraStarts[k]!.push(extraValues[k]!.length);
      });
    }
  }
  const used = new Set(termIds);
  const alsoOwned = [...ownedInput].filter((id) => !used.has(id) && stillUsed(terms[id]!));
  return Segment.build({
    tokenizer: first.segment.tokenizer,
    terms,
    articles,
    unitArticle,
    unitStart,
    unitEnd,
    unitKind,
    termStart,
    termIds,
    flags,
    tags,
    owned: (id) => ownedInput.has(id),
    alsoOwned,
    acronyms: [...acronyms],
    synonyms,
    extras: extraNames.map((name, k) => ({
      name,
      start: Uint32Array.from(extraStarts[k]!),
      values: extraFloat[k] ? Float32Array.from(extraValues[k]!) : Int32Array.from(extraValues[k]!),
    })),
  });
}
