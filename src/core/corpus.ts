/**
 * The bundled corpus: reading its manifest, checking every report, and compiling the reports into
 * the prebuilt form the matcher loads (sentences with offsets, their terms, document frequencies),
 * so no splitting or tokenising is repeated at run time.
 */
import countries from 'world-countries';
import {
  CORPUS_FORMAT,
  CORPUS_VERSION,
  CorpusError,
  type CompiledCorpus,
  type CompiledSentence,
  type CorpusInput,
} from './corpus-format';
import { PlaceAliases, placeAliasTable } from './place-aliases';
import { splitSentences } from './sentences';
import { uniqueSlugs } from './slug';
import { surfaceWord, synonymTable, type Lexicon } from './synonyms';
import { tokenize, tokenizeLearning, type Token } from './tokens';
import type { ReportMeta, Sentence } from './types';

export {
  CORPUS_FORMAT,
  CORPUS_VERSION,
  CorpusError,
  validateCompiled,
  type CompiledCorpus,
  type CompiledSentence,
  type CorpusInput,
} from './corpus-format';

/** A report entry of `reports.json` before ids are given. */
type ManifestEntry = Omit<ReportMeta, 'id'>;

/** What `reports.json` holds once checked. */
export interface Manifest {
  story: string | null;
  reports: ReportMeta[];
}

/** Report files are plain names inside the corpus folder: no folders, no way out of it. */
const SAFE_FILE_NAME = /^[\w][\w.-]*$/;

/**
 * Checks a parsed `reports.json` and gives each report its id (a slug of the outlet's name,
 * unique within the corpus). Throws a CorpusError naming `manifestName` and the bad field.
 */
export function parseManifest(json: unknown, manifestName = 'reports.json'): Manifest {
  const fail = (problem: string): never => {
    throw new CorpusError(manifestName, problem);
  };
  if (!isRecord(json)) return fail('expected an object with a "reports" list');
  const story = json.story;
  if (story !== undefined && story !== null && typeof story !== 'string')
    fail('"story" must be a string');
  if (!Array.isArray(json.reports)) return fail('expected a "reports" list');
  if (json.reports.length === 0) fail('"reports" is empty');
  const seenFiles = new Set<string>();
  const entries = json.reports.map((raw: unknown, index: number): ManifestEntry => {
    const where = `reports[${index}]`;
    if (!isRecord(raw)) return fail(`${where} is not an object`);
    const text = (field: string, required: boolean): string => {
      const value = raw[field];
      if (value === undefined || value === null) {
        if (required) fail(`${where} has no "${field}"`);
        return '';
      }
      if (typeof value !== 'string') return fail(`${where}.${field} must be a string`);
      if (required && value.trim() === '') fail(`${where}.${field} is empty`);
      return value.trim();
    };
    const file = text('file', true);
    if (!SAFE_FILE_NAME.test(file)) fail(`${where}.file "${file}" is not a plain file name`);
    if (seenFiles.has(file)) fail(`${where}.file "${file}" is listed twice`);
    seenFiles.add(file);
    const url = text('url', true);
    let host = '';
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
      host = parsed.hostname;
    } catch {
      fail(`${where}.url "${url}" is not an http(s) URL`);
    }
    const title = text('title', false);
    const entry: ManifestEntry = {
      file,
      outlet: text('outlet', true),
      site: text('site', false) || host.replace(/^www\./, ''),
      url,
      title: title === '' ? null : title,
      published: text('published', false),
      origin: text('origin', false),
    };
    const note = text('note', false);
    if (note) entry.note = note;
    return entry;
  });
  const ids = uniqueSlugs(
    entries.map((e) => e.outlet),
    (i) => `report-${i + 1}`,
  );
  return {
    story: typeof story === 'string' && story.trim() ? story.trim() : null,
    reports: entries.map((entry, i) => ({ id: ids[i]!, ...entry })),
  };
}

/** Share of control characters above which a text is taken for binary data, not an article. */
const MAX_CONTROL_SHARE = 0.01;

/** Why `text` is not usable as an article or report, or null when it is. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'looks like binary data (contains NUL bytes)';
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) controls++;
  }
  if (controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) {
    return 'looks like binary data (control characters or invalid UTF-8)';
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return 'has no text';
  return null;
}

/**
 * Compiles checked reports into the prebuilt index. Throws a CorpusError naming the report's file
 * when its text is empty or binary or its metadata is incomplete. With a `lexicon` (a thesaurus,
 * build time only), the index also gets the synonyms of the corpus's words.
 */
