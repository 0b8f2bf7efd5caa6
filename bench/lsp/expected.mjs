// Expected diagnostics for a text (the pure mapping over a fresh scan), bundled by run.mjs so
// the benchmark can check that what it timed was the right answer.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scan } from '../../packages/detect/src/index';
import { toDiagnostics } from '../../packages/server/src/diagnostics';
import { DEFAULT_SETTINGS } from '../../packages/server/src/settings';
import { EMPTY_TOKEN_STATE } from '../../packages/server/src/tokens';

export function expectedDiagnostics(uri, languageId, text) {
  const findings = scan(text, { languageId, fileName: 'bench.ts', envVarName: 'PHQ_API_TOKEN' });
  findings.sort((a, b) => a.offset - b.offset);
  return toDiagnostics(
    findings,
    TextDocument.create(uri, languageId, 0, text),
    DEFAULT_SETTINGS,
    languageId,
    EMPTY_TOKEN_STATE,
  );
}
