import type { Detection } from './detect.js';
import { keyFingerprint, RULES, type Finding } from './findings.js';

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
  /** Paths that exist but could not be read, with why. */
  unreadable: string[];
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

/** Where every source hands its detections; turns them into findings once. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly stats = emptyStats();
  readonly keepSecrets: boolean;
  private readonly onProgress: ((stats: ScanStats) => void) | undefined;

  constructor(options: CollectorOptions = {}) {
    this.keepSecrets = options.keepSecrets ?? false;
    this.onProgress = options.onProgress;
  }

  progress(): void {
    this.onProgress?.(this.stats);
  }

  add(finding: Finding): void {
    this.findings.push(finding);
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

  addDetections(file: string, commit: string | null, detections: readonly Detection[]): void {
    for (const d of detections) {
      if (d.allowed) {
        this.stats.allowed++;
        continue;
      }
      const ruleId = d.kind === 'malformed' ? 'malformed-key' : d.environment === 'live' ? 'live-key' : 'sandbox-key';
      const what =
        d.kind === 'malformed'
          ? `Possibly truncated or mangled ${d.environment} key ${d.keyPrefix}…`
          : `${d.environment === 'live' ? 'Live' : 'Sandbox'} secret key ${d.keyPrefix}…`;
      const finding: Finding = {
        ruleId,
        severity: RULES[ruleId].severity,
        file,
        line: d.line,
        column: d.column,
        environment: d.environment,
        keyPrefix: d.keyPrefix,
        commit,
        fingerprint: keyFingerprint(d.digest, file),
        message: commit ? `${what} (introduced in ${commit.slice(0, 12)})` : what,
      };
      if (d.secret !== undefined) secrets.set(finding, d.secret);
      this.findings.push(finding);
    }
  }
}
