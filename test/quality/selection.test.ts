/**
 * A sentence checked on its own (a reader's selection, a pasted sentence) against the same
 * sentence judged with its article around it (CheckOptions.context), over every labelled article:
 * the three articles, both halves of the neighbouring stories, the retellings and the fresh
 * articles. Prints false pairs per 100 sentences and the labelled claims' F1 both ways (the table
 * of src/core/verify/README.md, "A sentence checked alone"), and checks that with its article
 * each sentence is matched exactly as in the article's own report.
 */
import { expect, test } from 'vitest';
import type { ArticleReport } from '../../src/core/types';
import { readNeighbours, readRetellings } from './fit';
import { judgeArticle, readFresh, readHeldout, type HeldoutArticle } from './heldout';
import { loadDevCorpus } from './predict';

const corpus = loadDevCorpus();
const { matcher } = corpus;

const SETS: [string, HeldoutArticle[]][] = [
  ['three articles', readHeldout()],
  ['neighbouring, tuning half', readNeighbours('tuning')],
  ['retellings', readRetellings()],
  ['neighbouring, held-out half', readNeighbours('heldout')],
  ['fresh neighbouring stories', readFresh('neighbours')],
  ['fresh retellings', readFresh('retellings')],
];

/** The reports listed for a report's sentences, by sentence text. */
function listed(report: ArticleReport): Map<string, string[]> {
  return new Map(report.sentences.map((s) => [s.text, s.matches.map((m) => m.report)]));
}

test('a sentence alone and with its article: figures, and the article’s own matches', () => {
  const lines: string[] = [];
  for (const [name, articles] of SETS) {
    const counts = { alone: { tp: 0, fp: 0, fn: 0 }, context: { tp: 0, fp: 0, fn: 0 } };
    let sentences = 0;
    for (const article of articles) {
      const whole = listed(matcher.check(article.text));
      for (const unit of judgeArticle(article)) {
        const j = unit.judgement;
        if (!j) continue;
        sentences++;
        const alone = matcher.check(unit.text).sentences.flatMap((s) => s.matches);
        const within = matcher.check(unit.text, { context: article.text });
        // The same reports as the article's own report gives the sentence.
        expect(within.sentences.map((s) => s.matches.map((m) => m.report))).toEqual(
          within.sentences.map((s) => whole.get(s.text) ?? []),
        );
        const tally = (ids: string[], c: { tp: number; fp: number; fn: number }) => {
          for (const id of new Set(ids)) {
            if (j.gold.has(id)) c.tp++;
            else if (!j.maybe.has(id)) c.fp++;
          }
          for (const id of j.gold) if (!ids.includes(id)) c.fn++;
        };
        tally(
          alone.map((m) => m.report),
          counts.alone,
        );
        tally(
          within.sentences.flatMap((s) => s.matches.map((m) => m.report)),
          counts.context,
        );
      }
    }
    const figure = (c: { tp: number; fp: number; fn: number }) => {
      const p = c.tp / Math.max(1, c.tp + c.fp);
      const r = c.tp / Math.max(1, c.tp + c.fn);
      const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
      return `${((100 * c.fp) / sentences).toFixed(1)} false pairs per 100 sentences, F1 ${f1.toFixed(3)}`;
    };
    lines.push(
      `${name} (${sentences} sentences): alone ${figure(counts.alone)}; with its article ${figure(counts.context)}`,
    );
    // On neighbouring stories a sentence alone says too little of its story: its article tells.
    if (name.includes('neighbouring')) expect(counts.context.fp).toBeLessThan(counts.alone.fp);
  }
  console.log(lines.join('\n'));
}, 120_000);
