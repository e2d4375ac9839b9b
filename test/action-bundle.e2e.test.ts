/**
 * The committed bundle, run as the Actions runner runs it, against the DHMAD emulator
 * over HTTP and a local stand-in for GitHub's REST API that decrypts what it receives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dhmad } from '@dhmad/sdk';
import { findKeys } from '@dhmad/sdk/key-format';
import { startEmulator } from '@dhmad/emulator';
import type { Emulator } from '@dhmad/emulator';
import { META } from '../packages/github-action/src/core/family.js';
import { GitHubStandIn, secondaryRateLimit } from './support/github-standin.js';
import type { ActionRun } from './support/run-action.js';
import { runAction, startAction } from './support/run-action.js';

let emu: Emulator;
let gh: GitHubStandIn;
let admin: Dhmad;
let old: { id: string; keyPrefix: string; secret: string };
/** Emulator requests made by the setup, not by the Action. */
let setupRequests = 0;

const SECRET = 'DHMAD_API_KEY';

beforeEach(async () => {
  emu = await startEmulator({ port: 0 });
  gh = await new GitHubStandIn().start();
  admin = new Dhmad({ apiKey: emu.bootstrapKeys.live, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
  const created = await admin.apiKeys.create({ name: 'ci-app', rateLimit: 500, metadata: { appName: 'shop' } });
  old = { id: created.apiKey.id, keyPrefix: created.apiKey.keyPrefix, secret: created.key };
  setupRequests = emu.requests.length;
});

afterEach(async () => {
  await gh.close();
  await emu.close();
});

/** Targets already hold the current key, as they would before the first rotation. */
function holdOld(labels: string[]): void {
  for (const label of labels) gh.secrets.set(`${label}#${SECRET}`, { value: old.secret, keyId: 'seeded' });
}

function inputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    'management-key': emu.bootstrapKeys.live,
    'key-name': 'ci-app',
    'secret-name': SECRET,
    'github-token': gh.token,
    'dhmad-base-url': emu.liveUrl,
    ...over,
  };
}

/** What the Action changed at DHMAD: its requests other than reads. */
const actionWrites = () => emu.requests.slice(setupRequests).filter((r) => r.method !== 'GET');

const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/api' });

async function activeKeys(): Promise<{ id: string; keyPrefix: string; metadata: Record<string, string> }[]> {
  const out = [];
  for await (const k of admin.apiKeys.list({ limit: 100 })) if (k.name === 'ci-app' && k.isActive) out.push(k);
  return out;
}

