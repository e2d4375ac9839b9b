import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/** Set a step output (GITHUB_OUTPUT's multi-line form, whose delimiter no value can contain). */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(`${name}=${value}\n`);
    return;
  }
  const delimiter = `dhmad_${randomBytes(12).toString('hex')}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Add markdown to the job's summary page (GITHUB_STEP_SUMMARY), or print it outside a runner. */
export function addSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown);
  else process.stdout.write(markdown);
}
