import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who may use the control routes, decided as dev servers decide it (Vite's `server.allowedHosts`,
 * webpack-dev-server's `allowedHosts: 'auto'`). They need no key and `reset` answers with new
 * bootstrap keys, so a web page must not reach them: not through a DNS name rebound to 127.0.0.1
 * (its requests carry that name in `Host`), and not cross-site (its requests carry an `Origin`).
 */
export class ControlAccess {
  readonly #names: ReadonlySet<string>;

  /** `host`: the interface the emulator listens on; `allowedHosts`: more names clients use for it. */
  constructor(host: string, allowedHosts: readonly string[]) {
    this.#names = new Set([host, ...allowedHosts].map((h) => bare(h.toLowerCase())));
  }

  /** Why the request must be refused, or null when it may go on. */
  refusal(headers: IncomingHttpHeaders): string | null {
    const host = hostnameOf(`http://${headers.host ?? ''}`);
    // An IP address cannot be rebound, which is why dev servers accept any; a name must be a known one.
    if (host === null || !(isIP(host) !== 0 || isLoopbackName(host) || this.#names.has(host))) {
      return (
        `The emulator's control routes refused a request for Host "${host ?? headers.host ?? ''}": they answer only localhost, IP addresses ` +
        'and the host they listen on, so that a web page cannot reach them through a DNS name pointed at this machine. ' +
        `To use another name, start the emulator with allowedHosts: ["${host ?? 'name'}"] (CLI: --allow-host ${host ?? 'NAME'}).`
      );
    }
    const origin = headers.origin;
    if (origin === undefined) return null;
    const from = hostnameOf(origin);
    if (from !== null && (isLoopback(from) || this.#names.has(from))) return null;
    return (
      `The emulator's control routes refused a request from a web page at ${origin}: only pages on this machine (localhost, ` +
      '127.0.0.1, [::1]) or on an allowed host may call them, so that another site cannot reset the emulator or read its keys. ' +
      'Call them from curl or a test (no Origin header), or allow the page\'s host with allowedHosts (CLI: --allow-host).'
    );
  }
}

/** Lower-case host name of a URL, IPv6 without brackets; null when it is not an http(s) URL. */
function hostnameOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? bare(u.hostname) : null;
  } catch {
    return null;
  }
}

function bare(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function isLoopback(host: string): boolean {
  return isLoopbackName(host) || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}
