import { expect, test, vi } from 'vitest';
import { checkArticle, type ClaimMatcher } from '../../src/core/check-article';
import type { ArticleReport } from '../../src/core/types';

const TEXT = 'Russia has presented the United States with a list of demands.';

function matcher(): ClaimMatcher & { check: ReturnType<typeof vi.fn> } {
  const check = vi.fn((text: string): ArticleReport => ({
    self: null,
    article: { title: null, detected: true },
    sentences: [{ text, start: 0, end: text.length, matches: [] }],
    summary: { sentences: 1, matched: 0, outlets: [] },
  }));
  return { check };
}

test("the reader's stricter choice goes to the matcher and is said with the answer", () => {
  const m = matcher();
  const strict = checkArticle(m, TEXT, { threshold: 0.85 });
  expect(m.check).toHaveBeenLastCalledWith(TEXT, { threshold: 0.85 });
  expect(strict.minChance).toBe(0.85);
});

test("the engine's own threshold, or none given, adds nothing to the answer", () => {
  const m = matcher();
  expect(checkArticle(m, TEXT, { threshold: 0.5 })).not.toHaveProperty('minChance');
  expect(checkArticle(m, TEXT)).not.toHaveProperty('minChance');
  // A lower floor (the quality tests sweep thresholds from one) is not a reader's choice either.
  expect(checkArticle(m, TEXT, { threshold: 0 })).not.toHaveProperty('minChance');
});
