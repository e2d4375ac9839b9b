import path from 'node:path';
import type { Readable } from 'node:stream';
import { findRepo, type Repo } from '@dhmad/git-facts';
import { monotonicMs } from './clock.js';
import { Collector, type ScanStats } from './collector.js';
import { excluder, loadConfig, readBaseline, writeBaseline } from './config.js';
import { checkEnvFiles } from './env-files.js';
import { ScanError } from './errors.js';
import { countBySeverity, sortFindings, type Finding } from './findings.js';
import { scanErrorOf } from './git.js';
import type { Source, SourceContext } from './sources/source.js';
// Loaded up front, unlike the other sources: a dynamic import waits behind the git runs started
// beside it, and these two start git runs of their own that would start that much later.
import { StagedSource } from './sources/staged.js';
import { TreeSource } from './sources/tree.js';
import type { VerifyOptions } from './verify.js';

export type ScanMode = 'tree' | 'staged' | 'history' | 'stdin';

export interface ScanOptions {
  /** Default `tree`. */
  mode?: ScanMode;
  /** Tree mode: files or folders to scan (default `.`). */
  paths?: string[];
  /** Where relative paths, the repository and the config are looked up; default `process.cwd()`. */
  cwd?: string;
  /** History mode: a revision range such as `main..feature`; default every ref. */
  range?: string | null;
  /** History mode over every ref: scan only what is new since this checkpoint file, then update it. */
  checkpoint?: string | null;
  /** Stdin mode: the stream (default `process.stdin`) and the name findings carry. */
  stdin?: Readable;
  stdinFilename?: string;
  /** Config file; default `.dhmad-scan.json` at the repository root when present. */
  config?: string | null;
  /** Baseline file: findings whose fingerprint it lists are not reported. */
  baseline?: string | null;
  /** Write every current finding into `baseline` (and report none). */
  updateBaseline?: boolean;
  /** Check .env files (tree and staged modes); default true. */
  envFiles?: boolean;
  /** Append missing .env entries to .gitignore. */
  fix?: boolean;
  /** Ask the API whether each found key is active. */
  verify?: VerifyOptions | null;
  onProgress?: (stats: ScanStats) => void;
}

export interface ScanSummary extends ScanStats {
  version: string;
  mode: ScanMode;
  errors: number;
  warnings: number;
  /** Files `--fix` changed. */
  fixed: string[];
  durationMs: number;
}

export interface ScanResult {
  findings: Finding[];
  summary: ScanSummary;
}

export const VERSION = '0.1.0';

/** The source of each mode. The ones not loaded up front are loaded only when used: a run pays for every module it loads. */
async function openSource(mode: ScanMode, ctx: SourceContext, options: ScanOptions): Promise<Source> {
  switch (mode) {
    case 'tree':
      return new TreeSource(ctx, options.paths ?? []);
    case 'staged':
      return new StagedSource(ctx);
    case 'history':
      if (options.checkpoint && options.range) throw new ScanError('--checkpoint records a scan of every ref, not of a range: drop the range, or the --checkpoint.');
      if (options.checkpoint && options.verify) throw new ScanError('--verify needs the keys themselves, which a checkpoint never keeps: run --verify without --checkpoint.');
      return new (await import('./sources/history.js')).HistorySource(ctx, options.range ?? null, options.checkpoint ?? null);
    case 'stdin':
      return new (await import('./sources/stdin.js')).StdinSource(options.stdin ?? process.stdin, options.stdinFilename ?? '<stdin>');
  }
}

/** What a mode needs of the repository, said before anything is read. */
function checkRepository(mode: ScanMode, repo: Repo | null, cwd: string, paths: readonly string[]): void {
  // Paths name what to scan themselves.
  if (mode === 'stdin' || (mode === 'tree' && paths.length > 0)) return;
  if (repo && !repo.root) {
    const where = repo.bare ? 'this is a bare repository, which has no working tree' : `${cwd} is inside the repository's .git folder`;
    if (mode === 'tree') throw new ScanError(`There are no files to scan here: ${where}. Run it from the working tree, or scan the commits with --history.`);
    if (mode === 'staged') throw new ScanError(`--staged needs a work tree, and ${where}. Run it from the working tree, or use --history.`);
  }
  if (!repo && mode !== 'tree') {
    throw new ScanError(`--${mode} needs a git repository, and ${cwd} is not inside one. Run it from your repository, or scan files without --${mode}.`);
  }
}

