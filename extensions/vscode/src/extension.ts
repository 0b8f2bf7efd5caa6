import * as vscode from 'vscode';

export interface ExtensionApi {
  activationMs: number;
}

export function activate(_context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  return { activationMs: performance.now() - t0 };
}

export function deactivate(): void {}
