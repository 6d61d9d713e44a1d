/** Command-line arguments of `crosscheck`. */

/** What the command line asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'match';
      file: string;
      json: boolean;
      color: boolean | null;
      corpus: string | null;
      /** Least probability of the same claim at which a match is shown (null: the engine's). */
      minChance: number | null;
      /** The article FILE was taken from, judged with it (null: FILE alone). */
      context: string | null;
    }
  | { kind: 'build-corpus'; path: string; out: string };

/** A usage mistake, reported on one line with a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Usage text printed by --help. */
export const USAGE = `Usage: crosscheck match FILE [--json] [--corpus PATH] [--min-chance P]
                      [--context ARTICLE]
       crosscheck build-corpus PATH --out FILE
       crosscheck --help | --version

match checks a news article against a corpus of reports (the bundled one unless --corpus names
another) and shows, sentence by sentence, which other outlets made the same claim, in their own
words. build-corpus compiles reports into a corpus file the browser extension's library imports.

  FILE          a plain-text or HTML file, or - to read standard input
                (from HTML the article is extracted the way the browser extension does it)
  --json        print the result as JSON instead of a readable report
  --corpus PATH check against PATH instead of the bundled corpus: a folder of .txt, .html or
                .htm reports (with an optional reports.json giving their metadata), a .jsonl
                library export, or a corpus file made by build-corpus
  --min-chance P
                show a match only when the chance that it makes the same claim is at least P,
                from 0.5 (the default: more likely than not) up to 0.99; 0.85 shows few wrong
                matches and misses more (70% and 85% may also be written)
  --context ARTICLE
                FILE is part of ARTICLE (a passage of it, as a reader selects one): its
                sentences are judged with the whole article around them, and matched as in the
                article's own report; only FILE's sentences are listed
  --out FILE    where build-corpus writes the compiled corpus (.ccorpus)
  --color       colour the report even when the output is not a terminal
  --no-color    never colour the report (so does the NO_COLOR environment variable)
  -h, --help    show this help
  -V, --version show the version

Exit status: 0 on success, 1 when an input or corpus cannot be read or is not text, 2 on a usage
error.`;

/** Parses the arguments after `node crosscheck`. Throws a UsageError on a mistake. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' };
  const positional: string[] = [];
  let json = false;
  let color: boolean | null = null;
  let corpus: string | null = null;
  let out: string | null = null;
  let minChance: number | null = null;
  let context: string | null = null;
  const valueOf = (option: string, value: string | undefined): string => {
    if (value === undefined || value === '') throw new UsageError(`${option} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--color' || arg === '--colour') color = true;
    else if (arg === '--no-color' || arg === '--no-colour') color = false;
    else if (arg === '--corpus') corpus = valueOf(arg, argv[++i]);
    else if (arg.startsWith('--corpus=')) corpus = valueOf('--corpus', arg.slice(9));
    else if (arg === '--min-chance') minChance = chanceOf(valueOf(arg, argv[++i]));
    else if (arg.startsWith('--min-chance=')) minChance = chanceOf(valueOf(arg, arg.slice(13)));
    else if (arg === '--context') context = valueOf(arg, argv[++i]);
    else if (arg.startsWith('--context=')) context = valueOf('--context', arg.slice(10));
    else if (arg === '--out') out = valueOf(arg, argv[++i]);
    else if (arg.startsWith('--out=')) out = valueOf('--out', arg.slice(6));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
    else positional.push(arg);
  }
  const [command, ...rest] = positional;
  if (command === undefined) throw new UsageError('missing command (try: crosscheck match FILE)');
  if (command === 'build-corpus') {
    if (rest.length !== 1) throw new UsageError('build-corpus takes one PATH');
    if (out === null) throw new UsageError('build-corpus needs --out FILE');
    if (json || corpus !== null || minChance !== null || context !== null)
      throw new UsageError('build-corpus takes only PATH and --out');
    return { kind: 'build-corpus', path: rest[0]!, out };
  }
  if (command !== 'match') throw new UsageError(`unknown command: ${command}`);
  if (out !== null) throw new UsageError('--out belongs to build-corpus');
  if (rest.length === 0) throw new UsageError('match needs a FILE (or - for standard input)');
  if (rest.length > 1) throw new UsageError(`match takes one FILE, got ${rest.length}`);
  if (context === '-' && rest[0] === '-')
    throw new UsageError('standard input can be FILE or the --context ARTICLE, not both');
  return { kind: 'match', file: rest[0]!, json, color, corpus, minChance, context };
}

/**
 * The value of --min-chance: a probability from 0.5 to 0.99, or a percentage ("85%"). Below 0.5
 * the verifier judged a pair more likely another claim than the same, and the engine never lists
 * it.
 */
function chanceOf(text: string): number {
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (!Number.isFinite(value) || value < 0.5 || value > 0.99 || text.trim() !== text)
    throw new UsageError(
      `--min-chance takes a chance from 0.5 to 0.99 (or 50% to 99%), not ${text}`,
    );
  return value;
}
