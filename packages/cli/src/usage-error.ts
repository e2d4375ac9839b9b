import { CliError } from './errors.js';

/** The commands, by level: what a misspelt command is compared with. */
export const COMMANDS = {
  top: ['me', 'keys', 'doctor', 'completion'],
  keys: ['list', 'show', 'create', 'regenerate', 'delete', 'activate', 'deactivate', 'rename', 'usage'],
} as const;

/** Flags people reach for to pass the key, which dhmad reads from DHMAD_API_KEY only. */
const KEY_FLAGS = new Set(['api-key', 'apikey', 'key', 'token', 'secret', 'api-token']);

export interface FailureContext {
  /** The command line as typed. */
  args: readonly string[];
  /** The flags the command being parsed knows (yargs' own `help` and `version` among them). */
  knownFlags: readonly string[];
}

/**
 * A command line dhmad cannot run, said on one line with the help to read: yargs' failure message
 * (`Unknown argument: jsn`, `Not enough non-option arguments: got 0, need at least 1`...) as one
 * sentence that names the command, says what was wrong, and suggests the flag or command that was
 * probably meant.
 */
export function usageError(message: string, context: FailureContext): CliError {
  const path = commandPath(context.args);
  const help = `See ${['dhmad', ...path].join(' ')} --help.`;
  const say = (text: string): CliError => new CliError(`${text} ${help}`);

  // yargs checks required flags before unknown ones: `--nam x` is a typo of --name before it is a missing --name.
  const typo = context.args.find((a) => a.startsWith('-') && a !== '-' && a !== '--' && !context.knownFlags.includes(flagName(a)));
  if (typo !== undefined) return say(unknownArgument(flagName(typo), path, context));
  const unknown = /^Unknown (?:arguments?|command): (.*)$/s.exec(message);
  if (unknown) return say(unknownArgument(unknown[1]!.split(', ')[0]!, path, context));

  const missingPositional = /^Not enough non-option arguments: got (\d+), need at least (\d+)$/.exec(message);
  if (missingPositional) {
    const what = path[path.length - 1] === 'rename' ? 'a <key> and the new <name>' : 'a <key>: its id, its prefix (sk_live_abc123) or its name';
    return say(`${path.join(' ')} needs ${what}.`);
  }
  const missingFlag = /^Missing required arguments?: (.*)$/.exec(message);
  if (missingFlag) return say(`${path.join(' ') || 'dhmad'} needs ${missingFlag[1]!.split(', ').map((f) => `--${f}`).join(' and ')}.`);

  const choices = /^Invalid values:\s*Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(message);
  if (choices) return say(`--${choices[1]} must be ${choices[3]!.replace(/"/g, '').split(', ').join(' or ')}, not ${choices[2]!.trim()}.`);

  if (message === 'Name a command.') return new CliError(`Name a command: ${COMMANDS.top.join(', ')}. See dhmad --help.`);
  return say(/[.?!]$/.test(message) ? message : `${message}.`);
}

/** `json` for `--json`, `--json=x`, `--no-json` and `-j`. */
function flagName(arg: string): string {
  const name = arg.replace(/^-{1,2}/, '').split('=')[0]!;
  return name.startsWith('no-') ? name.slice(3) : name;
}

/** The commands typed, as far as they are dhmad's: `['keys', 'list']` for `dhmad keys list --jsn`. */
function commandPath(args: readonly string[]): string[] {
  const words = args.filter((a) => !a.startsWith('-'));
  if (!(COMMANDS.top as readonly string[]).includes(words[0] ?? '')) return [];
  if (words[0] === 'keys' && (COMMANDS.keys as readonly string[]).includes(words[1] ?? '')) return ['keys', words[1]!];
  return [words[0]!];
}

function unknownArgument(token: string, path: readonly string[], context: FailureContext): string {
  const command = ['dhmad', ...path].join(' ');
  const subject = path.length === 0 ? 'dhmad' : path.join(' ');
  const typedAsFlag = context.args.find((a) => new RegExp(`^-{1,2}(?:no-)?${escapeRegExp(token)}(?:=|$)`).test(a));
  if (typedAsFlag !== undefined) {
    const flag = typedAsFlag.split('=')[0]!;
    if (KEY_FLAGS.has(token.toLowerCase())) return `${subject} has no ${flag} flag: dhmad reads its key from DHMAD_API_KEY only, since a flag value stays in shell history and shows in ps.`;
    const near = closest(token, context.knownFlags);
    return `${subject} has no ${flag} flag.${near ? ` Did you mean --${near}?` : ''}`;
  }
  // A word where a command belongs is a misspelt command; anywhere else, one argument too many.
  const level = path.length === 0 ? COMMANDS.top : path.length === 1 && path[0] === 'keys' ? COMMANDS.keys : null;
  if (level !== null) {
    const near = closest(token, level);
    return `${subject} has no command "${token}".${near ? ` Did you mean ${command} ${near}?` : ` The commands: ${level.join(', ')}.`}`;
  }
  return `${subject} does not take "${token}".`;
}

/** The candidate a typo most likely meant: the same letters in another case, a unique prefix, or one within a third of its length in edits. */
function closest(typed: string, candidates: readonly string[]): string | null {
  const t = typed.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === t);
  if (exact) return exact;
  const prefixed = candidates.filter((c) => c.startsWith(t));
  if (prefixed.length === 1) return prefixed[0]!;
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(t.length / 3));
  for (const c of candidates) {
    const d = editDistance(t, c.toLowerCase());
    if (d <= bestDistance && (best === null || d < bestDistance)) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit (`jsno` is one from `json`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
