/** Turning GitHub's HTTP errors into messages that say what is missing, with no credentials in them. */
import { redactText } from '@dhmad/sdk/key-format';
import { TargetError } from '../../core/types.js';

/** The fine-grained PAT / GitHub App permission each kind of secret needs, in GitHub's UI words. */
export const REQUIRED_PERMISSION = {
  repository: 'repository permission "Secrets: Read and write"',
  environment: 'repository permission "Environments: Read and write"',
  organization: 'organization permission "Secrets: Read and write"',
  dependabot: 'repository permission "Dependabot secrets: Read and write"',
  organizationDependabot: 'organization permission "Dependabot secrets: Read and write"',
} as const;

interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

function header(err: HttpErrorLike, name: string): string | undefined {
  const v = err.response?.headers?.[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function serverMessage(err: HttpErrorLike): string {
  const data = err.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message;
  return typeof err.message === 'string' ? err.message : String(err);
}

/**
 * A {@link TargetError} for a failed GitHub call on `where` (e.g. `acme/api`). Only the
 * status, GitHub's message and the permission header are kept: Octokit's error also
 * carries the request (headers, body), which never reaches a log.
 */
export function targetError(err: unknown, permission: string, where: string, doing: string): TargetError {
  const e = (err ?? {}) as HttpErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const message = redactText(serverMessage(e)).replace(/\s+/g, ' ').slice(0, 300);
  let text: string;
  if (status !== undefined && e.response === undefined) {
    // Octokit reports a request that never got an answer (refused, DNS, TLS) as a 500 without a response.
    text = `${doing} on ${where} failed: GitHub could not be reached (${message}). Check github-api-url and the runner's network.`;
  } else if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
    text =
      `${doing} on ${where} failed: GitHub's rate limit (${status} ${message}), still in force after waiting. ` +
      'Run again later, or lower concurrency.';
  } else if (status === 403 || status === 401) {
    const accepted = header(e, 'x-accepted-github-permissions');
    const need = accepted
      ? `GitHub accepts these permissions (X-Accepted-GitHub-Permissions): ${accepted}`
      : `it needs the ${permission}`;
    text =
      status === 401
        ? `${doing} on ${where} failed: the GitHub token is invalid or expired (401 ${message}). Check github-token.`
        : `${doing} on ${where} failed: the token may not do this (403 ${message}); ${need}. ` +
          `Give the fine-grained PAT or GitHub App the ${permission} on ${where}. (GITHUB_TOKEN cannot write secrets.)`;
  } else if (status === 404) {
    // GitHub answers 404, not 403, for a repository the token was not given; the header still says what it wants.
    const accepted = header(e, 'x-accepted-github-permissions');
    text =
      `${doing} on ${where} failed: not found (404). Check the name, and that the token can see ${where} ` +
      `(a fine-grained PAT or GitHub App installation must include it).` +
      (accepted ? ` GitHub accepts these permissions (X-Accepted-GitHub-Permissions): ${accepted}.` : '');
  } else if (status === 422) {
    text = `${doing} on ${where} failed: GitHub refused the request (422 ${message}).`;
  } else if (status !== undefined && status > 0) {
    text = `${doing} on ${where} failed: GitHub answered ${status} ${message}.`;
  } else {
    text = `${doing} on ${where} failed: ${message}.`;
  }
  return new TargetError(text, status);
}
