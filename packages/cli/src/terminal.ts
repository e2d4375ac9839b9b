import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes, and what kind of terminal it has: the process's, or a test's. */
export interface Terminal {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processTerminal(): Terminal {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Colour on a terminal unless NO_COLOR; FORCE_COLOR turns it on anywhere (https://no-color.org, https://force-color.org). */
export function colorEnabled(t: Terminal, stream: 'stdout' | 'stderr'): boolean {
  const force = t.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (t.env.NO_COLOR !== undefined && t.env.NO_COLOR !== '') return false;
  return Boolean(t[stream].isTTY) && t.env.TERM !== 'dumb';
}

export type Paint = (style: Style, text: string) => string;
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

const CODES: Record<Style, [number, number]> = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };

export function painter(enabled: boolean): Paint {
  return enabled ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}

/**
 * A value from the API or a file, made safe to put on a terminal: control characters
 * (escape sequences a key's name could smuggle in, newlines that would break a table) shown as `\uXXXX`.
 */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
