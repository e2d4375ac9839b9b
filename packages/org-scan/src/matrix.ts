import type { Repository } from './repositories.js';

/** GitHub runs at most this many jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;

export interface Batch {
  batch: number;
  /** The batch's repositories, as a JSON string: the batch workflow's matrix `include`. */
  repositories: string;
}

/**
 * The repositories cut into batches of at most `size` (and at most 256, GitHub's limit for one
 * matrix): the outer matrix runs one batch workflow per batch, each a matrix of its repositories,
 * so an organization of up to 65,536 repositories fits one run.
 */
export function batches(repositories: readonly Repository[], size = MAX_MATRIX_JOBS): Batch[] {
  const per = Math.max(1, Math.min(MAX_MATRIX_JOBS, Math.floor(size)));
  if (Math.ceil(repositories.length / per) > MAX_MATRIX_JOBS) {
    throw new Error(`${repositories.length} repositories need more than ${MAX_MATRIX_JOBS} batches of ${per}: raise batch-size (at most ${MAX_MATRIX_JOBS}), or scan part of the organization per run.`);
  }
  const out: Batch[] = [];
  for (let i = 0; i < repositories.length; i += per) {
    out.push({ batch: out.length + 1, repositories: JSON.stringify(repositories.slice(i, i + per)) });
  }
  return out;
}
