import { describe, expect, it } from 'vitest';
import { META } from '../src/core/family.js';
import { rotate } from '../src/core/rotate.js';
import { DAY, FakeStore, RecordingLogger, forbidden, keyState, plan, setup } from './fakes.js';
import type { Setup } from './fakes.js';

/** Two rotations by the action: the hand-made key, then `previous` (made and sealed by the action), then `latest`. */
async function twoRotations(s: Setup, over = {}) {
  const previous = await rotate(plan(over), s.api, s.stores, s.logger, s.clock);
  s.clock.advance(31 * DAY);
  const latest = await rotate(plan(over), s.api, s.stores, new RecordingLogger(), s.clock);
  return { previous, latest };
}

async function expectRefused(s: Setup, message: RegExp): Promise<void> {
  const before = keyState(s.api);
  const values = s.stores.map((st) => st.value);
  const report = await rotate(plan({ rollback: true }), s.api, s.stores, s.logger, s.clock);
  expect(report).toMatchObject({ outcome: 'preflight-failed', failed: true, rotated: false });
  expect(report.errors[0]).toMatch(message);
  expect(report.errors[0]).toMatch(/Nothing was changed\.$/);
  expect(keyState(s.api)).toBe(before);
  expect(s.stores.map((st) => st.value)).toEqual(values);
}

describe('rollback: true', () => {
  it('writes the predecessor back to every target, reactivated and working, then deactivates the newer key', async () => {
    const s = setup();
    const { previous, latest } = await twoRotations(s, { minAgeMs: 30 * DAY });
    expect(s.api.keys.get(previous.keyId!)?.isActive).toBe(false);
    const logger = new RecordingLogger();
    const report = await rotate(plan({ rollback: true }), s.api, s.stores, logger, s.clock);

    expect(report).toMatchObject({ outcome: 'rolled-back', failed: false, rotated: true, keyId: previous.keyId, oldKeyId: latest.keyId });
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(previous.keyId);
    expect(s.api.keys.get(latest.keyId!)?.isActive).toBe(false);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([previous.keyId]);
    expect(report.actions).toEqual([`reactivated ${previous.keyPrefix}`, `deactivated ${latest.keyPrefix}`]);
    // The recovered secret was masked before anything could print it.
    expect(logger.masked).toContain(s.stores[0]!.value);

    // min-age counts from the rollback: the next scheduled run does not rotate straight away.
    s.clock.advance(DAY);
    expect((await rotate(plan({ minAgeMs: 30 * DAY }), s.api, s.stores, new RecordingLogger(), s.clock)).outcome).toBe('skipped-min-age');
    // And once it is due, it makes a new key rather than replaying the one rolled back.
    const again = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(again).toMatchObject({ outcome: 'rotated', failed: false, oldKeyId: previous.keyId });
    expect(again.keyId).not.toBe(latest.keyId);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(again.keyId);
  });

  it('during a grace period, writes the still-active predecessor back without reactivating anything', async () => {
    const s = setup();
    const previous = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(31 * DAY);
    const latest = await rotate(plan({ gracePeriodMs: 7 * DAY }), s.api, s.stores, new RecordingLogger(), s.clock);
    const report = await rotate(plan({ rollback: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(report).toMatchObject({ outcome: 'rolled-back', failed: false });
    expect(report.actions).toEqual([`deactivated ${latest.keyPrefix}`]);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(previous.keyId);
  });

  it('keeps both keys active when a target cannot be written, and the next run finishes the rollback', async () => {
    const s = setup();
    const { previous, latest } = await twoRotations(s);
    s.stores[1]!.writeErrors.push(forbidden());
    const failed = await rotate(plan({ rollback: true }), s.api, s.stores, s.logger, s.clock);
    expect(failed).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(failed.errors[0]).toMatch(/repository:acme\/app1.*Both sk_live_[0-9a-f]{6} and sk_live_[0-9a-f]{6} stay active/);
    for (const store of s.stores) expect(s.api.holder(store.value)).not.toBeNull();
    // A scheduled run in between finishes the rollback: it never delivers the key being undone again.
    const between = new RecordingLogger();
    const scheduled = await rotate(plan(), s.api, s.stores, between, s.clock);
    expect(scheduled).toMatchObject({ outcome: 'rolled-back', failed: false, keyId: previous.keyId, oldKeyId: latest.keyId });
    expect(between.text).toContain(`Found a rollback left halfway, from ${latest.keyPrefix} back to ${previous.keyPrefix}: finishing it.`);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(previous.keyId);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([previous.keyId]);
  });

  it('run again, writes the restored key to every target again and goes no further back', async () => {
    const s = setup();
    const first = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    const { previous, latest } = await twoRotations(s);
    expect((await rotate(plan({ rollback: true }), s.api, s.stores, new RecordingLogger(), s.clock)).keyId).toBe(previous.keyId);
    const again = await rotate(plan({ rollback: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(again).toMatchObject({ outcome: 'rolled-back', failed: false, keyId: previous.keyId, oldKeyId: latest.keyId, actions: [] });
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(previous.keyId);
    expect(s.api.keys.get(first.keyId!)?.isActive).toBe(false);
  });

  it('dry run: plans the rollback and changes nothing', async () => {
    const s = setup();
    const { previous, latest } = await twoRotations(s);
    const before = keyState(s.api);
    const report = await rotate(plan({ rollback: true, dryRun: true }), s.api, s.stores, s.logger, s.clock);
    expect(report.plan).toEqual([
      `reactivate ${previous.keyPrefix}`,
      `verify ${previous.keyPrefix} with GET /me`,
      'write it back as DHMAD_API_KEY to 3 target(s)',
      `deactivate ${latest.keyPrefix}`,
    ]);
    expect(keyState(s.api)).toBe(before);
  });
});

describe('rollback is refused, changing nothing', () => {
  it('when the predecessor was deleted', async () => {
    const s = setup();
    const { previous } = await twoRotations(s);
    await s.api.delete(previous.keyId!);
    await expectRefused(s, /was deleted \(by delete-after or by hand\), and its secret with it/);
  });

  it('when the rotation was made because the key was compromised', async () => {
    const s = setup();
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    await rotate(plan({ compromised: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    await expectRefused(s, /because its predecessor was compromised; rolling back would bring a leaked secret back/);
  });

  it('when the predecessor was made by hand, so the action kept no sealed copy of its secret', async () => {
    const s = setup();
    await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    await expectRefused(s, /cannot be recovered: this action did not deliver it/);
  });

  it('when its sealed copy does not open with this management key', async () => {
    const s = setup();
    const { previous } = await twoRotations(s);
    s.api.keys.get(previous.keyId!)!.metadata[META.sealed] = 'v1.sealed-by-another-management-key';
    await expectRefused(s, /opens only with the management key that sealed it/);
  });

  it('when the newer key names a key of another name as its predecessor (its metadata was edited)', async () => {
    const s = setup();
    const { latest } = await twoRotations(s);
    // Another family this management key delivered, so its sealed copy would open.
    const other = s.api.seed({ name: 'payments' });
    const payStore = new FakeStore('repository:acme/pay', other.secret);
    const pay = await rotate(plan({ keyName: 'payments' }), s.api, [payStore], new RecordingLogger(), s.clock);
    s.api.keys.get(latest.keyId!)!.metadata[META.rotatedFrom] = pay.keyId!;
    await expectRefused(s, /names as its predecessor sk_live_[0-9a-f]{6}, a key named "payments", not "ci"/);
  });

  it('when there is no rotation to undo', async () => {
    const s = setup();
    await expectRefused(s, /not made by a rotation of this action .* no rotation to roll back/);
  });
});
