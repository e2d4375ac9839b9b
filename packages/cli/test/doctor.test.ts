import { mkdirSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, makeRepo, tempDir, write, writeFiles } from '../../../test/support/git.js';
import { liveKey, prefixOf, sandboxKey } from '../../../test/support/keys.js';
import { DAY_MS, dhmad, expectNoSecret, recordHistory, useEmulator, type Run } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

interface Check {
  id: string;
  title: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  summary: string;
  findings: Array<{ message: string; fix?: string; file?: string; line?: number; commit?: string; keyPrefix?: string; severity: string }>;
}

const IDS = ['env-vars', 'not-committed', 'env-ignored', 'separate-keys', 'rotated', 'access-limited', 'monitoring'];

/** `dhmad doctor --json` in `cwd`; asserts the shape and that nothing printed holds a secret. */
async function doctor(cwd: string, env: Record<string, string> = api.env(), extra: string[] = []): Promise<{ run: Run; checks: Record<string, Check>; list: Check[] }> {
  const run = await dhmad(['doctor', '--json', ...extra], { cwd, env });
  expectNoSecret([run.stdout, run.stderr]);
  const list = (JSON.parse(run.stdout) as { checks: Check[] }).checks;
  expect(list.map((c) => c.id)).toEqual(IDS);
  return { run, checks: Object.fromEntries(list.map((c) => [c.id, c])), list };
}

/** A repository that passes every repository check: .env ignored, one sandbox key in it, nothing else. */
function cleanRepo(files: Record<string, string> = {}): string {
  const root = makeRepo(tempDir(), 'app', { '.gitignore': '.env\n.env.*\n!.env.example\n', 'src/index.js': "console.log('hi');\n", '.env.example': 'DHMAD_API_KEY=\n', ...files });
  write(root, '.env', `DHMAD_API_KEY=${sandboxKey()}\n`);
  return root;
}

describe('dhmad doctor', () => {
  it('a clean repository and account: every check passes, exit 0, and the text report lists them in order', async () => {
    const root = cleanRepo();
    const { run, list } = await doctor(root);
    expect(run.code, run.stdout).toBe(0);
    expect(list.map((c) => [c.id, c.status])).toEqual(IDS.map((id) => [id, 'pass']));
    const text = await dhmad(['doctor'], { cwd: root, env: api.env() });
    expect(text.code).toBe(0);
    const rows = text.stdout.split('\n').filter((l) => /^(PASS|WARN|FAIL|SKIP) /.test(l));
    expect(rows.map((r) => r.split(/\s+/)[1])).toEqual(IDS);
    expect(text.stdout).toContain('0 failed, 0 warned, 7 passed, 0 skipped.');
    expectNoSecret([text.stdout, text.stderr]);
  });

  it('the text report wraps its prose to 80 columns piped, and never a fixing command', async () => {
    const key = liveKey();
    const root = cleanRepo({ 'src/app.js': 'module.exports = process.env.PAY_KEY;\n' });
    write(root, '.env.test', `PAY_KEY=${key}\n`);
    write(root, 'config/.env.production', `PAY_KEY=${key}\n`);
    const r = await dhmad(['doctor'], { cwd: root, env: api.env() });
    expect(r.code, r.stdout).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('        fix: ') && stringWidth(l) > 80), r.stdout).toEqual([]);
    expect(lines).toContain(`        fix: give each its own key: dhmad keys create --name "<app> config/.env.production" --write-env config/.env.production --var PAY_KEY`);
    expect(lines.some((l) => /^ {8}\S/.test(l)), 'a wrapped finding continues under its text').toBe(true);
  });

  it('without DHMAD_API_KEY the account checks are skipped, saying why; exit 0', async () => {
    const { run, checks } = await doctor(cleanRepo(), {});
    expect(run.code).toBe(0);
    for (const id of ['rotated', 'access-limited', 'monitoring']) {
      expect(checks[id]).toMatchObject({ status: 'skip', summary: 'DHMAD_API_KEY is not set: set it to a keys:manage key to check the account too.' });
    }
  });

  it('an API it cannot reach: the account checks say so and the doctor exits 2 (an incomplete answer)', async () => {
    const { run, checks } = await doctor(cleanRepo(), { DHMAD_API_KEY: api.emu.bootstrapKeys.live, DHMAD_BASE_URL: 'http://127.0.0.1:9/api/v1' }, []);
    expect(run.code).toBe(2);
    expect(checks.rotated!.status).toBe('skip');
    expect(checks.rotated!.summary).toMatch(/^Could not check: Connection error/);
  });

  it('a path that is not a folder, or not a working tree, is a usage error', async () => {
    const r = await dhmad(['doctor', 'nowhere'], { cwd: tempDir(), env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dhmad doctor nowhere: no such folder');
    const root = cleanRepo({ 'README.md': 'hi\n' });
    const file = await dhmad(['doctor', 'README.md'], { cwd: root, env: api.env() });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('dhmad: dhmad doctor README.md: that is a file; name the folder of the repository to check (default: .).\n');
    const inGit = await dhmad(['doctor', '.git'], { cwd: root, env: api.env() });
    expect(inGit.code).toBe(2);
    expect(inGit.stderr).toBe("dhmad: dhmad doctor .git: that is inside the repository's .git folder, which is git's own; name the folder of a working tree (a clone).\n");
    const bare = initRepo({ bare: true });
    const bareRun = await dhmad(['doctor', bare], { cwd: root, env: api.env() });
    expect(bareRun.code).toBe(2);
    expect(bareRun.stderr).toContain('that is a bare repository, which has no working tree');
  });
});

