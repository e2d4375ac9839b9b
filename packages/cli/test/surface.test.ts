import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, tempDir } from '../../../test/support/git.js';
import { BIN, dhmad } from './support/cli.js';

describe('the command line, as people type it', () => {
  it('--help lists every command; each command has its own help', async () => {
    const r = await dhmad(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['dhmad me', 'dhmad keys', 'dhmad doctor [path]', 'dhmad completion']) expect(r.stdout).toContain(c);
    const keys = await dhmad(['keys', '--help']);
    for (const c of ['list', 'show <key>', 'create', 'regenerate <key>', 'delete <key>', 'activate <key>', 'deactivate <key>', 'rename <key> <name>', 'usage <key>']) {
      expect(keys.stdout).toContain(`dhmad keys ${c}`);
    }
    const create = await dhmad(['keys', 'create', '-h']);
    expect(create.stdout).toContain('--write-env');
  });

  it('-V prints the version', async () => {
    const r = await dhmad(['-V']);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a misspelt command gets a suggestion, an unknown flag and a missing command one clear line; exit 2', async () => {
    for (const [args, says] of [
      [['keys', 'lst'], 'Did you mean list?'],
      [['keys', 'list', '--al'], 'Unknown argument: al'],
      [['keys'], 'Name a keys command'],
      [[], 'Name a command.'],
      [['keys', 'show'], 'Not enough non-option arguments'],
    ] as const) {
      const r = await dhmad(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(says);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('there is no flag for the key: one on the command line is an unknown argument', async () => {
    const r = await dhmad(['me', '--api-key', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument');
  });

  it('completion: bash completes the subcommands from the script it prints', async () => {
    const dir = tempDir();
    const script = (await dhmad(['completion'], { env: { SHELL: '/bin/bash' } })).stdout;
    expect(script).toContain('complete -o bashdefault -o default -F _dhmad_yargs_completions dhmad');
    writeFileSync(path.join(dir, 'completion.bash'), script);
    writeFileSync(path.join(dir, 'dhmad'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(path.join(dir, 'dhmad'), 0o755);
    const complete = (line: string[]) =>
      promisify(execFile)('bash', ['-c', `source completion.bash; COMP_WORDS=(${line.join(' ')}); COMP_CWORD=${line.length - 1}; _dhmad_yargs_completions; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        cwd: dir,
        env: isolatedEnv({ PATH: `${dir}:${process.env.PATH}` }),
      });
    expect((await complete(['dhmad', 'keys', 're'])).stdout.split('\n').filter(Boolean).sort()).toEqual(['regenerate', 'rename']);
    expect((await complete(['dhmad', 'do'])).stdout.trim()).toBe('doctor');
  });
});
