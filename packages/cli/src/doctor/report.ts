import type { Paint, Style } from '../terminal.js';
import type { CheckResult, Status } from './check.js';

const STYLE: Record<Status, Style> = { pass: 'green', warn: 'yellow', fail: 'red', skip: 'dim' };

/** The checklist as a person reads it: one block per check, its evidence and the fixing command under it. */
export function formatReport(header: string, checks: readonly CheckResult[], paint: Paint): string {
  const idWidth = Math.max(...checks.map((c) => c.id.length));
  const out = [header, ''];
  for (const c of checks) {
    out.push(`${paint(STYLE[c.status], c.status.toUpperCase().padEnd(4))}  ${paint('bold', c.id.padEnd(idWidth))}  ${c.title}`);
    out.push(`      ${c.summary}`);
    for (const f of c.findings) {
      const mark = f.severity === 'note' ? '·' : f.severity === 'fail' ? paint('red', '✖') : paint('yellow', '!');
      out.push(`      ${mark} ${f.message}`);
      if (f.fix) out.push(`        fix: ${f.fix}`);
    }
  }
  const count = (s: Status): number => checks.filter((c) => c.status === s).length;
  out.push('', `${count('fail')} failed, ${count('warn')} warned, ${count('pass')} passed, ${count('skip')} skipped.`);
  return out.join('\n') + '\n';
}
