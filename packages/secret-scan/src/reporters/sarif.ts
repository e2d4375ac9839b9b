import { redactText } from '@dhmad/sdk/key-format';
import { RULES, type RuleId } from '../findings.js';
import type { ScanResult } from '../scan.js';
import type { ReportOptions } from './reporter.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with descriptions and help,
 * `partialFingerprints.primaryLocationLineHash` from the line-independent
 * fingerprint (the upload action cannot compute one for history findings),
 * and no snippet at all, so no secret can ride along.
 */
export function formatSarif(result: ScanResult, _options?: ReportOptions): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dhmad-scan',
            informationUri: 'https://developer.dhmad.tn',
            semanticVersion: result.summary.version,
            rules: RULE_IDS.map((id) => {
              const r = RULES[id];
              return {
                id,
                name: r.name,
                shortDescription: { text: r.short },
                fullDescription: { text: r.full },
                help: { text: r.help, markdown: r.help },
                defaultConfiguration: { level: r.severity },
                properties: {
                  tags: ['security', 'secret'],
                  precision: id === 'malformed-key' ? 'medium' : 'very-high',
                  'security-severity': r.securitySeverity.toFixed(1),
                },
              };
            }),
          },
        },
        automationDetails: { id: `dhmad-scan/${result.summary.mode}/` },
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: RULE_IDS.indexOf(f.ruleId),
          level: f.severity,
          message: { text: f.verified ? `${f.message} Verified: ${f.verified.status}. ${f.verified.detail}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(f.file) },
                region: { startLine: f.line ?? 1, ...(f.column ? { startColumn: f.column } : {}) },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: `${f.fingerprint}:1` },
          ...(f.commit ? { properties: { commit: f.commit } } : {}),
        })),
      },
    ],
  };
  return redactText(JSON.stringify(log, null, 2) + '\n');
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
