import { describe, expect, it } from 'vitest';
import { rotate } from '../src/core/rotate.js';
import { DAY, HOUR, RecordingLogger, plan, setup } from './fakes.js';

const idle = (over = {}) => plan({ idlePeriodMs: DAY, minAgeMs: 30 * DAY, ...over });

describe('idle-period: the old key goes only once nothing uses it', () => {
  it('keeps a key something still uses after the switch, reports its last use and requests, then retires it once idle', async () => {
    const s = setup();
    const first = await rotate(idle(), s.api, s.stores, s.logger, s.clock);
    expect(first).toMatchObject({ outcome: 'rotated', failed: false });
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
    expect(first.predecessor).toMatchObject({ keyPrefix: s.old.key.keyPrefix, retire: false });
    expect(s.logger.text).toContain(`${s.old.key.keyPrefix} stays active: it must go unused for 1d after the switch (idle-period)`);

    // A service outside the targets still calls with the old key.
    s.clock.advance(12 * HOUR);
    s.api.use(s.old.secret);
    s.api.use(s.old.secret);
    const usedAt = s.clock.now().toISOString();
    s.clock.advance(13 * HOUR);
    const logger = new RecordingLogger();
    const kept = await rotate(idle(), s.api, s.stores, logger, s.clock);
    expect(kept).toMatchObject({ outcome: 'skipped-in-use', failed: false, rotated: false, keyId: first.keyId });
    expect(kept.predecessor).toMatchObject({ lastUsedAt: usedAt, usedSinceSwitch: true, requestsSinceSwitch: 2, retire: false });
    expect(kept.predecessor!.retireFrom).toBe(new Date(Date.parse(usedAt) + DAY).toISOString());
    expect(logger.text).toContain(`last used ${usedAt}, 2 request(s) from`);
    expect(logger.text).toContain('Something outside the targets still holds');
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
    expect(s.api.calls.filter((c) => c === 'create')).toHaveLength(1);

    s.clock.advance(12 * HOUR);
    const retired = await rotate(idle(), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(retired).toMatchObject({ outcome: 'skipped-min-age', failed: false });
    expect(retired.actions).toEqual([`deactivated ${s.old.key.keyPrefix}`]);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(false);
  });

  it('retires a key nothing used since the switch once idle-period has passed, with the grace period', async () => {
    const s = setup();
    const p = idle({ gracePeriodMs: 2 * DAY });
    await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(DAY + HOUR);
    const logger = new RecordingLogger();
    const during = await rotate(p, s.api, s.stores, logger, s.clock);
    expect(during.outcome).toBe('skipped-grace');
    expect(during.predecessor).toMatchObject({ usedSinceSwitch: false, requestsSinceSwitch: 0, lastUsedAt: null });
    expect(logger.text).toContain('never used');
    s.clock.advance(DAY);
    const after = await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock);
    expect(after.actions).toEqual([`deactivated ${s.old.key.keyPrefix}`]);
  });

  it('with alert-after passed, fails the run naming the key by prefix, and keeps it active', async () => {
    const s = setup();
    const p = idle({ alertAfterMs: 3 * DAY });
    await rotate(p, s.api, s.stores, s.logger, s.clock);
    s.clock.advance(2 * DAY);
    s.api.use(s.old.secret);
    expect((await rotate(p, s.api, s.stores, new RecordingLogger(), s.clock)).outcome).toBe('skipped-in-use');
    s.clock.advance(DAY + HOUR);
    s.api.use(s.old.secret);
    const logger = new RecordingLogger();
    const alert = await rotate(p, s.api, s.stores, logger, s.clock);
    expect(alert).toMatchObject({ outcome: 'in-use-alert', failed: true, rotated: false });
    expect(alert.errors[0]).toMatch(new RegExp(`^${s.old.key.keyPrefix} is still in use 73h after every target switched .*alert-after 3d.*2 request\\(s\\)`));
    expect(logger.text).toContain(alert.errors[0]);
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
  });

  it('dry run: says what would be retired and why not yet, with the last use, and changes nothing', async () => {
    const s = setup();
    await rotate(idle(), s.api, s.stores, s.logger, s.clock);
    s.clock.advance(6 * HOUR);
    s.api.use(s.old.secret);
    s.clock.advance(HOUR);
    const calls = s.api.calls.length;
    const logger = new RecordingLogger();
    const dry = await rotate(idle({ dryRun: true }), s.api, s.stores, logger, s.clock);
    expect(dry.outcome).toBe('dry-run');
    expect(dry.plan[0]).toBe(`keep ${s.old.key.keyPrefix} active: it was used 1h ago, after the switch, and must go unused for 1d (idle-period) first`);
    expect(logger.text).toMatch(new RegExp(`last used ${s.clock.now().getUTCFullYear()}-.*1 request\\(s\\)`));
    expect(s.api.calls.slice(calls).filter((c) => !['whoami', 'list', `usage ${s.old.key.id}`].includes(c))).toEqual([]);

    s.clock.advance(DAY);
    const due = await rotate(idle({ dryRun: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(due.plan[0]).toMatch(new RegExp(`^deactivate ${s.old.key.keyPrefix} \\(grace period over, unused since 20`));
    expect(s.api.keys.get(s.old.key.id)?.isActive).toBe(true);
  });
});
