import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHub } from '../src/runner/github/client.js';
import { createStore } from '../src/runner/github/stores.js';
import type { TargetSpec } from '../src/runner/github/stores.js';
import { TargetError } from '../src/core/types.js';
import { GitHubStandIn, secondaryRateLimit } from '../../../test/support/github-standin.js';
import { liveKey } from '../../../test/support/keys.js';

let gh: GitHubStandIn;
const warnings: string[] = [];
beforeEach(async () => {
  gh = await new GitHubStandIn().start();
  warnings.length = 0;
});
afterEach(async () => {
  await gh.close();
});

const github = () => createGitHub({ token: gh.token, baseUrl: gh.url, logger: { warning: (m) => warnings.push(m) }, spaceWrites: false });
const store = (spec: TargetSpec) => createStore(github(), 'DHMAD_API_KEY', spec);

async function failure(p: Promise<unknown>): Promise<TargetError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TargetError);
  return err as TargetError;
}

describe('writing secrets, sealed with each target\'s own public key', () => {
  const specs: [TargetSpec, string][] = [
    [{ scope: 'repository', owner: 'acme', repo: 'api' }, 'repository:acme/api'],
    [{ scope: 'environment', owner: 'acme', repo: 'api', environment: 'prod eu/1' }, 'environment:acme/api:prod eu/1'],
    [{ scope: 'organization', org: 'acme' }, 'organization:acme'],
    [{ scope: 'dependabot', owner: 'acme', repo: 'api' }, 'dependabot:acme/api'],
    [{ scope: 'dependabot', org: 'acme' }, 'dependabot:acme'],
  ];
  for (const [spec, label] of specs) {
    it(`${spec.scope}: GitHub decrypts exactly the key that was written`, async () => {
      const s = store(spec);
      expect(s.label).toBe(label);
      await s.preflight();
      const key = liveKey();
      await s.write(key);
      expect(gh.secret(label, 'DHMAD_API_KEY')?.value).toBe(key);
      const second = liveKey();
      await s.write(second);
      expect(gh.secret(label, 'DHMAD_API_KEY')?.value).toBe(second);
    });
  }
});

describe('organization secrets keep who may read them', () => {
  it('resends visibility and every selected repository, across pages', async () => {
    const selected = Array.from({ length: 150 }, (_, i) => 1000 + i);
    gh.orgAccess.set('organization:acme#DHMAD_API_KEY', { visibility: 'selected', selected });
    await store({ scope: 'organization', org: 'acme' }).write(liveKey());
    const stored = gh.secret('organization:acme', 'DHMAD_API_KEY');
    expect(stored?.visibility).toBe('selected');
    expect(stored?.selectedRepositoryIds).toEqual(selected);
  });

  it('keeps the selected repositories of an organization Dependabot secret, apart from the Actions one', async () => {
    gh.orgAccess.set('dependabot:acme#DHMAD_API_KEY', { visibility: 'selected', selected: [7, 8] });
    gh.orgAccess.set('organization:acme#DHMAD_API_KEY', { visibility: 'all', selected: [] });
    await store({ scope: 'dependabot', org: 'acme' }).write(liveKey());
    expect(gh.secret('dependabot:acme', 'DHMAD_API_KEY')).toMatchObject({ visibility: 'selected', selectedRepositoryIds: [7, 8] });
    expect(gh.secret('organization:acme', 'DHMAD_API_KEY')).toBeUndefined();
  });

  it('keeps visibility all', async () => {
    gh.orgAccess.set('organization:acme#DHMAD_API_KEY', { visibility: 'all', selected: [] });
    await store({ scope: 'organization', org: 'acme' }).write(liveKey());
    expect(gh.secret('organization:acme', 'DHMAD_API_KEY')?.visibility).toBe('all');
  });

  it('creates a new organization secret as private', async () => {
    await store({ scope: 'organization', org: 'acme' }).write(liveKey());
    expect(gh.secret('organization:acme', 'DHMAD_API_KEY')?.visibility).toBe('private');
  });
});

