/**
 * The runner shell: read the inputs, build the real key API and secret stores, run
 * the rotation core, and report through outputs, the log and the job summary.
 */
import * as core from '@actions/core';
import { redactText } from '@dhmad/sdk/key-format';
import { createGitHub } from './github/client.js';
import { createStore } from './github/stores.js';
import { InputError, readInputs } from './inputs.js';
import { dhmadKeyApi } from './dhmad.js';
import { errorText, rotate } from '../core/rotate.js';
import { renderSummary } from './summary.js';
import type { Logger, RotationReport } from '../core/types.js';

const logger: Logger = {
  info: (m) => core.info(redactText(m)),
  warning: (m) => core.warning(redactText(m)),
  error: (m) => core.error(redactText(m)),
  setSecret: (s) => core.setSecret(s),
};

function setOutputs(report: RotationReport): void {
  const labels = (result: string) => report.targets.filter((t) => t.result === result).map((t) => t.label).join(',');
  core.setOutput('rotated', String(report.rotated));
  core.setOutput('key-id', report.keyId ?? '');
  core.setOutput('key-prefix', report.keyPrefix ?? '');
  core.setOutput('old-key-id', report.oldKeyId ?? '');
  core.setOutput('targets-updated', labels('updated'));
  core.setOutput('targets-failed', labels('failed'));
}

export async function run(): Promise<void> {
  let reported = false;
  try {
    const inputs = readInputs((name) => core.getInput(name, { trimWhitespace: false }), process.env);
    // Masked first: from here on the runner replaces them in every log line.
    core.setSecret(inputs.managementKey);
    core.setSecret(inputs.githubToken);

    const github = createGitHub({ token: inputs.githubToken, baseUrl: inputs.githubApiUrl, logger });
    const stores = inputs.targets.map((t) => createStore(github, inputs.plan.secretName, t));
    const keys = dhmadKeyApi({ managementKey: inputs.managementKey, baseUrl: inputs.dhmadBaseUrl });
    const report = await rotate(inputs.plan, keys, stores, logger, { now: () => new Date() });

    setOutputs(report);
    reported = true;
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(report, inputs.plan)).write();
    if (report.failed) core.setFailed(`DHMAD key rotation failed (${report.outcome}); see the errors above and the job summary.`);
  } catch (err) {
    // `rotated` is documented as true or false; a run stopped before the rotation began says false.
    if (!reported) core.setOutput('rotated', 'false');
    core.setFailed(err instanceof InputError ? err.message : `DHMAD key rotation stopped: ${errorText(err)}.`);
  }
}
