/**
 * Scores the attribution extractor on the labelled sentences of
 * test/fixtures/attributions/labelled.json: a found source counts when a label has its kind and
 * one of the two names contains the other (case and a leading article aside).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findAttributions,
  type Attribution,
  type AttributionKind,
} from '../../src/core/provenance/attributions';

/** One labelled source. */
export interface Label {
  kind: AttributionKind;
  source: string;
}

/** One sentence of the table with its labels. */
export interface LabelledSentence {
  text: string;
  labels: Label[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A labelled table: `labelled` (the development table) or `heldout`. */
export function readLabelled(table: 'labelled' | 'heldout' = 'labelled'): LabelledSentence[] {
  const file = path.join(root, `test/fixtures/attributions/${table}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { sentences: LabelledSentence[] }).sentences;
}

/** A name as compared: lower case, no leading article, single spaces. */
function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a found attribution is the labelled source. */
export function sameSource(found: Pick<Attribution, 'kind' | 'source'>, label: Label): boolean {
  if (found.kind !== label.kind) return false;
  const a = key(found.source);
  const b = key(label.source);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** Counts per kind. */
export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 per kind over the table, and the misses for a report. */
export function scoreAttributions(sentences: readonly LabelledSentence[]): {
  kinds: Record<AttributionKind, KindScore>;
  errors: string[];
} {
  const kinds = ['outlet', 'anonymous', 'person', 'document'] as const;
  const counts = Object.fromEntries(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    AttributionKind,
    { tp: number; fp: number; fn: number }
  >;
  const errors: string[] = [];
  for (const sentence of sentences) {
    const found = findAttributions(sentence.text);
    const used = new Set<number>();
    for (const f of found) {
      const hit = sentence.labels.findIndex((l, i) => !used.has(i) && sameSource(f, l));
      if (hit === -1) {
        counts[f.kind].fp++;
        errors.push(`extra ${f.kind} "${f.source}" in: ${sentence.text}`);
      } else {
        used.add(hit);
        counts[f.kind].tp++;
      }
    }
    sentence.labels.forEach((l, i) => {
      if (used.has(i)) return;
      counts[l.kind].fn++;
      errors.push(`missed ${l.kind} "${l.source}" in: ${sentence.text}`);
    });
  }
  const score = (c: { tp: number; fp: number; fn: number }): KindScore => {
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { ...c, precision, recall, f1 };
  };
  return {
    kinds: Object.fromEntries(kinds.map((k) => [k, score(counts[k])])) as Record<
      AttributionKind,
      KindScore
    >,
    errors,
  };
}
