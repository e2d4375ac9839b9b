/**
 * The Octokit the stores use: retries for transient failures, and GitHub's primary and
 * secondary rate limits respected (writing many secrets at once is what trips the
 * secondary limit of ~80 content-creating requests a minute).
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../../core/types.js';

const RetryingOctokit = Octokit.plugin(retry, throttling);
/** The plugins add behaviour, not methods the stores call, so the base type is what they see. */
export type GitHub = Octokit;

/** Rate-limit waits longer than this are not worth holding a rotation open for; the target fails instead. */
const MAX_RATE_LIMIT_WAIT_S = 120;
const MAX_RATE_LIMIT_RETRIES = 3;

export interface GitHubOptions {
  token: string;
  /** `GITHUB_API_URL`, so GitHub Enterprise Server works. */
  baseUrl: string;
  logger: Pick<Logger, 'warning'>;
  /**
   * GitHub asks for a second between content-creating requests (Octokit's default);
   * tests against a local stand-in turn the spacing off. Rate-limit answers are still honoured.
   */
  spaceWrites?: boolean;
}

/** A limiter with Bottleneck.Group's shape that schedules at once. */
const NO_SPACING = { key: () => ({ schedule: <T>(_options: unknown, fn: () => Promise<T>) => fn() }) };

export function createGitHub({ token, baseUrl, logger, spaceWrites = true }: GitHubOptions): GitHub {
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
      if (retryCount >= MAX_RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        logger.warning(`GitHub ${kind} rate limit on ${what}; giving up after ${retryCount} retries (asked to wait ${retryAfter}s).`);
        return false;
      }
      logger.warning(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s.`);
      return true;
    };
  const octokit = new RetryingOctokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'dhmad-rotate-keys-action',
    // 429 is left to the throttling plugin, which waits for GitHub's Retry-After; the retry
    // plugin would retry it on its own 1 s / 4 s schedule, too early for a rate limit.
    retry: { retries: 2, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(spaceWrites ? {} : { write: NO_SPACING as never }),
    },
    // Octokit's own logger prints request details on warnings; the Action's logger is the only output.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  // The throttling plugin waits out only the answers GitHub marks as rate limits (by message or
  // x-ratelimit-remaining: 0); a bare 429 with Retry-After, as a proxy in front of GitHub
  // Enterprise Server may send, is waited out here, on the same bounds.
  octokit.hook.wrap('request', async (request, options) => {
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(options);
      } catch (err) {
        const wait = bareRetryAfter(err);
        if (wait === null) throw err;
        const what = `${options.method} ${options.url}`;
        if (retryCount >= MAX_RATE_LIMIT_RETRIES || wait > MAX_RATE_LIMIT_WAIT_S) {
          logger.warning(`GitHub answered 429 on ${what}; giving up after ${retryCount} retries (asked to wait ${wait}s).`);
          throw err;
        }
        logger.warning(`GitHub answered 429 on ${what}; retrying in ${wait}s (Retry-After).`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  });
  return octokit;
}

/** Seconds a 429 the throttling plugin does not handle asks to wait; null for any other error. */
function bareRetryAfter(err: unknown): number | null {
  const e = err as { status?: unknown; message?: unknown; response?: { headers?: Record<string, unknown> } };
  const headers = e.response?.headers;
  if (e.status !== 429 || !headers || headers['x-ratelimit-remaining'] === '0') return null;
  if (typeof e.message === 'string' && /\bsecondary rate\b/i.test(e.message)) return null;
  const value = String(headers['retry-after'] ?? '');
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isNaN(seconds) ? null : Math.max(seconds, 0);
}
