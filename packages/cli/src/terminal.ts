import type { Readable, Writable } from 'node:stream';
import { redactText } from '@dhmad/sdk/key-format';

/** A stream as the process has it. */
export type RawStream = Writable & { isTTY?: boolean; columns?: number };

/** An output of the CLI: every write is redacted, so no key the API or a file hands back (a name, metadata, an echoed error) reaches the screen. */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** The terminal's width, when it is one. */
  readonly columns: number | undefined;
}

/** Where a command reads and writes, and what kind of terminal it has. */
export interface Terminal {
  stdout: Output;
  stderr: Output;
  stdin: Readable & { isTTY?: boolean };
  /**
   * The streams themselves, unredacted: only for the one secret `create` or `regenerate` hands over
   * (handover.ts), and for the confirmation prompt, which readline must drive on the real terminal.
   */
  raw: { stdout: RawStream; stderr: RawStream };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function redactingOutput(stream: RawStream): Output {
  return {
    write: (text) => void stream.write(redactText(text)),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      // A pseudo-terminal nobody sized says 0 columns: no width to fit then.
      return stream.isTTY && stream.columns ? stream.columns : undefined;
    },
  };
}

export function processTerminal(): Terminal {
  const { stdout, stderr } = process;
  return { stdout: redactingOutput(stdout), stderr: redactingOutput(stderr), stdin: process.stdin, raw: { stdout, stderr }, env: process.env, cwd: process.cwd() };
}

/**
 * Colour on a terminal unless NO_COLOR; FORCE_COLOR turns it on anywhere (https://no-color.org,
 * https://force-color.org), and FORCE_COLOR=0 (or false) off everywhere, as Node and supports-color read it.
 */
export function colorEnabled(t: Terminal, stream: 'stdout' | 'stderr'): boolean {
  const force = t.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (t.env.NO_COLOR !== undefined && t.env.NO_COLOR !== '') return false;
  return t[stream].isTTY && t.env.TERM !== 'dumb';
}

export type Paint = (style: Style, text: string) => string;
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

const CODES: Record<Style, [number, number]> = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };

export function painter(enabled: boolean): Paint {
  return enabled ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}

/**
 * A value from the API or a file, made safe to put on a terminal: control characters
 * (escape sequences a key's name could smuggle in, newlines that would break a table) shown as `\uXXXX`,
 * and any key in it redacted here already, so that tables are measured as they are printed.
 */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return redactText(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
