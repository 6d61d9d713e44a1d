/**
 * The labels of every labelled article set name reports by their corpus ids: a label naming a
 * report otherwise ("004" for eAwaz's file) is never matched, so its sentence's true matches count
 * as false pairs and its gold pairs as missed.
 */
import { expect, test } from 'vitest';
import { readNeighbours, readRetellings } from './fit';
import { readFresh, readHeldout, type HeldoutArticle } from './heldout';
import { loadDevCorpus } from './predict';

const ids = new Set(loadDevCorpus().inputs.map((input) => input.meta.id));

test.each<[string, () => HeldoutArticle[]]>([
  ['three articles', readHeldout],
  ['neighbouring stories', () => readNeighbours()],
  ['retellings', readRetellings],
  ['fresh neighbouring stories', () => readFresh('neighbours')],
  ['fresh retellings', () => readFresh('retellings')],
])('every label of the %s names a report by its id', (_, read) => {
  const unknown = read().flatMap((article) =>
    article.sentences.flatMap((s) =>
      [...s.makes, ...s.partly]
        .filter((id) => !ids.has(id))
        .map((id) => `${article.file}: ${id} (${s.text.slice(0, 50)}…)`),
    ),
  );
  expect(unknown).toEqual([]);
});