describe('env-vars: no key literal in the working tree', () => {
  it('fails on a key in the code, with file, line and prefix; a key in an env file is not one', async () => {
    const key = liveKey();
    const root = cleanRepo({ 'src/config.js': `export const key = '${key}';\n` });
    const { run, checks } = await doctor(root);
    expect(run.code).toBe(1);
    expect(checks['env-vars']).toMatchObject({ status: 'fail' });
    expect(checks['env-vars']!.findings).toEqual([
      expect.objectContaining({ file: 'src/config.js', line: 1, keyPrefix: prefixOf(key), severity: 'fail', message: `src/config.js:1: a live key (${prefixOf(key)}) written into the code` }),
    ]);
    expect(checks['env-vars']!.findings[0]!.fix).toContain('process.env.DHMAD_API_KEY');
  });

  it('warns on a mangled key', async () => {
    const { checks } = await doctor(cleanRepo({ 'notes.md': `old: ${liveKey().slice(0, 40)}\n` }));
    expect(checks['env-vars']!.status).toBe('warn');
  });

  it('a key in a template (.env.example) is a literal: templates are committed', async () => {
    const { checks } = await doctor(cleanRepo({ '.env.example': `DHMAD_API_KEY=${sandboxKey()}\n` }));
    expect(checks['env-vars']!.status).toBe('fail');
  });
});

describe('not-committed: the history holds no key', () => {
  it('a key removed from the tree but still in a commit, and still active: fail, fix regenerate', async () => {
    const made = await api.sdk().apiKeys.create({ name: 'leaked' });
    const root = cleanRepo({ 'config.json': `{"key":"${made.key}"}\n` });
    write(root, 'config.json', '{}\n');
    commitAll(root, 'remove the key');
    const { run, checks } = await doctor(root);
    expect(run.code).toBe(1);
    expect(checks['env-vars']!.status).toBe('pass');
    const f = checks['not-committed']!.findings[0]!;
    expect(checks['not-committed']!.status).toBe('fail');
    expect(f.message).toMatch(new RegExp(`^config\\.json:1 in commit [0-9a-f]{8}: ${made.apiKey.keyPrefix} "leaked", still active`));
    expect(f.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(f.fix).toBe(`dhmad keys regenerate ${made.apiKey.keyPrefix}`);
  });

  it('once regenerated, the secret in the history is dead: a warning', async () => {
    const made = await api.sdk().apiKeys.create({ name: 'leaked' });
    const root = cleanRepo({ 'config.json': `{"key":"${made.key}"}\n` });
    await api.sdk().apiKeys.regenerate(made.apiKey.id);
    const { checks } = await doctor(root);
    expect(checks['not-committed']!.status).toBe('warn');
    expect(checks['not-committed']!.findings[0]!.message).toContain('the secret in the history is dead');
  });

  it('without the account, a committed key fails: nobody can say it is dead', async () => {
    const root = cleanRepo({ 'a.txt': `${liveKey()}\n` });
    const { checks } = await doctor(root, {});
    expect(checks['not-committed']!.status).toBe('fail');
    expect(checks['not-committed']!.findings[0]!.message).toContain('whether it still works is unknown (DHMAD_API_KEY is not set)');
  });

  it('outside a git repository it is skipped, and so is env-ignored', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'index.js': '1;\n' });
    const { checks } = await doctor(dir);
    expect(checks['not-committed']!.status).toBe('skip');
    expect(checks['env-ignored']!.status).toBe('skip');
    expect(checks['env-vars']!.status).toBe('pass');
  });
});

