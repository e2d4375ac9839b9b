/**
 * A local stand-in for the parts of GitHub's REST API that secrets, the organization's
 * repository listing and code scanning's SARIF upload use. Every secrets target has
 * its own real libsodium key pair; a PUT is decrypted with it, so tests assert on the
 * plaintext each target would hand to a workflow, exactly as GitHub would store it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import sodium from 'libsodium-wrappers';

export interface StoredSecret {
  value: string;
  keyId: string;
  /** Organization secrets only. */
  visibility?: string;
  selectedRepositoryIds?: number[];
}

export interface Fault {
  method: string;
  /** Matched against the request path (no query). */
  path: RegExp;
  /** Answer with this instead of handling the request; without it the request is handled (after `delayMs`). */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many requests it answers; Infinity = for good. */
  times: number;
  /** Wait this long (real milliseconds) first: a slow GitHub. */
  delayMs?: number;
  /** Never answer, as a write the runner dies in the middle of; `close()` ends it. */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** 0 for a request a `hang` fault never answers. */
  status: number;
  /** Date.now() when the answer was sent. */
  at: number;
}

interface KeyPair {
  id: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** A repository as `GET /orgs/{org}/repos` lists it (the fields the organization scan reads). */
export interface OrgRepository {
  name: string;
  full_name: string;
  default_branch: string;
  archived: boolean;
  fork: boolean;
  disabled?: boolean;
  size?: number;
}

/** A SARIF upload as code scanning received it (`sarif` gunzipped). */
export interface SarifUpload {
  repository: string;
  commitSha: string;
  ref: string;
  toolName: string | undefined;
  sarif: unknown;
}

export class GitHubStandIn {
  /** Repositories by organization, for `GET /orgs/{org}/repos` (paginated as GitHub does, with Link headers). */
  readonly orgRepositories = new Map<string, OrgRepository[]>();
  /** What `POST /repos/{owner}/{repo}/code-scanning/sarifs` received, in order. */
  readonly sarifUploads: SarifUpload[] = [];
  /** Decrypted secrets by target label (`repository:o/r`, `environment:o/r:env`, `organization:o`, `dependabot:o/r`) and name. */
  readonly secrets = new Map<string, StoredSecret>();
  /** Every value ever written, overwritten ones included: none may appear in anything a run prints. */
  readonly received: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Organization secrets that already exist, by `organization:<org>#<name>` or `dependabot:<org>#<name>`, with who may read them. */
  readonly orgAccess = new Map<string, { visibility: string; selected: number[] }>();
  readonly token: string;
  url = '';
  private readonly keys = new Map<string, KeyPair>();
  private server = createServer((req, res) => void this.handle(req, res));
  private counter = 0;

  constructor(token = 'ghs_standin_' + Math.random().toString(36).slice(2)) {
    this.token = token;
  }

  async start(): Promise<this> {
    await sodium.ready;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  fail(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault });
  }

  secret(label: string, name: string): StoredSecret | undefined {
    return this.secrets.get(`${label}#${name}`);
  }

  private keyFor(scope: string): KeyPair {
    let kp = this.keys.get(scope);
    if (!kp) {
      const pair = sodium.crypto_box_keypair();
      kp = { id: `kid-${++this.counter}`, publicKey: pair.publicKey, privateKey: pair.privateKey };
      this.keys.set(scope, kp);
    }
    return kp;
  }

