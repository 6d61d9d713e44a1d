/** Reads the corpus folder (`reports.json` and one text file per report) from disk, in Node. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CorpusError,
  compileCorpus,
  parseManifest,
  type CompiledCorpus,
  type CorpusInput,
} from '../core/corpus';
import { LINKS_COLUMN, Matcher } from '../core/matcher';
import { buildEchoGroups } from '../core/provenance';
import { compileCorpusInThreads } from './compile-threads';
import { readWordNet } from './wordnet';

/** The manifest's file name inside the corpus folder. */
export const MANIFEST = 'reports.json';

/** Reads a file as strict UTF-8, turning every failure into a CorpusError naming it. */
function readText(file: string, label: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(
      label,
      code === 'ENOENT' ? 'file is missing' : `cannot be read (${code ?? 'error'})`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CorpusError(label, 'is not valid UTF-8 text');
  }
}

/** Reads and checks every report of the corpus folder `dir`. Throws a CorpusError on any problem. */
export function readCorpus(dir: string): { story: string | null; inputs: CorpusInput[] } {
  const manifestText = readText(path.join(dir, MANIFEST), MANIFEST);
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch (error) {
    throw new CorpusError(MANIFEST, `is not valid JSON (${(error as Error).message})`);
  }
  const manifest = parseManifest(json, MANIFEST);
  const inputs = manifest.reports.map((meta) => ({
    meta,
    text: readText(path.join(dir, meta.file), meta.file),
  }));
  return { story: manifest.story, inputs };
}

/**
 * Adds the reports' echo groups to a compiled index (src/core/provenance): each report checked
 * against the others with the index's own matcher, so the extension and the CLI load them.
 */
export function withEchoGroups(
  compiled: CompiledCorpus,
  inputs: readonly CorpusInput[],
): CompiledCorpus {
  const matcher = Matcher.fromCompiled(compiled);
  const groups = buildEchoGroups(inputs, (text, exclude) => matcher.check(text, { exclude }));
  return { ...compiled, provenance: groups.toData() };
}

/**
 * Adds each unit's links to a compiled index (the unit column LINKS_COLUMN): which sentence of
 * each other report makes its claim, found with the index's own matcher (Matcher.reportLinks), so
 * that a page's match can be carried from one report to the others (src/core/verify/carry-over.ts).
 */
export function withCorpusLinks(compiled: CompiledCorpus): CompiledCorpus {
  const links = Matcher.fromCompiled(compiled).reportLinks();
  return {
    ...compiled,
    sentences: compiled.sentences.map((s, i) => ({ ...s, [LINKS_COLUMN]: links[i] ?? [] })),
  };
}

/** Reads the corpus folder and compiles it into the prebuilt index, with WordNet synonyms. */
export function compileCorpusDir(dir: string): CompiledCorpus {
  const { story, inputs } = readCorpus(dir);
  return withCorpusLinks(withEchoGroups(compileCorpus(inputs, story, readWordNet()), inputs));
}

/**
 * The same as {@link compileCorpusDir}, with a large corpus compiled on several threads. `worker`
 * is the bundled compile-worker module.
 */
export async function compileCorpusDirInThreads(dir: string, worker: URL): Promise<CompiledCorpus> {
  const { story, inputs } = readCorpus(dir);
  return withCorpusLinks(
    withEchoGroups(await compileCorpusInThreads(inputs, story, readWordNet(), { worker }), inputs),
  );
}