describe('env-ignored: .env files in .gitignore', () => {
  it('fails on a tracked .env, with the command that untracks it', async () => {
    const root = cleanRepo();
    git(root, ['add', '-f', '.env']);
    git(root, ['commit', '-qm', 'oops']);
    const { checks } = await doctor(root);
    expect(checks['env-ignored']!.status).toBe('fail');
    expect(checks['env-ignored']!.findings[0]!.fix).toContain("git rm --cached -- '.env'");
  });

  it('fails on a .env that git add . would take; warns when nothing ignores .env yet', async () => {
    const exposed = makeRepo(tempDir(), 'r', { 'index.js': '1;\n' });
    write(exposed, '.env', 'A=1\n');
    expect((await doctor(exposed)).checks['env-ignored']!.status).toBe('fail');
    const unprotected = makeRepo(tempDir(), 'r', { 'index.js': '1;\n' });
    const { checks } = await doctor(unprotected);
    expect(checks['env-ignored']!.status).toBe('warn');
    expect(checks['env-ignored']!.findings[0]!.fix).toBe('dhmad-scan --fix (adds .env and .env.* to .gitignore)');
  });
});

describe('separate-keys: different keys for each environment', () => {
  it('fails on the same key in two env files', async () => {
    const key = sandboxKey();
    const root = cleanRepo();
    write(root, '.env', `DHMAD_API_KEY=${key}\n`);
    write(root, 'e2e/.env.staging', `X=1\nDHMAD_API_KEY=${key}\n`);
    const f = (await doctor(root)).checks['separate-keys']!;
    expect(f.status).toBe('fail');
    expect(f.findings[0]!.message).toBe(`the same sandbox key (${prefixOf(key)}) is in .env:1 (DHMAD_API_KEY) and e2e/.env.staging:2 (DHMAD_API_KEY)`);
  });

  it('fails on a live key in a test file and a sandbox key in a production one, by name or else by folder', async () => {
    const root = cleanRepo();
    const [live, sandbox, liveInFolder, sandboxInFolder] = [liveKey(), sandboxKey(), liveKey(), sandboxKey()];
    write(root, '.env.test', `DHMAD_API_KEY=${live}\n`);
    write(root, '.env.production', `DHMAD_API_KEY=${sandbox}\n`);
    write(root, 'test/.env', `PAY_KEY=${liveInFolder}\n`);
    write(root, 'deploy/production/.env', `PAY_KEY=${sandboxInFolder}\n`);
    // The name says it first: a development file in a production folder is a development file.
    write(root, 'deploy/production/.env.development', `OTHER_KEY=${sandboxKey()}\n`);
    const f = (await doctor(root)).checks['separate-keys']!;
    expect(f.findings.map((x) => x.message)).toEqual([
      `a sandbox key (${prefixOf(sandbox)}) in .env.production:1 (DHMAD_API_KEY), a production env file`,
      `a live key (${prefixOf(live)}) in .env.test:1 (DHMAD_API_KEY), a non-production env file`,
      `a sandbox key (${prefixOf(sandboxInFolder)}) in deploy/production/.env:1 (PAY_KEY), a production env file`,
      `a live key (${prefixOf(liveInFolder)}) in test/.env:1 (PAY_KEY), a non-production env file`,
    ]);
  });

  it('fails when the application code reads a variable that holds a keys:manage key; an application key passes', async () => {
    const manager = await api.sdk().apiKeys.create({ name: 'ops', scopes: ['keys:manage'] });
    const app = await api.sdk().apiKeys.create({ name: 'app' });
    const root = cleanRepo({ 'src/pay.js': "import { Dhmad } from '@dhmad/sdk';\nconst dhmad = new Dhmad({ apiKey: process.env.PAY_KEY });\n" });
    write(root, '.env', `PAY_KEY=${manager.key}\nOPS_KEY=${app.key}\n`);
    const bad = (await doctor(root)).checks['separate-keys']!;
    expect(bad.status).toBe('fail');
    expect(bad.findings[0]!.message).toBe(
      `src/pay.js:2 reads PAY_KEY, and .env:1 sets it to ${manager.apiKey.keyPrefix} "ops", a keys:manage key: if the application leaks it, the leak can make and delete keys`,
    );
    write(root, '.env', `PAY_KEY=${app.key}\nOPS_KEY=${manager.key}\n`);
    expect((await doctor(root)).checks['separate-keys']!.status).toBe('pass');
  });

  it('new Dhmad() reads DHMAD_API_KEY, the SDK default', async () => {
    const root = cleanRepo({ 'src/app.ts': "import { Dhmad } from '@dhmad/sdk';\nexport const client = new Dhmad();\n" });
    write(root, '.env', `DHMAD_API_KEY=${api.emu.bootstrapKeys.live}\n`);
    const f = (await doctor(root)).checks['separate-keys']!;
    expect(f.status).toBe('fail');
    expect(f.findings[0]!.message).toMatch(/^src\/app\.ts:2 reads DHMAD_API_KEY/);
  });
});

