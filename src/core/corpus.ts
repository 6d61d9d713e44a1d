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
import { matchedText, splitSentences } from './sentences';
import { uniqueSlugs } from './slug';
import { surfaceWord, synonymTable, type Lexicon } from './synonyms';
import { tokenize, tokenizeLearning, type Token } from './tokens';
import type { ReportMeta, Sentence, UnitKind } from './types';
import { unitTags } from './verify';

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

/** Throws a CorpusError naming the report's file when its text or metadata cannot be compiled. */
export function checkInputs(inputs: readonly CorpusInput[]): void {
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
}

/**
 * Compiles checked reports into the prebuilt index. Throws a CorpusError naming the report's file
 * when its text is empty or binary or its metadata is incomplete. With a `lexicon` (a thesaurus,
 * build time only), the index also gets the synonyms of the corpus's words.
 *
 * The work is done in runs of reports (see {@link CorpusRun}), here one run of all of them; a
 * Node build may hand runs to other threads, with the same result.
 */
export function compileCorpus(
  inputs: readonly CorpusInput[],
  story: string | null = null,
  lexicon?: Lexicon,
): CompiledCorpus {
  checkInputs(inputs);
  const run = new CorpusRun(
    inputs.map((input) => input.text),
    lexicon !== undefined,
    aliasTable(),
  );
  return assembleCorpus(inputs, [run.finish(run.acronyms)], story, lexicon, run.acronyms);
}

/**
 * A run of consecutive reports being compiled, in two steps. First its reports are split into
 * units and tokenised, learning the acronyms of the run on the way ("US", "NATO"): tokenising
 * "United States" as "us" needs to know that "US" is an acronym of the corpus. Units that looked
 * up an acronym not known yet are noted. Then, given the acronyms of the whole corpus, those of
 * the noted units whose acronym turned up elsewhere are tokenised again, and the run's terms are
 * numbered and counted. Runs are independent until then, so they can be worked on side by side.
 */
export class CorpusRun {
  /** The acronyms the run's reports hold. */
  readonly acronyms = new Set<string>();
  private readonly units: Sentence[][];
  private readonly flat: Sentence[];
  private readonly records: UnitRecord[] = [];
  /** Per acronym looked up in vain, the units that looked it up (in order, each once). */
  private readonly missedBy = new Map<string, number[]>();
  /** Every stem of the run remembered: a large corpus's vocabulary outgrows the shared cache. */
  private readonly stems = new Map<string, string>();
  private readonly aliases: PlaceAliases;

  /**
   * `aliases`: the place alias table (see {@link aliasTable}); passed in so that code compiling
   * reports outside the build (the reader's library) uses the table of the index it loaded and
   * does not carry the gazetteer.
   */
  constructor(
    texts: readonly string[],
    private readonly withSurfaces: boolean,
    aliases: Readonly<Record<string, string>>,
  ) {
    this.aliases = new PlaceAliases(aliases);
    this.units = texts.map((text) => splitSentences(text));
    this.flat = this.units.flat();
    let unitNumber = 0;
    const missed = (acronym: string): void => {
      const list = this.missedBy.get(acronym);
      if (list === undefined) this.missedBy.set(acronym, [unitNumber]);
      else if (list[list.length - 1] !== unitNumber) list.push(unitNumber);
    };
    for (; unitNumber < this.flat.length; unitNumber++) {
      const text = matchedText(this.flat[unitNumber]!);
      const tokens = tokenizeLearning(text, this.acronyms, missed, this.stems);
      this.records.push(recordOf(text, this.aliases.apply(tokens), withSurfaces));
    }
  }

  /**
   * Second step, given every acronym of the corpus: the run's terms numbered in order of first use,
   * with their counts and each unit's terms.
   */
  finish(acronyms: ReadonlySet<string>): NumberedRun {
    // A unit's tokens are those against the corpus's acronyms unless it looked up in vain an
    // acronym the corpus has.
    const stale = new Set<number>();
    for (const [acronym, list] of this.missedBy) {
      if (acronyms.has(acronym)) for (const n of list) stale.add(n);
    }
    for (const n of stale) {
      const text = matchedText(this.flat[n]!);
      this.records[n] = recordOf(
        text,
        this.aliases.apply(tokenize(text, { acronyms, stems: this.stems })),
        this.withSurfaces,
      );
    }
    return numberTerms(this.units, this.records, this.withSurfaces);
  }
}

