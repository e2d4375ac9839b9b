import { readFileSync } from 'node:fs';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** The parsed command line, as yargs gives it under the options' own (kebab-case) names. */
export interface CliArgs {
  /** Positional arguments: paths, or the `install-hook` command. */
  _: string[];
  staged?: boolean;
  history?: string;
  checkpoint?: string;
  stdin?: boolean;
  'stdin-filename': string;
  format: OutputFormat;
  output?: string;
  baseline?: string;
  'update-baseline'?: boolean;
  config?: string;
  'env-files': boolean;
  fix?: boolean;
  verify?: boolean;
  'base-url'?: string;
  'live-base-url'?: string;
  'sandbox-base-url'?: string;
  'verify-timeout'?: string;
  color?: boolean;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const BOOLEANS = new Set(['staged', 'stdin', 'update-baseline', 'fix', 'verify', 'env-files', 'color']);
/** Options that take a value; `--history` alone means every ref. */
const STRINGS = new Set(['history', 'checkpoint', 'stdin-filename', 'format', 'output', 'baseline', 'config', 'base-url', 'live-base-url', 'sandbox-base-url', 'verify-timeout']);
const OPTION_NAMES = [...BOOLEANS, ...STRINGS] as const;

/** yargs' defaults, which the fast parser applies too. */
const DEFAULTS = { format: 'text', 'stdin-filename': '<stdin>', 'env-files': true } as const;

/**
 * Parse the command lines people and hooks actually type without loading
 * yargs, which costs more than starting node itself. Returns null for
 * anything this parser is not sure yargs would read the same way (help,
 * version, unknown or repeated options, a boolean followed by `true`/`false`,
 * a value that starts with `-`, `--`, conflicting modes, an unknown format,
 * the install-hook command); the caller then asks yargs, which also
 * produces every usage error.
 */
export function parseArgsFast(args: readonly string[]): CliArgs | null {
  const options: Record<string, string | boolean> = {};
  const positional: string[] = [];
  const set = (name: string, value: string | boolean): boolean => {
    if (name in options) return false;
    options[name] = value;
    return true;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg === '-o') {
      name = 'output';
    } else if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      return null;
    }
    const next = args[i + 1];
    if (BOOLEANS.has(name)) {
      if (inline !== undefined || next === 'true' || next === 'false' || !set(name, true)) return null;
    } else if (name.startsWith('no-') && BOOLEANS.has(name.slice(3))) {
      if (inline !== undefined || next === 'true' || next === 'false' || !set(name.slice(3), false)) return null;
    } else if (STRINGS.has(name)) {
      let value = inline;
      if (value === undefined && next !== undefined && !next.startsWith('-')) {
        value = next;
        i++;
      }
      // Only --history may stand alone; an empty or missing value elsewhere is yargs' error to word.
      if (value === undefined && name === 'history') value = '';
      if (value === undefined || (value === '' && name !== 'history') || !set(name, value)) return null;
    } else {
      return null;
    }
  }
  if (positional[0] === 'install-hook') return null;
  if (options.format !== undefined && !FORMATS.includes(options.format as OutputFormat)) return null;
  const modes = ['staged', 'history', 'stdin'].filter((m) => options[m] !== undefined);
  if (modes.length > 1) return null;
  return { ...DEFAULTS, ...options, _: positional } as CliArgs;
}

