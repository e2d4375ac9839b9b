import path from 'node:path';
import { parse } from 'yaml';
import { readSmallFile, walkFiles } from '../files.js';

export interface RotationWorkflow {
  /** Relative to the repository root. */
  file: string;
  /** The `key-name` input of each step that runs the rotation Action. */
  keyNames: string[];
}

/** A step that runs the toolkit's rotation Action: `./packages/github-action` or `<owner>/dhmad-toolkit/packages/github-action@ref`. */
const ROTATION_ACTION = /(^|\/)packages\/github-action(@|$)/;

/** The workflows in `.github/workflows` that rotate DHMAD keys, read with a YAML parser. */
export function rotationWorkflows(root: string): RotationWorkflow[] {
  const dir = path.join(root, '.github/workflows');
  const found: RotationWorkflow[] = [];
  for (const name of walkFiles(dir).filter((f) => /\.ya?ml$/.test(f) && !f.includes('/'))) {
    const text = readSmallFile(path.join(dir, name));
    let doc: unknown;
    try {
      doc = text === null ? null : parse(text);
    } catch {
      continue;
    }
    const jobs = (doc as { jobs?: Record<string, { steps?: unknown }> } | null)?.jobs ?? {};
    const steps = Object.values(jobs).flatMap((j) => (Array.isArray(j?.steps) ? (j.steps as Array<{ uses?: unknown; with?: Record<string, unknown> }>) : []));
    const rotating = steps.filter((s) => typeof s?.uses === 'string' && ROTATION_ACTION.test(s.uses));
    if (rotating.length > 0) found.push({ file: `.github/workflows/${name}`, keyNames: rotating.map((s) => String(s.with?.['key-name'] ?? '?')) });
  }
  return found;
}
