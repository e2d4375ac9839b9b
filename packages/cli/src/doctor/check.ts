/** The checklist, in its fixed order: ids and titles are part of `--json`'s contract. */
export const CHECKS = [
  { id: 'env-vars', title: 'Keys stored in environment variables' },
  { id: 'not-committed', title: 'Keys not committed to version control' },
  { id: 'env-ignored', title: '.env files in .gitignore' },
  { id: 'separate-keys', title: 'Different keys for each environment' },
  { id: 'rotated', title: 'Keys rotated periodically' },
  { id: 'access-limited', title: 'Access limited to necessary team members' },
  { id: 'monitoring', title: 'Monitoring enabled for key usage' },
] as const;

export type CheckId = (typeof CHECKS)[number]['id'];
export type Status = 'pass' | 'warn' | 'fail' | 'skip';

/** One piece of evidence: what was found, where, and the command that fixes it. Never a secret: keys by prefix. */
export interface Finding {
  message: string;
  /** Relative to the repository root. */
  file?: string;
  line?: number;
  commit?: string;
  keyPrefix?: string;
  /** The command (or edit) that fixes it. */
  fix?: string;
  /** Only for a check that is not a `pass` on its own: does this finding fail it, warn, or just note? */
  severity: 'fail' | 'warn' | 'note';
}

export interface CheckOutcome {
  status: Status;
  /** One line: what was checked and what came of it; for `skip`, why. */
  summary: string;
  findings: Finding[];
}

export interface CheckResult extends CheckOutcome {
  id: CheckId;
  title: string;
}

/** The worst of the findings decides: any `fail` fails, any `warn` warns, else the check passes. */
export function outcome(findings: Finding[], passSummary: string, otherSummary: string = passSummary): CheckOutcome {
  const status: Status = findings.some((f) => f.severity === 'fail') ? 'fail' : findings.some((f) => f.severity === 'warn') ? 'warn' : 'pass';
  return { status, summary: status === 'pass' ? passSummary : otherSummary, findings };
}

export function skipped(why: string): CheckOutcome {
  return { status: 'skip', summary: why, findings: [] };
}
