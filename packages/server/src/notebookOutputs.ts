// Judges notebook cells' saved outputs (sent redacted by the client: protocol
// notebookOutputs.ts) for leaked tokens with the engine's output rule (scanOutputText:
// hardcoded and known tokens only). Pure: text in, findings out; nothing is kept or logged.
import { scanOutputText } from '@phq-tokens/detect';
import type { JudgeOutputsParams, JudgeOutputsResult, OutputFinding } from '@phq-tokens/protocol';
import type { Settings } from './settings';
import type { TokenState } from './tokens';

export function judgeOutputs(params: JudgeOutputsParams, settings: Settings, tokens: TokenState): JudgeOutputsResult {
  return {
    cells: params.cells.map((c) => {
      const findings: OutputFinding[] = [];
      c.outputs.forEach((text, output) => {
        for (const f of scanOutputText(text, {
          envVarName: settings.envVarName,
          knownFingerprints: tokens.fingerprints,
          severities: settings.severity,
        }))
          findings.push({
            output,
            ruleId: f.ruleId,
            kind: f.kind,
            message: f.message,
            ...(f.data.tokenId !== undefined && { tokenId: f.data.tokenId }),
          });
      });
      return { uri: c.uri, findings };
    }),
  };
}
