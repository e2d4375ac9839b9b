import { redactText } from '@dhmad/sdk/key-format';
import type { Finding } from '../findings.js';
import type { ScanResult, ScanSummary } from '../scan.js';
import type { ReportOptions } from './reporter.js';

export interface JsonReport {
  version: 1;
  findings: Finding[];
  summary: ScanSummary;
}

/** The documented JSON shape (other tools parse it): fields in a fixed order, keys only as `keyPrefix`. */
export function formatJson(result: ScanResult, _options?: ReportOptions): string {
  const report: JsonReport = {
    version: 1,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      environment: f.environment,
      keyPrefix: f.keyPrefix,
      commit: f.commit,
      fingerprint: f.fingerprint,
      message: f.message,
      ...(f.verified ? { verified: f.verified } : {}),
    })),
    summary: result.summary,
  };
  return redactText(JSON.stringify(report, null, 2) + '\n');
}
