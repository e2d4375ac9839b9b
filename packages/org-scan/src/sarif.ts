/** The part of a SARIF log the summary reads. */
export interface Sarif {
  runs?: { results?: { ruleId?: string; level?: string }[] }[];
}

/** Error- and warning-level results of a SARIF log, and the count per rule. */
export function countResults(sarif: Sarif): { errors: number; warnings: number; rules: Record<string, number> } {
  let errors = 0;
  let warnings = 0;
  const rules: Record<string, number> = {};
  for (const run of sarif.runs ?? []) {
    for (const r of run.results ?? []) {
      // SARIF's default level is warning.
      if ((r.level ?? 'warning') === 'error') errors++;
      else warnings++;
      const rule = r.ruleId ?? 'unknown';
      rules[rule] = (rules[rule] ?? 0) + 1;
    }
  }
  return { errors, warnings, rules };
}
