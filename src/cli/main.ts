/**
 * `crosscheck match FILE [--json] [--corpus PATH]`: checks an article (plain text or HTML, a file
 * or standard input) against the bundled corpus, or another, and prints which other outlets made
 * the same claims. `crosscheck build-corpus PATH --out FILE` compiles a corpus file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArticle } from '../core/check-article';
import { CORPUS_VERSION, CorpusError, aliasTable, type CompiledCorpus } from '../core/corpus';
import { SegmentedIndex } from '../core/index/segmented-index';
import { CORPUS_FILE_EXTENSION, writeCorpusFile } from '../core/library-format';
import { Matcher } from '../core/matcher';
import { buildEchoGroups, corpusEchoGroups, type EchoGroups } from '../core/provenance';
import type { Lexicon } from '../core/synonyms';
import { splitSentences } from '../core/sentences';
import { parseArgs, USAGE, UsageError } from './args';
import { formatReport, toJson } from './format';
import { readCorpusAt, type CorpusAtPath } from './corpus-path';
import { InputError, readArticle } from './input';
import { readWordNet } from './wordnet';

/** The CLI's version, set by the build from package.json. */
declare const CROSSCHECK_VERSION: string;

/** The prebuilt corpus index, next to the built CLI (dist/cli → dist/corpus). */
function indexPath(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '../corpus/index.json');
}

function loadCorpus(): { matcher: Matcher; groups: EchoGroups } {
  const file = indexPath();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(
      'corpus index',
      code === 'ENOENT'
        ? `missing (${file}); run the build: node build.mjs`
        : 'is damaged (not valid JSON); rebuild it',
    );
  }
  const matcher = Matcher.fromCompiled(json as CompiledCorpus);
  // The build stores the echo groups in the index; an index without them gets them computed.
  const groups = corpusEchoGroups(json as CompiledCorpus, (text, exclude) =>
    matcher.check(text, { exclude }),
  );
  return { matcher, groups };
}

/**
 * The thesaurus for compiling a corpus the reader names, as the build compiles the bundled one;
 * none when the WordNet package is not installed (synonyms are then left out).
 */
function thesaurus(): Lexicon | undefined {
  try {
    return readWordNet();
  } catch {
    process.stderr.write('crosscheck: note: WordNet not found; compiling without synonyms\n');
    return undefined;
  }
}

/** A matcher over a corpus read from a PATH, and the corpus's echo groups worked out. */
function corpusOf(corpus: CorpusAtPath): { matcher: Matcher; groups: EchoGroups } {
  const texts = new Map(corpus.articles.map((a, i) => [corpus.segment.keys[i]!, a.text]));
  const index = new SegmentedIndex({
    aliases: aliasTable(),
    tokenizer: CORPUS_VERSION,
    texts: { text: (key) => texts.get(key) },
  });
  index.addSegment(corpus.segment, 0);
  const matcher = Matcher.over(index, corpus.story);
  const groups = buildEchoGroups(
    corpus.articles.map((article, i) => ({ meta: corpus.segment.meta(i), text: article.text })),
    (text, exclude) => matcher.check(text, { exclude }),
  );
  // The links the build stores for the bundled corpus (src/core/verify/carry-over.ts), worked out
  // after the echo groups, as the build does.
  matcher.learnLinks();
  return { matcher, groups };
}

/** Writes `bytes` to `file` whole or not at all (through a temporary file beside it). */
function writeWhole(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot be written (${code ?? 'error'})`);
  }
}

/** Whether to colour: a flag wins, then NO_COLOR, then whether stdout is a terminal. */
function useColor(flag: boolean | null): boolean {
  if (flag !== null) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return process.stdout.isTTY === true;
}

async function run(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`crosscheck ${CROSSCHECK_VERSION}\n`);
    return 0;
  }
  if (command.kind === 'build-corpus') {
    const corpus = await readCorpusAt(command.path, thesaurus());
    writeWhole(command.out, writeCorpusFile(corpus));
    const suffix = command.out.endsWith(CORPUS_FILE_EXTENSION)
      ? ''
      : ` (corpus files usually end in ${CORPUS_FILE_EXTENSION})`;
    process.stderr.write(
      `crosscheck: wrote ${command.out}: ${corpus.articles.length} report${corpus.articles.length === 1 ? '' : 's'}, ${corpus.segment.units} sentences${suffix}\n`,
    );
    return 0;
  }
  const article = await readArticle(command.file);
  // The article FILE was taken from, read the same way (HTML through the article extraction).
  const context = command.context === null ? null : await readArticle(command.context);
  const { matcher, groups } =
    command.corpus === null
      ? loadCorpus()
      : corpusOf(await readCorpusAt(command.corpus, thesaurus()));
  // A plain-text article that opens with a heading has it as its title.
  const first = article.html ? undefined : splitSentences(article.text)[0];
  const title = article.title ?? (first?.kind === 'heading' ? first.text : null);
  const report = checkArticle(matcher, article.text, {
    title,
    detected: article.detected,
    groups,
    published: article.published,
    threshold: command.minChance ?? undefined,
    ...(context ? { context: context.text } : {}),
  });
  if (article.fallback) {
    process.stderr.write(
      "crosscheck: note: no article body was found; the page's main text was checked instead\n",
    );
  }
  if (report.truncated) {
    process.stderr.write(
      'crosscheck: note: the article is very long; only its beginning was checked\n',
    );
  }
  if (command.json) {
    process.stdout.write(
      `${JSON.stringify(toJson(report, { fallback: article.fallback }), null, 2)}\n`,
    );
  } else {
    const source = command.file === '-' ? 'standard input' : command.file;
    process.stdout.write(
      `${formatReport(report, matcher.reports, {
        source,
        color: useColor(command.color),
        minChance: command.minChance,
      })}\n`,
    );
  }
  return 0;
}

/** One line on stderr for every expected failure; never a stack trace. */
function fail(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`crosscheck: ${error.message} (see crosscheck --help)\n`);
    return 2;
  }
  const message =
    error instanceof InputError || error instanceof CorpusError
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`crosscheck: ${message.split('\n')[0]}\n`);
  return 1;
}

// Output into a closed pipe (`crosscheck match x | head`) is not an error worth a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(error);
  },
);
