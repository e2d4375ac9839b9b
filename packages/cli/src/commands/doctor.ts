import { describeError } from '../describe-error.js';
import { EXIT } from '../errors.js';
import { json } from '../format.js';
import { accessLimited, monitoring, rotated } from '../doctor/account-checks.js';
import { CHECKS, type CheckId, type CheckOutcome, type CheckResult } from '../doctor/check.js';
import { gatherInputs, type DoctorInputs, type DoctorOptions } from '../doctor/inputs.js';
import { envIgnored, envVars, notCommitted } from '../doctor/repo-checks.js';
import { formatReport } from '../doctor/report.js';
import { separateKeys } from '../doctor/separate-keys.js';
import { colorEnabled, painter, type Terminal } from '../terminal.js';

const RUN: Record<CheckId, (inputs: DoctorInputs) => Promise<CheckOutcome>> = {
  'env-vars': envVars,
  'not-committed': notCommitted,
  'env-ignored': envIgnored,
  'separate-keys': separateKeys,
  rotated,
  'access-limited': accessLimited,
  monitoring,
};

/**
 * `dhmad doctor [path]`: the security checklist. Exit 0 when every check passes or warns, 1 when
 * one fails, 2 when one could not run to the end (its answer would be incomplete).
 */
export async function doctor(t: Terminal, options: DoctorOptions & { path: string; json: boolean }): Promise<number> {
  const inputs = gatherInputs(t, options.path, options);
  let incomplete = false;
  const checks: CheckResult[] = await Promise.all(
    CHECKS.map(async ({ id, title }) => {
      try {
        return { id, title, ...(await RUN[id](inputs)) };
      } catch (err) {
        incomplete = true;
        return { id, title, status: 'skip' as const, summary: `Could not check: ${describeError(err)}`, findings: [] };
      }
    }),
  );
  if (options.json) {
    t.stdout.write(json({ path: inputs.root, account: inputs.account && { keyPrefix: inputs.account.keyPrefix, environment: inputs.account.environment }, checks }));
  } else {
    const account = inputs.account ? `account: ${inputs.account.keyPrefix} (${inputs.account.environment})` : 'account: not checked (DHMAD_API_KEY is not set)';
    const header = `dhmad doctor: ${inputs.root}${inputs.isRepo ? '' : ' (not a git repository)'}; ${account}`;
    t.stdout.write(formatReport(header, checks, painter(colorEnabled(t, 'stdout')), t.stdout.columns ?? 80));
  }
  if (incomplete) return EXIT.error;
  return checks.some((c) => c.status === 'fail') ? EXIT.failed : EXIT.ok;
}
