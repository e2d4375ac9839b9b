import type { ApiKey } from '@dhmad/sdk';
import { printable } from './terminal.js';

/** `2026-11-29` from an ISO timestamp. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'never';
}

/** `2026-11-29 05:59 UTC` from an ISO timestamp; `never` for null. */
export function minute(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never';
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** How a key is named in sentences: its prefix and name, never the secret. */
export function keyLabel(key: Pick<ApiKey, 'keyPrefix' | 'name'>): string {
  return `${key.keyPrefix} "${printable(key.name)}"`;
}

/** Whole days from `fromIso` to `nowMs`. */
export function daysSince(fromIso: string, nowMs: number): number {
  return Math.floor((nowMs - Date.parse(fromIso)) / 86_400_000);
}

/** `{ ok: true }` -> `'{\n  "ok": true\n}\n'`: the --json output of every command. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
