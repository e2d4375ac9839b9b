import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import type { Scope } from '@dhmad/sdk';
import type { Environment } from '@dhmad/sdk/key-format';
import { CliError, EXIT } from './errors.js';
import type { Terminal } from './terminal.js';
import { COMMANDS, usageError } from './usage-error.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

// Each command's module (and the SDK, the scanner, git-facts behind it) loads only when that command runs:
// `dhmad --help` and completions stay quick.
const load = {
  me: () => import('./commands/me.js'),
  read: () => import('./commands/keys-read.js'),
  create: () => import('./commands/keys-create.js'),
  regenerate: () => import('./commands/keys-regenerate.js'),
  delete: () => import('./commands/keys-delete.js'),
  update: () => import('./commands/keys-update.js'),
  usage: () => import('./commands/keys-usage.js'),
  doctor: () => import('./commands/doctor.js'),
};

/** `90d` or `90` (days). */
function parseDays(flag: string, value: string): number {
  const m = /^(\d+)d?$/.exec(value.trim());
  if (!m || Number(m[1]) < 1) throw new CliError(`${flag} ${JSON.stringify(value)} is not a number of days: use e.g. 90d.`);
  return Number(m[1]);
}

const jsonOption = { type: 'boolean', default: false, describe: 'Print JSON (the API objects; never a secret unless the command hands one over)' } as const;
const yesOption = { type: 'boolean', default: false, describe: 'Do not ask for confirmation (needed without a terminal)' } as const;
const writeEnvOption = { type: 'string', describe: 'Write the key into this dotenv file (created 0600, other lines kept, ignored by git) instead of printing it' } as const;
const varOption = { type: 'string', default: 'DHMAD_API_KEY', describe: 'Variable --write-env sets' } as const;
const varNeedsWriteEnv = (a: { 'write-env'?: string | undefined; var: string }): true => {
  if (a['write-env'] === '') throw new CliError('--write-env needs a FILE: the dotenv file to write the key into (e.g. --write-env .env.local).');
  if (a['write-env'] === undefined && a.var !== 'DHMAD_API_KEY') throw new CliError('--var names the variable --write-env sets; add --write-env FILE.');
  return true;
};
const keyArg = (y: Argv) => y.positional('key', { type: 'string', demandOption: true, describe: 'The key: its id, its prefix (sk_live_abc123) or its unique name' });

/**
 * The flags of the command yargs is parsing when it fails (and camel-case copies of them). yargs 18 has
 * `getOptions()` on the instance, which @types/yargs 17 does not describe; without it, no suggestion.
 */
function flagsOf(cli: Argv): Record<string, unknown> {
  const y = cli as unknown as { getOptions?: () => { key?: Record<string, unknown> } };
  return (typeof y.getOptions === 'function' ? y.getOptions().key : undefined) ?? {};
}

