/**
 * Labels beyond the gold for the verifier's training and the calibration: the hand labels of the
 * sentences the development gold leaves unjudged, and the unrelated fixture articles that must
 * match nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DevCorpus } from './predict';
import { judge, type Gold, type Judgement, type ScoredReport } from './score';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Articles on other subjects that must match nothing. */
export const UNRELATED_DIR = path.join(here, '../fixtures/articles');

/** Hand labels for pairs the gold leaves unjudged (see unjudged-labels.json). */
interface UnjudgedLabels {
  pairs: { report: string; sentence: string; other: string; label: 'same' | 'partly' }[];
}

/** Reads the unrelated fixture articles (name → text). */
export function readUnrelatedArticles(): Map<string, string> {
  const articles = new Map<string, string>();
  for (const name of readdirSync(UNRELATED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    articles.set(name, readFileSync(path.join(UNRELATED_DIR, name), 'utf8'));
  }
  return articles;
}

/** Judgements of every unit: the gold's where it judges, the hand labels' elsewhere. */
export function extendedJudgements(
  gold: Gold,
  corpus: DevCorpus,
  reports: readonly ScoredReport[],
): Judgement[][] {
  const labels = JSON.parse(
    readFileSync(path.join(here, 'unjudged-labels.json'), 'utf8'),
  ) as UnjudgedLabels;
  const fileOf = new Map(corpus.inputs.map((i) => [i.meta.id, i.meta.file]));
  return reports.map((report) => {
    const id = corpus.inputs.find((i) => i.meta.file === report.file)!.meta.id;
    const judged = judge(gold, report.file, report.text, report.units);
    return report.units.map((unit, i) => {
      const fromGold = judged[i];
      if (fromGold) return fromGold;
      const text = report.text.slice(unit.start, unit.end);
      const judgement: Judgement = { gold: new Set(), maybe: new Set() };
      for (const pair of labels.pairs) {
        if (pair.report !== id || !text.startsWith(pair.sentence)) continue;
        (pair.label === 'same' ? judgement.gold : judgement.maybe).add(fileOf.get(pair.other)!);
      }
      return judgement;
    });
  });
}
