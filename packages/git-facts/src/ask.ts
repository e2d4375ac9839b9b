import { type GitOutput, runGit, runGitSync } from './run.js';

/**
 * One git question: what to run and how to read git's answer, written once
 * so that every tool (and the blocking and non-blocking forms) reads git the
 * same way. `read` sees the exit status too: for some questions it is part of
 * the answer (check-ignore exits 1 when nothing is ignored).
 */
export interface Question<T> {
  args: readonly string[];
  input?: string;
  read(out: GitOutput, cwd: string): T;
}

export async function ask<T>(cwd: string, q: Question<T>, env: NodeJS.ProcessEnv): Promise<T> {
  return q.read(await runGit(cwd, q.args, env, q.input), cwd);
}

export function askSync<T>(cwd: string, q: Question<T>, env: NodeJS.ProcessEnv): T {
  return q.read(runGitSync(cwd, q.args, env, q.input), cwd);
}
