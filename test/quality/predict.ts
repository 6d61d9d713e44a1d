/**
 * Predictions over the development corpus, each report checked against the others: by the engine
 * and by the plain Fuse.js baseline. Shared by the quality test, the calibration and benchmarks.
 */
import Fuse from 'fuse.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpus, withCorpusLinks } from '../../src/cli/read-corpus';
import { readWordNet } from '../../src/cli/wordnet';
import { compileCorpus, type CompiledCorpus, type CorpusInput } from '../../src/core/corpus';
import { Matcher } from '../../src/core/matcher';
import { splitSentences } from '../../src/core/sentences';
import type { ScoredReport } from './score';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The bundled corpus folder. */
export const CORPUS_DIR = path.join(here, '../../assets/corpus');

/** The bundled corpus, read, compiled and loaded. */
export interface DevCorpus {
  inputs: CorpusInput[];
  compiled: CompiledCorpus;
  matcher: Matcher;
}

/**
 * Reads and compiles the bundled corpus from its sources, as the build does (WordNet synonyms and
 * the units' links included).
 */
export function loadDevCorpus(): DevCorpus {
  const { story, inputs } = readCorpus(CORPUS_DIR);
  // With each unit's links, as the build stores them (src/cli/read-corpus.ts).
  const compiled = withCorpusLinks(compileCorpus(inputs, story, readWordNet()));
  return { inputs, compiled, matcher: Matcher.fromCompiled(compiled) };
}

/**
 * Every report checked by the engine with itself excluded; each unit keeps the score of every
 * report listed at or above `floor` (so thresholds from `floor` up can be swept).
 */
export function enginePredictions(corpus: DevCorpus, floor?: number): ScoredReport[] {
  const fileOf = new Map(corpus.inputs.map((input) => [input.meta.id, input.meta.file]));
  return corpus.inputs.map(({ meta, text }) => {
    const result = corpus.matcher.check(text, { exclude: meta.id, threshold: floor });
    return {
      file: meta.file,
      text,
      units: result.sentences.map((s) => ({
        start: s.start,
        end: s.end,
        scores: new Map(s.matches.map((m) => [fileOf.get(m.report)!, m.score])),
      })),
    };
  });
}

/** A plain Fuse.js search over all corpus sentences with default options (the obvious approach). */
export function fuseSearcher(
  corpus: DevCorpus,
): (text: string) => { report: number; score: number }[] {
  const sentences = corpus.compiled.sentences;
  const fuse = new Fuse(sentences.map((s) => s.text));
  return (text) =>
    fuse.search(text).map((result) => ({
      report: sentences[result.refIndex]!.report,
      score: 1 - (result.score ?? 0),
    }));
}

/**
 * Every report checked by plain Fuse.js: the page sentence is the query, the corpus sentences of
 * the other reports the collection; a report is predicted when any of its sentences is returned.
 */
export function fusePredictions(corpus: DevCorpus): ScoredReport[] {
  const search = fuseSearcher(corpus);
  return corpus.inputs.map(({ meta, text }, r) => ({
    file: meta.file,
    text,
    units: splitSentences(text).map((unit) => {
      const scores = new Map<string, number>();
      for (const hit of search(unit.text)) {
        if (hit.report === r) continue;
        scores.set(corpus.inputs[hit.report]!.meta.file, 1);
      }
      return { start: unit.start, end: unit.end, scores };
    }),
  }));
}