/** A run's terms numbered in order of first use, its units, and the counts of each term. */
export interface NumberedRun {
  /** Reports in the run. */
  reports: number;
  vocabulary: string[];
  /** Per term: units holding it, uses written like a name, uses in lower case. */
  df: Int32Array;
  capitalised: Int32Array;
  lowercase: Int32Array;
  /** Per unit: its report (within the run), offsets, kind (index in UNIT_KINDS). */
  unitReport: Int32Array;
  unitStart: Int32Array;
  unitEnd: Int32Array;
  unitKind: Uint8Array;
  /** The term ids of unit `u`, in order, at terms[termStart[u]..termStart[u + 1]]. */
  termStart: Int32Array;
  terms: Int32Array;
  /**
   * Per use of a term (parallel to `terms`): TERM_NAME when written like a name, TERM_LOWER when
   * a word in lower case, else 0; what the name counts are made of, kept so they can be taken
   * apart again when a report leaves an index.
   */
  flags: Uint8Array;
  /** The verifier's tag of each term of `terms` (see UNIT_TAGS in verify/index.ts). */
  tags: Uint8Array;
  /** Per term id, the words written with it (for the synonym table, only with a lexicon). */
  surfaces: [number, string[]][];
}

let aliases: Record<string, string> | null = null;

/**
 * The place alias table every compile uses, from the gazetteer: made once, for the runs that
 * apply it and for the index that carries it.
 */
export function aliasTable(): Record<string, string> {
  aliases ??= placeAliasTable(countries);
  return aliases;
}

/** Unit kinds by their number in NumberedRun.unitKind. */
export const UNIT_KINDS: readonly UnitKind[] = [
  'sentence',
  'heading',
  'item',
  'line',
  'dateline',
  'link',
];

/**
 * Puts runs of consecutive reports (in corpus order) together into the prebuilt index: their
 * vocabularies merged in order of first use, their counts added.
 */
export function assembleCorpus(
  inputs: readonly CorpusInput[],
  runs: readonly NumberedRun[],
  story: string | null,
  lexicon: Lexicon | undefined,
  acronyms: Iterable<string> = [],
): CompiledCorpus {
  const table = new TermTable();
  const { vocabulary, df, capitalised, lowercase } = table;
  const sentences: CompiledSentence[] = [];
  const surfaces = new Map<number, Set<string>>();
  let firstReport = 0;
  for (const run of runs) {
    const global = new Int32Array(run.vocabulary.length);
    run.vocabulary.forEach((term, local) => {
      const id = table.idOf(term);
      global[local] = id;
      df[id]! += run.df[local]!;
      capitalised[id]! += run.capitalised[local]!;
      lowercase[id]! += run.lowercase[local]!;
    });
    for (let u = 0; u < run.unitReport.length; u++) {
      const report = firstReport + run.unitReport[u]!;
      const start = run.unitStart[u]!;
      const end = run.unitEnd[u]!;
      const terms: number[] = [];
      for (let k = run.termStart[u]!; k < run.termStart[u + 1]!; k++)
        terms.push(global[run.terms[k]!]!);
      sentences.push({
        report,
        start,
        end,
        text: inputs[report]!.text.slice(start, end),
        kind: UNIT_KINDS[run.unitKind[u]!]!,
        terms,
        tags: Array.from(run.tags.subarray(run.termStart[u]!, run.termStart[u + 1]!)),
      });
    }
    for (const [local, words] of run.surfaces) {
      const id = global[local]!;
      let set = surfaces.get(id);
      if (!set) surfaces.set(id, (set = new Set()));
      for (const word of words) set.add(word);
    }
    firstReport += run.reports;
  }
  const names: number[] = [];
  for (let id = 0; id < vocabulary.length; id++) {
    if (capitalised[id]! > lowercase[id]!) names.push(id);
  }
  const compiled: CompiledCorpus = {
    format: CORPUS_FORMAT,
    version: CORPUS_VERSION,
    story,
    reports: inputs.map((input) => ({ ...input.meta })),
    vocabulary,
    df,
    names,
    acronyms: [...acronyms].sort(),
    aliases: aliasTable(),
    sentences,
  };
  if (lexicon) compiled.synonyms = synonymTable(vocabulary, surfaces, lexicon);
  return compiled;
}

