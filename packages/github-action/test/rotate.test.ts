import { describe, expect, it } from 'vitest';
import { META } from '../src/core/family.js';
import { REPLAY_WINDOW_MS, rotate, rotationIdempotencyKey } from '../src/core/rotate.js';
import type { SecretStore } from '../src/core/types.js';
import { TargetError } from '../src/core/types.js';
import { DAY, HOUR, RecordingLogger, expectNoSecret, forbidden, plan, setup, trackActive } from './fakes.js';
import type { Setup } from './fakes.js';

describe('a clean overlap rotation', () => {
  it('writes a working new key to every target, then deactivates the old one', async () => {
    const s = setup();
    const seen = trackActive(s.api);
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);

    expect(report).toMatchObject({ outcome: 'rotated', rotated: true, failed: false, oldKeyId: s.old.key.id });
    const [fresh] = s.api.activeOf('ci');
    expect(s.api.activeOf('ci')).toHaveLength(1);
    expect(fresh!.id).toBe(report.keyId);
    expect(fresh!.keyPrefix).toBe(report.keyPrefix);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(fresh!.id);
    expect(s.api.holder(s.old.secret)).toBeNull();
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
    expect(report.targets.map((t) => t.result)).toEqual(['updated', 'updated', 'updated']);
    expect(report.targets.every((t) => t.at === s.clock.now().toISOString())).toBe(true);
    expect(report.actions).toEqual([`deactivated ${s.old.key.keyPrefix}`]);
    expect(seen.max).toBe(2);
  });

  it('copies name, rate limit, scopes and metadata, and records the rotation in metadata', async () => {
    const s = setup(1);
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    const fresh = s.api.keys.get(report.keyId!)!;
    expect(fresh).toMatchObject({ name: 'ci', rateLimit: 250, environment: 'live', scopes: [] });
    expect(fresh.metadata).toEqual({
      appName: 'shop',
      website: 'https://shop.example',
      [META.rotatedFrom]: s.old.key.id,
      [META.origin]: s.old.key.id,
      [META.state]: 'complete',
      [META.completedAt]: s.clock.now().toISOString(),
      [META.sealed]: expect.any(String),
    });
  });

  it('creates with an idempotency key derived from the replaced key, so a retried create mints nothing new', async () => {
    const s = setup(1);
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(s.api.idempotencyKeys).toEqual([rotationIdempotencyKey(s.old.key)]);
    expect(s.api.calls.filter((c) => c === 'create')).toHaveLength(1);
  });

  it('masks the new secret before printing anything after the create, and never prints a key', async () => {
    const s = setup();
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    const secret = s.stores[0]!.value!;
    const maskAt = s.logger.events.findIndex((e) => e.kind === 'mask' && e.text === secret);
    const createdAt = s.logger.events.findIndex((e) => e.kind === 'print' && e.text.startsWith('Created '));
    expect(maskAt).toBeGreaterThanOrEqual(0);
    expect(maskAt).toBeLessThan(createdAt);
    expect(s.logger.text).toContain(report.keyPrefix!);
    expectNoSecret(s, report, [secret]);
  });
});

