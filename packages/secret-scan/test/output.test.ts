import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { assertNoKeys, commitAll, git, initRepo, makeKey, prefixOf, runCli, tempDir, write } from './helpers.js';

const require = createRequire(import.meta.url);

/** A repository with a live key, a sandbox key, a truncated key and a tracked .env file. */
function leakyRepo() {
  const repo = initRepo();
  const live = makeKey();
  const sandbox = makeKey('sandbox');
  write(repo, '.gitignore', '.env\n.env.*\n');
  write(repo, 'src/a b.js', `const k = "${live}";\n`);
  write(repo, 'config/.env', `KEY=${sandbox}\n`);
  write(repo, 'docs/x.md', `partial: ${live.slice(0, 40)}\n`);
  git(repo, ['add', '-f', 'config/.env']);
  commitAll(repo, 'leaks');
  return { repo, keys: [live, sandbox], live, sandbox };
}

describe('JSON output', () => {
  it('has the documented shape, with keys only as keyPrefix', () => {
    const { repo, keys, live, sandbox } = leakyRepo();
    const run = runCli(['--format', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    assertNoKeys([run.stdout, run.stderr], keys);
    const out = JSON.parse(run.stdout);
    expect(out.version).toBe(1);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'environment', 'keyPrefix', 'commit', 'fingerprint', 'message']);
    }
    expect(out.findings.map((f: Record<string, unknown>) => [f.ruleId, f.severity, f.file, f.line, f.environment, f.keyPrefix])).toEqual([
      ['env-tracked', 'error', 'config/.env', null, null, null],
      ['sandbox-key', 'error', 'config/.env', 1, 'sandbox', prefixOf(sandbox)],
      ['malformed-key', 'warning', 'docs/x.md', 1, 'live', prefixOf(live)],
      ['live-key', 'error', 'src/a b.js', 1, 'live', prefixOf(live)],
    ]);
    expect(out.summary).toMatchObject({ mode: 'tree', errors: 3, warnings: 1, files: 4 });
  });
});

describe('SARIF output', () => {
  it('is valid SARIF 2.1.0 with what GitHub code scanning requires, and no secret', () => {
    const { repo, keys } = leakyRepo();
    const run = runCli(['--format', 'sarif'], { cwd: repo });
    expect(run.code).toBe(1);
    assertNoKeys([run.stdout, run.stderr], keys);
    const log = JSON.parse(run.stdout);

    const ajv = new Ajv({ schemaId: 'id', allErrors: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    // The SARIF 2.1.0 JSON schema (rtm.5, as published by OASIS and schemastore, MIT), copied from @microsoft/jest-sarif.
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif/);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('dhmad-scan');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(['live-key', 'sandbox-key', 'malformed-key', 'env-tracked', 'env-not-ignored']);
    for (const r of run0.tool.driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.fullDescription.text.length).toBeGreaterThan(0);
      expect(r.help.text.length).toBeGreaterThan(0);
      expect(Number(r.properties['security-severity'])).toBeGreaterThan(0);
    }
    expect(run0.results).toHaveLength(4);
    for (const res of run0.results) {
      expect(ruleIds).toContain(res.ruleId);
      expect(res.message.text.length).toBeGreaterThan(0);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^file:/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.snippet).toBeUndefined();
      expect(res.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:1$/);
    }
    expect(run0.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('src/a%20b.js');
  });
});

describe('never printing a key', () => {
  it('keeps every key out of text, JSON and SARIF on stdout, --output files, and stderr, for every source', () => {
    const { repo, keys } = leakyRepo();
    const outDir = tempDir();
    const texts: string[] = [];
    const modes: string[][] = [[], ['--staged'], ['--history']];
    write(repo, 'staged.txt', `${keys[0]}\n`);
    git(repo, ['add', 'staged.txt']);
    for (const mode of modes) {
      for (const format of ['text', 'json', 'sarif']) {
        const file = path.join(outDir, `${mode.join('') || 'tree'}.${format}`);
        const run = runCli([...mode, '--format', format, '--output', file], { cwd: repo });
        expect(run.code, `${mode.join(' ')} ${format}`).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/errors?, \d+ warnings?; report written to/);
        const report = readFileSync(file, 'utf8');
        expect(report).toContain(prefixOf(keys[0]!));
        texts.push(run.stdout, run.stderr, report);
      }
    }
    const stdin = runCli(['--stdin', '--format', 'text'], { cwd: repo, input: keys.join('\n') });
    expect(stdin.stdout).toContain(prefixOf(keys[0]!));
    texts.push(stdin.stdout, stdin.stderr);
    assertNoKeys(texts, keys);
  });

  it('writes the text report to stdout grouped by file, with a summary line and no colour when piped', () => {
    const { repo, live } = leakyRepo();
    const run = runCli([], { cwd: repo });
    expect(run.stdout).toContain(`src/a b.js\n  1:12      error    live-key         Live secret key ${prefixOf(live)}…`);
    expect(run.stdout).toMatch(/✖ 3 errors, 1 warning: 4 files scanned\.\n$/);
    expect(run.stdout).not.toContain('\u001b[');
  });
});