/** Terms numbered in order of first use, with their counts (all zero at first). */
class TermTable {
  readonly vocabulary: string[] = [];
  /** Per term: units holding it, uses written like a name, uses in lower case. */
  readonly df: number[] = [];
  readonly capitalised: number[] = [];
  readonly lowercase: number[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `term`, numbered on its first use. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.vocabulary.push(term);
      this.ids.set(term, id);
      this.df.push(0);
      this.capitalised.push(0);
      this.lowercase.push(0);
    }
    return id;
  }
}

/** What numbering needs of one unit's tokens. */
interface UnitRecord {
  terms: string[];
  /** The verifier's tag of each term. */
  tags: Uint8Array;
  /** Per token: NAME, LOWER_WORD. */
  flags: number[];
  /** Per token, the surface word of a word token (null for others), only with a lexicon. */
  surfaces: (string | null)[] | null;
}

/** The token is written like a name. */
export const TERM_NAME = 1;
/** The token is a word written in lower case. */
export const TERM_LOWER = 2;
const NAME = TERM_NAME;
const LOWER_WORD = TERM_LOWER;

function recordOf(text: string, tokens: readonly Token[], withSurfaces: boolean): UnitRecord {
  const terms: string[] = [];
  const flags: number[] = [];
  const surfaces: (string | null)[] | null = withSurfaces ? [] : null;
  for (const token of tokens) {
    terms.push(token.term);
    flags.push(token.name ? NAME : !token.capitalized && token.kind === 'word' ? LOWER_WORD : 0);
    surfaces?.push(token.kind === 'word' ? surfaceWord(text.slice(token.start, token.end)) : null);
  }
  return { terms, tags: unitTags(text, tokens), flags, surfaces };
}

/** Numbers the terms of every unit of a run in order of first use and counts them. */
function numberTerms(
  units: readonly Sentence[][],
  records: readonly UnitRecord[],
  withSurfaces: boolean,
): NumberedRun {
  const table = new TermTable();
  const { vocabulary, df, capitalised, lowercase } = table;
  /** Per term, the last unit that counted it in `df`. */
  const lastUnit: number[] = [];
  const unitCount = records.length;
  const unitReport = new Int32Array(unitCount);
  const unitStart = new Int32Array(unitCount);
  const unitEnd = new Int32Array(unitCount);
  const unitKind = new Uint8Array(unitCount);
  const termStart = new Int32Array(unitCount + 1);
  const terms: number[] = [];
  const flags: number[] = [];
  const tags: number[] = [];
  const surfaces = new Map<number, Set<string>>();
  let unitNumber = 0;
  units.forEach((list, report) => {
    for (const unit of list) {
      const record = records[unitNumber]!;
      for (let k = 0; k < record.terms.length; k++) {
        const id = table.idOf(record.terms[k]!);
        if (id === lastUnit.length) lastUnit.push(-1);
        terms.push(id);
        tags.push(record.tags[k]!);
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
        flags.push(flag);
        if (flag === NAME) capitalised[id]!++;
        else if (flag === LOWER_WORD) lowercase[id]!++;
      }
      unitReport[unitNumber] = report;
      unitStart[unitNumber] = unit.start;
      unitEnd[unitNumber] = unit.end;
      unitKind[unitNumber] = UNIT_KINDS.indexOf(unit.kind);
      termStart[unitNumber + 1] = terms.length;
      unitNumber++;
    }
  });
  return {
    reports: units.length,
    vocabulary,
    df: Int32Array.from(df),
    capitalised: Int32Array.from(capitalised),
    lowercase: Int32Array.from(lowercase),
    unitReport,
    unitStart,
    unitEnd,
    unitKind,
    termStart,
    terms: Int32Array.from(terms),
    flags: Uint8Array.from(flags),
    tags: Uint8Array.from(tags),
    surfaces: [...surfaces].map(([id, words]) => [id, [...words]]),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