describe('preflight: any failure ends the run having created nothing', () => {
  const cases: [string, (s: Setup) => void, RegExp][] = [
    ['the management key does not work', (s) => s.api.faults.set('whoami', new Error('401 Invalid or expired API key')), /management key does not work.*401/],
    ['the management key may not list keys', (s) => s.api.faults.set('list', new Error('403 Forbidden.')), /cannot list keys: 403 Forbidden\. It needs the keys:manage scope\.$/],
    [
      'the API says the management key lacks keys:manage',
      (s) => s.api.faults.set('list', new Error('It lacks the "keys:manage" scope.')),
      /cannot list keys: It lacks the "keys:manage" scope\.$/,
    ],
    ['a target is not writable', (s) => (s.stores[1]!.preflightError = forbidden()), /Preflight failed for 1 of 3 targets.*repository:acme\/app1.*secrets=write/s],
    ['the key does not exist', (s) => s.api.keys.delete(s.old.key.id), /No DHMAD key named "ci" exists.*set create-if-missing: true/],
    ['the key is the management key', (s) => s.api.keys.delete(s.old.key.id) && void (s.api.keys.get(s.api.managerId)!.name = 'ci'), /is the key to rotate/],
    ['the key is of another environment', (s) => void (s.api.keys.get(s.old.key.id)!.environment = 'sandbox'), /in the live environment, the only one the management key sk_live_[0-9a-f]{6} can manage/],
    ['two unrelated active keys share the name', (s) => void s.api.seed({ name: 'ci' }), /2 active keys are named "ci"/],
  ];
  for (const [what, arrange, message] of cases) {
    it(`stops when ${what}`, async () => {
      const s = setup();
      arrange(s);
      // lastUsedAt aside: preflight's own GET /me is a use of the management key.
      const state = () => JSON.stringify([...s.api.keys.values()].map(({ lastUsedAt: _, ...k }) => k));
      const before = state();
      const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
      expect(report).toMatchObject({ outcome: 'preflight-failed', failed: true, rotated: false });
      expect(report.errors.join('\n')).toMatch(message);
      expect(s.logger.text).toMatch(message);
      expect(s.api.calls.filter((c) => !['whoami', 'list'].includes(c))).toEqual([]);
      expect(state()).toBe(before);
      expect(s.stores.every((st) => st.writes === 0)).toBe(true);
    });
  }

  it('names the key by id when key-id is unknown', async () => {
    const s = setup();
    const report = await rotate(plan({ keyName: null, keyId: 'f'.repeat(24) }), s.api, s.stores, s.logger, s.clock);
    expect(report.errors[0]).toMatch(/No live key with id f{24}/);
  });
});

describe('dry-run', () => {
  it('prints the plan after preflight and changes nothing', async () => {
    const s = setup();
    const report = await rotate(plan({ dryRun: true, gracePeriodMs: 2 * DAY }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'dry-run', rotated: false, failed: false, keyId: s.old.key.id });
    expect(report.targets.map((t) => t.result)).toEqual(['planned', 'planned', 'planned']);
    expect(s.api.calls).toEqual(['whoami', 'list']);
    expect(s.logger.text).toContain('Dry run: nothing was created or changed');
    expect(s.logger.text).toContain(`keep ${s.old.key.keyPrefix} active for 2d`);
    expect(s.stores.every((st) => st.value === s.old.secret)).toBe(true);
  });

  it('plans the retirement of a predecessor whose grace period is over, and changes nothing', async () => {
    const s = setup();
    const first = await rotate(plan({ gracePeriodMs: 7 * DAY }), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(8 * DAY);
    const calls = s.api.calls.length;
    const logger = new RecordingLogger();
    const report = await rotate(plan({ gracePeriodMs: 7 * DAY, minAgeMs: 30 * DAY, dryRun: true }), s.api, s.stores, logger, s.clock);
    expect(report).toMatchObject({ outcome: 'dry-run', failed: false, keyId: first.keyId, oldKeyId: s.old.key.id });
    expect(logger.text).toContain(`1. deactivate ${s.old.key.keyPrefix} (grace period over)`);
    expect(logger.text).toContain(`2. keep ${first.keyPrefix}: younger than min-age`);
    expect(s.api.calls.slice(calls)).toEqual(['whoami', 'list']);
    expect(s.api.activeOf('ci')).toHaveLength(2);
  });
});

describe('a target that fails', () => {
  it('leaves the predecessor untouched, keeps the new key active, and fails the run naming the target', async () => {
    const s = setup();
    s.stores[2]!.writeErrors.push(new TargetError('422 Unprocessable', 422));
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);

    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true, rotated: false, oldKeyId: s.old.key.id });
    expect(report.errors[0]).toContain('repository:acme/app2');
    expect(report.targets.map((t) => t.result)).toEqual(['updated', 'updated', 'failed']);
    expect(s.api.calls.some((c) => c.startsWith('deactivate'))).toBe(false);
    // Every target still holds a working key.
    for (const store of s.stores) expect(s.api.holder(store.value)).not.toBeNull();
    expect(s.api.holder(s.stores[2]!.value)?.id).toBe(s.old.key.id);
    expect(s.api.keys.get(report.keyId!)?.metadata[META.state]).toBe('pending');
  });

  it('never prints a key that a store error carries', async () => {
    const s = setup(1);
    s.stores[0]!.writeErrors.push(new TargetError(`500 echoed ${s.old.secret}`, 500));
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(report.failed).toBe(true);
    expect(s.logger.text).toContain(`${s.old.key.keyPrefix}…`);
    expectNoSecret(s, report, []);
  });
});

