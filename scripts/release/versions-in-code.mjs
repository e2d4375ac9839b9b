// After `changeset version` (npm run release:version): the `export const VERSION = '…'` a package's
// sources carry (the SDK's User-Agent, the scanner's SARIF driver) takes the package's new version,
// since a built file cannot read package.json everywhere it runs.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONSTANT = /^(export const VERSION = )'[^']*';$/m;
const sources = execFileSync('git', ['ls-files', '-z', '--', 'packages/*/src/*.ts', 'packages/*/src/**/*.ts'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '');
for (const file of sources) {
  const text = readFileSync(join(root, file), 'utf8');
  if (!CONSTANT.test(text)) continue;
  const pkgDir = file.split('/').slice(0, 2).join('/');
  const { version } = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const after = text.replace(CONSTANT, `$1'${version}';`);
  if (after !== text) {
    writeFileSync(join(root, file), after);
    console.log(`${file}: VERSION ${version}`);
  }
}
