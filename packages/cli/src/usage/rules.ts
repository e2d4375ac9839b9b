import type { ApiKey, Usage } from '@dhmad/sdk';

export type UsageDay = Usage['days'][number];
export type UsageRuleId = 'usage-spike' | 'error-rate-jump' | 'idle-key-used';

/** Every rule behind a usage flag, with what it checks: printed with the flags, listed in the README. */
export const USAGE_RULES: Readonly<Record<UsageRuleId, string>> = {
  'usage-spike': 'a day with at least 5x the median of the days the key was used (at least 3 such days), and at least 50 requests more',
  'error-rate-jump': "a day of at least 20 requests whose error rate is at least 3x the key's rate on its other days, and 20 points above it",
  'idle-key-used': 'requests to a key that should be idle: deactivated or expired before that day, or used again after 14 days and more without a request',
};

export interface UsageFlag {
  rule: UsageRuleId;
  date: string;
  message: string;
}

export interface UsageTotals {
  requests: number;
  errors: number;
  /** errors / requests, 0 without requests. */
  errorRate: number;
  days: number;
  busiest: UsageDay | null;
  /** Median requests of the days with any. */
  medianActiveDay: number;
}

const SPIKE_FACTOR = 5;
const SPIKE_MIN_EXTRA = 50;
const SPIKE_MIN_HISTORY = 3;
const ERROR_MIN_REQUESTS = 20;
const ERROR_FACTOR = 3;
const ERROR_MIN_POINTS = 0.2;
const DORMANT_DAYS = 14;

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const pct = (x: number): string => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)}%`;

export function usageTotals(days: readonly UsageDay[]): UsageTotals {
  const requests = days.reduce((n, d) => n + d.requests, 0);
  const errors = days.reduce((n, d) => n + d.errors, 0);
  const busiest = days.reduce<UsageDay | null>((b, d) => (d.requests > (b?.requests ?? 0) ? d : b), null);
  return { requests, errors, errorRate: requests === 0 ? 0 : errors / requests, days: days.length, busiest, medianActiveDay: median(days.filter((d) => d.requests > 0).map((d) => d.requests)) };
}

type KeyDates = Pick<ApiKey, 'isActive' | 'expiresAt' | 'updatedAt'>;

/** The flags the rules raise on a key's daily usage (oldest day first, as the API gives it). */
export function flagUsage(key: KeyDates, days: readonly UsageDay[]): UsageFlag[] {
  const flags: UsageFlag[] = [];
  days.forEach((day, i) => {
    const others = days.filter((_, j) => j !== i);
    for (const flag of [spikeOn(day, others), errorJumpOn(day, others), idleUseOn(key, days, i)]) if (flag) flags.push(flag);
  });
  return flags;
}

function spikeOn(day: UsageDay, others: readonly UsageDay[]): UsageFlag | null {
  const active = others.filter((d) => d.requests > 0).map((d) => d.requests);
  if (active.length < SPIKE_MIN_HISTORY) return null;
  const base = median(active);
  if (day.requests < SPIKE_FACTOR * base || day.requests - base < SPIKE_MIN_EXTRA) return null;
  return {
    rule: 'usage-spike',
    date: day.date,
    message: `${day.requests} requests, ${(day.requests / base).toFixed(1)}x the key's median of ${base} on the other days it was used`,
  };
}

function errorJumpOn(day: UsageDay, others: readonly UsageDay[]): UsageFlag | null {
  if (day.requests < ERROR_MIN_REQUESTS) return null;
  const rate = day.errors / day.requests;
  const otherRequests = others.reduce((n, d) => n + d.requests, 0);
  const base = otherRequests === 0 ? 0 : others.reduce((n, d) => n + d.errors, 0) / otherRequests;
  if (rate < ERROR_FACTOR * base || rate - base < ERROR_MIN_POINTS) return null;
  return { rule: 'error-rate-jump', date: day.date, message: `${pct(rate)} of ${day.requests} requests failed, against ${pct(base)} on its other days` };
}

function idleUseOn(key: KeyDates, days: readonly UsageDay[], i: number): UsageFlag | null {
  const day = days[i]!;
  if (day.requests === 0) return null;
  // Whole days after the change, so the requests of the day it happened, before it, do not count.
  if (!key.isActive && day.date > key.updatedAt.slice(0, 10)) {
    return { rule: 'idle-key-used', date: day.date, message: `${day.requests} requests to a deactivated key (inactive since ${key.updatedAt.slice(0, 10)} at the latest): something still holds it` };
  }
  if (key.expiresAt && day.date > key.expiresAt.slice(0, 10)) {
    return { rule: 'idle-key-used', date: day.date, message: `${day.requests} requests to a key that expired on ${key.expiresAt.slice(0, 10)}: something still holds it` };
  }
  let silent = 0;
  while (i - silent - 1 >= 0 && days[i - silent - 1]!.requests === 0) silent++;
  // Woken up: used, then silent, then used again. A new key's first use after weeks is not that.
  const usedBefore = days.slice(0, i - silent).some((d) => d.requests > 0);
  if (silent >= DORMANT_DAYS && usedBefore) {
    return { rule: 'idle-key-used', date: day.date, message: `${day.requests} requests after ${silent} days without any: check that the key is used by what it was made for` };
  }
  return null;
}
