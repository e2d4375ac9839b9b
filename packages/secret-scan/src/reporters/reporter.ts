import type { ScanResult } from '../scan.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ReportOptions {
  /** Colour the text output (ANSI). The other formats ignore it. */
  color?: boolean;
}

/**
 * Every reporter: a scan's result in, the report out. Paths and messages come redacted from the
 * findings, and each reporter redacts its whole output once more, so that nothing that reached a
 * result (an API's answer to --verify, a library caller's own finding) can print a key.
 */
export type Reporter = (result: ScanResult, options?: ReportOptions) => string;
