/** min-age: how old the key's current secret is, and whether that is too young to rotate. */
import { formatDuration } from './duration.js';
import { secretIssuedAt } from './family.js';
import type { Run } from './run.js';
import type { ManagedKey } from './types.js';

// The age of the secret, not of the key id: a regenerated key is as young as its new secret.
function secretAge(run: Run, key: ManagedKey): number {
  return run.now().getTime() - secretIssuedAt(key);
}

export function isYoung(run: Run, current: ManagedKey): boolean {
  return secretAge(run, current) < run.plan.minAgeMs;
}

/** True (and says so) when min-age says not to rotate `current` yet. */
export function minAgeSkip(run: Run, current: ManagedKey): boolean {
  if (!isYoung(run, current)) return false;
  run.logger.info(
    `${current.keyPrefix} is ${formatDuration(Math.max(0, secretAge(run, current)))} old, younger than min-age ${formatDuration(run.plan.minAgeMs)}: not rotating.`,
  );
  return true;
}
