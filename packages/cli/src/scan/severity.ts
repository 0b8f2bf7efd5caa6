import type { Finding, Severity } from '@phq-tokens/detect';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export type FailOn = Severity | 'none';

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

export function isFailOn(v: string): v is FailOn {
  return v === 'none' || (SEVERITIES as readonly string[]).includes(v);
}

/** Whether a finding is at or above the --fail-on threshold. */
export function fails(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[f.severity] >= RANK[failOn];
}