describe('a later run converges a rotation left halfway', () => {
  it('finishes after a failed target: same new key, every target updated, predecessor retired, never 3 active keys', async () => {
    const s = setup();
    const seen = trackActive(s.api);
    s.stores[2]!.writeErrors.push(forbidden());
    const first = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(2 * HOUR);
    const second = await rotate(plan({ minAgeMs: 30 * DAY }), s.api, s.stores, new RecordingLogger(), s.clock);

    expect(second).toMatchObject({ outcome: 'completed-pending', rotated: true, failed: false, keyId: first.keyId, oldKeyId: s.old.key.id });
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([first.keyId]);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(first.keyId);
    expect(s.api.keys.get(first.keyId!)?.metadata[META.state]).toBe('complete');
    expect(seen.max).toBe(2);
  });

  it('finishes after a crash between writing the targets and retiring the old key', async () => {
    const s = setup();
    s.api.faults.set('setMetadata', new Error('socket hang up'));
    const first = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(first.failed).toBe(true);
    expect(s.api.activeOf('ci')).toHaveLength(2);

    const second = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(second.outcome).toBe('completed-pending');
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([first.keyId]);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
  });

  it('refuses, creating nothing, when the replay window has passed', async () => {
    const s = setup();
    s.stores[0]!.writeErrors.push(forbidden());
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(REPLAY_WINDOW_MS + HOUR);
    const calls = s.api.calls.length;
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(report.failed).toBe(true);
    expect(report.errors[0]).toMatch(/left halfway .* ago.*third active key/s);
    expect(s.api.calls.slice(calls)).toEqual(['whoami', 'list']);
    expect(s.api.activeOf('ci')).toHaveLength(2);
  });

  it('deletes a key the API minted instead of replaying, keeping two active keys', async () => {
    const s = setup();
    s.stores[0]!.writeErrors.push(forbidden());
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    s.api.replayMs = 0;
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(report.failed).toBe(true);
    expect(report.actions[0]).toMatch(/^deleted sk_live_[0-9a-f]{6} \(minted instead of replayed\)$/);
    expect(s.api.activeOf('ci')).toHaveLength(2);
  });

  it('rotates the unfinished key itself when its predecessor is gone', async () => {
    const s = setup(2);
    s.stores[0]!.writeErrors.push(forbidden());
    const first = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    await s.api.deactivate(s.old.key.id);
    s.clock.advance(2 * DAY);
    const second = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(second).toMatchObject({ outcome: 'rotated', oldKeyId: first.keyId });
    const active = s.api.activeOf('ci');
    expect(active).toHaveLength(1);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(active[0]!.id);
  });

  it('finishes the rotation of an unfinished key that itself failed halfway', async () => {
    const s = setup(2);
    const seen = trackActive(s.api);
    s.stores[0]!.writeErrors.push(forbidden());
    const first = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    await s.api.deactivate(s.old.key.id);
    s.clock.advance(2 * DAY);
    s.stores[1]!.writeErrors.push(forbidden());
    const second = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(second).toMatchObject({ outcome: 'targets-failed', oldKeyId: first.keyId });
    // Both are active and marked pending; the newer one replaces the older, which is not a second unfinished rotation.
    expect(s.api.activeOf('ci').every((k) => k.metadata[META.state] === 'pending')).toBe(true);
    const third = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(third).toMatchObject({ outcome: 'completed-pending', failed: false, keyId: second.keyId, oldKeyId: first.keyId });
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([second.keyId]);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(second.keyId);
    expect(seen.max).toBe(2);
  });
});

describe('two runs at once', () => {
  it('mint one replacement between them, through the shared idempotency key', async () => {
    const s = setup();
    const seen = trackActive(s.api);
    const [a, b] = await Promise.all([
      rotate(plan(), s.api, s.stores, s.logger, s.clock),
      rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock),
    ]);
    expect(a.keyId).toBe(b.keyId);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([a.keyId]);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(a.keyId);
    expect(seen.max).toBe(2);
  });
});