/** The .env checks of each work tree, each started once, as early as the caller can. */
class EnvChecks {
  private readonly running = new Map<string, Promise<void>>();
  readonly fixed: string[] = [];

  constructor(
    private readonly enabled: boolean,
    private readonly fix: boolean,
    private readonly sink: Collector,
  ) {}

  start(root: string): void {
    if (!this.enabled || this.running.has(root)) return;
    const check = checkEnvFiles(root, this.sink, { fix: this.fix, fixed: this.fixed });
    // Awaited in done(); this only keeps an early failure from counting as unhandled meanwhile.
    check.catch(() => undefined);
    this.running.set(root, check);
  }

  async done(): Promise<void> {
    await Promise.all(this.running.values());
  }
}

/** Scan for DHMAD keys and exposed .env files; never throws with a key in the message. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = monotonicMs();
  const mode = options.mode ?? 'tree';
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const sink = new Collector({ keepSecrets: Boolean(options.verify), onProgress: options.onProgress });
  const env = new EnvChecks(options.envFiles !== false && (mode === 'tree' || mode === 'staged'), options.fix ?? false, sink);
  // git is asked about the repository first, so it answers while the source's code loads.
  const repoFound = mode === 'stdin' ? Promise.resolve(null) : findRepo(cwd);
  repoFound.catch(() => undefined);
  // Without --fix, a repository's .env checks start as soon as its root is known, so their git runs overlap
  // the listing; --fix edits .gitignore files, so it waits until the listing has read them.
  const onRepo = options.fix ? undefined : (root: string): void => env.start(root);
  let source: Source | undefined;
  let repo: Repo | null | undefined;
  try {
    source = await openSource(mode, { cwd, repo: repoFound, sink, onRepo }, options);
    const prepared = source.prepare();
    prepared.catch(() => undefined);
    repo = await repoFound;
    sink.excluded = excluder(loadConfig(options.config ?? null, repo?.root ?? cwd).exclude);
    checkRepository(mode, repo, cwd, options.paths ?? []);
    await prepared;
    // Started before the scan, which is synchronous for a tree, so their git runs overlap it.
    for (const r of source.roots) env.start(r);
    await Promise.all([source.scan(sink), env.done()]);
  } catch (e) {
    throw scanErrorOf(e);
  } finally {
    source?.close();
  }
  return finish(options, mode, cwd, repo?.root ?? cwd, sink, env.fixed, started);
}

async function finish(options: ScanOptions, mode: ScanMode, cwd: string, root: string, sink: Collector, fixed: string[], started: number): Promise<ScanResult> {
  let findings = sink.findings;
  if (options.baseline) {
    const file = path.resolve(cwd, options.baseline);
    if (options.updateBaseline) writeBaseline(root, file, findings);
    const known = options.updateBaseline ? new Set(findings.map((f) => f.fingerprint)) : readBaseline(file);
    const before = findings.length;
    findings = findings.filter((f) => !known.has(f.fingerprint));
    sink.stats.baselined = before - findings.length;
  } else if (options.updateBaseline) {
    throw new ScanError('--update-baseline needs --baseline FILE to say where to write it.');
  }
  if (options.verify) {
    // Loaded only when asked for: the API client is not needed to scan, and a pre-commit hook pays for every module.
    const { verifyFindings } = await import('./verify.js');
    await verifyFindings(findings, options.verify);
  }
  sortFindings(findings);
  return {
    findings,
    summary: {
      version: VERSION,
      mode,
      ...sink.stats,
      ...countBySeverity(findings),
      fixed,
      durationMs: Math.round(monotonicMs() - started),
    },
  };
}
