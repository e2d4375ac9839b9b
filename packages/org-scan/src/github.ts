import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const Client = Octokit.plugin(throttling, retry);
/** The plugins add behaviour, not methods, so the base type is what callers see. */
export type GitHub = Octokit;

/**
 * A REST client for `baseUrl` (GITHUB_API_URL on a runner, so GitHub Enterprise Server works as
 * github.com does) that waits out primary and secondary rate limits a few times before failing:
 * an organization of thousands of repositories meets them.
 */
export function github(token: string, baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com'): GitHub {
  return new Client({
    auth: token,
    baseUrl,
    userAgent: 'dhmad-org-scan',
    throttle: {
      onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 3,
      onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 3,
    },
    // Nothing is logged: a request's options would show the token.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}