describe('two runs at once, one of them with a slow GitHub write', () => {
  it('never leaves a target holding a key a later run retired, and never claims the old key stays active', async () => {
    const s = setup(2);
    // Run A creates the replacement; its write to app0 is slow to land.
    const slow = s.stores[0]!.holdNextWrite();
    const aLogger = new RecordingLogger();
    const a = rotate(plan(), s.api, s.stores, aLogger, s.clock);
    await slow.started;
    // Meanwhile run B finishes A's rotation (replaying its create) and retires the old key,
    // and run C rotates again and retires A's key.
    const b = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(b).toMatchObject({ outcome: 'completed-pending', failed: false });
    const c = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(c).toMatchObject({ outcome: 'rotated', failed: false, oldKeyId: b.keyId });
    // Now A's write lands, with the key C retired.
    slow.release();
    const report = await a;

    for (const store of s.stores) expect(s.api.holder(store.value)?.id, store.label).toBe(c.keyId);
    expect(report).toMatchObject({ failed: false, keyId: c.keyId });
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([c.keyId]);
    expect(aLogger.text).toContain(`retired by another run while this run wrote it`);
    // Only C's key is active (above), so A's log may say of neither retired key that it stays active.
    for (const key of [s.old.key, s.api.keys.get(b.keyId!)!]) expect(aLogger.text).not.toMatch(new RegExp(`${key.keyPrefix}[^.]*stays active`));
  });

  it('says truly what became of the old key when another run retired it during a failed write', async () => {
    const s = setup(2);
    s.stores[1]!.writeErrors.push(forbidden());
    const slow = s.stores[0]!.holdNextWrite();
    const aLogger = new RecordingLogger();
    const a = rotate(plan(), s.api, s.stores, aLogger, s.clock);
    await slow.started;
    await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
    slow.release();
    const report = await a;
    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(report.errors[0]).toContain(`They held ${s.old.key.keyPrefix} before this run: ${s.old.key.keyPrefix} was deactivated meanwhile`);
    expect(aLogger.text).not.toMatch(new RegExp(`${s.old.key.keyPrefix}[^.]*stays active`));
  });

  it('says the old key was deleted when it was deleted by hand during a failed write', async () => {
    const s = setup(2);
    s.stores[1]!.writeErrors.push(forbidden());
    const slow = s.stores[0]!.holdNextWrite();
    const a = rotate(plan(), s.api, s.stores, s.logger, s.clock);
    await slow.started;
    await s.api.delete(s.old.key.id);
    slow.release();
    const report = await a;
    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(report.errors[0]).toContain(`They held ${s.old.key.keyPrefix} before this run: ${s.old.key.keyPrefix} was deleted meanwhile`);
  });
});

describe('grace-period and delete-after', () => {
  it('keeps the predecessor active until the grace period is over, then a later run deactivates it', async () => {
    const s = setup();
    const p = plan({ gracePeriodMs: 7 * DAY, minAgeMs: 30 * DAY });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    expect(first.outcome).toBe('rotated');
    expect(s.api.activeOf('ci')).toHaveLength(2);
    expect(s.api.holder(s.old.secret)?.id).toBe(s.old.key.id);

    s.clock.advance(DAY);
    const during = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(during).toMatchObject({ outcome: 'skipped-grace', rotated: false, failed: false, keyId: first.keyId });
    expect(s.api.activeOf('ci')).toHaveLength(2);

    s.clock.advance(6 * DAY);
    const after = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(after).toMatchObject({ outcome: 'skipped-min-age', keyId: first.keyId });
    expect(after.actions).toEqual([`deactivated ${s.old.key.keyPrefix}`]);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([first.keyId]);
  });

  it('counts the grace period of a successor made by hand from its last update', async () => {
    const s = setup(1);
    const successor = s.api.seed({ name: 'ci', metadata: { [META.rotatedFrom]: s.old.key.id } });
    const p = plan({ gracePeriodMs: DAY, minAgeMs: 30 * DAY });
    const during = await rotate(p, s.api, s.stores, s.logger, s.clock);
    expect(during).toMatchObject({ outcome: 'skipped-grace', keyId: successor.key.id, oldKeyId: s.old.key.id });
    s.clock.advance(DAY);
    const after = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(after.actions).toEqual([`deactivated ${s.old.key.keyPrefix}`]);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([successor.key.id]);
  });

  it('does not start another rotation while a predecessor is in its grace period', async () => {
    const s = setup();
    const seen = trackActive(s.api);
    const p = plan({ gracePeriodMs: 7 * DAY });
    await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(DAY);
    const report = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(report.outcome).toBe('skipped-grace');
    expect(s.api.calls.filter((c) => c === 'create')).toHaveLength(1);
    expect(seen.max).toBe(2);
  });

  it('deletes deactivated predecessors older than delete-after, and only those', async () => {
    const s = setup(1);
    const p = plan({ deleteAfterMs: 10 * DAY });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(5 * DAY);
    const second = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(second.actions).toEqual([`deactivated ${s.api.keys.get(first.keyId!)!.keyPrefix}`]);
    expect(s.api.keys.has(s.old.key.id)).toBe(true);

    s.clock.advance(6 * DAY);
    const third = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(third.actions).toContain(`deleted ${s.old.key.keyPrefix}`);
    expect(s.api.keys.has(s.old.key.id)).toBe(false);
    expect(s.api.keys.has(first.keyId!)).toBe(true);
    expect(s.api.keys.get(s.api.managerId)).toBeDefined();
  });
});

