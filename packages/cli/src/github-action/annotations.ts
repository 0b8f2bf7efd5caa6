// Findings as workflow commands, so they show on the pull request's changed lines:
// `::error file=a.py,line=3,col=9,title=rule::message`. Read from the SARIF log the scan
// writes, the same log code scanning gets.

interface SarifResult {
  ruleId?: string;
  level?: string;
  message?: { text?: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
}

interface SarifLog {
  runs?: { results?: SarifResult[] }[];
}

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

/** Escaping of the runner's workflow-command parser (message data / property values). */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotations(sarif: SarifLog): string[] {
  const out: string[] = [];
  for (const run of sarif.runs ?? [])
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      const cmd = COMMAND[(r.level ?? 'warning') as keyof typeof COMMAND] ?? 'warning';
      const props: string[] = [];
      if (loc?.artifactLocation?.uri) props.push(`file=${escapeProperty(decodeURI(loc.artifactLocation.uri))}`);
      const reg = loc?.region;
      if (reg?.startLine) props.push(`line=${reg.startLine}`);
      if (reg?.startColumn) props.push(`col=${reg.startColumn}`);
      if (reg?.endLine) props.push(`endLine=${reg.endLine}`);
      if (reg?.endColumn) props.push(`endColumn=${reg.endColumn}`);
      if (r.ruleId) props.push(`title=${escapeProperty(r.ruleId)}`);
      out.push(`::${cmd} ${props.join(',')}::${escapeData(r.message?.text ?? '')}`);
    }
  return out;
}

export function countResults(sarif: SarifLog): number {
  return (sarif.runs ?? []).reduce((n, run) => n + (run.results?.length ?? 0), 0);
}
