/**
 * Shared by the library's tests: a fresh database per test (fake-indexeddb in Node), the bundled
 * corpus's index with a library over it, and articles to keep.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { indexOfCompiled } from '../../src/core/index/compile';
import type { LibraryArticle } from '../../src/core/library-format';
import { Matcher } from '../../src/core/matcher';
import { corpusEchoGroups } from '../../src/core/provenance';
import { Library, TextCache } from '../../src/library/library';
import { LibraryStore } from '../../src/library/store';
import { CORPUS_DIR, loadDevCorpus } from '../quality/predict';

const corpus = loadDevCorpus();
/** The bundled reports' echo groups, as the background has them. */
export const corpusGroups = corpusEchoGroups(corpus.compiled, (text, exclude) =>
  corpus.matcher.check(text, { exclude }),
);
const fixtures = path.join(CORPUS_DIR, '../../test/fixtures');
let databases = 0;

/**
 * A library over the bundled corpus, on the database `name` (a new one unless given);
 * `vocabularyStaleTerms` as the library takes it.
 */
export function openLibrary(
  name = `library-test-${++databases}`,
  store = new LibraryStore(name),
  options: { vocabularyStaleTerms?: number } = {},
) {
  const texts = new TextCache();
  const index = indexOfCompiled(corpus.compiled, texts);
  // Merges run when a test asks (mergeStep), not on a timer that outlives the test.
  const library = new Library(store, index, texts, { ...options, mergeDelayMs: null });
  return {
    name,
    store,
    index,
    texts,
    library,
    matcher: Matcher.over(index, corpus.compiled.story),
  };
}

/** An article read on the web: a held-out article by a fictional outlet, or another text. */
export function article(file: string, outlet: string, day = 3): LibraryArticle {
  return {
    url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${path.basename(file, '.txt')}`,
    outlet,
    title: `${outlet} story`,
    published: '2025-03-14',
    read: `2025-05-0${day}T09:30:00.000Z`,
    text: readFileSync(path.join(fixtures, file), 'utf8'),
  };
}

/** Two articles by other outlets that retell the bundled story (they share claims). */
export const northgate = () => article('heldout/northgate-courier.txt', 'Northgate Courier', 3);
export const harbour = () => article('heldout/harbour-ledger.txt', 'Harbour Ledger', 4);
/** An article on another story. */
export const drone = () => article('articles/ukraine-drone-strike.txt', 'Drone Daily', 5);

/** Report keys a check lists anywhere. */
export function reportsListed(report: ReturnType<Matcher['check']>): Set<string> {
  return new Set(report.sentences.flatMap((s) => s.matches.map((m) => m.report)));
}
