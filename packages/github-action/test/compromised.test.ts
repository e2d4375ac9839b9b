import { describe, expect, it } from 'vitest';
import { META } from '../src/core/family.js';
import { rotate } from '../src/core/rotate.js';
import { renderSummary } from '../src/runner/summary.js';
import { DAY, HOUR, RecordingLogger, expectNoSecret, forbidden, keyState, plan, setup, trackActive } from './fakes.js';

// Grace, idle and min-age all set: a compromise must wait for none of them.
const leak = (over = {}) => plan({ compromised: true, gracePeriodMs: 7 * DAY, idlePeriodMs: DAY, minAgeMs: 30 * DAY, ...over });

describe('compromised: true', () => {
  it('kills the old secret at once, writes a working new key everywhere, and reports each dead-key window and the old key\'s use', async () => {
    const s = setup();
    s.clock.advance(-2 * DAY);
    s.api.use(s.old.secret);
    s.clock.advance(DAY);
    s.api.use(s.old.secret);
    s.api.use(s.old.secret);
    s.clock.advance(DAY);
    const report = await rotate(leak(), s.api, s.stores, s.logger, s.clock);

    expect(report).toMatchObject({ outcome: 'compromised', failed: false, rotated: true, oldKeyId: s.old.key.id });
    expect(s.api.holder(s.old.secret)).toBeNull();
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([report.keyId]);
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(report.keyId);
    for (const t of report.targets) expect(t).toMatchObject({ result: 'updated', deadFrom: expect.any(String), at: expect.any(String) });
    expect(report.leaked).toEqual([
      expect.objectContaining({ keyPrefix: s.old.key.keyPrefix, total: 3, window: 30, days: [expect.objectContaining({ requests: 1 }), expect.objectContaining({ requests: 2 })] }),
    ]);
    expect(s.api.keys.get(report.keyId!)?.metadata[META.compromised]).toBe('true');

    const md = renderSummary(report, leak());
    expect(md).toContain('Replaced a compromised key');
    expect(md).toContain('| Target | Scope | Result | Time | Dead-key window |');
    expect(md).toMatch(/\| repository:acme\/app0 \| repository \| ✅ updated \| \S+ \| \S+ → \S+ \(0s\) \|/);
    expect(md).toContain('### Use of the compromised key(s), last 30 days');
    expect(md).toMatch(new RegExp(`\\| \`${s.old.key.keyPrefix}\` \\| \\S+ \\| 3 \\| \\d{4}-\\d\\d-\\d\\d: 1, \\d{4}-\\d\\d-\\d\\d: 2 \\|`));
    expectNoSecret(s, report, s.stores.map((st) => st.value!));
    expect(md).not.toContain(s.old.secret.slice(-58));
  });

  it('in a grace period, kills both active keys and never has three active', async () => {
    const s = setup();
    const seen = trackActive(s.api);
    const first = await rotate(plan({ gracePeriodMs: 7 * DAY }), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(HOUR);
    const report = await rotate(leak(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(report).toMatchObject({ outcome: 'compromised', failed: false });
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
    expect(s.api.keys.get(first.keyId!)?.isActive).toBe(false);
    expect(s.api.activeOf('ci').map((k) => k.id)).toEqual([report.keyId]);
    expect(report.leaked.map((u) => u.keyId)).toEqual([first.keyId, s.old.key.id]);
    expect(seen.max).toBe(2);
    // Nobody can roll back to a leaked key: its sealed copy is gone.
    expect(s.api.keys.get(first.keyId!)?.metadata[META.sealed]).toBeUndefined();
  });

  it('exits non-zero naming a target it could not write, whose window stays open; a rerun without compromised converges', async () => {
    const s = setup();
    s.stores[1]!.writeErrors.push(forbidden());
    const report = await rotate(leak(), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(report.errors[0]).toMatch(/1 of 3 targets could not be written: repository:acme\/app1\. They still hold the dead secret of sk_live_[0-9a-f]{6}/);
    expect(s.api.holder(s.old.secret)).toBeNull();
    expect(renderSummary(report, leak())).toMatch(/\| repository:acme\/app1 \| repository \| ❌ failed: [^|]+\| \S+ \| \S+ → still dead \|/);

    const rerun = await rotate(plan(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(rerun.failed).toBe(false);
    for (const store of s.stores) expect(s.api.holder(store.value)).not.toBeNull();
  });

  it('goes on past a target that fails preflight: the leaked key dies, the others are written, the run fails naming it', async () => {
    const s = setup();
    // As with GitHub: a store whose public key cannot be read cannot be written either.
    s.stores[2]!.preflightError = forbidden();
    s.stores[2]!.writeErrors.push(forbidden());
    const report = await rotate(leak(), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'targets-failed', failed: true });
    expect(s.api.holder(s.old.secret)).toBeNull();
    for (const store of s.stores.slice(0, 2)) expect(s.api.holder(store.value)?.id).toBe(report.keyId);
    expect(report.errors[0]).toMatch(/could not be written: repository:acme\/app2\./);
    expect(s.logger.text).toMatch(/Preflight failed for 1 of 3 targets; compromised: true goes on/);
    expect(s.logger.text).not.toContain('Preflight passed');
    // A dry run still stops there: it shows what would fail.
    const dry = await rotate(leak({ dryRun: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(dry).toMatchObject({ outcome: 'preflight-failed', failed: true });
  });

  it('never leaves a target holding a dead key when a second dispatch replaced the new key during the writes', async () => {
    const s = setup(2);
    const slow = s.stores[0]!.holdNextWrite();
    const a = rotate(leak(), s.api, s.stores, s.logger, s.clock);
    await slow.started;
    // A second dispatch (a double click) treats this run's new key as leaked too, and finishes first.
    const b = await rotate(leak(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(b).toMatchObject({ outcome: 'compromised', failed: false });
    // Then this run's slow write lands, with the key the second one killed.
    slow.release();
    const report = await a;
    expect(report).toMatchObject({ outcome: 'compromised', failed: false, keyId: b.keyId });
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(b.keyId);
    expect(s.logger.text).toContain(`was retired by another run while this run wrote it; that run replaced it with ${b.keyPrefix}`);
    expect(s.logger.text).toMatch(new RegExp(`${s.old.key.keyPrefix} no longer works\\.`));
  });

  it('with strategy: regenerate, regenerates the same key, whatever min-age says', async () => {
    const s = setup();
    const report = await rotate(leak({ strategy: 'regenerate' }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'compromised', failed: false, keyId: s.old.key.id });
    expect(s.api.holder(s.old.secret)).toBeNull();
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(s.old.key.id);
    expect(report.targets.every((t) => t.deadFrom !== undefined)).toBe(true);
    expect(report.leaked).toHaveLength(1);
  });

  it('dry run: reports the use and the plan, and changes nothing', async () => {
    const s = setup();
    const before = keyState(s.api);
    const report = await rotate(leak({ dryRun: true }), s.api, s.stores, s.logger, s.clock);
    expect(report.outcome).toBe('dry-run');
    expect(report.plan.join('\n')).toMatch(/deactivate sk_live_[0-9a-f]{6} at once \(compromised: no grace or idle period\)/);
    expect(report.leaked).toHaveLength(1);
    expect(keyState(s.api)).toBe(before);
    expect(s.stores.every((st) => st.writes === 0)).toBe(true);
  });
});
