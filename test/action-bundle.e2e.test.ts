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
/** How far the emulator's clock (and so the Action's) was moved on in this test. */
let offsetMs = 0;

const SECRET = 'DHMAD_API_KEY';

/** A fresh emulator holding the key `ci-app`, and a GitHub stand-in holding nothing. */
async function startWorld(): Promise<void> {
  emu = await startEmulator({ port: 0 });
  gh = await new GitHubStandIn().start();
  admin = new Dhmad({ apiKey: emu.bootstrapKeys.live, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
  const created = await admin.apiKeys.create({ name: 'ci-app', rateLimit: 500, metadata: { appName: 'shop' } });
  old = { id: created.apiKey.id, keyPrefix: created.apiKey.keyPrefix, secret: created.key };
  setupRequests = emu.requests.length;
  offsetMs = 0;
}

async function stopWorld(): Promise<void> {
  await gh.close();
  await emu.close();
}

beforeEach(startWorld);
afterEach(stopWorld);

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

/**
 * No key in anything the run printed or produced (the log without the runner's own mask commands): not
 * the old key, the management key, nor any value a target ever received, in any letter case (the
 * runner's mask is case-sensitive).
 */
function expectNoKeyPrinted(run: ActionRun): void {
  const visible = [
    run.stdout,
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary,
  ].join('\n');
  expect(findKeys(visible).filter((m) => m.kind === 'key')).toEqual([]);
  const secrets = [old.secret, emu.bootstrapKeys.live, ...gh.received, ...[...gh.secrets.values()].map((v) => v.value)];
  for (const s of secrets) expect(visible.toLowerCase()).not.toContain(s.slice(-58).toLowerCase());
}

/** The new secret was masked before anything mentioned the new key. */
function expectMaskedFirst(run: ActionRun, keyPrefix: string, secret: string): void {
  const lines = run.rawStdout.split('\n');
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

function advance(ms: number): void {
  emu.advanceTime(ms);
  offsetMs += ms;
}
const runLater = (over: Record<string, string>) => runAction(inputs(over), env(), { clockOffsetMs: offsetMs });

/** A service outside the targets, deployed with the old key, calling the API. */
async function consumerCalls(secret: string, times: number): Promise<void> {
  const consumer = new Dhmad({ apiKey: secret, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
  for (let i = 0; i < times; i++) await consumer.me.retrieve();
}

async function isActive(id: string): Promise<boolean> {
  return (await admin.apiKeys.retrieve(id)).apiKey.isActive;
}

const HOUR_MS = 60 * 60 * 1000;
const TARGETS = ['repository:acme/api', 'environment:acme/api:production'];
const bothTargets = { repositories: 'acme/api', environments: 'production' };

describe('idle-period: the old key is retired only once nothing uses it', () => {
  it('keeps an old key a consumer still uses and reports its use; a dry run says why not yet; retires it once idle', async () => {
    holdOld(TARGETS);
    // min-age from the second run on: the first rotates the freshly made key at once.
    const idle = { ...bothTargets, 'idle-period': '1d', 'min-age': '30d' };
    const first = await runLater({ ...idle, 'min-age': '0' });
    expect(first.code, first.stdout).toBe(0);
    const fresh = first.outputs['key-prefix']!;
    expect(await isActive(old.id)).toBe(true);

    advance(12 * HOUR_MS);
    await consumerCalls(old.secret, 2);
    const usedAt = (await admin.apiKeys.retrieve(old.id)).apiKey.lastUsedAt;
    advance(13 * HOUR_MS);
    const kept = await runLater(idle);
    expect(kept.code, kept.stdout).toBe(0);
    expect(kept.outputs).toMatchObject({ rotated: 'false', 'key-prefix': fresh, 'old-key-id': old.id });
    expect(kept.stdout).toContain(`${old.keyPrefix} was replaced by ${fresh} on every target at`);
    expect(kept.stdout).toContain(`last used ${usedAt}, 2 request(s) from`);
    expect(kept.stdout).toContain(`Something outside the targets still holds ${old.keyPrefix}`);
    expect(kept.summary).toContain('Not rotated: the previous key is still in use');
    expect(kept.summary).toContain(`### The replaced key \`${old.keyPrefix}\``);
    expect(kept.summary).toContain('⚠️ Used after the switch');
    expect(kept.summary).toMatch(/- Kept active: it was used 13h(0m)? ago, after the switch, and must go unused for 1d \(idle-period\) first/);
    expect(await isActive(old.id)).toBe(true);

    const dry = await runLater({ ...idle, 'dry-run': 'true' });
    expect(dry.code, dry.stdout).toBe(0);
    expect(dry.summary).toContain('### The plan (nothing was changed)');
    expect(dry.summary).toMatch(new RegExp(`1\\. keep ${old.keyPrefix} active: it was used 13h(0m)? ago, after the switch`));
    expect(dry.stdout).toContain(`last used ${usedAt}`);

    advance(12 * HOUR_MS);
    const retired = await runLater(idle);
    expect(retired.code, retired.stdout).toBe(0);
    expect(retired.stdout).toContain(`Deactivated ${old.keyPrefix} (unused for 1d since the switch`);
    expect(await isActive(old.id)).toBe(false);
    for (const label of TARGETS) expect(await holderOf(label)).toBe(first.outputs['key-id']);
    for (const run of [first, kept, dry, retired]) expectNoKeyPrinted(run);
  });

  it('with alert-after passed, exits 1 naming the old key by prefix, and keeps it active', async () => {
    holdOld(['repository:acme/api']);
    const watch = { 'idle-period': '1d', 'alert-after': '1d', 'min-age': '30d' };
    expect((await runLater({ ...watch, 'min-age': '0' })).outputs.rotated).toBe('true');
    advance(20 * HOUR_MS);
    await consumerCalls(old.secret, 1);
    advance(5 * HOUR_MS);
    const alert = await runLater(watch);
    expect(alert.code).toBe(1);
    expect(alert.stdout).toMatch(new RegExp(`::error::${old.keyPrefix} is still in use 25h(0m)? after every target switched to sk_live_[0-9a-f]{6} \\(alert-after 1d\\)`));
    expect(alert.summary).toContain('Alert: the previous key is still in use past alert-after');
    expect(await isActive(old.id)).toBe(true);
    expect(await holderOf('repository:acme/api')).toBe(alert.outputs['key-id']);
    expectNoKeyPrinted(alert);
  });
});

describe('compromised: true', () => {
  it('refuses the old secret at once, puts a working key in every target, and reports each dead-key window and the recent use', async () => {
    const labels = [...TARGETS, 'organization:acme'];
    holdOld(labels);
    await consumerCalls(old.secret, 3);
    emu.recordUsage(old.id, { date: new Date(emu.now().getTime() - 2 * 24 * HOUR_MS).toISOString().slice(0, 10), requests: 40, errors: 2 });
    const run = await runLater({ ...bothTargets, organization: 'acme', compromised: 'true', 'grace-period': '7d', 'idle-period': '1d', 'min-age': '30d' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'true', 'old-key-id': old.id, 'targets-failed': '' });

    const stale = new Dhmad({ apiKey: old.secret, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
    await expect(stale.me.retrieve()).rejects.toMatchObject({ status: 401, reason: 'inactive' });
    // Dead before any target was written: the deactivation precedes every secret write.
    const killedAt = Date.parse(emu.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/api-keys/${old.id}`))!.at);
    const firstPut = Math.min(...gh.requests.filter((r) => r.method === 'PUT').map((r) => r.at));
    expect(killedAt).toBeLessThan(firstPut);
    for (const label of labels) expect(await holderOf(label)).toBe(run.outputs['key-id']);

    expect(run.summary).toContain('Replaced a compromised key: its secret no longer works');
    for (const label of labels) {
      expect(run.summary).toMatch(new RegExp(`\\| ${label} \\| \\w+ \\| ✅ updated \\| \\S+ \\| \\S+ → \\S+ \\(\\d+s\\) \\|`));
    }
    expect(run.summary).toMatch(new RegExp(`\\| \`${old.keyPrefix}\` \\| \\S+ \\| 43 \\| \\d{4}-\\d\\d-\\d\\d: 40 \\(2 errors\\), \\d{4}-\\d\\d-\\d\\d: 3 \\|`));
    expectNoKeyPrinted(run);
  });
});

describe('rollback: true', () => {
  /** Two rotations by the action, so the previous key is one it delivered (and sealed). */
  async function twoRotations(): Promise<{ previous: string; latest: string }> {
    holdOld(TARGETS);
    const a = await runLater(bothTargets);
    const b = await runLater(bothTargets);
    expect([a.code, b.code], a.stdout + b.stdout).toEqual([0, 0]);
    return { previous: a.outputs['key-id']!, latest: b.outputs['key-id']! };
  }

  it('puts the previous key back in every target, working, and deactivates the newer one', async () => {
    const { previous, latest } = await twoRotations();
    expect(await isActive(previous)).toBe(false);
    const run = await runLater({ ...bothTargets, rollback: 'true' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'true', 'key-id': previous, 'old-key-id': latest, 'targets-failed': '' });
    for (const label of TARGETS) expect(await holderOf(label)).toBe(previous);
    expect(await isActive(latest)).toBe(false);
    expect(run.summary).toContain('Rolled back: every target holds the previous key again');
    expect(run.summary).toMatch(new RegExp(`- Rolled back from: .sk_live_[0-9a-f]{6}. \\(id .${latest}.\\)`));
    expectNoKeyPrinted(run);
  });

  it('run again (a rerun, a second dispatch), keeps the previous key: it never goes back two rotations', async () => {
    const { previous, latest } = await twoRotations();
    const third = await runLater(bothTargets);
    expect(third.code, third.stdout).toBe(0);
    const newest = third.outputs['key-id']!;
    expect((await runLater({ ...bothTargets, rollback: 'true' })).outputs['key-id']).toBe(latest);

    const again = await runLater({ ...bothTargets, rollback: 'true' });
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain(`was already undone (`);
    expect(again.outputs).toMatchObject({ 'key-id': latest, 'old-key-id': newest });
    for (const label of TARGETS) expect(await holderOf(label)).toBe(latest);
    expect((await activeKeys()).map((k) => k.id)).toEqual([latest]);
    expect(await isActive(previous)).toBe(false);
    expectNoKeyPrinted(again);
  });

  it('keeps a sealed copy only of keys a rollback can still bring back', async () => {
    const { previous, latest } = await twoRotations();
    const third = await runLater(bothTargets);
    const sealed = async () => {
      const out = [];
      for await (const k of admin.apiKeys.list({ limit: 100 })) if (k.name === 'ci-app' && k.metadata[META.sealed] !== undefined) out.push(k.id);
      return out.sort();
    };
    // The current key (for the rollback after the next rotation) and its predecessor.
    expect(await sealed()).toEqual([latest, third.outputs['key-id']!].sort());
    expect(await sealed()).not.toContain(previous);
    // After a rollback, only the key it restored: a second rollback writes that key again.
    expect((await runLater({ ...bothTargets, rollback: 'true' })).code).toBe(0);
    expect(await sealed()).toEqual([latest]);
  });

  it('is refused with nothing changed when the newer key names a key of another name as its predecessor', async () => {
    const { latest } = await twoRotations();
    // Another key this action delivers with the same management key: a sealed copy that opens.
    const pay = await admin.apiKeys.create({ name: 'payments' });
    gh.secrets.set(`repository:acme/pay#PAY_KEY`, { value: pay.key, keyId: 'seeded' });
    const payRun = await runLater({ 'key-name': 'payments', 'secret-name': 'PAY_KEY', repositories: 'acme/pay' });
    expect(payRun.code, payRun.stdout).toBe(0);
    // Anyone with a keys:manage key can edit metadata: pointing ci-app at the payments key must not
    // make the rotation write that key into ci-app's targets.
    const { apiKey } = await admin.apiKeys.retrieve(latest);
    await admin.apiKeys.update(latest, { metadata: { ...apiKey.metadata, [META.rotatedFrom]: payRun.outputs['key-id']! } });
    const writes = actionWrites().length;
    const puts = gh.requests.filter((r) => r.method === 'PUT').length;

    const run = await runLater({ ...bothTargets, rollback: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`names as its predecessor ${payRun.outputs['key-prefix']}, a key named "payments", not "ci-app".* Nothing was changed[.]`));
    expect(actionWrites()).toHaveLength(writes);
    expect(gh.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts);
    for (const label of TARGETS) expect(await holderOf(label)).toBe(latest);
    expect(await isActive(payRun.outputs['key-id']!)).toBe(true);
    expectNoKeyPrinted(run);
  });

  it('is refused with nothing changed when the previous key was deleted', async () => {
    const { previous, latest } = await twoRotations();
    await admin.apiKeys.delete(previous);
    const writes = actionWrites().length;
    const puts = gh.requests.filter((r) => r.method === 'PUT').length;
    const run = await runLater({ ...bothTargets, rollback: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('was deleted (by delete-after or by hand), and its secret with it, so it cannot be brought back. Nothing was changed.');
    expect(actionWrites()).toHaveLength(writes);
    expect(gh.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts);
    for (const label of TARGETS) expect(await holderOf(label)).toBe(latest);
    expectNoKeyPrinted(run);
  });

  it('is refused with nothing changed after a compromised rotation', async () => {
    const { previous } = await twoRotations();
    const leak = await runLater({ ...bothTargets, compromised: 'true' });
    expect(leak.code, leak.stdout).toBe(0);
    const writes = actionWrites().length;
    const run = await runLater({ ...bothTargets, rollback: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('because its predecessor was compromised; rolling back would bring a leaked secret back');
    expect(actionWrites()).toHaveLength(writes);
    for (const label of TARGETS) expect(await holderOf(label)).toBe(leak.outputs['key-id']);
    expect(await isActive(previous)).toBe(false);
  });
});

describe('create-if-missing: true', () => {
  it('on an empty account, creates the key and seeds every target', async () => {
    // Another developer account, holding nothing but its management key.
    const account = emu.addDeveloper();
    const own = { ...bothTargets, 'management-key': account.keys.live, 'key-name': 'checkout-service' };
    const refused = await runLater(own);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('set create-if-missing: true');

    const run = await runLater({ ...own, 'create-if-missing': 'true' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ rotated: 'true', 'old-key-id': '', 'targets-updated': TARGETS.join(',') });
    const manager = new Dhmad({ apiKey: account.keys.live, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
    const keys = [];
    for await (const k of manager.apiKeys.list()) keys.push(k);
    expect(keys.map((k) => k.name).sort()).toEqual(['Management key (live)', 'checkout-service']);
    const { apiKey } = await manager.apiKeys.retrieve(run.outputs['key-id']!);
    expect(apiKey).toMatchObject({ name: 'checkout-service', isActive: true, keyPrefix: run.outputs['key-prefix'] });
    expect(apiKey.metadata[META.state]).toBe('complete');
    for (const label of TARGETS) expect(await holderOf(label)).toBe(apiKey.id);
    expect(run.summary).toContain('Created the key (create-if-missing)');
    expectNoKeyPrinted(run);
  });
});

describe('compromised: true with a target the token cannot reach', () => {
  it('still kills the leaked key at once, writes the others, and exits 1 naming the one it could not write', async () => {
    holdOld(TARGETS);
    gh.fail({ method: 'GET', path: /\/environments\/production\/secrets\/public-key$/, status: 403, body: { message: 'Resource not accessible by integration' }, times: Infinity });
    const run = await runLater({ ...bothTargets, compromised: 'true' });
    expect(run.code).toBe(1);
    const stale = new Dhmad({ apiKey: old.secret, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
    await expect(stale.me.retrieve()).rejects.toMatchObject({ status: 401, reason: 'inactive' });
    expect(run.outputs).toMatchObject({ 'targets-updated': 'repository:acme/api', 'targets-failed': 'environment:acme/api:production' });
    expect(await holderOf('repository:acme/api')).toBe(run.outputs['key-id']);
    expect(run.stdout).toMatch(/::error::.*environment:acme\/api:production/);
    expect(run.summary).toMatch(/\| environment:acme\/api:production \| environment \| ❌ failed: .* \| \S+ → still dead \|/);
    expectNoKeyPrinted(run);
  });
});

describe('a run killed at any write, then the schedule, then the same dispatch again', () => {
  interface Write {
    method: string;
    /** Which request of that method (1 = the first). */
    nth: number;
  }

  /**
   * The writes of one uninterrupted run, to DHMAD and GitHub, in order. The emulator records a
   * request's arrival on its clock (real time plus `offsetMs`), the stand-in its answer in real time;
   * the flows wait for each answer, and a read lies between a secret write and the next DHMAD write.
   */
  function writesSince(dhmadFrom: number, githubFrom: number): Write[] {
    const seen = new Map<string, number>();
    const order = [
      ...emu.requests.slice(dhmadFrom).filter((r) => r.method !== 'GET').map((r) => ({ method: r.method, at: Date.parse(r.at) })),
      ...gh.requests.slice(githubFrom).filter((r) => r.method === 'PUT').map((r) => ({ method: r.method, at: r.at + offsetMs })),
    ].sort((a, b) => a.at - b.at);
    return order.map(({ method }) => {
      const nth = (seen.get(method) ?? 0) + 1;
      seen.set(method, nth);
      return { method, nth };
    });
  }

  /** SIGKILL the bundle as it sends `at` (held unanswered, so it never lands); false when the run ended first. */
  async function killAt(at: Write, over: Record<string, string>): Promise<boolean> {
    const dhmadFrom = emu.requests.length;
    const githubFrom = gh.requests.length;
    if (at.method === 'PUT') {
      if (at.nth > 1) gh.fail({ method: 'PUT', path: /./, times: at.nth - 1 });
      gh.fail({ method: 'PUT', path: /./, hang: true });
    } else {
      if (at.nth > 1) emu.injectFault({ match: { method: at.method }, headers: { 'x-passed': 'yes' }, times: at.nth - 1 });
      emu.injectFault({ match: { method: at.method }, hang: true });
    }
    const hung = () => emu.requests.slice(dhmadFrom).some((r) => r.fault === 'hang') || gh.requests.slice(githubFrom).some((r) => r.status === 0);
    const started = startAction(inputs(over), env(), { clockOffsetMs: offsetMs });
    let ended = false;
    void started.done.then(() => (ended = true));
    await expect.poll(() => hung() || ended, { timeout: 20_000, interval: 20 }).toBe(true);
    const reached = hung();
    started.kill();
    expectNoKeyPrinted(await started.done);
    emu.clearFaults();
    gh.faults.length = 0;
    return reached;
  }

  /** Every target holds a working key of ci-app; returns the key ids they hold. */
  async function holders(): Promise<string[]> {
    return Promise.all(TARGETS.map(holderOf));
  }

  const schedule = { ...bothTargets, 'grace-period': '1h', 'idle-period': '1d', 'min-age': '30d' };

  /**
   * For each write of an uninterrupted `flow` run but the first (before it nothing changed), and
   * between the two secret writes: a fresh world, `prepare`, the run killed there, then the
   * schedule (every target must hold a working key after it), then the dispatch again, which must
   * end as an uninterrupted run would (`expectDone`). No run may print a key.
   */
  async function everyCrash(flow: Record<string, string>, prepare: () => Promise<void>, expectDone: (rerun: ActionRun) => Promise<void>): Promise<Write[]> {
    await prepare();
    const dhmadFrom = emu.requests.length;
    const githubFrom = gh.requests.length;
    const clean = await runLater({ ...bothTargets, concurrency: '1', ...flow });
    expect(clean.code, clean.stdout).toBe(0);
    await expectDone(clean);
    const writes = writesSince(dhmadFrom, githubFrom);
    expect(writes.filter((w) => w.method === 'PUT')).toHaveLength(TARGETS.length);
    for (const at of writes.slice(1)) {
      await stopWorld();
      await startWorld();
      await prepare();
      expect(await killAt(at, { ...bothTargets, concurrency: '1', ...flow }), `${at.method} #${at.nth} reached`).toBe(true);
      const scheduled = await runLater(schedule);
      expect(scheduled.code, `after a kill at ${at.method} #${at.nth}, the schedule: ${scheduled.stdout}`).toBe(0);
      await holders();
      const rerun = await runLater({ ...bothTargets, ...flow });
      expect(rerun.code, `after a kill at ${at.method} #${at.nth}, the rerun: ${rerun.stdout}`).toBe(0);
      await expectDone(rerun);
      for (const run of [scheduled, rerun]) expectNoKeyPrinted(run);
    }
    return writes;
  }

  it('compromised: the leaked key ends dead, every target holds the one active key', async () => {
    const writes = await everyCrash(
      { compromised: 'true' },
      async () => holdOld(TARGETS),
      async (run) => {
        const stale = new Dhmad({ apiKey: old.secret, baseUrl: emu.liveUrl, maxRetries: 0, logLevel: 'off' });
        await expect(stale.me.retrieve()).rejects.toMatchObject({ status: 401 });
        expect(await holders()).toEqual(TARGETS.map(() => run.outputs['key-id']));
        expect((await activeKeys()).map((k) => k.id)).toEqual([run.outputs['key-id']]);
      },
    );
    expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH', 'PUT', 'PUT', 'PATCH']);
  }, 180_000);

  it('rollback: every target ends holding the previous key, never the one before it', async () => {
    let previous = '';
    const writes = await everyCrash(
      { rollback: 'true' },
      async () => {
        holdOld(TARGETS);
        previous = (await runLater(bothTargets)).outputs['key-id']!;
        expect((await runLater(bothTargets)).code).toBe(0);
      },
      async (run) => {
        expect(run.outputs['key-id']).toBe(previous);
        expect(await holders()).toEqual(TARGETS.map(() => previous));
        expect((await activeKeys()).map((k) => k.id)).toEqual([previous]);
      },
    );
    expect(writes.map((w) => w.method)).toEqual(['PATCH', 'PATCH', 'PUT', 'PUT', 'PATCH', 'PATCH']);
  }, 180_000);
});