describe('errors say what is missing, and carry no credentials', () => {
  it('names the permission from X-Accepted-GitHub-Permissions on a 403', async () => {
    gh.fail({
      method: 'GET',
      path: /\/actions\/secrets\/public-key$/,
      status: 403,
      headers: { 'x-accepted-github-permissions': 'secrets=read' },
      body: { message: 'Resource not accessible by integration' },
    });
    const err = await failure(store({ scope: 'repository', owner: 'acme', repo: 'api' }).preflight());
    expect(err.status).toBe(403);
    expect(err.message).toContain('X-Accepted-GitHub-Permissions): secrets=read');
    expect(err.message).toContain('repository permission "Secrets: Read and write" on acme/api');
    expect(err.message).not.toContain(gh.token);
  });

  it('names the permission GitHub App tokens need when GitHub sends no header', async () => {
    gh.fail({ method: 'PUT', path: /\/environments\//, status: 403, body: { message: 'Forbidden' } });
    const key = liveKey();
    const err = await failure(store({ scope: 'environment', owner: 'acme', repo: 'api', environment: 'prod' }).write(key));
    expect(err.message).toMatch(/Writing secret DHMAD_API_KEY on acme\/api environment prod failed.*"Environments: Read and write"/);
    expect(err.message).not.toContain(key.slice(14));
  });

  it('names the permission GitHub asks for on a 404 too, as it answers for a repository the token was not given', async () => {
    gh.fail({ method: 'GET', path: /public-key$/, status: 404, headers: { 'x-accepted-github-permissions': 'secrets=read' }, body: { message: 'Not Found' } });
    const err = await failure(store({ scope: 'repository', owner: 'acme', repo: 'hidden' }).preflight());
    expect(err.message).toMatch(/not found \(404\)\. Check the name, and that the token can see acme\/hidden .*X-Accepted-GitHub-Permissions\): secrets=read\.$/);
  });

  it('says so when the repository is not found, and when GitHub refuses the value', async () => {
    gh.fail({ method: 'GET', path: /public-key$/, status: 404, body: { message: 'Not Found' } });
    expect((await failure(store({ scope: 'dependabot', owner: 'acme', repo: 'gone' }).preflight())).message).toMatch(/not found \(404\)/);
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, status: 422, body: { message: 'Invalid request' } });
    expect((await failure(store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(liveKey()))).message).toMatch(/refused the request \(422 Invalid request\)/);
  });

  it('says GitHub could not be reached, not that it answered, when nothing listens at github-api-url', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // Plain Octokit: the same error the Action's client ends with, without its retry delays.
    const plain = new Octokit({ baseUrl: url, log: { debug() {}, info() {}, warn() {}, error() {} } });
    const err = await failure(createStore(plain, 'DHMAD_API_KEY', { scope: 'repository', owner: 'acme', repo: 'api' }).preflight());
    expect(err.message).toMatch(/^Reading the secrets public key on acme\/api failed: GitHub could not be reached \(.+\)\. Check github-api-url/);
    expect(err.message).not.toMatch(/answered/);
  });

  it('scrubs a key that an error body echoes back', async () => {
    const key = liveKey();
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, status: 422, body: { message: `bad value ${key}` } });
    const err = await failure(store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(key));
    expect(err.message).toContain(key.slice(0, 14) + '…');
    expect(err.message).not.toContain(key.slice(14));
  });
});

describe('retries and rate limits', () => {
  it('waits out a secondary rate limit for the time GitHub asks, then writes', async () => {
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, ...secondaryRateLimit(1) });
    const key = liveKey();
    await store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(key);
    expect(gh.secret('repository:acme/api', 'DHMAD_API_KEY')?.value).toBe(key);
    expect(gh.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([403, 201]);
    expect(warnings.join('\n')).toMatch(/secondary rate limit .*retrying in 1s/);
  });

  it('waits out a bare 429 for its Retry-After, then writes', async () => {
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } });
    const key = liveKey();
    await store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(key);
    expect(gh.secret('repository:acme/api', 'DHMAD_API_KEY')?.value).toBe(key);
    const puts = gh.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([429, 201]);
    expect(puts[1]!.at - puts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(warnings.join('\n')).toMatch(/answered 429 on PUT .*retrying in 1s \(Retry-After\)/);
  });

  it('retries a 502 and succeeds', async () => {
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, status: 502, body: { message: 'Bad Gateway' } });
    await store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(liveKey());
    expect(gh.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([502, 201]);
  });

  it('gives up on a rate limit that asks for too long a wait', async () => {
    gh.fail({ method: 'PUT', path: /secrets\/DHMAD_API_KEY$/, ...secondaryRateLimit(3600) });
    const err = await failure(store({ scope: 'repository', owner: 'acme', repo: 'api' }).write(liveKey()));
    expect(err.status).toBe(403);
    expect(warnings.join('\n')).toMatch(/giving up/);
    expect(err.message).toMatch(/failed: GitHub's rate limit \(403 You have exceeded a secondary rate limit.*\), still in force after waiting\. Run again later/);
    expect(err.message).not.toMatch(/permission/);
  });
});
