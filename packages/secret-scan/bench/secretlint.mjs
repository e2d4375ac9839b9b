// secretlint 13 with a pattern rule for DHMAD keys, installed from the registry into BENCH_DIR.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH, sh } from './corpora.mjs';

export function secretlintSetup(pattern) {
  const dir = path.join(BENCH, 'secretlint');
  const bin = path.join(dir, 'node_modules/.bin/secretlint');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    sh('npm', ['install', '--no-audit', '--no-fund', '--silent', 'secretlint@13', '@secretlint/secretlint-rule-pattern@13'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const rc = path.join(dir, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-pattern', options: { patterns: [{ name: 'DHMAD key', pattern: `/${pattern}/` }] } }] }));
  return { bin, rc, version: sh(bin, ['--version']).trim() };
}
