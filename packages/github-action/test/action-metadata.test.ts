/**
 * action.yml, the example workflows and the code that reads the inputs must agree: the
 * runner passes an input action.yml does not declare with only a warning, so a typo in a
 * workflow would silently fall back to a default.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { readInputs } from '../src/runner/inputs.js';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}
interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: unknown; workflow_dispatch?: { inputs?: Record<string, { type?: string }> } | null };
  concurrency: { group: string; 'cancel-in-progress': boolean; queue?: string };
  jobs: Record<string, { steps: Step[]; environment?: string; outputs?: Record<string, string> }>;
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

/** Every ```yaml block of the README: each must be valid YAML as written. */
async function readmeYamlBlocks(): Promise<string[]> {
  const readme = await readFile(join(pkg, 'README.md'), 'utf8');
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

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

/** The step that runs this action, and the step that makes its token. */
function stepsOf(wf: Workflow): { rotate: Step | undefined; token: Step | undefined } {
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
  return {
    rotate: steps.find((s) => s.uses?.includes('packages/github-action')),
    token: steps.find((s) => s.uses?.startsWith('actions/create-github-app-token@')),
  };
}

/** actions/create-github-app-token@v2's inputs that these workflows may use (from its action.yml). */
const APP_TOKEN_INPUTS = new Set([
  'app-id', 'private-key', 'owner', 'repositories', 'skip-token-revoke', 'github-api-url',
  'permission-secrets', 'permission-environments', 'permission-organization-secrets', 'permission-dependabot-secrets', 'permission-actions',
]);

describe('the README', () => {
  it('has only valid YAML in its yaml blocks', async () => {
    const blocks = await readmeYamlBlocks();
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(parseDocument(block).errors.map((e) => e.message), block.slice(0, 80)).toEqual([]);
  });
});

describe('the example workflows (README and .github/workflows)', () => {
  it('run on a schedule and by hand, one at a time, never cancelling a rotation in progress', async () => {
    for (const [where, wf] of await exampleWorkflows()) {
      expect(Object.keys(wf.on).sort(), where).toEqual(['schedule', 'workflow_dispatch']);
      expect(wf.concurrency['cancel-in-progress'], where).toBe(false);
      expect(wf.concurrency.group, where).toBeTruthy();
      // By default a group keeps one pending run and cancels it when another is queued: the next
      // schedule would cancel a compromised dispatch waiting behind a running rotation.
      expect(wf.concurrency.queue, where).toBe('max');
    }
  });

  it('pass only inputs action.yml declares, every required one among them', async () => {
    const a = await action();
    const required = Object.entries(a.inputs).filter(([, i]) => i.required).map(([name]) => name);
    for (const [where, wf] of await exampleWorkflows()) {
      const { rotate } = stepsOf(wf);
      expect(rotate, `${where} uses the action`).toBeDefined();
      const given = Object.keys(rotate!.with ?? {});
      expect(given.filter((name) => !(name in a.inputs)), where).toEqual([]);
      expect(required.filter((name) => !given.includes(name)), where).toEqual([]);
      expect(given.includes('key-name') || given.includes('key-id'), where).toBe(true);
    }
  });

  it('can be dispatched with dry-run, compromised and rollback, each a boolean passed to the input of that name', async () => {
    for (const [where, wf] of await exampleWorkflows()) {
      const inputs = wf.on.workflow_dispatch?.inputs ?? {};
      const withs = stepsOf(wf).rotate!.with ?? {};
      for (const name of ['dry-run', 'compromised', 'rollback']) {
        expect(inputs[name]?.type, `${where}: workflow_dispatch input ${name}`).toBe('boolean');
        expect(withs[name], `${where}: ${name} passed to the action`).toBe(`\${{ inputs.${name} || false }}`);
      }
    }
  });

  it('refer only to declared dispatch inputs and to outputs action.yml declares', async () => {
    const a = await action();
    for (const [where, wf] of await exampleWorkflows()) {
      const text = JSON.stringify(wf);
      const dispatch = Object.keys(wf.on.workflow_dispatch?.inputs ?? {});
      const usedInputs = [...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!);
      expect(usedInputs.filter((n) => !dispatch.includes(n)), where).toEqual([]);
      const id = stepsOf(wf).rotate!.id!;
      const usedOutputs = [...text.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([\\w-]+)`, 'g'))].map((m) => m[1]!);
      expect(usedOutputs.length, where).toBeGreaterThan(0);
      expect(usedOutputs.filter((n) => !(n in a.outputs)), where).toEqual([]);
    }
  });

  it('make a GitHub App token with inputs that action has, asking for the permissions the targets need', async () => {
    for (const [where, wf] of await exampleWorkflows()) {
      const { rotate, token } = stepsOf(wf);
      expect(token, `${where} makes an App token`).toBeDefined();
      const given = Object.keys(token!.with ?? {});
      expect(given.filter((n) => !APP_TOKEN_INPUTS.has(n)), where).toEqual([]);
      const withs = rotate!.with ?? {};
      const need = [
        ...(withs.repositories ? ['permission-secrets'] : []),
        ...(withs.environments ? ['permission-environments'] : []),
        ...(withs.organization ? ['permission-organization-secrets'] : []),
        ...(withs.dependabot ? ['permission-dependabot-secrets'] : []),
      ];
      expect(need.filter((n) => token!.with?.[n] !== 'write'), where).toEqual([]);
    }
  });

  it('read the management key from a protected environment', async () => {
    for (const [where, wf] of await exampleWorkflows()) {
      const job = Object.values(wf.jobs).find((j) => j.steps?.some((s) => s.uses?.includes('packages/github-action')));
      expect(job?.environment, where).toBeTruthy();
    }
  });
});