describe('min-age', () => {
  it('skips a key younger than min-age without creating anything', async () => {
    const s = setup();
    const report = await rotate(plan({ minAgeMs: 120 * DAY }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'skipped-min-age', rotated: false, failed: false, keyId: s.old.key.id, keyPrefix: s.old.key.keyPrefix });
    expect(s.api.calls).toEqual(['whoami', 'list']);
    expect(s.logger.text).toMatch(/is 90d old, younger than min-age 120d/);
  });
});

describe('key-id', () => {
  it('follows the key it names through earlier rotations', async () => {
    const s = setup(1);
    const p = plan({ keyName: null, keyId: s.old.key.id });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(DAY);
    const second = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(second).toMatchObject({ outcome: 'rotated', oldKeyId: first.keyId });
    expect(s.api.activeOf('ci')).toHaveLength(1);
  });
});

describe('key-id with delete-after', () => {
  it('deletes the old keys but the one key-id names, so later runs always find the family', async () => {
    const s = setup(1);
    const p = plan({ keyName: null, keyId: s.old.key.id, deleteAfterMs: 10 * DAY });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(11 * DAY);
    await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    s.clock.advance(11 * DAY);
    const third = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(third).toMatchObject({ outcome: 'rotated', failed: false, actions: expect.arrayContaining([`deleted ${first.keyPrefix}`]) });
    expect(third.actions).not.toContain(`deleted ${s.old.key.keyPrefix}`);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
    expect(s.api.holder(s.stores[0]!.value)?.id).toBe(third.keyId);
  });

  it('counts delete-after from the deactivation, not from a later change of the metadata', async () => {
    const s = setup(1);
    const p = plan({ deleteAfterMs: 10 * DAY });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(6 * DAY);
    // The next rotation drops the first key's predecessor's sealed copy; a person edits the metadata.
    await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    s.api.keys.get(s.old.key.id)!.updatedAt = s.clock.now().toISOString();
    s.clock.advance(5 * DAY);
    const later = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(later.actions).toEqual(expect.arrayContaining([`deleted ${s.old.key.keyPrefix}`]));
    expect(later.actions).not.toContain(`deleted ${first.keyPrefix}`);
  });

  it('keeps rotating when the id names a key of the middle of the chain, not its first', async () => {
    // A workflow set up after the first rotation, with the id the dashboard showed then.
    const s = setup(1);
    const named = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    const p = plan({ keyName: null, keyId: named.keyId!, deleteAfterMs: 10 * DAY });
    for (let i = 0; i < 6; i++) {
      s.clock.advance(11 * DAY);
      const run = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
      expect(run, `rotation ${i + 1}: ${run.errors.join(' ')}`).toMatchObject({ outcome: 'rotated', failed: false });
      expect(s.api.holder(s.stores[0]!.value)?.id).toBe(run.keyId);
    }
  });

  it('follows it when the named key and its direct successor were both deleted by hand', async () => {
    const s = setup(1);
    const p = plan({ keyName: null, keyId: s.old.key.id });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(DAY);
    const second = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    await s.api.delete(s.old.key.id);
    await s.api.delete(first.keyId!);
    const third = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(third).toMatchObject({ outcome: 'rotated', failed: false, oldKeyId: second.keyId });
  });
});

