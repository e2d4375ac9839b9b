// The pacing of --verify, with a fake clock; the requests themselves are tested end to end in
// the repository's test/scan-verify.test.ts, against the emulator and stand-ins.
import { describe, expect, it } from 'vitest';
import { pacer } from '../src/verify.js';

describe('--verify pacing', () => {
  it('lets `perMinute` requests start at once, then waits for the oldest to be a minute old', async () => {
    let now = 0;
    const slept: number[] = [];
    const pace = pacer(3, () => now, async (ms) => {
      slept.push(ms);
      now += ms;
    });
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pace();
      starts.push(now);
      now += 1_000;
    }
    expect(starts).toEqual([0, 1_000, 2_000, 60_000, 61_000, 62_000, 120_000]);
    // No 60-second window ever held more than three starts.
    for (const s of starts) expect(starts.filter((t) => t >= s && t < s + 60_000).length).toBeLessThanOrEqual(3);
    expect(slept).toEqual([57_000, 57_000]);
  });
});
