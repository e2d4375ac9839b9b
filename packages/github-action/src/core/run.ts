/**
 * One run of the rotation: its arguments, the report it builds, and the small helpers
 * every flow shares (failing, marking targets, naming keys, reading a key's state afresh).
 */
import { redactText } from '@dhmad/sdk/key-format';
import type {
  Clock,
  KeyApi,
  Logger,
  ManagedKey,
  RotationOutcome,
  RotationPlan,
  RotationReport,
  SecretStore,
  TargetReport,
} from './types.js';

/**
 * Printable text of any error, with anything key-shaped cut to its keyPrefix and no closing
 * full stop, so it reads inside a sentence that supplies its own punctuation.
 */
export function errorText(err: unknown): string {
  return redactText(err instanceof Error ? err.message : String(err)).replace(/[.\s]+$/, '');
}

export class Run {
  readonly report: RotationReport;
  constructor(
    readonly plan: RotationPlan,
    readonly keys: KeyApi,
    readonly stores: readonly SecretStore[],
    readonly logger: Logger,
    readonly clock: Clock,
  ) {
    this.report = {
      outcome: 'failed',
      rotated: false,
      failed: false,
      keyId: null,
      keyPrefix: null,
      oldKeyId: null,
      oldKeyPrefix: null,
      targets: stores.map((s) => ({ scope: s.scope, label: s.label, result: 'unchanged', at: null })),
      actions: [],
      errors: [],
      predecessor: null,
      leaked: [],
      plan: [],
    };
  }

  fail(outcome: RotationOutcome, message: string): RotationReport {
    this.logger.error(redactText(message));
    this.report.errors.push(redactText(message));
    this.report.outcome = outcome;
    this.report.failed = true;
    return this.report;
  }

  finish(outcome: RotationOutcome): RotationReport {
    this.report.outcome = outcome;
    return this.report;
  }

  now(): Date {
    return this.clock.now();
  }

  setCurrent(key: ManagedKey): void {
    this.report.keyId = key.id;
    this.report.keyPrefix = key.keyPrefix;
  }

  setOld(key: ManagedKey | null): void {
    this.report.oldKeyId = key?.id ?? null;
    this.report.oldKeyPrefix = key?.keyPrefix ?? null;
  }

  target(store: SecretStore): TargetReport | undefined {
    return this.report.targets.find((r) => r.label === store.label);
  }

  markTarget(store: SecretStore, result: TargetReport['result'], at: Date | null, error?: string): void {
    const t = this.target(store);
    if (!t) return;
    t.result = result;
    t.at = at ? at.toISOString() : null;
    if (error === undefined) delete t.error;
    else t.error = error;
  }

  /** A dry run ends here: the plan is logged and reported, every target marked as planned. */
  dryRun(steps: string[]): RotationReport {
    this.report.plan = steps;
    this.logger.info(`Dry run: nothing was created or changed. The plan:\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}`);
    for (const store of this.stores) this.markTarget(store, 'planned', null);
    return this.finish('dry-run');
  }

  /**
   * How `key` stands now, read afresh: another run or a person may have changed it since
   * this run listed the keys, and a message must never claim a state the key is not in.
   */
  async stateOf(key: ManagedKey): Promise<'active' | 'inactive' | 'deleted'> {
    const now = await this.keys.get(key.id);
    return now === null ? 'deleted' : now.isActive ? 'active' : 'inactive';
  }

  /** "sk_live_abc123 stays active" when it does, else what became of it. */
  async holdsState(key: ManagedKey): Promise<string> {
    switch (await this.stateOf(key)) {
      case 'active':
        return `${key.keyPrefix} stays active`;
      case 'inactive':
        return `${key.keyPrefix} was deactivated meanwhile (by another run or by hand), so whatever holds it fails until a run writes it again`;
      case 'deleted':
        return `${key.keyPrefix} was deleted meanwhile (by another run or by hand), so whatever holds it fails until a run writes it again`;
    }
  }
}