describe('verifying the new key', () => {
  it('writes no target when the new key does not answer GET /me', async () => {
    const s = setup();
    s.api.faults.set('verify', new Error('401 Invalid or expired API key'));
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'failed', failed: true });
    expect(report.errors[0]).toMatch(/does not work \(GET \/me\).*No target was written/);
    expect(s.stores.every((st) => st.writes === 0)).toBe(true);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
  });

  it('keeps the predecessor active when the new key stops working while the targets are written', async () => {
    const s = setup(1);
    // Someone deactivates the new key in the dashboard mid-run.
    const revoking: SecretStore = {
      scope: 'repository',
      label: 'repository:acme/revoked',
      preflight: async () => {},
      write: async (secret) => {
        s.api.keys.get(s.api.holder(secret)!.id)!.isActive = false;
      },
    };
    const report = await rotate(plan(), s.api, [...s.stores, revoking], s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'failed', failed: true, rotated: false });
    expect(report.errors[0]).toMatch(
      /The new key sk_live_[0-9a-f]{6} does not work \(GET \/me\).*repository:acme\/app0, repository:acme\/revoked may hold a dead key\. sk_live_[0-9a-f]{6} stays active\. Run again/,
    );
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
    expect(s.api.calls.filter((c) => c.startsWith('deactivate'))).toEqual([]);

    // Some targets hold the dead key, so the next run rotates whatever min-age says.
    const next = await rotate(plan({ minAgeMs: 365 * DAY }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(next).toMatchObject({ outcome: 'rotated', failed: false, oldKeyId: s.old.key.id });
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(next.keyId);
  });
});

describe('strategy: regenerate', () => {
  it('keeps the key id, gives every target the new secret, and the old secret stops working', async () => {
    const s = setup();
    const report = await rotate(plan({ strategy: 'regenerate' }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'regenerated', rotated: true, keyId: s.old.key.id, oldKeyId: s.old.key.id });
    expect(report.keyPrefix).not.toBe(s.old.key.keyPrefix);
    expect(s.api.holder(s.old.secret)).toBeNull();
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(s.old.key.id);
    expect(s.logger.masked).toEqual([s.stores[0]!.value]);
    expect(s.logger.text).toMatch(/old secret no longer works/);
  });

  it('says plainly that a failed target holds a dead secret', async () => {
    const s = setup();
    s.stores[1]!.writeErrors.push(forbidden());
    const report = await rotate(plan({ strategy: 'regenerate' }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(report.errors[0]).toMatch(/old secret, which no longer works/);
    expect(s.api.holder(s.stores[1]!.value)).toBeNull();
  });

  it('counts min-age from the last regeneration, not from when the key was created', async () => {
    const s = setup();
    const p = plan({ strategy: 'regenerate', minAgeMs: 20 * DAY });
    const first = await rotate(p, s.api, s.stores, s.logger, s.clock);
    expect(first.outcome).toBe('regenerated');
    const secret = s.stores[0]!.value;
    s.clock.advance(DAY);
    const rerun = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(rerun).toMatchObject({ outcome: 'skipped-min-age', rotated: false });
    expect(s.api.calls.filter((c) => c.startsWith('regenerate'))).toHaveLength(1);
    expect(s.api.holder(secret)?.id).toBe(s.old.key.id);
    s.clock.advance(20 * DAY);
    expect((await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock)).outcome).toBe('regenerated');
  });

  it('regenerates again on the next run after a failed target, whatever min-age says', async () => {
    const s = setup();
    s.stores[1]!.writeErrors.push(forbidden());
    const p = plan({ strategy: 'regenerate', minAgeMs: 20 * DAY });
    expect((await rotate(p, s.api, s.stores, s.logger, s.clock)).outcome).toBe('targets-failed');
    const rerun = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(rerun.outcome).toBe('regenerated');
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(s.old.key.id);
  });

  it('refuses while an overlap rotation is in progress', async () => {
    const s = setup();
    s.stores[0]!.writeErrors.push(forbidden());
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    const report = await rotate(plan({ strategy: 'regenerate' }), s.api, s.stores, s.logger, s.clock);
    expect(report.outcome).toBe('preflight-failed');
    expect(s.api.calls.filter((c) => c.startsWith('regenerate'))).toEqual([]);
  });
});
