/** Command-line arguments of `crosscheck`. */

/** What the command line asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'match'; file: string; json: boolean; color: boolean | null };

/** A usage mistake, reported on one line with a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Usage text printed by --help. */
export const USAGE = `Usage: crosscheck match FILE [--json]
       crosscheck --help | --version

Checks a news article against the bundled corpus of reports on the same story and shows, sentence
by sentence, which other outlets made the same claim, in their own words.

  FILE          a plain-text or HTML file, or - to read standard input
                (from HTML the article is extracted the way the browser extension does it)
  --json        print the result as JSON instead of a readable report
  --color       colour the report even when the output is not a terminal
  --no-color    never colour the report (so does the NO_COLOR environment variable)
  -h, --help    show this help
  -V, --version show the version

Exit status: 0 on success, 1 when the input cannot be read or is not text, 2 on a usage error.`;

/** Parses the arguments after `node crosscheck`. Throws a UsageError on a mistake. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { kind: 'version' };
  const positional: string[] = [];
  let json = false;
  let color: boolean | null = null;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--color' || arg === '--colour') color = true;
    else if (arg === '--no-color' || arg === '--no-colour') color = false;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
    else positional.push(arg);
  }
  const [command, ...rest] = positional;
  if (command === undefined) throw new UsageError('missing command (try: crosscheck match FILE)');
  if (command !== 'match') throw new UsageError(`unknown command: ${command}`);
  if (rest.length === 0) throw new UsageError('match needs a FILE (or - for standard input)');
  if (rest.length > 1) throw new UsageError(`match takes one FILE, got ${rest.length}`);
  return { kind: 'match', file: rest[0]!, json, color };
}
