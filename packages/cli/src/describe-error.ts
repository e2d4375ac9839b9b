import { APIConnectionError, AuthenticationError, BadRequestError, InternalServerError, PermissionDeniedError, RateLimitError } from '@dhmad/sdk';
import { redactText } from '@dhmad/sdk/key-format';

/**
 * One line for the user, never with a key in it, saying what to do where the SDK's message does not.
 * Every other error (dhmad's own CliError, a 404, a bad configuration) says it well enough as it is.
 */
export function describeError(err: unknown): string {
  if (err instanceof AuthenticationError) return redactText(`${err.message}${authAdvice(err.reason)}`);
  if (err instanceof PermissionDeniedError) {
    const scope = (err.details as { requiredScope?: unknown } | undefined)?.requiredScope;
    return redactText(
      scope === 'keys:manage'
        ? `${err.message} Set DHMAD_API_KEY to a key with the keys:manage scope (dhmad keys create --scope keys:manage, with a management key, or the dashboard).`
        : err.message,
    );
  }
  if (err instanceof RateLimitError) return redactText(`${err.message} Try again in ${err.retryAfter ?? 60} s.`);
  if (err instanceof BadRequestError) {
    const details = err.details && typeof err.details === 'object' ? Object.entries(err.details as Record<string, unknown>) : [];
    const fields = details.map(([k, v]) => `${k} ${String(v)}`).join('; ');
    return redactText(fields && !err.message.includes(fields) ? `${err.message} (${fields})` : err.message);
  }
  if (err instanceof InternalServerError) {
    const support = err.requestId ? `; if it keeps failing, give DHMAD support the request id ${err.requestId}` : '';
    return redactText(`The DHMAD API failed (${err.status}${err.error ? ` ${err.error}` : ''}): ${err.message} Nothing here is wrong: try again in a minute${support}.`);
  }
  if (err instanceof APIConnectionError) return redactText(`${err.message} Check your network, or DHMAD_BASE_URL if you set it.`);
  if (err instanceof Error) return redactText(err.message);
  return redactText(String(err));
}

function authAdvice(reason: string | undefined): string {
  switch (reason) {
    case 'regenerated':
      return ' DHMAD_API_KEY holds a secret that was replaced: put the new one there.';
    case 'inactive':
      return ' Activate the key in the dashboard, or set DHMAD_API_KEY to an active management key.';
    case 'expired':
      return ' Set DHMAD_API_KEY to a key that has not expired.';
    case 'missing':
      return ' Set DHMAD_API_KEY.';
    default:
      return ' (The key came from DHMAD_API_KEY.)';
  }
}
