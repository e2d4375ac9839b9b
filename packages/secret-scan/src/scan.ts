import path from 'node:path';
import type { Readable } from 'node:stream';
import { Collector, type ScanStats } from './collector.js';
import { excluder, loadConfig, readBaseline, writeBaseline } from './config.js';
import { checkEnvFiles } from './env-files.js';
import { ScanError } from './errors.js';
import { countBySeverity, sortFindings, type Finding } from './findings.js';
import { findRepo as findRepoAsync, type Repo as RepoInfo } from '@dhmad/git-facts';
import { scanErrorOf } from './git.js';
// Loaded up front, unlike the other sources: a dynamic import waits behind the git runs started
// beside it, and these two start git runs of their own that would start that much later.
import { scanStaged } from './sources/staged.js';
import { listTree } from './sources/tree.js';
import type { ScanPool } from './sources/tree-parallel.js';
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

/** Scan for DHMAD keys and exposed .env files; never throws with a key in the message. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const mode = options.mode ?? 'tree';
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const collector = new Collector({ keepSecrets: Boolean(options.verify), onProgress: options.onProgress });
  // git is asked about the repository first, so it answers while the code of the mode loads.
  const repoFound = mode === 'stdin' ? Promise.resolve(null) : findRepoAsync(cwd);
  // Awaited in scanWith; this only keeps a failure from counting as unhandled while the import below runs.
  repoFound.catch(() => undefined);
  // Not awaited here: the tree's own repository lookups start first.
  const pool = mode === 'tree' ? import('./sources/tree-parallel.js').then(({ ScanPool }) => new ScanPool()) : null;
  try {
    return await scanWith(options, mode, cwd, collector, pool, repoFound, started);
  } catch (e) {
    throw scanErrorOf(e);
  } finally {
    // A pool that failed to load has nothing to stop, and must not hide the error that got here.
    (await pool?.catch(() => null))?.close();
  }
}

async function scanWith(
  options: ScanOptions,
  mode: ScanMode,
  cwd: string,
  collector: Collector,
  pool: Promise<ScanPool> | null,
  repoFound: Promise<RepoInfo | null>,
  started: number,
): Promise<ScanResult> {
  // A tree's paths are looked up beside the repository of cwd.
  const repoLookup = repoFound.then(async (r) => {
    // In a big repository the helper threads boot while git lists the tree.
    if (r && pool) (await pool).startIfBig(r.gitDir);
    return r;
  });
  const fixed: string[] = [];
  const envCheck = async (r: string): Promise<void> => {
    if (options.envFiles !== false) await checkEnvFiles(r, collector, { fix: options.fix ?? false, fixed });
  };
  const envChecks = new Map<string, Promise<void>>();
  // Without --fix, a repository's .env checks start as soon as its root is known, so their git runs overlap
  // the listing; --fix edits .gitignore files, so it waits until the listing has read them.
  const onRepo = options.fix
    ? undefined
    : (root: string): void => {
        const check = envCheck(root);
        // Awaited after the file scan; this only keeps an early failure from counting as unhandled meanwhile.
        check.catch(() => undefined);
        envChecks.set(root, check);
      };
  const listing = mode === 'tree' ? listTree(options.paths ?? [], cwd, collector, repoLookup, onRepo) : null;
  // Awaited below, after the config is read; this only keeps an early failure from counting as unhandled meanwhile.
  listing?.catch(() => undefined);
  // The staged blobs are read from cwd at once; the config's excludes are applied when known.
  let includeKnown!: (include: (file: string) => boolean) => void;
  let includeFailed!: (e: unknown) => void;
  const includeLater = new Promise<(file: string) => boolean>((resolve, reject) => {
    includeKnown = resolve;
    includeFailed = reject;
  });
  const staged = mode === 'staged' ? scanStaged(cwd, collector, includeLater) : null;
  staged?.catch(() => undefined);
  let repo;
  let include: (file: string) => boolean;
  try {
    repo = await repoLookup;
    const config = loadConfig(options.config ?? null, repo?.root ?? cwd);
    const excluded = excluder(config.exclude);
    include = (file: string): boolean => !excluded(file);
    if (mode === 'staged' && !repo?.root) {
      throw new ScanError(
        repo
          ? '--staged needs a work tree; this is a bare repository. Use --history instead.'
          : `--staged needs a git repository, and ${cwd} is not inside one. Run it from your repository, or scan files without --staged.`,
      );
    }
  } catch (e) {
    // Stops the staged scan's git runs, which wait for the excludes.
    includeFailed(e);
    throw e;
  }
  includeKnown(include);

  if (mode === 'staged' || mode === 'history') {
    if (!repo) throw new ScanError(`--${mode} needs a git repository, and ${cwd} is not inside one. Run it from your repository, or scan files without --${mode}.`);
    // The other sources are loaded only when used: a run pays for every module it loads.
    if (mode === 'staged') {
      // The .env checks and the index scan each wait on git: run them side by side.
      await Promise.all([staged, envCheck(repo.root!)]);
    } else {
      const { scanHistory } = await import('./sources/history.js');
      await scanHistory(repo, options.range ?? null, collector, include);
    }
  } else if (mode === 'stdin') {
    const { scanStream } = await import('./sources/stdin.js');
    await scanStream(options.stdin ?? process.stdin, options.stdinFilename ?? '<stdin>', collector);
  } else {
    const { targets: listed, repos } = (await listing)!;
    const targets = listed.filter((t) => include(t.file));
    collector.stats.excluded += listed.length - targets.length;
    // Helper threads first: they boot while the .env checks start their git runs.
    const helpers = (await pool)!;
    helpers.prepare(targets.length);
    // Started before the (synchronous) file scan at the latest, so their git runs overlap it.
    for (const root of repos) if (!envChecks.has(root)) envChecks.set(root, envCheck(root));
    let last = performance.now();
    let count = 0;
    await helpers.scan(targets, collector, () => {
      if ((++count & 63) === 0 && performance.now() - last > 200) {
        last = performance.now();
        collector.progress();
      }
    });
    await Promise.all(envChecks.values());
  }

  let findings = collector.findings.filter((f) => include(f.file) || f.ruleId.startsWith('env-'));
  if (options.baseline) {
    const file = path.resolve(cwd, options.baseline);
    if (options.updateBaseline) writeBaseline(file, findings);
    const known = options.updateBaseline ? new Set(findings.map((f) => f.fingerprint)) : readBaseline(file);
    const before = findings.length;
    findings = findings.filter((f) => !known.has(f.fingerprint));
    collector.stats.baselined = before - findings.length;
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
      ...collector.stats,
      ...countBySeverity(findings),
      fixed,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