/** Every option with its yargs definition; the fast parser reads the same names. */
const SCAN_OPTIONS = {
  staged: { type: 'boolean', describe: 'Scan what the next commit would contain (the index)' },
  history: { type: 'string', describe: 'Scan every commit reachable from all refs, or a range (A..B)' },
  checkpoint: { type: 'string', requiresArg: true, describe: 'With --history: scan only what is new since FILE, then record this scan in FILE' },
  stdin: { type: 'boolean', describe: 'Scan standard input (same as a path of -)' },
  'stdin-filename': { type: 'string', requiresArg: true, describe: 'Name findings from --stdin carry', default: DEFAULTS['stdin-filename'] },
  format: { choices: FORMATS, requiresArg: true, default: DEFAULTS.format, describe: 'Output format' },
  output: { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to FILE instead of stdout' },
  baseline: { type: 'string', requiresArg: true, describe: 'Do not report findings whose fingerprint is in FILE' },
  'update-baseline': { type: 'boolean', describe: 'Write the current findings into the --baseline file' },
  config: { type: 'string', requiresArg: true, describe: 'Config file (default: .dhmad-scan.json at the repository root)' },
  'env-files': { type: 'boolean', default: DEFAULTS['env-files'], describe: 'Check that .env files are not tracked and are ignored (--no-env-files to skip)' },
  fix: { type: 'boolean', describe: 'Add missing .env entries to .gitignore' },
  verify: { type: 'boolean', describe: 'Ask the DHMAD API (GET /me) whether each found key is active' },
  'verify-timeout': { type: 'string', requiresArg: true, describe: 'Seconds to wait for each --verify answer (default 10)' },
  'base-url': { type: 'string', requiresArg: true, describe: 'API base URL for --verify, for keys of both environments' },
  'live-base-url': { type: 'string', requiresArg: true, describe: 'API base URL for --verify of live keys' },
  'sandbox-base-url': { type: 'string', requiresArg: true, describe: 'API base URL for --verify of sandbox keys' },
  color: { type: 'boolean', describe: 'Colour the text output (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)' },
} as const;

/** What each option needs as its value, for the message when it has none. */
const VALUE_OF: Partial<Record<string, string>> = {
  format: 'text, json or sarif',
  output: 'a file path',
  baseline: 'a file path',
  config: 'a file path',
  checkpoint: 'a file path',
  'stdin-filename': 'a file name',
  'verify-timeout': 'a number of seconds',
  'base-url': 'a URL',
  'live-base-url': 'a URL',
  'sandbox-base-url': 'a URL',
};

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest of `candidates` to `word`, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const FLAG_NAMES = [...Object.keys(SCAN_OPTIONS), 'output', 'help', 'version'];

/**
 * The one line a usage error deserves, for the two mistakes yargs words least helpfully: an
 * unknown option (with the one that was probably meant) and an option without its value.
 * Undefined when it is neither, and yargs' own message stands.
 */
function diagnose(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const name = arg.slice(long ? 2 : 1, eq === -1 ? undefined : eq);
    const bare = name.startsWith('no-') ? name.slice(3) : name;
    const known = long ? FLAG_NAMES.includes(bare) : ['o', 'h', 'V'].includes(name);
    if (!known) {
      const meant = closest(bare, FLAG_NAMES);
      return `Unknown option ${arg.slice(0, eq === -1 ? undefined : eq)}.${meant ? ` Did you mean --${meant}?` : ''}`;
    }
    const option = long ? bare : name === 'o' ? 'output' : undefined;
    const needs = option === undefined ? undefined : VALUE_OF[option];
    const next = args[i + 1];
    if (needs && eq === -1 && (next === undefined || (next.startsWith('-') && next !== '-'))) return `--${option} needs a value: ${needs}.`;
    if (needs && eq !== -1 && arg.slice(eq + 1) === '') return `--${option} needs a value: ${needs}.`;
  }
  return undefined;
}

/** This package's version, from its package.json (one folder up from dist/ and standalone/ alike). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The full parser: usage errors, help and version. `fail` gets the message of a usage error. */
export async function parseArgsWithYargs(args: readonly string[], fail: (message: string) => never): Promise<CliArgs> {
  // Imported here, not at the top: see parseArgsFast.
  const { default: yargs } = await import('yargs');
  const usageError = (yargsMessage: string): never => fail(`${diagnose(args) ?? yargsMessage}\nRun dhmad-scan --help for usage.`);
  const argv = await yargs([...args])
    .scriptName('dhmad-scan')
    .usage(
      '$0 [paths..]\n\nFind DHMAD secret keys in files, staged changes and git history, and .env files git would commit.\n' +
        'A path of - reads standard input.',
    )
    .command('install-hook', 'Install a git pre-commit hook that runs `dhmad-scan --staged` (in a husky 9 repository: a line in .husky/pre-commit)', (y) =>
      // The scan's options mean nothing here: out of this command's help, and refused below.
      Object.keys(SCAN_OPTIONS)
        .reduce((h, name) => h.hide(name), y)
        .usage(
          '$0 install-hook\n\n' +
            'Install a pre-commit hook that scans what each commit stages (dhmad-scan --staged). It goes where git ' +
            'looks for hooks (core.hooksPath included); a hook already there is kept and runs first. In a husky 9 ' +
            'repository (core.hooksPath .husky/_) it adds `dhmad-scan --staged` to .husky/pre-commit instead.',
        )
        .check(() => {
          // Every option is defined for the scan; none of them means anything to install-hook.
          const extra = args.filter((a) => a !== 'install-hook');
          if (extra.length > 0) throw new Error(`install-hook takes no options or paths (got ${extra.join(' ')}).`);
          return true;
        }),
    )
    // A path such as `0x10` or `1e3` is a path, not a number.
    .parserConfiguration({ 'parse-positional-numbers': false })
    .options(SCAN_OPTIONS)
    .conflicts('staged', ['history', 'stdin'])
    .conflicts('history', 'stdin')
    .strictOptions()
    .version(packageVersion())
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .epilog('Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or runtime error.')
    .fail((msg, err) => usageError(err ? err.message : msg))
    .parseAsync();
  // Only the options' own names: yargs also adds camelCase copies and aliases.
  const out: Record<string, unknown> = { _: argv._.map(String) };
  for (const name of OPTION_NAMES) if (argv[name] !== undefined) out[name] = argv[name];
  return out as unknown as CliArgs;
}

/**
 * The fast parser where it is sure, yargs for everything else; then what both leave to the
 * command itself: a path of `-` is standard input.
 */
export async function parseArgs(args: readonly string[], fail: (message: string) => never): Promise<CliArgs> {
  const argv = parseArgsFast(args) ?? (await parseArgsWithYargs(args, fail));
  if (argv._.includes('-')) {
    if (argv._.length > 1 || argv.staged || argv.history !== undefined) fail('A path of - (standard input) cannot be combined with other paths, --staged or --history.');
    return { ...argv, _: [], stdin: true };
  }
  return argv;
}