/** Run the CLI on `args`; resolves to the exit code. */
export async function main(args: readonly string[], t: Terminal): Promise<number> {
  // `dhmad --version` is what scripts and bug reports run: answered before yargs (40 modules) loads.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    t.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  // Set by the one command whose exit code is not 0 on success: doctor's 1.
  let exitCode: number = EXIT.ok;
  const { default: yargs } = await import('yargs');
  const cli = yargs([...args])
    .scriptName('dhmad')
    .usage(
      '$0 <command>\n\nThe DHMAD dashboard, the security checklist and the usage monitor at the terminal.\n' +
        'The key comes from DHMAD_API_KEY (a keys:manage key; never a flag); DHMAD_BASE_URL overrides the host.',
    )
    .command('me', 'Which key DHMAD_API_KEY is, its environment, the account', (y) => y.option('json', jsonOption), async (a) => (await load.me()).me(t, { json: a.json }))
    .command('keys', 'List, show, create, regenerate, (de)activate, rename, delete keys; their usage', (y) =>
      y
        .command(
          'list',
          'The keys of DHMAD_API_KEY\'s environment: name, environment, prefix, created, last used, active',
          (k) => k.option('all', { type: 'boolean', default: false, describe: 'Inactive keys too' }).option('json', jsonOption),
          async (a) => (await load.read()).listKeys(t, { all: a.all, json: a.json }),
        )
        .command('show <key>', 'One key, every field', (k) => keyArg(k).option('json', jsonOption), async (a) => (await load.read()).showKey(t, { key: a.key, json: a.json }))
        .command(
          'create',
          'Create a key; it is shown once (terminal), printed alone (pipe), or written to a dotenv file (--write-env)',
          (k) =>
            k
              .option('name', { type: 'string', demandOption: true, describe: 'A name that says what uses the key' })
              .option('env', { choices: ['live', 'sandbox'] as const, describe: "Must be DHMAD_API_KEY's environment (a key creates keys of its own)" })
              .option('scope', { type: 'array', string: true, choices: ['keys:manage'], default: [] as string[], describe: 'keys:manage for a management key; none for an application key' })
              .option('expires', { type: 'string', describe: 'Expiry: YYYY-MM-DD or an ISO date-time' })
              .option('rate-limit', { type: 'number', describe: 'Requests per minute (default 100)' })
              .option('write-env', writeEnvOption)
              .option('var', varOption)
              .option('json', jsonOption)
              .check(varNeedsWriteEnv)
              .check((a) => {
                if (a['rate-limit'] !== undefined && !Number.isInteger(a['rate-limit'])) throw new CliError('--rate-limit must be a whole number of requests per minute.');
                return true;
              }),
          async (a) =>
            (await load.create()).createKey(t, {
              name: a.name,
              env: a.env as Environment | undefined,
              scope: a.scope as Scope[],
              expires: a.expires,
              rateLimit: a['rate-limit'],
              writeEnv: a['write-env'],
              var: a.var,
              json: a.json,
            }),
        )
        .command(
          'regenerate <key>',
          'A new secret for the key (the old one stops working at once), handed over as create does; asks first',
          (k) =>
            keyArg(k)
              .option('yes', yesOption)
              .option('write-env', writeEnvOption)
              .option('var', varOption)
              .option('json', jsonOption)
              .check(varNeedsWriteEnv),
          async (a) => (await load.regenerate()).regenerateKey(t, { key: a.key, yes: a.yes, json: a.json, writeEnv: a['write-env'], var: a.var }),
        )
        .command('delete <key>', 'Delete the key for good; asks first', (k) => keyArg(k).option('yes', yesOption), async (a) => (await load.delete()).deleteKey(t, { key: a.key, yes: a.yes }))
        .command('activate <key>', 'Make the key work again', (k) => keyArg(k).option('json', jsonOption), async (a) => (await load.update()).setActive(t, { key: a.key, active: true, json: a.json }))
        .command(
          'deactivate <key>',
          'Disable the key (reversible: dhmad keys activate)',
          (k) => keyArg(k).option('json', jsonOption),
          async (a) => (await load.update()).setActive(t, { key: a.key, active: false, json: a.json }),
        )
        .command(
          'rename <key> <name>',
          'Give the key a new name',
          (k) => keyArg(k).positional('name', { type: 'string', demandOption: true, describe: 'The new name' }).option('json', jsonOption),
          async (a) => (await load.update()).renameKey(t, { key: a.key, name: a.name, json: a.json }),
        )
        .command(
          'usage <key>',
          'Requests and errors per day as a chart, the totals, and flags for what looks suspicious (each with its rule)',
          (k) =>
            keyArg(k)
              .option('days', { type: 'number', default: 30, describe: 'How many days back, today included (1 to 90)' })
              .option('json', jsonOption)
              .check((a) => {
                if (!Number.isInteger(a.days) || a.days < 1 || a.days > 90) throw new CliError('--days must be a whole number from 1 to 90.');
                return true;
              }),
          async (a) => (await load.usage()).keyUsage(t, { key: a.key, days: a.days, json: a.json }),
        )
        .demandCommand(1, `Name a keys command: ${COMMANDS.keys.join(', ')}.`),
    )
    .command(
      'doctor [path]',
      "The security checklist: a repository (default .) and, with DHMAD_API_KEY set, the account",
      (y) =>
        y
          .positional('path', { type: 'string', default: '.', describe: 'The repository to check' })
          .option('max-age', { type: 'string', default: '90d', describe: 'Oldest a secret may be (days); warns from 80%' })
          .option('max-managers', { type: 'number', default: 2, describe: 'Most active keys:manage keys before a warning' })
          .option('json', { type: 'boolean', default: false, describe: 'Print { checks: [{ id, title, status, summary, findings }] }' })
          .check((a) => {
            if (!Number.isInteger(a['max-managers']) || a['max-managers'] < 0) throw new CliError('--max-managers must be a whole number >= 0.');
            return true;
          }),
      async (a) => {
        exitCode = await (await load.doctor()).doctor(t, { path: a.path, json: a.json, maxAgeDays: parseDays('--max-age', a['max-age']), maxManagers: a['max-managers'] });
      },
    )
    .completion('completion', 'Print a bash/zsh completion script (add it to ~/.bashrc or ~/.zshrc)')
    .demandCommand(1, 'Name a command.')
    .strict()
    .parserConfiguration({ 'parse-positional-numbers': false })
    .alias('h', 'help')
    .version(version)
    .alias('V', 'version')
    .epilog('Exit codes: 0 success (doctor: nothing failed), 1 doctor found a failure, 2 a usage or API error.')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      // yargs words some errors over several lines; the user gets one, in dhmad's words.
      const knownFlags = Object.keys(flagsOf(cli)).filter((f) => !/[A-Z]/.test(f));
      throw usageError(msg.replace(/\s*\n\s*/g, ' ').trim(), { args, knownFlags });
    });
  try {
    await cli.parseAsync();
    return exitCode;
  } catch (err) {
    // The SDK's error classes load only when something failed.
    const line = (await import('./describe-error.js')).describeError(err);
    t.stderr.write(`dhmad: ${line}\n`);
    return EXIT.error;
  }
}