/** What GET /me says about the key a target holds: it must be active and live. */
async function holderOf(label: string): Promise<string> {
  const value = gh.secret(label, SECRET)?.value;
  expect(value, `${label} holds no secret`).toBeDefined();
  const me = await new Dhmad({ apiKey: value!, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' }).me.retrieve();
  expect(me.apiKey).toMatchObject({ isActive: true, environment: 'live' });
  return me.apiKey.id;
}

/** No key in anything the run printed or produced, apart from the runner's own mask commands. */
function expectNoKeyPrinted(run: ActionRun): void {
  const visible = [
    run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary,
  ].join('\n');
  expect(findKeys(visible).filter((m) => m.kind === 'key')).toEqual([]);
  for (const s of [old.secret, emu.bootstrapKeys.live]) expect(visible).not.toContain(s.slice(-58));
  for (const [, value] of gh.secrets) expect(visible).not.toContain(value.value.slice(-58));
}

/** The new secret was masked before anything mentioned the new key. */
function expectMaskedFirst(run: ActionRun, keyPrefix: string, secret: string): void {
  const lines = run.stdout.split('\n');
  const mask = lines.indexOf(`::add-mask::${secret}`);
  expect(mask).toBeGreaterThanOrEqual(0);
  expect(lines.findIndex((l) => l.includes(keyPrefix) && !l.startsWith('::add-mask::'))).toBeGreaterThan(mask);
}

describe('a clean rotation across repositories, environments and an organization', () => {
  it('puts a working new key everywhere, keeps org access, retires the old key, prints no key', async () => {
    const labels = ['repository:acme/api', 'repository:acme/web', 'environment:acme/api:production', 'environment:acme/web:staging', 'organization:acme'];
    holdOld(labels);
    gh.orgAccess.set(`organization:acme#${SECRET}`, { visibility: 'selected', selected: [11, 12, 13] });

    const run = await runAction(
      inputs({ repositories: 'acme/api, acme/web', environments: 'production\nacme/web:staging', organization: 'acme' }),
      env(),
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [fresh, ...others] = await activeKeys();
    expect(others).toEqual([]);
    expect(run.outputs).toEqual({
      rotated: 'true',
      'key-id': fresh!.id,
      'key-prefix': fresh!.keyPrefix,
      'old-key-id': old.id,
      'targets-updated': labels.join(','),
      'targets-failed': '',
    });
    expect(fresh!.id).not.toBe(old.id);
    expect(fresh!.metadata).toMatchObject({ appName: 'shop', [META.rotatedFrom]: old.id, [META.state]: 'complete' });
    for (const label of labels) expect(await holderOf(label)).toBe(fresh!.id);
    expect(gh.secret('organization:acme', SECRET)).toMatchObject({ visibility: 'selected', selectedRepositoryIds: [11, 12, 13] });
    expect((await admin.apiKeys.retrieve(old.id)).apiKey.isActive).toBe(false);

    for (const label of labels) expect(run.summary).toMatch(new RegExp(`\\| ${label} \\| \\w+ \\| ✅ updated \\| \\d{4}-`));
    expect(run.summary).toContain(fresh!.keyPrefix);
    expect(run.summary).toContain(old.keyPrefix);
    expectMaskedFirst(run, fresh!.keyPrefix, gh.secret('repository:acme/api', SECRET)!.value);
    expectNoKeyPrinted(run);
  });
});

describe('targets that fail for good, then a rerun', () => {
  it('keeps the old key for the failed targets, exits 1 naming them, and a rerun converges on the same key', async () => {
    const labels = ['repository:acme/api', 'repository:acme/forbidden', 'repository:acme/refused', 'repository:acme/broken'];
    holdOld(labels);
    gh.fail({
      method: 'PUT',
      path: /\/repos\/acme\/forbidden\//,
      status: 403,
      headers: { 'x-accepted-github-permissions': 'secrets=write' },
      body: { message: 'Resource not accessible by personal access token' },
      times: Infinity,
    });
    gh.fail({ method: 'PUT', path: /\/repos\/acme\/refused\//, status: 422, body: { message: 'Invalid request' }, times: Infinity });
    gh.fail({ method: 'PUT', path: /\/repos\/acme\/broken\//, status: 500, body: { message: 'Server Error' }, times: Infinity });

    const first = await runAction(inputs({ repositories: 'acme/api,acme/forbidden,acme/refused,acme/broken' }), env());
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({
      rotated: 'false',
      'old-key-id': old.id,
      'targets-updated': 'repository:acme/api',
      'targets-failed': 'repository:acme/forbidden,repository:acme/refused,repository:acme/broken',
    });
    expect(first.stdout).toMatch(/X-Accepted-GitHub-Permissions\): secrets=write/);
    expect(first.stdout).toMatch(/acme\/refused failed: GitHub refused the request \(422/);
    expect(first.stdout).toMatch(/acme\/broken failed: GitHub answered 500/);
    expect(first.summary).toMatch(/\| repository:acme\/forbidden \| repository \| ❌ failed: /);
    const pending = first.outputs['key-id']!;
    expect((await activeKeys()).map((k) => k.id).sort()).toEqual([old.id, pending].sort());
    expect(await holderOf('repository:acme/api')).toBe(pending);
    for (const label of labels.slice(1)) expect(await holderOf(label)).toBe(old.id);
    expectNoKeyPrinted(first);

    gh.faults.length = 0;
    const second = await runAction(inputs({ repositories: 'acme/api,acme/forbidden,acme/refused,acme/broken', 'min-age': '30d' }), env());
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ rotated: 'true', 'key-id': pending, 'old-key-id': old.id, 'targets-failed': '' });
    expect((await activeKeys()).map((k) => k.id)).toEqual([pending]);
    for (const label of labels) expect(await holderOf(label)).toBe(pending);
    expectNoKeyPrinted(second);
  });
});

describe('GitHub rate limits', () => {
  it('waits for Retry-After on a 429 and finishes', async () => {
    holdOld(['repository:acme/api']);
    gh.fail({ method: 'PUT', path: /\/actions\/secrets\/DHMAD_API_KEY$/, ...secondaryRateLimit(2), status: 429 });
    const run = await runAction(inputs(), env());
    expect(run.code, run.stdout).toBe(0);
    const puts = gh.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([429, 204]);
    // Retried no sooner than GitHub asked (2 s), not on the retry plugin's own 1 s schedule.
    expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(run.stdout).toMatch(/secondary rate limit on PUT .*retrying in 2s/);
    expect(await holderOf('repository:acme/api')).toBe(run.outputs['key-id']);
    expectNoKeyPrinted(run);
  });
});

describe('a crash between writing the targets and retiring the old key', () => {
  it('is finished by the next run: same new key, old key retired, never three active keys', async () => {
    const labels = ['repository:acme/api', 'environment:acme/api:production'];
    holdOld(labels);
    // The first PATCH (recording the rotation as complete) never answers; the runner then dies.
    emu.injectFault({ match: { method: 'PATCH' }, hang: true });
    const started = startAction(inputs({ environments: 'production', repositories: 'acme/api' }), env());
    await expect.poll(() => labels.every((l) => gh.secret(l, SECRET)?.value !== old.secret), { timeout: 20_000, interval: 50 }).toBe(true);
    await expect.poll(() => emu.requests.some((r) => r.method === 'PATCH'), { timeout: 5_000, interval: 20 }).toBe(true);
    started.kill();
    const crashed = await started.done;
    expect(crashed.signal).toBe('SIGKILL');
    expectNoKeyPrinted(crashed);
    const active = await activeKeys();
    expect(active).toHaveLength(2);
    const fresh = active.find((k) => k.id !== old.id)!;
    expect(fresh.metadata[META.state]).toBe('pending');
    for (const label of labels) expect(await holderOf(label)).toBe(fresh.id);

    emu.clearFaults();
    const rerun = await runAction(inputs({ environments: 'production', repositories: 'acme/api' }), env());
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs).toMatchObject({ rotated: 'true', 'key-id': fresh.id, 'old-key-id': old.id });
    expect(rerun.stdout).toContain(`Found a rotation left halfway: ${fresh.keyPrefix} replaces ${old.keyPrefix}`);
    expect((await activeKeys()).map((k) => k.id)).toEqual([fresh.id]);
    for (const label of labels) expect(await holderOf(label)).toBe(fresh.id);
    expectNoKeyPrinted(rerun);
  });
});

describe('dry-run and min-age', () => {
  it('dry-run checks everything, prints the plan, and changes nothing', async () => {
    holdOld(['repository:acme/api']);
    const run = await runAction(inputs({ 'dry-run': 'true' }), env());
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'false', 'key-id': old.id, 'targets-updated': '', 'targets-failed': '' });
    expect(run.stdout).toContain('Dry run: nothing was created or changed');
    expect(run.summary).toContain('📝 would update');
    expect(actionWrites()).toEqual([]);
    expect(gh.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(gh.requests.some((r) => r.path.endsWith('/public-key'))).toBe(true);
    expect(await holderOf('repository:acme/api')).toBe(old.id);
    expectNoKeyPrinted(run);
  });

  it('skips a key younger than min-age', async () => {
    holdOld(['repository:acme/api']);
    const run = await runAction(inputs({ 'min-age': '1d' }), env());
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'false', 'key-id': old.id, 'key-prefix': old.keyPrefix });
    expect(run.summary).toContain('younger than min-age');
    expect(actionWrites()).toEqual([]);
    expect(await holderOf('repository:acme/api')).toBe(old.id);
    expectNoKeyPrinted(run);
  });
});

describe('strategy: regenerate', () => {
  it('keeps the key id, writes the new secret, and the old secret is refused as regenerated', async () => {
    holdOld(['repository:acme/api']);
    const run = await runAction(inputs({ strategy: 'regenerate' }), env());
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'true', 'key-id': old.id, 'old-key-id': old.id });
    expect(run.outputs['key-prefix']).not.toBe(old.keyPrefix);
    expect(await holderOf('repository:acme/api')).toBe(old.id);
    const stale = new Dhmad({ apiKey: old.secret, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
    await expect(stale.me.retrieve()).rejects.toMatchObject({ status: 401, reason: 'regenerated' });
    expect(run.stdout).toMatch(/old secret no longer works anywhere/);
    expectNoKeyPrinted(run);
  });
});

describe('failing early', () => {
  it('stops in preflight when the token may not read a target, naming the permission, creating nothing', async () => {
    gh.fail({
      method: 'GET',
      path: /\/environments\/production\/secrets\/public-key$/,
      status: 403,
      headers: { 'x-accepted-github-permissions': 'environments=read' },
      body: { message: 'Resource not accessible by integration' },
    });
    const run = await runAction(inputs({ environments: 'production', repositories: 'acme/api' }), env());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Preflight failed for 1 of 2 targets; nothing was created or changed/);
    expect(run.stdout).toContain('environments=read');
    expect(run.outputs['targets-failed']).toBe('environment:acme/api:production');
    expect(actionWrites()).toEqual([]);
    expect(gh.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expectNoKeyPrinted(run);
  });

  it('refuses a key pasted as secret-name or an environment, in any case, before any request and without printing it', async () => {
    const pasted = old.secret.toUpperCase();
    const run = await runAction(inputs({ 'secret-name': pasted, environments: `acme/api:${old.secret}` }), env());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('secret-name holds a value shaped like a DHMAD key');
    expect(run.stdout).toContain('environments holds a value shaped like a DHMAD key');
    expect((run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs)).toLowerCase()).not.toContain(old.secret.slice(14));
    expect(emu.requests.slice(setupRequests)).toEqual([]);
    expect(gh.requests).toEqual([]);
  });

  it('rejects invalid inputs with one message per problem, before any request', async () => {
    const run = await runAction(inputs({ 'grace-period': 'a week', 'dry-run': 'yes', 'management-key': ` ${emu.bootstrapKeys.live}` }), env());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Input grace-period must be a duration like 0, 30m, 12h, 7d or 2w');
    expect(run.stdout).toContain('dry-run must be true or false; got \\"yes\\"'.replace(/\\/g, ''));
    expect(run.stdout).toContain('management-key: The DHMAD API key has leading whitespace');
    expect(run.outputs).toEqual({ rotated: 'false' });
    expect(emu.requests.slice(setupRequests)).toEqual([]);
    expect(gh.requests).toEqual([]);
    expectNoKeyPrinted(run);
  });
});
