// Engine findings (and scope problems) to LSP diagnostics. Pure: the fuzz test compares the
// server's output with this function applied to a fresh scan.
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
import type { Finding } from './engine';
import { MISSING_SCOPE_RULE, scopeProblems } from './scopeCheck';
import { resolveSeverity, type Settings, type SeverityOrOff } from './settings';
import type { TokenState } from './tokens';

export const SOURCE = 'PredictHQ Tokens';
export const RULES_URL = 'https://github.com/predicthq-tokens/predicthq-tokens/blob/main/docs/rules.md';

export interface PositionMapper {
  positionAt(offset: number): Position;
}

const LSP_SEVERITY: Readonly<Record<Exclude<SeverityOrOff, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleHref(ruleId: string): string {
  return `${RULES_URL}#${ruleId.replace(/^phq\//, '')}`;
}

/** What a diagnostic carries back to code actions and clients (never a value: token findings' data holds a fingerprint). */
export interface DiagnosticData {
  kind: string;
  ruleId: string;
  [key: string]: unknown;
}

export function toDiagnostics(
  findings: readonly Finding[],
  doc: PositionMapper,
  settings: Settings,
  languageId: string,
  tokens: TokenState,
): Diagnostic[] {
  if (!settings.enable) return [];
  const out: Diagnostic[] = [];
  const max = settings.maxDiagnostics;
  for (const f of findings) {
    if (out.length >= max) return out;
    // An endpoint is not a problem by itself; it feeds the scope check below.
    if (f.kind === 'endpoint') continue;
    const sev = resolveSeverity(settings, languageId, f.ruleId, f.kind, f.severity);
    if (sev === 'off') continue;
    const data: DiagnosticData = { ...f.data, kind: f.kind, ruleId: f.ruleId };
    out.push({
      range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
      severity: LSP_SEVERITY[sev],
      code: f.ruleId,
      codeDescription: { href: ruleHref(f.ruleId) },
      source: SOURCE,
      message: f.message,
      data,
    });
  }
  for (const p of scopeProblems(findings, tokens)) {
    if (out.length >= max) return out;
    const sev = resolveSeverity(settings, languageId, MISSING_SCOPE_RULE, 'missing-scope', 'warning');
    if (sev === 'off') continue;
    const data: DiagnosticData = {
      kind: 'missing-scope',
      ruleId: MISSING_SCOPE_RULE,
      family: p.family,
      tokenId: p.token.id,
    };
    out.push({
      range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
      severity: LSP_SEVERITY[sev],
      code: MISSING_SCOPE_RULE,
      codeDescription: { href: ruleHref(MISSING_SCOPE_RULE) },
      source: SOURCE,
      message: p.message,
      data,
    });
  }
  return out;
}
