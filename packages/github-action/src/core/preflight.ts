/**
 * Step 1 of every run: reads only. On failure the report says why, and nothing was created
 * or changed.
 */
import { mapLimit } from './concurrency.js';
import { FamilyError, activeMembers, familyNameById, readFamily } from './family.js';
import type { FamilyState } from './family.js';
import { errorText } from './run.js';
import type { Run } from './run.js';
import type { KeyIdentity, ManagedKey } from './types.js';

export interface Preflight {
  /** `missing`: no key of that name exists at all, and create-if-missing may make one. */
  state: FamilyState | { kind: 'missing'; name: string };
  /** Every key the management key can see, inactive ones included (a rollback's predecessor is one). */
  all: ManagedKey[];
  manager: KeyIdentity;
}

export async function preflight(run: Run): Promise<Preflight | null> {
  const { keys, plan, logger } = run;
  let manager: KeyIdentity;
  try {
    manager = await keys.whoami();
  } catch (err) {
    run.fail('preflight-failed', `The management key does not work (GET /me): ${errorText(err)}.`);
    return null;
  }
  if (!manager.isActive) {
    run.fail('preflight-failed', `The management key ${manager.keyPrefix} is inactive. Reactivate it or use another key with the keys:manage scope.`);
    return null;
  }
  logger.info(`Management key ${manager.keyPrefix} (${manager.environment}) works.`);

  let all: ManagedKey[];
  try {
    all = await keys.list();
  } catch (err) {
    const text = errorText(err);
    run.fail(
      'preflight-failed',
      `The management key ${manager.keyPrefix} cannot list keys: ${text}.${/keys:manage/.test(text) ? '' : ' It needs the keys:manage scope.'}`,
    );
    return null;
  }

  let name = plan.keyName ?? '';
  if (plan.keyId !== null) {
    const byId = familyNameById(all, plan.keyId);
    if (byId === null) {
      run.fail(
        'preflight-failed',
        `No ${manager.environment} key with id ${plan.keyId}, nor a key that replaced it, exists for this account. ` +
          'Check key-id, and that the management key is of the same environment; or name the key with key-name instead.',
      );
      return null;
    }
    name = byId;
  }
  const family = all.filter((k) => k.name === name && k.environment === manager.environment);
  let state: Preflight['state'];
  if (family.length === 0) {
    if (!plan.createIfMissing || plan.rollback || plan.compromised) {
      const hint = plan.createIfMissing
        ? ` There is no key to ${plan.rollback ? 'roll back' : 'treat as compromised'}.`
        : ' To start from nothing, set create-if-missing: true and the action creates it and seeds the targets.';
      run.fail(
        'preflight-failed',
        `No DHMAD key named "${name}" exists in the ${manager.environment} environment, the only one the management key ` +
          `${manager.keyPrefix} can manage. Check key-name, and use a management key of the same environment as the key to rotate.${hint}`,
      );
      return null;
    }
    state = { kind: 'missing', name };
  } else {
    try {
      state = readFamily(family, name);
    } catch (err) {
      if (err instanceof FamilyError) {
        run.fail('preflight-failed', err.message);
        return null;
      }
      throw err;
    }
    if (activeMembers(state).some((k) => k.id === manager.id)) {
      run.fail(
        'preflight-failed',
        `The management key ${manager.keyPrefix} is the key to rotate. Use a separate key with the keys:manage scope as management-key, so the rotation never disables its own credentials.`,
      );
      return null;
    }
  }

  const failures: string[] = [];
  await mapLimit(run.stores, plan.concurrency, async (store) => {
    try {
      await store.preflight();
    } catch (err) {
      const message = errorText(err);
      failures.push(`${store.label}: ${message}`);
      run.markTarget(store, 'failed', null, message);
    }
  });
  if (failures.length > 0 && plan.compromised && !plan.dryRun) {
    // A leaked key must not outlive a target the token cannot reach: it dies, the others are
    // written, and the run fails naming these (their rows keep the dead-key window open).
    logger.warning(
      `Preflight failed for ${failures.length} of ${run.stores.length} targets; compromised: true goes on, as the leaked key must die anyway. ` +
        `These will be tried and reported:\n- ${failures.join('\n- ')}`,
    );
  } else if (failures.length > 0) {
    run.fail(
      'preflight-failed',
      `Preflight failed for ${failures.length} of ${run.stores.length} targets; nothing was created or changed:\n- ${failures.join('\n- ')}`,
    );
    return null;
  } else {
    logger.info(`Preflight passed: ${run.stores.length} target(s) reachable, their public keys readable.`);
  }
  return { state, all, manager };
}
