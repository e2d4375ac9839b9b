import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orgScan, tempDir } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  with: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  with: Record<string, unknown>;
  secrets: Record<string, unknown>;
  strategy: { matrix: Record<string, unknown>; 'fail-fast'?: boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { inputs: Record<string, unknown>; secrets: Record<string, unknown> }>;
  jobs: Record<string, Job>;
}

const root = new URL('../../../', import.meta.url);
const load = (file: string) => parse(readFileSync(new URL(`.github/workflows/${file}`, root), 'utf8')) as Workflow;

describe('the organization scan workflows', () => {
  const outer = load('dhmad-org-scan.yml');
  const batch = load('dhmad-org-scan-batch.yml');
  const caller = load('scan-organization.yml');

  it('are reusable workflows whose jobs run plan, one batch workflow per batch, then the summary', async () => {
    expect(Object.keys(outer.on)).toEqual(['workflow_call']);
    expect(Object.keys(batch.on)).toEqual(['workflow_call']);
    expect(Object.keys(outer.jobs)).toEqual(['plan', 'scan', 'summary']);
    expect(outer.jobs.scan!.needs).toBe('plan');
    expect(outer.jobs.scan!.uses).toBe('./.github/workflows/dhmad-org-scan-batch.yml');
    expect(outer.jobs.scan!.strategy.matrix.batch).toBe('${{ fromJSON(needs.plan.outputs.batches) }}');
    expect(outer.jobs.summary!.needs).toEqual(['plan', 'scan']);
    expect(outer.jobs.summary!.if).toContain('always()');
    expect(batch.jobs.repository!.strategy.matrix.include).toBe('${{ fromJSON(inputs.repositories) }}');
    expect(batch.jobs.repository!.strategy['fail-fast']).toBe(false);
    // Every input the outer workflow passes on is one the batch workflow declares.
    for (const name of Object.keys(outer.jobs.scan!.with)) expect(Object.keys(batch.on.workflow_call!.inputs)).toContain(name);
    for (const name of Object.keys(outer.jobs.scan!.secrets)) expect(Object.keys(batch.on.workflow_call!.secrets)).toContain(name);
  });

  it('cache the checkpoint per repository and hand results to the summary through artifacts of matching names', async () => {
    const steps = batch.jobs.repository!.steps;
    const restore = steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    const save = steps.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
    expect(restore.with['restore-keys']).toBe('dhmad-scan-checkpoint-${{ matrix.artifact }}-');
    expect(save.with.key!.startsWith(restore.with['restore-keys']!)).toBe(true);
    expect(save.with.path).toBe(restore.with.path);
    const scan = steps.find((s) => String(s.run ?? '').includes('scan-repository'))!;
    expect(scan.run).toContain(`--checkpoint ${restore.with.path}`);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    const download = outer.jobs.summary!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(upload.with.name).toBe('dhmad-scan-repo-${{ matrix.artifact }}');
    expect(download.with.pattern).toBe('dhmad-scan-repo-*');
  });

  it('pin every action to a major version, and run only commands dhmad-org-scan has', async () => {
    const runs: string[] = [];
    for (const wf of [outer, batch]) {
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
          if (step.run) runs.push(...(String(step.run).match(/dhmad-org-scan \S+/g) ?? []));
        }
      }
    }
    expect(new Set(runs)).toEqual(new Set(['dhmad-org-scan matrix', 'dhmad-org-scan scan-repository', 'dhmad-org-scan summary']));
    const help = await orgScan(['--help'], { cwd: tempDir() });
    for (const command of ['matrix', 'scan-repository', 'summary']) expect(help.stdout).toContain(`dhmad-org-scan ${command}`);
  });

  it('come with a caller that runs nightly, guarded by a variable, with an App token', async () => {
    expect(Object.keys(caller.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(caller.jobs.scan!.uses).toBe('./.github/workflows/dhmad-org-scan.yml');
    expect(caller.jobs.scan!.if).toBe("vars.DHMAD_ORG_SCAN_ENABLED == 'true'");
    for (const name of Object.keys(caller.jobs.scan!.with)) expect(Object.keys(outer.on.workflow_call!.inputs)).toContain(name);
    for (const name of Object.keys(caller.jobs.scan!.secrets)) expect(Object.keys(outer.on.workflow_call!.secrets)).toContain(name);
  });
});
