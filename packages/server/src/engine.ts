// The one place the server touches the detection engine, so that the rest of the server
// depends on a small interface (and tests can compare against a fresh `scan`).
import { DocumentScanner, envReference, fingerprint, languageFromFileName, scan } from '@phq-tokens/detect';
import type { Finding, KnownToken, ScanOptions } from '@phq-tokens/detect';
import type { Settings } from './settings';

export type { Finding } from '@phq-tokens/detect';

export interface IncrementalScanner {
  applyEdit(startOffset: number, endOffset: number, newText: string): void;
  findings(): Finding[];
  setOptions(options: ScanOptions): void;
}

export function createScanner(text: string, options: ScanOptions): IncrementalScanner {
  return new DocumentScanner(text, options);
}

export function freshScan(text: string, options: ScanOptions): Finding[] {
  return scan(text, options);
}

/** Language ids clients send for files they do not recognise; the file name tells more then. */
const VAGUE = new Set(['', 'plaintext', 'text', 'properties', 'ignore']);

export function effectiveLanguage(languageId: string, fileName: string): string {
  if (!VAGUE.has(languageId)) return languageId;
  return languageFromFileName(fileName) ?? languageId;
}

export function scanOptions(
  languageId: string,
  fileName: string,
  settings: Settings,
  knownFingerprints: ReadonlyMap<string, KnownToken>,
): ScanOptions {
  return {
    languageId,
    fileName,
    extraPatterns: settings.extraPatterns,
    knownFingerprints,
    envVarName: settings.envVarName,
    markdownProse: settings.markdownProse,
  };
}

export function envRef(languageId: string, varName: string): string {
  return envReference(languageId, varName);
}

export function fingerprintOf(text: string): string {
  return fingerprint(text);
}