describe('rotated: keys rotated periodically', () => {
  it('warns from 80% of --max-age, fails past it; a regenerated key is young again', async () => {
    const k = await api.sdk().apiKeys.create({ name: 'billing' });
    api.emu.advanceTime(75 * DAY_MS);
    const warn = (await doctor(cleanRepo())).checks.rotated!;
    expect(warn.status).toBe('warn');
    expect(warn.findings.find((f) => f.keyPrefix === k.apiKey.keyPrefix)!.message).toMatch(/"billing": its secret is 75 days old \(made \d{4}-\d\d-\d\d\); near the 90-day limit$/);

    api.emu.advanceTime(20 * DAY_MS);
    const { run, checks } = await doctor(cleanRepo());
    expect(run.code).toBe(1);
    expect(checks.rotated!.status).toBe('fail');
    const finding = checks.rotated!.findings.find((f) => f.keyPrefix === k.apiKey.keyPrefix)!;
    expect(finding).toMatchObject({ severity: 'fail', fix: `dhmad keys regenerate ${k.apiKey.keyPrefix}` });

    const fresh = await api.sdk().apiKeys.regenerate(k.apiKey.id);
    const after = (await doctor(cleanRepo())).checks.rotated!;
    expect(after.findings.some((f) => f.keyPrefix === fresh.apiKey.keyPrefix)).toBe(false);
  });

  it('--max-age 1: a new secret passes; it warns from 80% of the day (19.2 h) and fails past it', async () => {
    const status = async (): Promise<string> => (await doctor(cleanRepo(), api.env(), ['--max-age', '1'])).checks.rotated!.status;
    await api.sdk().apiKeys.create({ name: 'billing' });
    expect(await status()).toBe('pass');
    api.emu.advanceTime(19 * 3_600_000);
    expect(await status()).toBe('pass');
    api.emu.advanceTime(3_600_000);
    expect(await status()).toBe('warn');
    api.emu.advanceTime(5 * 3_600_000);
    expect(await status()).toBe('fail');
  });

  it('--max-age sets the limit', async () => {
    await api.sdk().apiKeys.create({ name: 'billing' });
    api.emu.advanceTime(10 * DAY_MS);
    expect((await doctor(cleanRepo(), api.env(), ['--max-age', '8d'])).checks.rotated!.status).toBe('fail');
    const bad = await dhmad(['doctor', '--max-age', 'soon'], { cwd: cleanRepo(), env: api.env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-age "soon" is not a number of days');
  });

  it('notes a rotation workflow in .github/workflows', async () => {
    const root = cleanRepo({
      '.github/workflows/rotate.yml': 'on: { schedule: [{ cron: "0 3 * * *" }] }\njobs:\n  rotate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/dhmad-toolkit/packages/github-action@v1\n        with:\n          key-name: ci-app\n',
    });
    const r = (await doctor(root)).checks.rotated!;
    expect(r.status).toBe('pass');
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'note', message: '.github/workflows/rotate.yml rotates "ci-app" with the rotation Action' })]);
  });
});

