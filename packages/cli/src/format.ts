import type { ApiKey } from '@dhmad/sdk';
import stringWidth from 'string-width';
import { printable } from './terminal.js';

/** `2026-11-29` from an ISO timestamp. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'never';
}

/** `2026-11-29 05:59 UTC` from an ISO timestamp; `never` for null. */
export function minute(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never';
}

/** How a table may shrink to fit a terminal. */
export interface Fit {
  /** The terminal's width. */
  width: number | undefined;
  /** Columns that may be left out, in order, when cutting the first column to 10 is not enough. */
  droppable?: readonly number[];
}

const MIN_FIRST = 10;

/**
 * Columns padded to their widest cell, measured in terminal columns (a CJK character or an emoji takes
 * two, a combining accent none); the last column is not padded. To fit `fit.width`, the first column
 * is cut with `…` (to no fewer than 10 columns), then droppable columns are left out.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], fit: Fit = { width: undefined }): string {
  // Measured once: every cell of a column is padded to it.
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  let keep = header.map((_, i) => i);
  let first = widths[0]!;
  if (fit.width !== undefined) {
    const { width } = fit;
    // The kept columns and their gaps, the first one `firstWidth` wide.
    const span = (firstWidth: number): number => keep.reduce((sum, i) => sum + (i === 0 ? firstWidth : widths[i]!), 0) + 2 * (keep.length - 1);
    // The first column gets what the others leave of the width: no more than its own, no fewer than MIN_FIRST.
    const fitFirst = (): number => Math.max(MIN_FIRST, Math.min(widths[0]!, width - span(0)));
    first = fitFirst();
    for (const drop of fit.droppable ?? []) {
      if (span(first) <= width) break;
      keep = keep.filter((i) => i !== drop);
      first = fitFirst();
    }
  }
  const line = (cells: readonly string[]): string =>
    keep
      .map((i, n) => {
        const cell = i === 0 ? truncate(cells[i] ?? '', first) : (cells[i] ?? '');
        return n === keep.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (i === 0 ? first : widths[i]!) - stringWidth(cell)));
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `text` in at most `width` terminal columns, its end replaced by `…` when cut. */
function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of new Intl.Segmenter().segment(text)) {
    if (stringWidth(out + ch.segment) > width - 1) break;
    out += ch.segment;
  }
  return out + '…';
}

/** `1 key`, `2 keys`; `plural` when adding an s will not do. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
