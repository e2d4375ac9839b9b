/**
 * action.yml, the example workflows and the code that reads the inputs must agree: the
 * runner passes an input action.yml does not declare with only a warning, so a typo in a
 * workflow would silently fall back to a default.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../src/runner/inputs.js';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}
interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const action = async (): Promise<ActionYml> => parse(await readFile(join(pkg, 'action.yml'), 'utf8')) as ActionYml;

/** The issue fixes these names; other tools and checks rely on them. */
const INPUTS = [
  'management-key', 'key-name', 'key-id', 'secret-name', 'repositories', 'environments', 'organization', 'dependabot',
  'github-token', 'github-api-url', 'dhmad-base-url', 'strategy', 'grace-period', 'delete-after', 'min-age', 'dry-run', 'concurrency',
  'idle-period', 'alert-after', 'compromised', 'rollback', 'create-if-missing',
];
const OUTPUTS = ['rotated', 'key-id', 'key-prefix', 'old-key-id', 'targets-updated', 'targets-failed'];

describe('action.yml', () => {
  it('declares exactly the fixed inputs and outputs, and runs the bundle on node24', async () => {
    const a = await action();
    expect(Object.keys(a.inputs).sort()).toEqual([...INPUTS].sort());
    expect(Object.keys(a.outputs).sort()).toEqual([...OUTPUTS].sort());
    expect(a.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input the code reads', async () => {
    const a = await action();
    const asked = new Set<string>();
    try {
      readInputs((name) => (asked.add(name), ''), {});
    } catch {
      // Empty inputs are invalid; only the names asked for matter here.
    }
    expect([...asked].filter((name) => !(name in a.inputs))).toEqual([]);
    expect(asked.size).toBeGreaterThan(10);
  });
});

async function exampleWorkflows(): Promise<[string, Workflow][]> {
  const file = join(pkg, '../../.github/workflows/rotate-dhmad-keys.yml');
  const readme = await readFile(join(pkg, 'README.md'), 'utf8');
  const block = /## Example workflow[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'README.md has a yaml block under "Example workflow"').toBeDefined();
  return [
    ['.github/workflows/rotate-dhmad-keys.yml', parse(await readFile(file, 'utf8')) as Workflow],
    ['README.md', parse(block!) as Workflow],
  ];
}

describe('the example workflows (README and .github/workflows)', () => {
  it('run on a schedule and by hand, one at a time, never cancelling a rotation in progress', async () => {
    for (const [where, wf] of await exampleWorkflows()) {
      expect(Object.keys(wf.on).sort(), where).toEqual(['schedule', 'workflow_dispatch']);
      expect(wf.concurrency['cancel-in-progress'], where).toBe(false);
      expect(wf.concurrency.group, where).toBeTruthy();
    }
  });

  it('pass only inputs action.yml declares, every required one among them', async () => {
    const a = await action();
    const required = Object.entries(a.inputs).filter(([, i]) => i.required).map(([name]) => name);
    for (const [where, wf] of await exampleWorkflows()) {
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      const rotate = steps.find((s) => s.uses?.includes('packages/github-action'));
      expect(rotate, `${where} uses the action`).toBeDefined();
      const given = Object.keys(rotate!.with ?? {});
      expect(given.filter((name) => !(name in a.inputs)), where).toEqual([]);
      expect(required.filter((name) => !given.includes(name)), where).toEqual([]);
      expect(given.includes('key-name') || given.includes('key-id'), where).toBe(true);
    }
  });
});
