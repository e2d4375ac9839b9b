import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Paint, Style } from '../terminal.js';
import type { CheckResult, Status } from './check.js';

const STYLE: Record<Status, Style> = { pass: 'green', warn: 'yellow', fail: 'red', skip: 'dim' };

/**
 * The checklist as a person reads it: one block per check, its evidence and the fixing command under it,
 * the prose wrapped to `width` (a terminal's, or 80) under its own indent. A fixing command is never
 * wrapped: it is there to be copied.
 */
export function formatReport(header: string, checks: readonly CheckResult[], paint: Paint, width: number): string {
  const idWidth = Math.max(...checks.map((c) => c.id.length));
  const wrap = (indent: number, lead: string, text: string): string => {
    const hang = indent + stringWidth(lead);
    return ' '.repeat(indent) + lead + wrapAnsi(text, Math.max(20, width - hang), { hard: true }).replace(/\n/g, `\n${' '.repeat(hang)}`);
  };
  const out = [wrap(0, '', header), ''];
  for (const c of checks) {
    out.push(`${paint(STYLE[c.status], c.status.toUpperCase().padEnd(4))}  ${paint('bold', c.id.padEnd(idWidth))}  ${c.title}`);
    out.push(wrap(6, '', c.summary));
    for (const f of c.findings) {
      const mark = f.severity === 'note' ? '·' : f.severity === 'fail' ? paint('red', '✖') : paint('yellow', '!');
      out.push(wrap(6, `${mark} `, f.message));
      if (f.fix) out.push(`        fix: ${f.fix}`);
    }
  }
  const count = (s: Status): number => checks.filter((c) => c.status === s).length;
  out.push('', `${count('fail')} failed, ${count('warn')} warned, ${count('pass')} passed, ${count('skip')} skipped.`);
  return out.join('\n') + '\n';
}
