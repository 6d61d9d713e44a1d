/**
 * Divergence flags against the hand labels (test/fixtures/divergence/): prints precision and
 * recall per kind and the share of difference-free pairs flagged, and holds the targets. Then the
 * bundled corpus, each report checked against the others, for the one title every reader should
 * see: "former U.S. President Donald Trump".
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { checkArticle } from '../../src/core/check-article';
import type { ArticleReport } from '../../src/core/types';
import { formatDivergence, loadPairs, scoreDivergence } from './divergence-score';
import { loadDevCorpus, type DevCorpus } from './predict';

/** Precision every kind with at least MIN_EXAMPLES labelled differences must reach. */
const MIN_PRECISION = 0.9;
const MIN_EXAMPLES = 5;
const MIN_RECALL = { number: 0.8, title: 0.8, attribution: 0.8, hedge: 0.7 } as const;
/** Most difference-free pairs that may get any flag. */
const MAX_CLEAN_FLAGGED = 0.05;

describe('divergence flags on the labelled pairs', () => {
  const pairs = loadPairs();
  const score = scoreDivergence(pairs);

  test('the labels are enough to measure with', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(score.cleanPairs).toBeGreaterThanOrEqual(30);
  });

  test('precision and recall per kind; difference-free pairs flagged', () => {
    console.log(`\nDivergence flags on ${pairs.length} labelled pairs\n${formatDivergence(score)}`);
    for (const kind of score.kinds) {
      if (kind.labelled >= MIN_EXAMPLES)
        expect(kind.precision, kind.kind).toBeGreaterThanOrEqual(MIN_PRECISION);
    }
    for (const [kind, recall] of Object.entries(MIN_RECALL)) {
      const found = score.kinds.find((k) => k.kind === kind)!;
      expect(found.recall, kind).toBeGreaterThanOrEqual(recall);
    }
    expect(score.cleanFlagged / score.cleanPairs).toBeLessThanOrEqual(MAX_CLEAN_FLAGGED);
  });
});

describe('the bundled corpus', () => {
  let corpus: DevCorpus;
  let checked: { id: string; report: ArticleReport }[];
  beforeAll(() => {
    corpus = loadDevCorpus();
    checked = corpus.inputs.map(({ meta, text }) => ({
      id: meta.id,
      report: checkArticle(corpus.matcher, text, { exclude: meta.id }),
    }));
  });

  /** A sentence that gives Trump a title ("President Donald Trump", "US President Trump"). */
  const TITLED_TRUMP = /\bPresident (?:Donald )?Trump\b/;
  const FORMER = /former U\.S\. President Donald Trump/;

  test('flags "former U.S. President Donald Trump" against every report naming his title in the same claim', () => {
    let pairs = 0;
    for (const { report } of checked) {
      for (const sentence of report.sentences) {
        for (const match of sentence.matches) {
          const [former, other] = FORMER.test(sentence.text)
            ? [sentence.text, match.text]
            : [match.text, sentence.text];
          if (!FORMER.test(former) || FORMER.test(other) || !TITLED_TRUMP.test(other)) continue;
          pairs++;
          const title = match.differences?.find((d) => d.kind === 'title');
          expect(title, `${sentence.text}\n  ↔ ${match.text}`).toBeDefined();
          expect([title!.page, title!.report]).toContain('former U.S. President');
        }
      }
    }
    // The CNews Live English sentence is matched with yourNEWS's, Truther Daily's and eAwaz's
    // titled Trump, and they with it.
    expect(pairs).toBeGreaterThanOrEqual(3);
  });

  test('every match carries its list of differences', () => {
    for (const { report } of checked) {
      for (const sentence of report.sentences) {
        for (const match of sentence.matches) expect(Array.isArray(match.differences)).toBe(true);
      }
    }
  });
});