describe('access-limited: how many keys can manage keys', () => {
  it('passes at --max-managers, warns above it, naming each manager', async () => {
    await api.sdk().apiKeys.create({ name: 'ops', scopes: ['keys:manage'] });
    expect((await doctor(cleanRepo())).checks['access-limited']!.status).toBe('pass');
    await api.sdk().apiKeys.create({ name: 'intern', scopes: ['keys:manage'] });
    const { run, checks } = await doctor(cleanRepo());
    expect(run.code).toBe(0);
    expect(checks['access-limited']!.status).toBe('warn');
    expect(checks['access-limited']!.findings.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/"intern" holds keys:manage/)]));
    expect((await doctor(cleanRepo(), api.env(), ['--max-managers', '3'])).checks['access-limited']!.status).toBe('pass');
  });
});

describe('monitoring: key usage watched', () => {
  it('warns on an active key unused for 30 days, with the command that deactivates it', async () => {
    const k = await api.sdk().apiKeys.create({ name: 'forgotten' });
    api.emu.advanceTime(31 * DAY_MS);
    const m = (await doctor(cleanRepo(), api.env(), ['--max-age', '365d'])).checks.monitoring!;
    expect(m.status).toBe('warn');
    expect(m.findings).toEqual([expect.objectContaining({ keyPrefix: k.apiKey.keyPrefix, fix: `dhmad keys deactivate ${k.apiKey.keyPrefix}` })]);
    expect(m.findings[0]!.message).toContain('never used since it was made');
  });

  it('a flag older than a week only warns: it was there to be looked into', async () => {
    const k = await api.sdk().apiKeys.create({ name: 'checkout' });
    api.emu.advanceTime(40 * DAY_MS);
    recordHistory(api.emu, k.apiKey.id, [...Array.from({ length: 20 }, () => 100), 2000, ...Array.from({ length: 9 }, () => 100)]);
    const m = (await doctor(cleanRepo(), api.env(), ['--max-age', '365d'])).checks.monitoring!;
    expect(m.status).toBe('warn');
    expect(m.findings).toEqual([expect.objectContaining({ severity: 'warn', message: expect.stringContaining('usage-spike') })]);
  });

  it('fails on a key whose usage a rule flags in the last week, naming the rule', async () => {
    const k = await api.sdk().apiKeys.create({ name: 'checkout' });
    api.emu.advanceTime(40 * DAY_MS);
    recordHistory(api.emu, k.apiKey.id, [...Array.from({ length: 25 }, () => 100), 2000, 100, 100, 100, 100]);
    const { run, checks } = await doctor(cleanRepo(), api.env(), ['--max-age', '365d']);
    expect(run.code).toBe(1);
    expect(checks.monitoring!.status).toBe('fail');
    expect(checks.monitoring!.findings).toEqual([
      expect.objectContaining({ severity: 'fail', keyPrefix: k.apiKey.keyPrefix, fix: `dhmad keys usage ${k.apiKey.keyPrefix}`, message: expect.stringContaining('"checkout": usage-spike on ') }),
    ]);
  });
});

it('the doctor reads the folder it is given, and the repository around it', async () => {
  const root = cleanRepo({ 'pkg/a.js': `'${liveKey()}'\n` });
  mkdirSync(path.join(root, 'pkg/sub'), { recursive: true });
  const r = await dhmad(['doctor', 'pkg/sub', '--json'], { cwd: root, env: {} });
  expect((JSON.parse(r.stdout) as { path: string }).path).toBe(root);
  expect(r.code).toBe(1);
});
