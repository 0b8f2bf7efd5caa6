// One LogOutputChannel for the extension and one for the language server trace
// (docs/conventions.md, "Logs"). Messages must never contain a token value or credential: callers log
// ids and names only, and errors pass through core's redacting PhqError messages.
import * as vscode from 'vscode';

export interface Logs {
  log: vscode.LogOutputChannel;
  server: vscode.LogOutputChannel;
}

export function createLogs(): Logs {
  return {
    log: vscode.window.createOutputChannel('PredictHQ Tokens', { log: true }),
    server: vscode.window.createOutputChannel('PredictHQ Tokens Language Server', { log: true }),
  };
}
