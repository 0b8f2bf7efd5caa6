// The one typed reader of the extension's settings (docs/conventions.md, "Settings"). Settings never hold
// secrets: credentials and token values live in SecretStorage.
import * as vscode from 'vscode';
import { DEFAULT_ENV_VAR, envVarNameOr } from '@phq-tokens/protocol/src/settings';
import { DEFAULT_API_URL, SECTION } from './constants';

export type SortOrder = 'name' | 'created' | 'lastUsed';

/**
 * Keys whose change needs the language server restarted. None today: the server pulls its
 * settings per document, and trace.server is followed live (lsp/traceChannel.ts).
 */
export const RESTART_KEYS: readonly string[] = [];

export class Config {
  private get raw(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get apiUrl(): string {
    return this.raw.get<string>('apiUrl', DEFAULT_API_URL) || DEFAULT_API_URL;
  }

  get emulatorUrl(): string {
    return this.raw.get<string>('emulatorUrl', 'http://127.0.0.1:4010');
  }

  get webAppUrl(): string {
    return this.raw.get<string>('webAppUrl', 'https://control.predicthq.com/');
  }

  /** The WebApp's API Tokens page (create, view scopes, delete). */
  get webAppTokensUrl(): string {
    return (
      this.raw.get<string>('webAppTokensUrl', 'https://control.predicthq.com/tokens') ||
      'https://control.predicthq.com/tokens'
    );
  }

  get envVarName(): string {
    return envVarNameOr(this.raw.get<string>('envVarName', DEFAULT_ENV_VAR));
  }

  /** 0 = never clear. */
  get clipboardClearSeconds(): number {
    const v = this.raw.get<number>('clipboard.clearAfterSeconds', 0);
    return Number.isFinite(v) && v > 0 ? v : 0;
  }

  get ignoreGlobs(): string[] {
    return this.raw.get<string[]>('ignore', []).filter((g) => typeof g === 'string' && g.length > 0);
  }

  /** Scan the workspace when the language server starts (trusted workspaces only). */
  get scanWorkspaceOnStartup(): boolean {
    return this.raw.get<boolean>('scanWorkspaceOnStartup', false) === true;
  }

  get sortOrder(): SortOrder {
    const v = this.raw.get<string>('tree.sortBy', 'name');
    return v === 'created' || v === 'lastUsed' ? v : 'name';
  }

  get pageSize(): number {
    const v = this.raw.get<number>('tree.pageSize', 200);
    return Number.isInteger(v) && v >= 10 ? v : 200;
  }

  /** Retries of 429/5xx/network failures (PredictHQ's guidance: up to 3). */
  get retries(): number {
    const v = this.raw.get<number>('network.retries', 3);
    return Number.isInteger(v) && v >= 0 && v <= 5 ? v : 3;
  }

  /** Debug sessions get the token in terminals (terminal/debug.ts). */
  get injectIntoDebugSessions(): boolean {
    return this.raw.get<boolean>('injectIntoDebugSessions', false) === true;
  }

  setInjectIntoDebugSessions(on: boolean): Thenable<void> {
    return this.raw.update('injectIntoDebugSessions', on, vscode.ConfigurationTarget.Workspace);
  }

  setSortOrder(order: SortOrder): Thenable<void> {
    return this.raw.update('tree.sortBy', order, vscode.ConfigurationTarget.Global);
  }

  static affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
    return e.affectsConfiguration(`${SECTION}.${key}`);
  }
}
