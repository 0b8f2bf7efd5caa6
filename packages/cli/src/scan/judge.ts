// The engine over one text, as every scan mode calls it: language from the file name,
// endpoint findings only when asked.
import { languageFromFileName, scan, type Finding } from '@phq-tokens/detect';
import type { ScanRequest } from './run';

export function judge(
  text: string,
  rel: string,
  req: Pick<ScanRequest, 'options' | 'endpoints'>,
): {
  language: string;
  findings: Finding[];
} {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const language = languageFromFileName(base) ?? 'plaintext';
  let findings = scan(text, { ...req.options, languageId: language, fileName: rel });
  if (!req.endpoints) findings = findings.filter((x) => x.kind !== 'endpoint');
  return { language, findings };
}
