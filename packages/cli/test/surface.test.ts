import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

  it('--version loads neither yargs nor the SDK (scripts and bug reports run it)', async () => {
    const dir = tempDir();
    // An ES module loader hook that prints every module the bin loads.
    writeFileSync(path.join(dir, 'hooks.mjs'), 'export async function load(url, context, next) { process.stderr.write(`loaded ${url}\\n`); return next(url, context); }\n');
    writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
    for (const flag of ['--version', '-V']) {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, flag], { env: isolatedEnv() });
      expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      const loaded = stderr.split('\n').filter((l) => l.startsWith('loaded '));
      expect(loaded.some((l) => l.includes('/dist/cli.js')), stderr).toBe(true);
      expect(loaded.filter((l) => /node_modules\/yargs\/|\/sdk\/dist\/(index|client)\.js/.test(l)), flag).toEqual([]);
    }
  });

  it('a misspelt command or flag gets a suggestion; a missing argument or command says which; one sentence; exit 2', async () => {
    for (const [args, says] of [
      [['keys', 'lst'], 'dhmad: keys has no command "lst". Did you mean dhmad keys list? See dhmad keys --help.'],
      [['doctr'], 'dhmad: dhmad has no command "doctr". Did you mean dhmad doctor? See dhmad --help.'],
      [['jsn'], 'dhmad: dhmad has no command "jsn". The commands: me, keys, doctor, completion. See dhmad --help.'],
      [['keys', 'list', '--jsn'], 'dhmad: keys list has no --jsn flag. Did you mean --json? See dhmad keys list --help.'],
      [['me', '--Json'], 'dhmad: me has no --Json flag. Did you mean --json? See dhmad me --help.'],
      [['keys', 'list', '--al'], 'dhmad: keys list has no --al flag. Did you mean --all? See dhmad keys list --help.'],
      [['doctor', '--max-ages', '3'], 'dhmad: doctor has no --max-ages flag. Did you mean --max-age? See dhmad doctor --help.'],
      [['keys', 'create', '--nam', 'x'], 'dhmad: keys create has no --nam flag. Did you mean --name? See dhmad keys create --help.'],
      [['keys', 'list', 'extra'], 'dhmad: keys list does not take "extra". See dhmad keys list --help.'],
      [['keys', 'show'], 'dhmad: keys show needs a <key>: its id, its prefix (sk_live_abc123) or its name. See dhmad keys show --help.'],
      [['keys', 'rename', 'x'], 'dhmad: keys rename needs a <key> and the new <name>. See dhmad keys rename --help.'],
      [['keys', 'create'], 'dhmad: keys create needs --name. See dhmad keys create --help.'],
      [['keys', 'create', '--name', 'x', '--env', 'prod'], 'dhmad: --env must be live or sandbox, not "prod". See dhmad keys create --help.'],
      [['keys'], 'dhmad: Name a keys command: list, show, create, regenerate, delete, activate, deactivate, rename, usage. See dhmad keys --help.'],
      [[], 'dhmad: Name a command: me, keys, doctor, completion. See dhmad --help.'],
    ] as const) {
      const r = await dhmad(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`${says}\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('there is no flag for the key: one on the command line says where the key comes from', async () => {
    const r = await dhmad(['me', '--api-key', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dhmad: me has no --api-key flag: dhmad reads its key from DHMAD_API_KEY only, since a flag value stays in shell history and shows in ps. See dhmad me --help.\n');
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
