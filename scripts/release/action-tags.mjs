// After a release is published: tag the Action as users of actions pin it. v<version> marks
// the release commit (made once) and v<major> moves to it, so `@v1` always runs the newest 1.x.
// Without --push it only prints the git commands it would run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { actionTags } from './refs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const push = process.argv.includes('--push');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const { exact, major } = actionTags(root);

const exists = (tag) => {
  try {
    git('rev-parse', '-q', '--verify', `refs/tags/${tag}`);
    return true;
  } catch {
    return false;
  }
};

const commands = [];
// Lightweight tags: what `uses: …@v1` resolves, and they need no committer identity on the runner.
if (!exists(exact)) commands.push(['tag', exact], ['push', 'origin', `refs/tags/${exact}`]);
commands.push(['tag', '-f', major, `${exact}^{commit}`], ['push', '--force', 'origin', `refs/tags/${major}`]);
for (const args of commands) {
  if (push) git(...args);
  else console.log(`git ${args.join(' ')}`);
}
if (push) console.log(`${major} now points at ${exact}`);
