import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../../test/support/git.js';
import { type Ran, runAsync } from '../../../test/support/run.js';

export { commitAll, git, initRepo, tempDir, write } from '../../../test/support/git.js';
export { GitHubStandIn, type OrgRepository } from '../../../test/support/github-standin.js';
export { assertNoKeys, makeKey } from '../../../test/support/keys.js';
// A step's GITHUB_OUTPUT, read as the runner reads it: the same parser the Action's tests use.
export { parseOutputs } from '../../../test/support/run-action.js';

/** The bin users run. */
const BIN = fileURLToPath(new URL('../bin/dhmad-org-scan.js', import.meta.url));

/**
 * Run `dhmad-org-scan` as a workflow step runs it: a child process with the step's environment.
 * Asynchronous, so the GitHub stand-in in this process can answer it.
 */
export function orgScan(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Ran> {
  return runAsync(process.execPath, [BIN, ...args], { cwd: options.cwd, env: isolatedEnv(options.env) });
}
