// Engine findings (and scope problems) to LSP diagnostics. Pure: the fuzz test compares the
// server's output with this function applied to a fresh scan.
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
import { RULES_DOC_URL, ruleDocsUrl } from '@phq-tokens/detect';
import type { Finding } from './engine';
import { MISSING_SCOPE_RULE, scopeProblems } from './scopeCheck';
import { resolveSeverity, type Settings, type SeverityOrOff } from './settings';
import type { GitStatus } from './gitStatus';
import type { TokenState } from './tokens';

export const SOURCE = 'PredictHQ Tokens';
export const RULES_URL = RULES_DOC_URL;

export interface PositionMapper {
  positionAt(offset: number): Position;
}

const LSP_SEVERITY: Readonly<Record<Exclude<SeverityOrOff, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule's section of docs/rules.md (anchors come from the engine's one rule list). */
export function ruleHref(ruleId: string): string {
  return ruleDocsUrl(ruleId);
}

/**
 * What a diagnostic carries for clients: small on purpose (every publish repeats every
 * diagnostic; code actions work from the server's own findings, not from this).
 */
export interface DiagnosticData {
  kind: string;
  tokenId?: string;
  family?: string;
}

function dataOf(kind: string, tokenId: string | undefined, family: string | undefined): DiagnosticData {
  const d: DiagnosticData = { kind };
  if (tokenId) d.tokenId = tokenId;
  if (family) d.family = family;
  return d;
}

/**
 * `cache` (optional) maps a finding object to its diagnostic. The engine keeps a finding's
 * object while neither it nor anything before it changed, so its position still holds; the
 * caller must drop the cache when settings or tokens change.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  doc: PositionMapper,
  settings: Settings,
  languageId: string,
  tokens: TokenState,
  cache?: WeakMap<Finding, Diagnostic | null>,
  git: GitStatus = 'unknown',
): Diagnostic[] {
  if (!settings.enable) return [];
  const out: Diagnostic[] = [];
  const max = settings.maxDiagnostics;
  for (const f of findings) {
    if (out.length >= max) return out;
    // An endpoint is not a problem by itself; it feeds the scope check below.
    if (f.kind === 'endpoint') continue;
    let d = cache?.get(f);
    if (d === undefined) {
      d = findingDiagnostic(f, doc, settings, languageId);
      cache?.set(f, d);
    }
    if (!d) continue;
    const placed = f.kind === 'known-token' ? inFile(d, f, git, tokens) : d;
    out.push(settings.baseline ? inBaseline(placed, f, settings, tokens) : placed);
  }
  for (const p of scopeProblems(findings, tokens)) {
    if (out.length >= max) return out;
    const sev = resolveSeverity(settings, languageId, MISSING_SCOPE_RULE, 'missing-scope', 'warning');
    if (sev === 'off') continue;
    const data = dataOf('missing-scope', p.token.id, p.family);
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

/**
 * One story for a real token in a file (docs/rules.md, "known-token"): where git would commit
 * the file, it is an error; a file git ignores (a local .env) or that no repository holds is
 * where a token may live, so a hint at most: the extension writes such files itself.
 */
function inFile(d: Diagnostic, f: Finding, git: GitStatus, tokens: TokenState): Diagnostic {
  const name = tokens.byId.get(f.data.tokenId ?? '')?.name ?? 'token';
  if (git === 'ignored')
    return {
      ...d,
      severity: hintAtMost(d.severity),
      message: `Your API token "${name}" is in this file, which git ignores: fine on this machine. Keep it out of files git commits.`,
    };
  if (git === 'no-repository')
    return {
      ...d,
      severity: hintAtMost(d.severity),
      message: `Your API token "${name}" is in this file, which no git repository holds: fine on this machine. Keep it out of files git commits.`,
    };
  if (git === 'committed') return { ...d, message: `${d.message} Git would commit this file.` };
  return d;
}

/**
 * A finding the repository's baseline knows (docs/scan.md, "Adopting in an existing
 * repository"): shown, but as a hint, so the team sees it without it counting as a problem.
 * A known token reaches the server as a stand-in: its entry is found by the value's fingerprint.
 */
function inBaseline(d: Diagnostic, f: Finding, settings: Settings, tokens: TokenState): Diagnostic {
  const fp = f.kind === 'known-token' ? (tokens.byId.get(f.data.tokenId ?? '')?.fingerprint ?? undefined) : undefined;
  if (!settings.baseline?.has(f, fp)) return d;
  return { ...d, severity: DiagnosticSeverity.Hint, message: `${d.message} (in the baseline)` };
}

/** Hint, or nothing stronger: a setting that turned the rule down (or off) still wins. */
function hintAtMost(severity: DiagnosticSeverity | undefined): DiagnosticSeverity {
  return Math.max(severity ?? DiagnosticSeverity.Hint, DiagnosticSeverity.Hint) as DiagnosticSeverity;
}

function findingDiagnostic(f: Finding, doc: PositionMapper, settings: Settings, languageId: string): Diagnostic | null {
  const sev = resolveSeverity(settings, languageId, f.ruleId, f.kind, f.severity);
  if (sev === 'off') return null;
  return {
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
    severity: LSP_SEVERITY[sev],
    code: f.ruleId,
    codeDescription: { href: ruleHref(f.ruleId) },
    source: SOURCE,
    message: f.message,
    data: dataOf(f.kind, f.data.tokenId, f.data.family),
  };
}
