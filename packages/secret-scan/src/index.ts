/**
 * The library API of dhmad-scan. The CLI imports `./scan.js` directly, so that
 * a pre-commit run does not load the reporters and hook code it does not use.
 */
export { scan, VERSION, type ScanMode, type ScanOptions, type ScanResult, type ScanSummary } from './scan.js';
export { ScanError } from './errors.js';
export { RULES, type Finding, type RuleId, type RuleInfo, type Severity, type Verification, type VerificationStatus } from './findings.js';
export type { ScanStats } from './collector.js';
export { isEnvFile } from './env-files.js';
export type { VerifyOptions } from './verify.js';
export { REPORTERS, type OutputFormat, type Reporter, type ReportOptions } from './reporters/index.js';
export { formatText, type TextOptions } from './reporters/text.js';
export { formatJson, type JsonReport } from './reporters/json.js';
export { formatSarif } from './reporters/sarif.js';
export { installHook, type InstallHookResult } from './hook.js';
