// After `changeset version` (npm run release:version): point the refs the docs pin at the tags
// the coming release creates, so that the README in the release commit names that release.
//   - the pre-commit `rev:` in packages/secret-scan/README.md -> '@dhmad/secret-scan@<version>'
//     (the tag `changeset publish` makes for the scanner at that commit)
//   - `uses: dhmad/dhmad-toolkit/packages/github-action@v<N>` anywhere in the docs -> the
//     Action's major tag, v<major of its version> (scripts/release/action-tags.mjs moves it)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_USES, actionTags, docFiles, packageVersion, PRE_COMMIT_REV } from './refs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scannerTag = `@dhmad/secret-scan@${packageVersion(root, 'packages/secret-scan')}`;
const { major } = actionTags(root);

for (const file of docFiles(root)) {
  const before = readFileSync(join(root, file), 'utf8');
  const after = before
    .replace(PRE_COMMIT_REV, (_, lead) => `${lead}'${scannerTag}'`)
    .replace(ACTION_USES, (_, lead) => `${lead}${major}`);
  if (after !== before) {
    writeFileSync(join(root, file), after);
    console.log(`${file}: refs moved to ${scannerTag} / ${major}`);
  }
}