export function compileCorpus(
  inputs: readonly CorpusInput[],
  story: string | null = null,
  lexicon?: Lexicon,
): CompiledCorpus {
  if (inputs.length === 0) throw new CorpusError('corpus', 'has no reports');
  const ids = new Set<string>();
  for (const { meta, text } of inputs) {
    const file = meta.file || meta.id || 'report';
    for (const field of ['id', 'file', 'outlet', 'url'] as const) {
      if (typeof meta[field] !== 'string' || meta[field].trim() === '') {
        throw new CorpusError(file, `report has no ${field}`);
      }
    }
    if (ids.has(meta.id)) throw new CorpusError(file, `report id "${meta.id}" is used twice`);
    ids.add(meta.id);
    if (typeof text !== 'string' || text.trim() === '') throw new CorpusError(file, 'is empty');
    const problem = textProblem(text);
    if (problem) throw new CorpusError(file, problem);
  }

  const units = inputs.map(({ text }) => splitSentences(text));
  const aliasTable = placeAliasTable(countries);
  const aliases = new PlaceAliases(aliasTable);
  // Tokenising "United States" as "us" needs to know that "US" is an acronym of the corpus. One
  // pass learns the acronyms while tokenising, noting which units looked up an acronym not known
  // yet; those of them whose acronym turned up later are tokenised again against the full list.
  const acronymSet = new Set<string>();
  /** Per acronym looked up in vain, the units that looked it up (in order, each once). */
  const missedBy = new Map<string, number[]>();
  let unitNumber = 0;
  const missed = (acronym: string): void => {
    const list = missedBy.get(acronym);
    if (list === undefined) missedBy.set(acronym, [unitNumber]);
    else if (list[list.length - 1] !== unitNumber) list.push(unitNumber);
  };
  // Every stem of the corpus remembered while compiling: its vocabulary outgrows the shared cache.
  const stems = new Map<string, string>();
  const flat = units.flat();
  const records: UnitRecord[] = [];
  for (; unitNumber < flat.length; unitNumber++) {
    const text = flat[unitNumber]!.text;
    const tokens = tokenizeLearning(text, acronymSet, missed, stems);
    records.push(recordOf(text, aliases.apply(tokens), lexicon !== undefined));
  }
  const stale = new Set<number>();
  for (const [acronym, list] of missedBy) {
    if (acronymSet.has(acronym)) for (const n of list) stale.add(n);
  }
  for (const n of stale) {
    const text = flat[n]!.text;
    records[n] = recordOf(
      text,
      aliases.apply(tokenize(text, { acronyms: acronymSet, stems })),
      lexicon !== undefined,
    );
  }
  const terms = numberTerms(units, records, lexicon !== undefined);
  const { vocabulary, df, names, sentences, surfaces } = terms;
  const compiled: CompiledCorpus = {
    format: CORPUS_FORMAT,
    version: CORPUS_VERSION,
    story,
    reports: inputs.map((input) => ({ ...input.meta })),
    vocabulary,
    df,
    names,
    acronyms: [...acronymSet].sort(),
    aliases: aliasTable,
    sentences,
  };
  if (lexicon) compiled.synonyms = synonymTable(vocabulary, surfaces, lexicon);
  return compiled;
}

/** The corpus's terms numbered in order of first use, with their counts and each unit's terms. */
interface NumberedTerms {
  vocabulary: string[];
  df: number[];
  names: number[];
  sentences: CompiledSentence[];
  /** Words written with each term, for the synonym table (only with a lexicon). */
  surfaces: Map<number, Set<string>>;
}

/** What numbering needs of one unit's tokens. */
interface UnitRecord {
  terms: string[];
  /** Per token: NAME, LOWER_WORD. */
  flags: number[];
  /** Per token, the surface word of a word token (null for others), only with a lexicon. */
  surfaces: (string | null)[] | null;
}

/** The token is written like a name. */
const NAME = 1;
/** The token is a word written in lower case. */
const LOWER_WORD = 2;

function recordOf(text: string, tokens: readonly Token[], withSurfaces: boolean): UnitRecord {
  const terms: string[] = [];
  const flags: number[] = [];
  const surfaces: (string | null)[] | null = withSurfaces ? [] : null;
  for (const token of tokens) {
    terms.push(token.term);
    flags.push(token.name ? NAME : !token.capitalized && token.kind === 'word' ? LOWER_WORD : 0);
    surfaces?.push(token.kind === 'word' ? surfaceWord(text.slice(token.start, token.end)) : null);
  }
  return { terms, flags, surfaces };
}

/** Numbers the terms of every unit in order of first use and counts them. */
function numberTerms(
  units: readonly Sentence[][],
  records: readonly UnitRecord[],
  withSurfaces: boolean,
): NumberedTerms {
  const vocabulary: string[] = [];
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const capitalised: number[] = [];
  const lowercase: number[] = [];
  /** Per term, the last unit that counted it in `df`. */
  const lastUnit: number[] = [];
  const sentences: CompiledSentence[] = [];
  const surfaces = new Map<number, Set<string>>();
  units.forEach((list, report) => {
    for (const unit of list) {
      const unitNumber = sentences.length;
      const record = records[unitNumber]!;
      const terms: number[] = [];
      for (let k = 0; k < record.terms.length; k++) {
        const term = record.terms[k]!;
        let id = termIds.get(term);
        if (id === undefined) {
          id = vocabulary.length;
          vocabulary.push(term);
          termIds.set(term, id);
          df.push(0);
          capitalised.push(0);
          lowercase.push(0);
          lastUnit.push(-1);
        }
        terms.push(id);
        if (lastUnit[id] !== unitNumber) {
          lastUnit[id] = unitNumber;
          df[id]!++;
        }
        const surface = withSurfaces ? record.surfaces![k] : null;
        if (surface != null) {
          let words = surfaces.get(id);
          if (!words) surfaces.set(id, (words = new Set()));
          words.add(surface);
        }
        const flag = record.flags[k]!;
        if (flag === NAME) capitalised[id]!++;
        else if (flag === LOWER_WORD) lowercase[id]!++;
      }
      sentences.push({
        report,
        start: unit.start,
        end: unit.end,
        text: unit.text,
        kind: unit.kind,
        terms,
      });
    }
  });
  const names: number[] = [];
  for (let id = 0; id < vocabulary.length; id++) {
    if (capitalised[id]! > lowercase[id]!) names.push(id);
  }
  return { vocabulary, df, names, sentences, surfaces };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
