// Saved outputs of notebook cells: VS Code does not give outputs a text document,
// so the language server cannot see them through document sync. The extension collects each
// cell's text outputs, redacts them as document sync does (redact.ts), and asks the server to
// judge them for leaked tokens; it shows the answer on the cell, with "Clear this cell's
// outputs". No stored value crosses: the text is redacted before it leaves the extension.
/* eslint-disable @typescript-eslint/no-namespace */
import { RequestType } from 'vscode-languageserver-protocol';

export interface CellOutputs {
  /** The cell's document URI (`vscode-notebook-cell:` scheme). */
  uri: string;
  /** The text of each output (stream, text/plain, HTML, an error's message and traceback), redacted. */
  outputs: string[];
}

export interface OutputFinding {
  /** Index into `outputs`. */
  output: number;
  ruleId: string;
  kind: string;
  message: string;
  /** For a known token: its id (the client names it and offers to rotate it). */
  tokenId?: string;
}

export interface JudgeOutputsParams {
  cells: CellOutputs[];
}

export interface JudgeOutputsResult {
  cells: { uri: string; findings: OutputFinding[] }[];
}

/** client -> server: judge these cells' saved outputs for leaked tokens (hardcoded or the user's own). */
export namespace JudgeOutputs {
  export const method = 'phq/judgeOutputs' as const;
  export const type = new RequestType<JudgeOutputsParams, JudgeOutputsResult, void>(method);
}

export function isJudgeOutputsParams(v: unknown): v is JudgeOutputsParams {
  if (typeof v !== 'object' || v === null) return false;
  const cells = (v as Record<string, unknown>).cells;
  return (
    Array.isArray(cells) &&
    cells.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as Record<string, unknown>).uri === 'string' &&
        Array.isArray((c as Record<string, unknown>).outputs) &&
        ((c as Record<string, unknown>).outputs as unknown[]).every((o) => typeof o === 'string'),
    )
  );
}
