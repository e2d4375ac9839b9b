// What the release scripts agree on: the tags a release creates, and where the docs pin them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const packageVersion = (root, dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version;

/** The Action's tags: v<version> for its exact release, v<major> moved along, as actions are pinned. */
export function actionTags(root) {
  const version = packageVersion(root, 'packages/github-action');
  return { exact: `v${version}`, major: `v${version.split('.')[0]}` };
}

/** The `rev:` of the dhmad-toolkit repository in a .pre-commit-config.yaml shown in the docs. */
export const PRE_COMMIT_REV = /(- repo: https:\/\/github\.com\/dhmad\/dhmad-toolkit\n\s+rev: )\S+/g;
/** A workflow's `uses:` of the Action, pinned to a major tag. */
export const ACTION_USES = /(uses: dhmad\/dhmad-toolkit\/packages\/github-action@)v\d+\b/g;

/** The files that may pin refs: every tracked README and workflow. */
export function docFiles(root) {
  return execFileSync('git', ['ls-files', '-z', '--', '*.md', '.github/workflows/*.yml'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && !f.startsWith('.changeset/') && !f.endsWith('CHANGELOG.md'));
}