  private route(method: string, path: string): { scope: string; name?: string; kind: 'public-key' | 'secret' | 'org-repos' } | null {
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const tail = (n: number) => seg.slice(n);
    let scope: string | null = null;
    let rest: string[] = [];
    if (seg[0] === 'repos' && seg[3] === 'actions' && seg[4] === 'secrets') {
      scope = `repository:${seg[1]}/${seg[2]}`;
      rest = tail(5);
    } else if (seg[0] === 'repos' && seg[3] === 'environments' && seg[5] === 'secrets') {
      scope = `environment:${seg[1]}/${seg[2]}:${seg[4]}`;
      rest = tail(6);
    } else if (seg[0] === 'repos' && seg[3] === 'dependabot' && seg[4] === 'secrets') {
      scope = `dependabot:${seg[1]}/${seg[2]}`;
      rest = tail(5);
    } else if (seg[0] === 'orgs' && seg[2] === 'actions' && seg[3] === 'secrets') {
      scope = `organization:${seg[1]}`;
      rest = tail(4);
    } else if (seg[0] === 'orgs' && seg[2] === 'dependabot' && seg[3] === 'secrets') {
      scope = `dependabot:${seg[1]}`;
      rest = tail(4);
    }
    if (scope === null) return null;
    if (rest.length === 1 && rest[0] === 'public-key' && method === 'GET') return { scope, kind: 'public-key' };
    if (rest.length === 1) return { scope, name: rest[0]!, kind: 'secret' };
    if (rest.length === 2 && rest[1] === 'repositories') return { scope, name: rest[0]!, kind: 'org-repos' };
    return null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://standin');
    const record = (status: number) =>
      this.requests.push({ method, path: url.pathname, authorization: req.headers.authorization, status, at: Date.now() });
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record(status);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (req.headers.authorization !== `token ${this.token}` && req.headers.authorization !== `Bearer ${this.token}`) {
      return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      if (fault.hang) {
        record(0);
        return;
      }
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status !== undefined) return send(fault.status, fault.body ?? { message: `stand-in fault ${fault.status}` }, fault.headers);
    }
    const listing = /^\/orgs\/([^/]+)\/repos$/.exec(url.pathname);
    if (listing && method === 'GET') {
      const all = this.orgRepositories.get(decodeURIComponent(listing[1]!));
      if (!all) return send(404, { message: 'Not Found' });
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const link = page < pages ? { link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${pages}>; rel="last"` } : undefined;
      return send(200, all.slice((page - 1) * perPage, page * perPage), link);
    }
    const upload = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(url.pathname);
    if (upload && method === 'POST') {
      const body = JSON.parse(raw) as { commit_sha?: string; ref?: string; sarif?: string; tool_name?: string };
      if (!body.commit_sha || !/^[0-9a-f]{40}$/.test(body.commit_sha) || !body.ref?.startsWith('refs/') || typeof body.sarif !== 'string') {
        return send(422, { message: 'commit_sha, ref and sarif are required' });
      }
      let sarif: unknown;
      try {
        sarif = JSON.parse(gunzipSync(Buffer.from(body.sarif, 'base64')).toString('utf8'));
      } catch {
        return send(400, { message: 'sarif must be gzipped and base64-encoded SARIF' });
      }
      this.sarifUploads.push({ repository: `${decodeURIComponent(upload[1]!)}/${decodeURIComponent(upload[2]!)}`, commitSha: body.commit_sha, ref: body.ref, toolName: body.tool_name, sarif });
      return send(202, { id: `sarif-${this.sarifUploads.length}`, url: `${this.url}${url.pathname}/sarif-${this.sarifUploads.length}` });
    }
    const r = this.route(method, url.pathname);
    if (!r) return send(404, { message: 'Not Found' });

    if (r.kind === 'public-key') {
      const kp = this.keyFor(r.scope);
      return send(200, { key_id: kp.id, key: sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL) });
    }
    const id = `${r.scope}#${r.name}`;
    // Organization-level secrets (Actions or Dependabot) carry visibility; repository-level ones do not.
    const isOrg = url.pathname.startsWith('/orgs/');
    if (r.kind === 'org-repos') {
      const access = this.orgAccess.get(id);
      if (!access) return send(404, { message: 'Not Found' });
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = access.selected.slice((page - 1) * perPage, page * perPage);
      const pages = Math.ceil(access.selected.length / perPage);
      const link = page < pages ? { link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : undefined;
      return send(200, { total_count: access.selected.length, repositories: slice.map((rid) => ({ id: rid, name: `repo${rid}` })) }, link);
    }
    if (method === 'GET' && isOrg) {
      const access = this.orgAccess.get(id);
      if (!access) return send(404, { message: 'Not Found' });
      return send(200, { name: r.name, visibility: access.visibility, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
    }
    if (method !== 'PUT') return send(404, { message: 'Not Found' });

    const body = JSON.parse(raw) as { encrypted_value?: string; key_id?: string; visibility?: string; selected_repository_ids?: number[] };
    const kp = this.keyFor(r.scope);
    if (body.key_id !== kp.id || typeof body.encrypted_value !== 'string') {
      return send(422, { message: `Bad key_id or encrypted_value for ${r.scope}` });
    }
    let value: string;
    try {
      const sealed = sodium.from_base64(body.encrypted_value, sodium.base64_variants.ORIGINAL);
      value = sodium.to_string(sodium.crypto_box_seal_open(sealed, kp.publicKey, kp.privateKey));
    } catch {
      return send(422, { message: 'encrypted_value could not be decrypted with the public key' });
    }
    if (isOrg) {
      if (!body.visibility) return send(422, { message: 'visibility is required' });
      if (body.visibility === 'selected' && !Array.isArray(body.selected_repository_ids)) {
        return send(422, { message: 'selected_repository_ids is required for selected visibility' });
      }
      this.orgAccess.set(id, { visibility: body.visibility, selected: body.selected_repository_ids ?? [] });
    }
    this.received.push(value);
    const existed = this.secrets.has(id);
    this.secrets.set(id, {
      value,
      keyId: body.key_id,
      ...(isOrg ? { visibility: body.visibility, selectedRepositoryIds: body.selected_repository_ids ?? [] } : {}),
    });
    return send(existed ? 204 : 201, existed ? undefined : {});
  }
}

/** GitHub's answer when content-creating requests come too fast. */
export function secondaryRateLimit(retryAfterSeconds: number): Pick<Fault, 'status' | 'headers' | 'body'> {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
  };
}
