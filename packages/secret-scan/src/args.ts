import { VERSION } from './scan.js';

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
  color?: boolean;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const BOOLEANS = new Set(['staged', 'stdin', 'update-baseline', 'fix', 'verify', 'env-files', 'color']);
/** Options that take a value; `--history` alone means every ref. */
const STRINGS = new Set(['history', 'checkpoint', 'stdin-filename', 'format', 'output', 'baseline', 'config', 'base-url', 'live-base-url', 'sandbox-base-url']);
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

/** The full parser: usage errors, --help and --version. `fail` gets the message of a usage error. */
export async function parseArgsWithYargs(args: readonly string[], fail: (message: string) => never): Promise<CliArgs> {
  // Imported here, not at the top: see parseArgsFast.
  const { default: yargs } = await import('yargs');
  const argv = await yargs([...args])
    .scriptName('dhmad-scan')
    .usage('$0 [paths..]\n\nFind DHMAD secret keys in files, staged changes and git history, and .env files git would commit.')
    .command('install-hook', 'Install a git pre-commit hook that runs `dhmad-scan --staged` (keeps an existing hook).')
    // A path such as `0x10` or `1e3` is a path, not a number.
    .parserConfiguration({ 'parse-positional-numbers': false })
    .option('staged', { type: 'boolean', describe: 'Scan what the next commit would contain (the index)' })
    .option('history', { type: 'string', describe: 'Scan every commit reachable from all refs, or a range (A..B)' })
    .option('checkpoint', { type: 'string', describe: 'With --history: scan only what is new since FILE, then record this scan in FILE' })
    .option('stdin', { type: 'boolean', describe: 'Scan standard input' })
    .option('stdin-filename', { type: 'string', describe: 'Name findings from --stdin carry', default: DEFAULTS['stdin-filename'] })
    .option('format', { choices: FORMATS, default: DEFAULTS.format as OutputFormat, describe: 'Output format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the report to FILE instead of stdout' })
    .option('baseline', { type: 'string', describe: 'Do not report findings whose fingerprint is in FILE' })
    .option('update-baseline', { type: 'boolean', describe: 'Write the current findings into the --baseline file' })
    .option('config', { type: 'string', describe: 'Config file (default: .dhmad-scan.json at the repository root)' })
    .option('env-files', { type: 'boolean', default: DEFAULTS['env-files'], describe: 'Check that .env files are not tracked and are ignored (--no-env-files to skip)' })
    .option('fix', { type: 'boolean', describe: 'Add missing .env entries to .gitignore' })
    .option('verify', { type: 'boolean', describe: 'Ask the DHMAD API (GET /me) whether each found key is active' })
    .option('base-url', { type: 'string', describe: 'API base URL for --verify, for keys of both environments' })
    .option('live-base-url', { type: 'string', describe: 'API base URL for --verify of live keys' })
    .option('sandbox-base-url', { type: 'string', describe: 'API base URL for --verify of sandbox keys' })
    .option('color', { type: 'boolean', describe: 'Colour the text output (default: when stdout is a terminal)' })
    .conflicts('staged', ['history', 'stdin'])
    .conflicts('history', 'stdin')
    .strictOptions()
    .version(VERSION)
    .help()
    .epilog('Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or runtime error.')
    .fail((msg, err) => fail(err ? err.message : `${msg}\nRun dhmad-scan --help for usage.`))
    .parseAsync();
  // Only the options' own names: yargs also adds camelCase copies and aliases.
  const out: Record<string, unknown> = { _: argv._.map(String) };
  for (const name of OPTION_NAMES) if (argv[name] !== undefined) out[name] = argv[name];
  return out as unknown as CliArgs;
}

/** The fast parser where it is sure, yargs for everything else. */
export async function parseArgs(args: readonly string[], fail: (message: string) => never): Promise<CliArgs> {
  return parseArgsFast(args) ?? parseArgsWithYargs(args, fail);
}
