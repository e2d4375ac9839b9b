#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { redactText } from '@dhmad/sdk/key-format';
import { ScanError } from './errors.js';
import { pathspecArgument } from './findings.js';
import { printable } from './printable.js';
import { closest, parseArgs } from './args.js';
import { REPORTERS } from './reporters/index.js';
import { writeNoFollow } from './safe-write.js';
import { isScanThread } from './scan-thread.js';
import { scan, type ScanMode, type ScanResult } from './scan.js';

/** Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage or runtime error. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

function fail(message: string): never {
  // Line breaks of its own stay; every other control character is shown as an escape.
  process.stderr.write(`dhmad-scan: ${redactText(message).split('\n').map(printable).join('\n')}\n`);
  process.exit(EXIT.error);
}

/** One line on stderr that each update rewrites (on a terminal only), cleared before the report. */
function progressLine(enabled: boolean): { show: (text: string) => void; clear: () => void } {
  let shown = false;
  return {
    show(text) {
      if (!enabled) return;
      shown = true;
      process.stderr.write(`\r\u001b[2Kdhmad-scan: ${text}`);
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

/**
 * Whether the text report is coloured: --color/--no-color, else FORCE_COLOR (set and not
 * `0`/`false`: on, as Node and most tools read it), else NO_COLOR (set and not empty: off),
 * else a terminal on stdout. A report written to a file is plain unless asked.
 */
function colorWanted(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (process.env.NO_COLOR) return false;
  return !toFile && Boolean(process.stdout.isTTY);
}

/**
 * What a user whose commit was just blocked needs to do, on stderr after the report: the
 * report says what is wrong, this says how to get the commit through without leaking.
 */
function blockedCommitAdvice(result: ScanResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const keys = [...new Set(errors.map((f) => f.keyPrefix).filter((p): p is string => p !== null))];
  const envFiles = [...new Set(errors.filter((f) => f.ruleId === 'env-tracked').map((f) => f.file))];
  const lines = ['', 'dhmad-scan: the staged changes cannot be committed as they are.'];
  if (keys.length > 0) {
    const it = keys.length === 1 ? 'it' : 'them';
    lines.push(
      `  - Remove the key from the staged file (${keys.map((k) => `${k}…`).join(', ')}); load ${it} from the environment instead (process.env.DHMAD_API_KEY), then \`git add\` the file again.`,
      `  - Rotate ${it} (regenerate at developer.dhmad.tn): a key written to a file is exposed.`,
      `  - If an earlier commit holds ${it}, removing ${it} now does not take ${it} out of history; only rotating does. \`dhmad-scan --history\` lists every commit that holds ${it}.`,
      '  - Not a real key (a test fixture)? Add `dhmad-scan:allow` to its line.',
    );
  }
  if (envFiles.length > 0) {
    lines.push(`  - Unstage the env file and keep it out of git: git rm --cached -- ${envFiles.map((f) => printable(pathspecArgument(f))).join(' ')}, then dhmad-scan --fix to add it to .gitignore.`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const argv = await parseArgs(process.argv.slice(2), fail);
  const positional = argv._;

  if (positional[0] === 'install-hook') {
    const { installHook } = await import('./hook.js');
    const r = installHook();
    const lines = r.husky
      ? [
          `${r.updated ? 'Kept' : 'Added'} \`dhmad-scan --staged\` in ${r.hook}, which husky runs before each commit (husky rewrites .husky/_/, so the hook goes here). Commit that file so your team gets the check too.`,
          ...(r.husky.binMissing ? ['The project has no dhmad-scan of its own yet: npm install --save-dev @dhmad/secret-scan'] : []),
        ]
      : [`${r.updated ? 'Updated' : 'Installed'} the pre-commit hook at ${r.hook}.`, ...(r.previous ? [`The hook that was there runs first: ${r.previous}.`] : [])];
    process.stdout.write(lines.join('\n') + '\n');
    return;
  }

  const mode: ScanMode = argv.staged ? 'staged' : argv.history !== undefined ? 'history' : argv.stdin ? 'stdin' : 'tree';
  if (mode !== 'tree' && positional.length > 0) fail(`Paths (${positional.join(' ')}) only apply to a working-tree scan, not --${mode}.`);
  if (argv.fix && (mode === 'history' || mode === 'stdin')) fail('--fix applies to working-tree and --staged scans.');
  if (argv.checkpoint !== undefined && mode !== 'history') fail('--checkpoint applies to --history scans.');
  const urlOptions = ['base-url', 'live-base-url', 'sandbox-base-url', 'verify-timeout'] as const;
  if (!argv.verify && urlOptions.some((o) => argv[o] !== undefined)) fail('--base-url, --live-base-url, --sandbox-base-url and --verify-timeout only apply with --verify.');
  const verifyTimeout = argv['verify-timeout'] === undefined ? undefined : Number(argv['verify-timeout']);
  if (verifyTimeout !== undefined && !(verifyTimeout > 0 && Number.isFinite(verifyTimeout))) {
    fail(`--verify-timeout must be a number of seconds above 0, got "${argv['verify-timeout']}".`);
  }
  if (argv.baseline && !argv['update-baseline'] && !existsSync(argv.baseline)) {
    fail(`The baseline ${argv.baseline} does not exist. Create it with --baseline ${argv.baseline} --update-baseline.`);
  }
  if (mode === 'tree' && positional.length > 0) {
    for (const p of positional) {
      if (!existsSync(p) && closest(p, ['install-hook'])) fail(`${p} is neither a path nor a command. Did you mean install-hook?`);
    }
    const { skippedNamedPaths } = await import('./named-paths.js');
    const skipped = skippedNamedPaths(process.cwd(), positional, argv.config ?? null);
    for (const s of skipped) process.stderr.write(`dhmad-scan: not scanned: ${printable(redactText(`${s.path} is ${s.why}${s.hint ? `; ${s.hint}` : ''}`))}.\n`);
    if (skipped.length === positional.length) fail('Nothing was scanned: every path named is ignored or excluded (see above).');
  }

  // The reporter loads while the scan waits on git and the disk.
  const reporter = REPORTERS[argv.format]();
  reporter.catch(() => undefined);
  const progress = progressLine(Boolean(process.stderr.isTTY) && mode !== 'stdin');
  let result: ScanResult;
  try {
    result = await scan({
      mode,
      paths: positional,
      range: argv.history ? argv.history : null,
      checkpoint: argv.checkpoint ?? null,
      stdinFilename: argv['stdin-filename'],
      config: argv.config ?? null,
      baseline: argv.baseline ?? null,
      updateBaseline: argv['update-baseline'] ?? false,
      envFiles: argv['env-files'],
      fix: argv.fix ?? false,
      verify: argv.verify
        ? {
            ...(argv['base-url'] ? { baseUrl: argv['base-url'] } : {}),
            ...(argv['live-base-url'] ? { liveBaseUrl: argv['live-base-url'] } : {}),
            ...(argv['sandbox-base-url'] ? { sandboxBaseUrl: argv['sandbox-base-url'] } : {}),
            ...(verifyTimeout !== undefined ? { timeout: verifyTimeout * 1000 } : {}),
            onProgress: (done, total) => progress.show(`verifying keys with the API: ${done}/${total}…`),
          }
        : null,
      onProgress: (s) => progress.show(`${s.files} files, ${(s.bytes / 1e6).toFixed(0)} MB scanned…`),
    });
  } finally {
    progress.clear();
  }

  if (result.summary.checkpoint) process.stderr.write(`dhmad-scan: --checkpoint: ${redactText(result.summary.checkpoint.note)}\n`);
  const report = (await reporter)(result, { color: colorWanted(argv.color, Boolean(argv.output)) });
  if (argv.output) {
    try {
      // A checkout can hold a committed symlink where CI writes its report: never write through it.
      writeNoFollow(process.cwd(), argv.output, report, 'replace', 'Cannot write the report');
    } catch (e) {
      fail(e instanceof ScanError ? e.message : String(e));
    }
    const { errors, warnings } = result.summary;
    process.stderr.write(`dhmad-scan: ${errors} errors, ${warnings} warnings; report written to ${argv.output}\n`);
  } else {
    process.stdout.write(report);
  }
  if (mode === 'staged' && result.summary.errors > 0) process.stderr.write(blockedCommitAdvice(result));
  if (result.summary.unreadable.length > 0) {
    fail(`Some paths could not be read, so the scan is incomplete: ${result.summary.unreadable.join('; ')}.`);
  }
  process.exitCode = result.summary.errors > 0 ? EXIT.findings : EXIT.clean;
}

if (!isScanThread()) {
  main().catch((e: unknown) => {
    if (e instanceof ScanError) fail(e.message);
    fail(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  });
} else {
  // The bundled bin (dist/dhmad-scan.cjs) is also the file the scan threads of a big tree run:
  // loading this module starts a thread's work (see tree-parallel.ts).
  void import('./sources/tree-parallel.js');
}
