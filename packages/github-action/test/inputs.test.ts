import { describe, expect, it } from 'vitest';
import { liveKey } from '../../../test/support/keys.js';
import { formatDuration, parseDuration } from '../src/core/duration.js';
import { InputError, parseList, readInputs } from '../src/runner/inputs.js';
import { renderSummary } from '../src/runner/summary.js';
import type { RotationReport } from '../src/core/types.js';
import { plan } from './fakes.js';

const managementKey = liveKey();
const base: Record<string, string> = { 'management-key': managementKey, 'key-name': 'ci', 'secret-name': 'dhmad_api_key', 'github-token': 'ghs_x' };
const env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_API_URL: 'https://ghe.example/api/v3' };
const read = (over: Record<string, string> = {}) => readInputs((n) => ({ ...base, ...over })[n] ?? '', env);

function problems(over: Record<string, string>): string[] {
  try {
    read(over);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('durations', () => {
  it('reads 0 and whole numbers of s, m, h, d, w', () => {
    expect(['0', '90s', '30m', '12h', '7d', '2w'].map((v) => parseDuration('x', v))).toEqual([0, 90e3, 30 * 60e3, 12 * 3600e3, 7 * 86400e3, 14 * 86400e3]);
    expect(formatDuration(36 * 3600e3)).toBe('36h');
    expect(formatDuration(7 * 86400e3)).toBe('1w');
  });
  it('names the input and the accepted forms when it cannot read one', () => {
    for (const v of ['7', '1.5d', '-1d', '7 days', 'd']) expect(() => parseDuration('grace-period', v)).toThrow(/Input grace-period must be a duration like 0, 30m/);
  });
});

describe('inputs', () => {
  it('defaults: the current repository, overlap, no grace, never delete, 4 at once', () => {
    const i = read();
    expect(i.targets).toEqual([{ scope: 'repository', owner: 'acme', repo: 'api' }]);
    expect(i.plan).toMatchObject({ keyName: 'ci', keyId: null, secretName: 'DHMAD_API_KEY', strategy: 'overlap', gracePeriodMs: 0, deleteAfterMs: null, minAgeMs: 0, dryRun: false, concurrency: 4 });
    expect(i.githubApiUrl).toBe('https://ghe.example/api/v3');
    expect(i.dhmadBaseUrl).toBeUndefined();
  });

  it('reads every kind of target; the current repository is not added when others are named', () => {
    const i = read({ environments: 'production\nacme/web:staging', organization: 'acme', repositories: 'acme/api, acme/web,acme/api', dependabot: 'true' });
    expect(i.targets).toEqual([
      { scope: 'repository', owner: 'acme', repo: 'api' },
      { scope: 'repository', owner: 'acme', repo: 'web' },
      { scope: 'environment', owner: 'acme', repo: 'api', environment: 'production' },
      { scope: 'environment', owner: 'acme', repo: 'web', environment: 'staging' },
      { scope: 'organization', org: 'acme' },
      { scope: 'dependabot', owner: 'acme', repo: 'api' },
      { scope: 'dependabot', owner: 'acme', repo: 'web' },
      { scope: 'dependabot', org: 'acme' },
    ]);
    expect(read({ organization: 'acme' }).targets).toEqual([{ scope: 'organization', org: 'acme' }]);
    expect(parseList(' a,\n\nb , a ')).toEqual(['a', 'b']);
  });

  it('names each secret once, however the inputs spell it', () => {
    const i = read({ repositories: 'acme/api\nAcme/API', environments: 'production, acme/api:production, ACME/api:Production' });
    expect(i.targets).toEqual([
      { scope: 'repository', owner: 'acme', repo: 'api' },
      { scope: 'environment', owner: 'acme', repo: 'api', environment: 'production' },
    ]);
  });

  it('refuses dependabot: true when no repository or organization is named, rather than writing nothing', () => {
    expect(problems({ environments: 'production', dependabot: 'true' })).toEqual([
      expect.stringMatching(/^dependabot: true writes the Dependabot secret of each repository in repositories and of organization; name at least one/),
    ]);
    expect(read({ environments: 'production', repositories: 'acme/api', dependabot: 'true' }).targets).toContainEqual({ scope: 'dependabot', owner: 'acme', repo: 'api' });
  });

  it('reports every problem at once, each naming its input', () => {
    const p = problems({
      'key-id': 'abc',
      'secret-name': 'GITHUB_TOKEN',
      strategy: 'rotate',
      concurrency: '0',
      'dry-run': 'yes',
      'min-age': '1 day',
      repositories: 'not-a-repo',
      'github-token': ' ',
    });
    expect(p.join('\n')).toMatch(/exactly one of key-name/);
    expect(p.join('\n')).toMatch(/key-id must be 24 lowercase hex/);
    expect(p.join('\n')).toMatch(/secret-name must be .* not start with a digit or GITHUB_/);
    expect(p.join('\n')).toMatch(/strategy must be overlap or regenerate; got "rotate"/);
    expect(p.join('\n')).toMatch(/concurrency must be a whole number from 1 to 20/);
    expect(p.join('\n')).toMatch(/dry-run must be true or false; got "yes"/);
    expect(p.join('\n')).toMatch(/Input min-age must be a duration/);
    expect(p.join('\n')).toMatch(/repositories: "not-a-repo" is not owner\/repo/);
    expect(p.join('\n')).toMatch(/github-token is required/);
    expect(p).toHaveLength(9);
  });

  it('reads the rotation modes, and refuses combinations that cannot work', () => {
    expect(read({ 'idle-period': '1d', 'alert-after': '7d', compromised: 'true', 'create-if-missing': 'true' }).plan).toMatchObject({
      idlePeriodMs: 86400e3,
      alertAfterMs: 7 * 86400e3,
      compromised: true,
      rollback: false,
      createIfMissing: true,
    });
    expect(read().plan).toMatchObject({ idlePeriodMs: 0, alertAfterMs: null, compromised: false, rollback: false, createIfMissing: false });
    expect(problems({ 'alert-after': '7d' })).toEqual([expect.stringMatching(/^alert-after needs idle-period/)]);
    expect(problems({ compromised: 'true', rollback: 'true' })).toEqual([expect.stringMatching(/^Set compromised or rollback, not both/)]);
    expect(problems({ 'key-name': '', 'key-id': 'a'.repeat(24), 'create-if-missing': 'true' })).toEqual([
      expect.stringMatching(/^create-if-missing needs key-name/),
    ]);
  });

  it('refuses, in one line, what strategy: regenerate cannot do instead of ignoring it', () => {
    // The old secret dies at the regeneration: there is no old key to keep, watch or bring back.
    expect(problems({ strategy: 'regenerate', 'idle-period': '1d' })).toEqual([
      expect.stringMatching(/^idle-period does not apply with strategy: regenerate: the old secret stops working at once, so no old key is kept\. Remove it, or use strategy: overlap\.$/),
    ]);
    expect(problems({ strategy: 'regenerate', 'grace-period': '1h', 'idle-period': '1d', 'alert-after': '7d' })).toEqual([
      expect.stringMatching(/^grace-period, idle-period and alert-after do not apply with strategy: regenerate/),
    ]);
    expect(problems({ strategy: 'regenerate', rollback: 'true' })).toEqual([
      expect.stringMatching(/^rollback does not work with strategy: regenerate: a regeneration kills the old secret, so there is nothing to go back to/),
    ]);
    // What regenerate does use is still accepted.
    expect(read({ strategy: 'regenerate', 'grace-period': '0', 'min-age': '30d', compromised: 'true', 'delete-after': '30d' }).plan.strategy).toBe('regenerate');
  });

  it('refuses a management key with a trailing newline instead of trimming it, without echoing it', () => {
    const p = problems({ 'management-key': managementKey + '\n' });
    expect(p).toEqual([expect.stringMatching(/^management-key: The DHMAD API key has trailing whitespace/)]);
    expect(p[0]).not.toContain(managementKey.slice(8));
  });
});

describe('a key pasted into any input but management-key', () => {
  const key = liveKey();
  const spellings: [string, (k: string) => string][] = [
    ['as issued', (k) => k],
    ['upper-cased', (k) => k.toUpperCase()],
    ['in mixed case', (k) => k.slice(0, 10).toUpperCase() + k.slice(10)],
  ];
  const placements: [string, (k: string) => string][] = [
    ['secret-name', (k) => k],
    ['key-name', (k) => k],
    ['environments', (k) => `acme/api:${k}`],
    ['repositories', (k) => `acme/${k}`],
    ['organization', (k) => k],
    ['strategy', (k) => k],
    ['grace-period', (k) => k],
    ['dhmad-base-url', (k) => `https://example.test/?key=${k}`],
    ['github-token', (k) => k],
  ];
  for (const [input, place] of placements) {
    for (const [how, spell] of spellings) {
      it(`is refused in ${input} ${how}, naming the input and never echoing the key`, () => {
        const p = problems({ [input]: place(spell(key)) });
        expect(p).toEqual([expect.stringMatching(new RegExp(`^${input} holds a value shaped like a DHMAD key`))]);
        expect(p[0]!.toLowerCase()).not.toContain(key.slice(14));
      });
    }
  }
});

describe('job summary', () => {
  const report: RotationReport = {
    outcome: 'targets-failed',
    rotated: false,
    failed: true,
    keyId: 'a'.repeat(24),
    keyPrefix: 'sk_live_abc123',
    oldKeyId: 'b'.repeat(24),
    oldKeyPrefix: 'sk_live_def456',
    targets: [
      { scope: 'repository', label: 'repository:acme/api', result: 'updated', at: '2026-06-01T00:00:00.000Z' },
      { scope: 'environment', label: 'environment:acme/api:prod', result: 'failed', at: '2026-06-01T00:00:01.000Z', error: `403 | echoed ${managementKey}` },
    ],
    actions: [],
    errors: ['1 of 2 targets could not be written: environment:acme/api:prod.'],
    predecessor: null,
    leaked: [],
    plan: [],
  };

  it('has one row per target with scope, result and time, and key prefixes only', () => {
    const md = renderSummary(report, plan());
    expect(md).toContain('## DHMAD key rotation: Some targets could not be written');
    expect(md).toContain('| repository:acme/api | repository | ✅ updated | 2026-06-01T00:00:00.000Z |');
    expect(md).toMatch(/\| environment:acme\/api:prod \| environment \| ❌ failed: 403 \\\| echoed sk_live_[0-9a-f]{6}… \| 2026-06-01T00:00:01.000Z \|/);
    expect(md).toContain('`sk_live_abc123`');
    expect(md).toContain('Replaced key: `sk_live_def456`');
    expect(md).toContain('> 1 of 2 targets could not be written');
    expect(md).not.toContain(managementKey.slice(14));
  });
});
