import type { OutputFormat, Reporter } from './reporter.js';

export type { OutputFormat, ReportOptions, Reporter } from './reporter.js';

/** The reporter of each format, loaded when asked for: a run pays for every module it loads. */
export const REPORTERS: Readonly<Record<OutputFormat, () => Promise<Reporter>>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
};
