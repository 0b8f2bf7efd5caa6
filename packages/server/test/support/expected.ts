// What the server should publish for a text: the pure mapping applied to a fresh scan.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TokensChangedParams } from '@phq-tokens/protocol';
import { toDiagnostics } from '../../src/diagnostics';
import { effectiveLanguage, freshScan, scanOptions } from '../../src/engine';
import { fileNameOf } from '../../src/documents';
import { normalizeSettings } from '../../src/settings';
import { EMPTY_TOKEN_STATE, tokenState } from '../../src/tokens';

export function expectedDiagnostics(
  uri: string,
  languageId: string,
  text: string,
  rawSettings: unknown = {},
  tokens?: TokensChangedParams,
): Diagnostic[] {
  const { settings } = normalizeSettings(rawSettings);
  const state = tokens ? tokenState(tokens) : EMPTY_TOKEN_STATE;
  const fileName = fileNameOf(uri);
  const lang = effectiveLanguage(languageId, fileName);
  const findings = freshScan(text, scanOptions(lang, fileName, settings, state.fingerprints))
    .slice()
    .sort((a, b) => a.offset - b.offset);
  return toDiagnostics(findings, TextDocument.create(uri, languageId, 0, text), settings, lang, state);
}
