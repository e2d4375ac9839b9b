import type { Detection } from './detect.js';
import { type Finding, keyFinding, nameFindings, shownPath } from './findings.js';

export interface ScanStats {
  /** Text files (or blobs) read. */
  files: number;
  bytes: number;
  commits: number;
  skippedBinary: number;
  skippedSubmodules: number;
  skippedSymlinks: number;
  excluded: number;
  /** Matches silenced by an inline `dhmad-scan:allow`. */
  allowed: number;
  /** Findings silenced by the baseline file. */
  baselined: number;
  /** What exists but could not be read, with why: the scan is incomplete. */
  unreadable: string[];
  /** `--history --checkpoint`: whether only what is new since the checkpoint was scanned, and what the user is told. */
  checkpoint?: { incremental: boolean; note: string };
}

export function emptyStats(): ScanStats {
  return {
    files: 0,
    bytes: 0,
    commits: 0,
    skippedBinary: 0,
    skippedSubmodules: 0,
    skippedSymlinks: 0,
    excluded: 0,
    allowed: 0,
    baselined: 0,
    unreadable: [],
  };
}

/** The key behind a finding, held outside the object so no serializer or logger can reach it. */
const secrets = new WeakMap<Finding, string>();

/** For `--verify` only. */
export function secretOf(finding: Finding): string | undefined {
  return secrets.get(finding);
}

export interface CollectorOptions {
  keepSecrets?: boolean;
  onProgress?: (stats: ScanStats) => void;
}

/** Node's error codes for a file that exists but cannot be read, in words, with what to do. */
const FS_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied (give this user read access, or exclude it)',
  EPERM: 'not permitted (give this user read access, or exclude it)',
  ENOENT: 'it disappeared while the scan ran (scan again)',
  EIO: 'the disk could not read it (check the disk)',
  EMFILE: 'too many files open at once (raise `ulimit -n`)',
  ENFILE: 'too many files open on this machine (scan again)',
};

/**
 * The sink every source scans into. It decides, in one place, which paths
 * are scanned (the config's excludes) and turns what the detector found into
 * findings; what a finding says is findings.ts's.
 */
export class Collector {
  readonly findings: Finding[] = [];
  readonly stats = emptyStats();
  readonly keepSecrets: boolean;
  /** The config's excludes, set once the config is read (before any source scans). */
  excluded: (file: string) => boolean = () => false;
  private readonly onProgress: ((stats: ScanStats) => void) | undefined;

  constructor(options: CollectorOptions = {}) {
    this.keepSecrets = options.keepSecrets ?? false;
    this.onProgress = options.onProgress;
  }

  progress(): void {
    this.onProgress?.(this.stats);
  }

  /**
   * Whether the source should scan `file` (at `commit`, in history): false for
   * an excluded path, counted. A key in the name of a path that is scanned is
   * a finding of its own.
   */
  wants(file: string, commit: string | null = null): boolean {
    if (this.excluded(file)) {
      this.stats.excluded++;
      return false;
    }
    this.findings.push(...nameFindings(file, commit));
    return true;
  }

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  /** Something that exists could not be read: the scan is incomplete. `why` is a sentence, or a Node error code. */
  unreadable(what: string, why: string): void {
    this.stats.unreadable.push(`${shownPath(what)}: ${FS_ERRORS[why] ?? why}`);
  }

  /** Take a finding made on another thread, with its key when one was kept. */
  adopt(finding: Finding, secret: string | undefined): void {
    if (secret !== undefined) secrets.set(finding, secret);
    this.findings.push(finding);
  }

  /** Add another thread's counts to these. */
  merge(other: ScanStats): void {
    const s = this.stats;
    s.files += other.files;
    s.bytes += other.bytes;
    s.skippedBinary += other.skippedBinary;
    s.skippedSubmodules += other.skippedSubmodules;
    s.skippedSymlinks += other.skippedSymlinks;
    s.allowed += other.allowed;
    s.unreadable.push(...other.unreadable);
  }

  /** The detector's results for `file` (at `commit`), as findings; allowed ones are only counted. */
  detections(file: string, commit: string | null, detections: readonly Detection[]): void {
    for (const d of detections) {
      if (d.allowed) {
        this.stats.allowed++;
        continue;
      }
      const finding = keyFinding(d, file, commit);
      if (d.secret !== undefined) secrets.set(finding, d.secret);
      this.findings.push(finding);
    }
  }
}
