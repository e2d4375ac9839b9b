import path from 'node:path';
import { parse } from 'dotenv';
import { findKeys, type Environment } from '@dhmad/sdk/key-format';
import { isEnvFile } from '@dhmad/git-facts';
import { readSmallFile, walkFiles } from './files.js';

/** A key held by a variable of an env file. `secret` stays in memory: print `keyPrefix`. */
export interface EnvKey {
  /** Relative to the folder searched, `/`-separated. */
  file: string;
  variable: string;
  /** 1-based line of the assignment. */
  line: number;
  environment: Environment;
  keyPrefix: string;
  secret: string;
}

/**
 * Every env file under `root` (`.env`, `.env.local`, ...; not templates), ignored ones included:
 * an ignored `.env` is where keys belong, and what the checks compare.
 */
export function findEnvFiles(root: string): string[] {
  return walkFiles(root).filter((f) => isEnvFile(f));
}

/** The DHMAD keys the variables of `files` hold, read with dotenv. Unreadable files are skipped. */
export function readEnvKeys(root: string, files: readonly string[]): EnvKey[] {
  const keys: EnvKey[] = [];
  for (const file of files) {
    const text = readSmallFile(path.join(root, file));
    if (text === null) continue;
    const lines = text.split('\n');
    for (const [variable, value] of Object.entries(parse(text))) {
      for (const m of findKeys(value, { malformed: false })) {
        if (m.kind !== 'key') continue;
        // dotenv keeps the last of several assignments: that is the line the value came from.
        const line = lines.findLastIndex((l) => Object.hasOwn(parse(l), variable)) + 1;
        keys.push({ file, variable, line, environment: m.environment, keyPrefix: m.keyPrefix, secret: value.slice(m.index, m.index + m.length) });
      }
    }
  }
  return keys;
}
