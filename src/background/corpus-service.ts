/**
 * The corpus as the background holds it: the prebuilt index, loaded once per worker start, turned
 * into a matcher, plus what the popup and options page show about it, and a word search over it.
 */
import type { CompiledCorpus } from '../core/corpus-format';
import { CorpusSearch, type CorpusHit } from '../core/corpus-search';
import { corpusEchoGroups, EchoGroups, type EchoGroup } from '../core/provenance';
import type { ArticleReport, ReportMeta } from '../core/types';
import type { CorpusInfo, EchoNote } from '../shared/messages';
import { isRecord } from '../shared/validate';

/** What the background needs from the engine's Matcher. */
export interface ArticleMatcher {
  readonly reports: ReportMeta[];
  /** One line on the story the reports tell, when the corpus gives one. */
  readonly story?: string | null;
  check(
    text: string,
    options?: { title?: string | null; detected?: boolean; exclude?: string },
  ): ArticleReport;
}

/** A loaded corpus: the matcher, its echo groups, the facts shown about it, and its word search. */
export interface LoadedCorpus {
  matcher: ArticleMatcher;
  /** The reports' echo groups (stored in the index by the build, computed at load otherwise). */
  groups: EchoGroups;
  info: CorpusInfo;
  /** The corpus sentences best matching `query` (see CorpusSearch.search). */
  search(query: string): CorpusHit[];
}

/** The path of the prebuilt index inside the extension. */
export const INDEX_PATH = 'corpus/index.json';

/**
 * The echo note, from the computed echo groups: when every report of the corpus is in one group
 * whose reports name a source, their agreement repeats that source rather than confirming it.
 * Null when the reports form several groups, none names a source, or there is only one report.
 */
export function echoOf(groups: readonly EchoGroup[]): EchoNote | null {
  const [only] = groups;
  if (groups.length !== 1 || !only || only.reports.length < 2 || only.origin === null) return null;
  return { origin: only.origin, reports: only.reports.length };
}

/** The echo groups the index stores, or, for an index without them, computed with the matcher. */
function echoGroupsOf(compiled: unknown, matcher: ArticleMatcher): EchoGroups {
  const record = isRecord(compiled) ? compiled : {};
  const stored = EchoGroups.fromData(record.provenance, matcher.reports);
  if (stored) return stored;
  const corpus = {
    ...(record as unknown as CompiledCorpus),
    reports: matcher.reports,
    sentences: Array.isArray(record.sentences)
      ? (record.sentences as CompiledCorpus['sentences'])
      : [],
  };
  return corpusEchoGroups(corpus, (text, exclude) => matcher.check(text, { exclude }));
}

/**
 * Loads the prebuilt index from `url` and builds a matcher with `compile` (the engine's
 * `Matcher.fromCompiled`, which throws on a damaged index). Errors name what failed.
 */
export async function loadCorpus(
  url: string,
  fetchJson: (url: string) => Promise<unknown>,
  compile: (compiled: unknown) => ArticleMatcher,
): Promise<LoadedCorpus> {
  let compiled: unknown;
  try {
    compiled = await fetchJson(url);
  } catch (error) {
    throw new Error(
      `${INDEX_PATH} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const matcher = compile(compiled);
  const story =
    matcher.story ??
    (isRecord(compiled) && typeof compiled.story === 'string' ? compiled.story : null);
  const reports = [...matcher.reports];
  const groups = echoGroupsOf(compiled, matcher);
  // Built on the first search, not at load: most worker starts only match articles. `compile`
  // accepted the index, so its sentences and reports are whole.
  let searcher: CorpusSearch | null = null;
  const search = (query: string): CorpusHit[] => {
    searcher ??= CorpusSearch.fromCompiled(compiled as CompiledCorpus);
    return searcher.search(query);
  };
  const list = groups.list();
  return { matcher, groups, info: { story, reports, echo: echoOf(list), groups: list }, search };
}

/**
 * Caches a successful load for the worker's lifetime. A failure is not cached, so a transient
 * problem does not stick; a damaged index simply fails again, cheaply.
 */
export function cacheCorpus(load: () => Promise<LoadedCorpus>): () => Promise<LoadedCorpus> {
  let pending: Promise<LoadedCorpus> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
