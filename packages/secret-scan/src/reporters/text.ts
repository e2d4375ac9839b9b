import { redactText } from '@dhmad/sdk/key-format';
import { type Finding, shownPath } from '../findings.js';
import { printable, printablePath } from '../printable.js';
import type { ScanResult } from '../scan.js';
import type { ReportOptions } from './reporter.js';

export type TextOptions = ReportOptions;

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Findings grouped by file, then one summary line. File names are printed as JSON strings when they
 * hold control characters, and those in messages as escapes: nothing from the repository reaches the
 * terminal as a control sequence.
 */
export function formatText(result: ScanResult, options: TextOptions = {}): string {
  const c = options.color ?? false;
  const red = paint(c, '31');
  const yellow = paint(c, '33');
  const dim = paint(c, '2');
  const bold = paint(c, '1');
  const green = paint(c, '32');
  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.commit ?? ''}\0${f.file}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const list of groups.values()) {
    const first = list[0]!;
    out.push(bold(showPath(first.file)) + (first.commit ? dim(` @ ${first.commit.slice(0, 12)}`) : ''));
    for (const f of list) {
      const where = f.line === null ? '-' : `${f.line}:${f.column}`;
      const sev = f.severity === 'error' ? red('error  ') : yellow('warning');
      const verified = f.verified ? `  [${f.verified.status}: ${printable(f.verified.detail)}]` : '';
      out.push(`  ${dim(where.padEnd(9))} ${sev}  ${f.ruleId.padEnd(16)} ${printable(f.message)}${verified}`);
    }
    out.push('');
  }
  const s = result.summary;
  const scanned =
    s.mode === 'history'
      ? `${plural(s.files, 'blob')} in ${plural(s.commits, 'commit')}`
      : plural(s.files, 'file');
  const notes: string[] = [];
  if (s.skippedBinary) notes.push(`${s.skippedBinary} binary skipped`);
  if (s.skippedSubmodules) notes.push(`${plural(s.skippedSubmodules, 'submodule')} skipped`);
  if (s.skippedSymlinks) notes.push(`${plural(s.skippedSymlinks, 'symlink')} not followed`);
  if (s.excluded) notes.push(`${s.excluded} excluded by config`);
  if (s.allowed) notes.push(`${s.allowed} allowed inline`);
  if (s.baselined) notes.push(`${s.baselined} in baseline`);
  if (s.fixed.length) notes.push(`fixed ${s.fixed.map(showPath).join(', ')}`);
  const tail = `${scanned} scanned${notes.length ? ` (${notes.join(', ')})` : ''}`;
  if (s.errors + s.warnings === 0 && s.unreadable.length === 0) {
    out.push(green(`✔ No DHMAD keys or exposed .env files: ${tail}.`));
  } else if (s.errors + s.warnings === 0) {
    // Nothing found in what was read is not clean: the rest was not read.
    out.push(red(`✖ Incomplete scan, no finding in what could be read: ${tail}.`));
  } else {
    const mark = s.errors > 0 ? red('✖') : yellow('⚠');
    out.push(`${mark} ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}: ${tail}.`);
  }
  for (const u of s.unreadable) out.push(red(`Could not read ${showPath(u)}`));
  return redactText(out.join('\n') + '\n');
}

/** A path as printed: any key in it cut to its prefix, and as a JSON string when it holds control characters. */
function showPath(raw: string): string {
  return printablePath(shownPath(raw));
}
