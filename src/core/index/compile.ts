/**
 * Making segments: from the prebuilt corpus index (dist/corpus/index.json), or from reports' texts
 * compiled the way the build compiles the bundled corpus (the same splitting, tokenising, acronyms
 * and place aliases), so a report kept by the reader is matched exactly like a bundled one.
 */
import { CORPUS_VERSION, type CompiledCorpus, type CorpusInput } from '../corpus-format';
import { CorpusRun, TERM_NAME, UNIT_KINDS } from '../corpus';
import { synonymTable, type Lexicon } from '../synonyms';
import { Segment, type UnitColumn } from './segment';
import { SegmentedIndex, type TextSource } from './segmented-index';

/** The key of the segment of a prebuilt corpus in an index (other segments have keys from 1). */
export const CORPUS_SEGMENT_KEY = 0;

/**
 * An index holding a prebuilt corpus (checked beforehand with validateCompiled), to which more
 * segments can be added; texts of reports added later come from `texts`.
 */
export function indexOfCompiled(corpus: CompiledCorpus, texts?: TextSource): SegmentedIndex {
  const index = new SegmentedIndex({ aliases: corpus.aliases, tokenizer: corpus.version, texts });
  const compiled = segmentOfCompiled(corpus);
  index.addSegment(compiled.segment, CORPUS_SEGMENT_KEY, compiled.texts);
  return index;
}

/** Fields of a compiled sentence that are not per-unit number columns. */
const SENTENCE_FIELDS = new Set(['report', 'start', 'end', 'text', 'kind', 'terms', 'tags']);

/**
 * Numeric list fields a compiled corpus carries per sentence beyond its terms (for a later stage
 * of the matcher), as segment columns: whole numbers as Int32, others as Float32.
 */
function extraColumns(corpus: CompiledCorpus): UnitColumn[] {
  const first = corpus.sentences[0] as unknown as Record<string, unknown> | undefined;
  if (!first) return [];
  const names = Object.keys(first).filter(
    (key) =>
      !SENTENCE_FIELDS.has(key) &&
      Array.isArray(first[key]) &&
      (first[key] as unknown[]).every((v) => typeof v === 'number'),
  );
  return names.map((name) => {
    const lists = corpus.sentences.map(
      (s) => ((s as unknown as Record<string, unknown>)[name] as number[] | undefined) ?? [],
    );
    const start = new Uint32Array(lists.length + 1);
    lists.forEach((list, u) => (start[u + 1] = start[u]! + list.length));
    const flat = lists.flat();
    const values = flat.every(Number.isInteger) ? Int32Array.from(flat) : Float32Array.from(flat);
    return { name, start, values };
  });
}

/**
 * The segment of a prebuilt corpus, and its units' texts (which the prebuilt index carries). The
 * index records which terms are names, not how often each was written so: a name's uses count as
 * written like a name, which keeps it a name in any index the segment joins.
 */
export function segmentOfCompiled(corpus: CompiledCorpus): { segment: Segment; texts: string[] } {
  const names = new Set(corpus.names);
  const units = corpus.sentences.length;
  const termStart = new Int32Array(units + 1);
  corpus.sentences.forEach((s, u) => (termStart[u + 1] = termStart[u]! + s.terms.length));
  const termIds = new Int32Array(termStart[units]!);
  const flags = new Uint8Array(termIds.length);
  const tags = new Uint8Array(termIds.length);
  corpus.sentences.forEach((s, u) => {
    s.terms.forEach((t, k) => {
      termIds[termStart[u]! + k] = t;
      tags[termStart[u]! + k] = s.tags[k] ?? 0;
      if (names.has(t)) flags[termStart[u]! + k] = TERM_NAME;
    });
  });
  const segment = Segment.build({
    tokenizer: corpus.version,
    terms: corpus.vocabulary,
    articles: corpus.reports,
    unitArticle: corpus.sentences.map((s) => s.report),
    unitStart: corpus.sentences.map((s) => s.start),
    unitEnd: corpus.sentences.map((s) => s.end),
    unitKind: corpus.sentences.map((s) => Math.max(0, UNIT_KINDS.indexOf(s.kind))),
    termStart,
    termIds,
    flags,
    tags,
    owned: () => true,
    acronyms: corpus.acronyms,
    synonyms: corpus.synonyms ?? null,
    extras: extraColumns(corpus),
  });
  return { segment, texts: corpus.sentences.map((s) => s.text) };
}

/** Options of {@link compileSegment}. */
export interface CompileOptions {
  /** The place alias table (the loaded corpus's, or the gazetteer's at build time). */
  aliases: Readonly<Record<string, string>>;
  /** Acronyms the index already knows: the reports are tokenised against these and their own. */
  acronyms?: ReadonlySet<string>;
  /** Whether the segment indexes a term by spelling (default: every term). */
  owned?: (term: string) => boolean;
  /** A thesaurus (Node only): the segment then carries the synonyms of its words. */
  lexicon?: Lexicon;
}

/**
 * Compiles reports into a segment the way the build compiles the bundled corpus. The reports'
 * texts must have been checked (see checkInputs); `meta.id` is each report's key.
 */
export function compileSegment(inputs: readonly CorpusInput[], options: CompileOptions): Segment {
  const run = new CorpusRun(
    inputs.map((input) => input.text),
    options.lexicon !== undefined,
    options.aliases,
  );
  const acronyms = new Set([...(options.acronyms ?? []), ...run.acronyms]);
  const numbered = run.finish(acronyms);
  let synonyms: Record<string, string[]> | null = null;
  if (options.lexicon) {
    const surfaces = new Map(numbered.surfaces.map(([id, words]) => [id, new Set(words)]));
    synonyms = synonymTable(numbered.vocabulary, surfaces, options.lexicon);
  }
  const owned = options.owned;
  return Segment.build({
    tokenizer: CORPUS_VERSION,
    terms: numbered.vocabulary,
    articles: inputs.map((input) => input.meta),
    unitArticle: numbered.unitReport,
    unitStart: numbered.unitStart,
    unitEnd: numbered.unitEnd,
    unitKind: numbered.unitKind,
    termStart: numbered.termStart,
    termIds: numbered.terms,
    flags: numbered.flags,
    tags: numbered.tags,
    owned: owned ? (id) => owned(numbered.vocabulary[id]!) : () => true,
    acronyms: [...run.acronyms],
    synonyms,
  });
}
