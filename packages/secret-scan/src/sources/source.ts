import type { Repo } from '@dhmad/git-facts';
import type { Collector } from '../collector.js';

/** What every source is given when it is opened. */
export interface SourceContext {
  /** Where relative paths resolve. */
  cwd: string;
  /** The repository of `cwd` (null outside one), looked up once for the whole scan. */
  repo: Promise<Repo | null>;
  /** The sink, for what a source counts before it scans (skipped submodules, unreadable folders). */
  sink: Collector;
  /** Hears of each work tree the source will read, as soon as it is known (for the .env checks). */
  onRepo?: (root: string) => void;
}

/**
 * One place text comes from: the working tree, the index, the history, a
 * stream. A source is opened, then `prepare` starts at once what needs no
 * config (repository lookups, listings, git runs), then `scan` reads what it
 * names into the sink, which says per path whether to read it (`wants`: the
 * excludes) and turns detections into findings.
 */
export interface Source {
  prepare(): Promise<void>;
  scan(sink: Collector): Promise<void>;
  /** The work trees whose .env files the scan checks (known once `prepare` is done). */
  readonly roots: readonly string[];
  /** Stops what `prepare` started and `scan` did not finish (after an error, or after the scan). */
  close(): void;
}
