import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { redactText } from '@dhmad/sdk/key-format';
import yargs from 'yargs';
import { github } from './github.js';
import { batches } from './matrix.js';
import { addSummary, setOutput } from './outputs.js';
import { listRepositories, type Repository } from './repositories.js';
import { scanRepository } from './scan-repository.js';
import { mergeResults, summaryMarkdown } from './summary.js';

/** Exit codes: 0 done (clean), 1 findings (summary), 2 error or incomplete. */
const ERROR = 2;

function fail(message: string): never {
  process.stderr.write(`dhmad-org-scan: ${redactText(message)}\n`);
  process.exit(ERROR);
}

function token(): string {
  const t = process.env.DHMAD_ORG_SCAN_TOKEN || process.env.GITHUB_TOKEN;
  if (!t) fail('No token: set DHMAD_ORG_SCAN_TOKEN (a GitHub App installation token or a fine-grained token that can read every repository of the organization and write code scanning alerts).');
  return t;
}

/** A JSON value given inline or as `@file`. */
function jsonArg<T>(value: string): T {
  return JSON.parse(value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value) as T;
}

await yargs(process.argv.slice(2))
  .scriptName('dhmad-org-scan')
  .usage('$0 <command>\n\nThe jobs of the organization-wide DHMAD key scan (see the reusable workflow dhmad-org-scan.yml).')
  .command(
    'matrix',
    'List the organization\'s repositories and cut them into matrix batches (outputs: batches, repositories, count)',
    (y) =>
      y
        .option('org', { type: 'string', demandOption: true, describe: 'The organization' })
        .option('archived', { type: 'boolean', default: false, describe: 'Include archived repositories' })
        .option('forks', { type: 'boolean', default: false, describe: 'Include forks' })
        .option('batch-size', { type: 'number', default: 256, describe: 'Repositories per batch (at most 256, one matrix each)' }),
    async (argv) => {
      const repos = await listRepositories(github(token()), argv.org, { archived: argv.archived, forks: argv.forks });
      const cut = batches(repos, argv['batch-size']);
      setOutput('batches', JSON.stringify(cut));
      setOutput('repositories', JSON.stringify(repos.map((r) => r.repository)));
      setOutput('count', String(repos.length));
      process.stderr.write(`dhmad-org-scan: ${repos.length} repositories of ${argv.org} in ${cut.length} batches\n`);
    },
  )
  .command(
    'scan-repository',
    'Clone one repository, scan its history, upload the SARIF to its code scanning, and write a result file',
    (y) =>
      y
        .option('repository', { type: 'string', demandOption: true, describe: 'owner/name' })
        .option('default-branch', { type: 'string', default: 'main', describe: 'The branch code scanning files the results under' })
        .option('checkpoint', { type: 'string', describe: 'dhmad-scan --checkpoint FILE (cached between runs)' })
        .option('out', { type: 'string', default: 'dhmad-scan-results', describe: 'Folder for <owner__name>.sarif and .json' })
        .option('upload', { type: 'boolean', default: true, describe: 'Upload the SARIF (--no-upload to skip)' })
        .option('server-url', { type: 'string', default: process.env.GITHUB_SERVER_URL || 'https://github.com', describe: 'Where repositories are cloned from' }),
    async (argv) => {
      const t = token();
      const { result, exitCode } = await scanRepository({
        repository: argv.repository,
        defaultBranch: argv['default-branch'],
        token: t,
        serverUrl: argv['server-url'],
        workDir: process.env.RUNNER_TEMP || os.tmpdir(),
        outDir: argv.out,
        checkpoint: argv.checkpoint ?? null,
        upload: argv.upload,
        gh: github(t),
      });
      const line = result.status === 'scanned' ? `${result.errors} errors, ${result.warnings} warnings; ${result.history}; code scanning: ${result.codeScanning}` : `not scanned: ${result.problem}`;
      process.stderr.write(`dhmad-org-scan: ${redactText(`${result.repository}: ${line}`)}\n`);
      process.exitCode = exitCode;
    },
  )
  .command(
    'summary',
    'Merge the results of every repository job into one summary of the organization',
    (y) =>
      y
        .option('dir', { type: 'string', default: 'dhmad-scan-results', describe: 'Folder holding the jobs\' .sarif and .json files' })
        .option('org', { type: 'string', demandOption: true, describe: 'The organization' })
        .option('repositories', { type: 'string', describe: 'The matrix\'s repositories (JSON array, or @file), to name jobs that never reported' })
        .option('json', { type: 'string', describe: 'Also write the merged summary as JSON to FILE' })
        .option('fail-on-findings', { type: 'boolean', default: true, describe: 'Exit 1 when any repository has an error-level finding' }),
    (argv) => {
      const expected = argv.repositories ? jsonArg<string[] | Repository[]>(argv.repositories).map((r) => (typeof r === 'string' ? r : r.repository)) : null;
      const s = mergeResults(argv.dir, argv.org, expected);
      addSummary(summaryMarkdown(s));
      if (argv.json) writeFileSync(argv.json, redactText(JSON.stringify(s, null, 2)) + '\n');
      process.stderr.write(`dhmad-org-scan: ${s.scanned} of ${s.repositories} repositories scanned, ${s.errors} errors, ${s.warnings} warnings${s.incomplete.length ? `, ${s.incomplete.length} not scanned` : ''}\n`);
      process.exitCode = s.incomplete.length > 0 ? ERROR : argv['fail-on-findings'] && s.errors > 0 ? 1 : 0;
    },
  )
  .demandCommand(1, 'Name a command: matrix, scan-repository or summary.')
  .strict()
  .fail((msg, err) => fail(err ? err.message : `${msg}\nRun dhmad-org-scan --help for usage.`))
  .help()
  .parseAsync();
