import { describe, expect, it } from 'vitest';
import { META } from '../src/core/family.js';
import { rotate } from '../src/core/rotate.js';
import { FakeClock, FakeKeyApi, FakeStore, RecordingLogger, plan } from './fakes.js';

function empty() {
  const clock = new FakeClock();
  const api = new FakeKeyApi(clock);
  const stores = [new FakeStore('repository:acme/api'), new FakeStore('environment:acme/api:production', undefined, 'environment')];
  return { clock, api, stores, logger: new RecordingLogger() };
}

describe('create-if-missing: true', () => {
  it('on an account with no key of that name, creates it and seeds every target with it', async () => {
    const s = empty();
    const report = await rotate(plan({ createIfMissing: true }), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'created', failed: false, rotated: true, oldKeyId: null });
    const [key, ...others] = s.api.activeOf('ci');
    expect(others).toEqual([]);
    expect(key!.id).toBe(report.keyId);
    expect(key!.metadata).toMatchObject({ [META.state]: 'complete', [META.sealed]: expect.any(String) });
    for (const store of s.stores) expect(s.api.holder(store.value)?.id).toBe(key!.id);
    expect(s.logger.masked).toEqual([s.stores[0]!.value]);
    expect(s.logger.text + JSON.stringify(report)).not.toContain(s.stores[0]!.value!.slice(-58));

    // From then on it is an ordinary key: the next run rotates it.
    const next = await rotate(plan({ createIfMissing: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(next).toMatchObject({ outcome: 'rotated', oldKeyId: key!.id });
  });

  it('without it, says how to start from nothing', async () => {
    const s = empty();
    const report = await rotate(plan(), s.api, s.stores, s.logger, s.clock);
    expect(report).toMatchObject({ outcome: 'preflight-failed', failed: true });
    expect(report.errors[0]).toMatch(/No DHMAD key named "ci" exists .* set create-if-missing: true/);
    expect(s.api.calls).toEqual(['whoami', 'list']);
  });

  it('creates nothing when the key exists but is inactive, or in a dry run', async () => {
    const s = empty();
    s.api.seed({ name: 'ci', isActive: false });
    const inactive = await rotate(plan({ createIfMissing: true }), s.api, s.stores, s.logger, s.clock);
    expect(inactive.errors[0]).toMatch(/No active DHMAD key named "ci" was found \(inactive: sk_live_[0-9a-f]{6}\)/);
    const dry = await rotate(plan({ createIfMissing: true, keyName: 'other', dryRun: true }), s.api, s.stores, new RecordingLogger(), s.clock);
    expect(dry.plan[0]).toBe('create the live key "other" (create-if-missing: no key of that name exists)');
    expect(s.api.calls.filter((c) => c === 'create')).toEqual([]);
    expect(s.stores.every((st) => st.writes === 0)).toBe(true);
  });
});
