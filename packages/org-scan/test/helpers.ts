import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../../test/support/git.js';

export { commitAll, git, initRepo, tempDir, write } from '../../../test/support/git.js';
export { GitHubStandIn, type OrgRepository } from '../../../test/support/github-standin.js';
export { makeKey, prefixOf } from '../../../test/support/keys.js';

/** The bin users run. */
export const BIN = fileURLToPath(new URL('../bin/dhmad-org-scan.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `dhmad-org-scan` as a workflow step runs it: a child process with the step's environment.
 * Asynchronous, so the GitHub stand-in in this process can answer it.
 */
export async function orgScan(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: isolatedEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** The outputs a step wrote to GITHUB_OUTPUT (its `name<<delimiter` form). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}
