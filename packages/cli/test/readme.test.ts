import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commitAll, initRepo, write } from '../../../test/support/git.js';
import { DAY_MS, dayOf, dhmad, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();

/** The README's tour: each `$ dhmad ...` line with what the README shows it printing. */
function readmeTour(): Array<{ args: string[]; shown: string }> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /## A short tour[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .split(/^(?=\$ dhmad )/m)
    .filter((part) => part.startsWith('$ dhmad '))
    .map((part) => {
      const [command, ...output] = part.trimEnd().split('\n');
      return { args: command!.slice('$ dhmad '.length).split(' '), shown: output.join('\n') };
    });
}

/** What differs from one run to the next: prefixes, ids, commits, days, times, ports, the folder. */
function normalise(text: string, root: string): string {
  return text
    .replaceAll(root, '<repository>')
    .replace('/tmp/tour', '<repository>')
    .replace(/sk_(live|sandbox)_[0-9a-f]{6}/g, 'sk_$1_<prefix>')
    .replace(/\b[0-9a-f]{24}\b/g, '<id>')
    .replace(/commit [0-9a-f]{8}/g, 'commit <commit>')
    .replace(/\d{4}-\d\d-\d\d/g, '<day>')
    .replace(/\b\d\d:\d\d\b/g, '<time>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');
}

// The usage the tour puts on checkout-service, oldest day first, as [requests, errors].
const USAGE: ReadonlyArray<readonly [number, number]> = [
  [132, 1], [125, 0], [118, 2], [111, 1], [127, 0], [120, 2], [113, 1], [129, 0], [122, 2], [1450, 1], [131, 0], [124, 61], [117, 1], [110, 0],
];

describe('the README', () => {
  it('tour: each command runs as written and prints what the README shows', async () => {
    api.emu.reset();
    const root = initRepo();
    // What the tour says happened before it: legacy-worker's key committed in worker.js, then taken out.
    const legacy = await api.sdk().apiKeys.create({ name: 'legacy-worker' });
    write(root, 'worker.js', `module.exports = '${legacy.key}';\n`);
    commitAll(root, 'worker');
    write(root, 'worker.js', 'module.exports = process.env.WORKER_KEY;\n');
    commitAll(root, 'fix');

    const tour = readmeTour();
    expect(tour.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['me', 'keys create', 'keys list', 'keys usage', 'keys regenerate', 'keys regenerate', 'doctor']);
    for (const { args, shown } of tour) {
      const r = await dhmad(args, { env: api.env(), cwd: root });
      expect(normalise(`${r.stdout}${r.stderr}`.trimEnd(), root), `dhmad ${args.join(' ')}`).toBe(normalise(shown, root));
      expectNoSecret([r.stdout, r.stderr]);
      // Between the commands, as the tour says: the clock moved and usage put on checkout-service.
      if (args[1] === 'list') {
        api.emu.advanceTime(14 * DAY_MS);
        const id = (await api.sdk().apiKeys.list()).data.find((k) => k.name === 'checkout-service')!.id;
        USAGE.forEach(([requests, errors], i) => api.emu.recordUsage(id, { date: dayOf(api.emu, USAGE.length - 1 - i), requests, errors }));
      }
      if (args[1] === 'regenerate' && args.includes('--yes')) api.emu.advanceTime(75 * DAY_MS);
    }
  });
});
