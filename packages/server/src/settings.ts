// The language server's use of the settings contract (@phq-tokens/protocol settings.ts): it
// pulls them per document with workspace/configuration and normalises them there; here is
// only how a severity is resolved for one finding.
import type { Severity } from '@phq-tokens/detect';
import type { Settings, SeverityOrOff } from '@phq-tokens/settings';

export {
  DEFAULT_SETTINGS,
  normalizeSettings,
  type Settings,
  type SeverityMap,
  type SeverityOrOff,
} from '@phq-tokens/settings';

/** Most specific wins: language+rule, language+kind, rule, kind, then the engine's default. */
export function resolveSeverity(
  settings: Settings,
  languageId: string,
  ruleId: string,
  kind: string,
  fallback: Severity,
): SeverityOrOff {
  const lang = settings.severityByLanguage[languageId];
  return lang?.[ruleId] ?? lang?.[kind] ?? settings.severity[ruleId] ?? settings.severity[kind] ?? fallback;
}
