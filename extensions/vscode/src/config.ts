// The one typed reader of the extension's settings (docs/conventions.md, "Settings"). Settings never hold
// secrets: credentials and token values live in SecretStorage.
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, EXTENSION_DEFAULTS as D, envVarNameOr } from '@phq-tokens/settings';
import { SECTION } from './constants';

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
    return this.raw.get<string>('apiUrl', D.apiUrl) || D.apiUrl;
  }

  get emulatorUrl(): string {
    return this.raw.get<string>('emulatorUrl', D.emulatorUrl);
  }

  get webAppUrl(): string {
    return this.raw.get<string>('webAppUrl', D.webAppUrl);
  }

  /** The WebApp's API Tokens page (create, view scopes, delete). */
  get webAppTokensUrl(): string {
    return this.raw.get<string>('webAppTokensUrl', D.webAppTokensUrl) || D.webAppTokensUrl;
  }

  get envVarName(): string {
    return envVarNameOr(this.raw.get<string>('envVarName', DEFAULT_SETTINGS.envVarName));
  }

  /** 0 = never clear. */
  get clipboardClearSeconds(): number {
    const v = this.raw.get<number>('clipboard.clearAfterSeconds', D['clipboard.clearAfterSeconds']);
    return Number.isFinite(v) && v > 0 ? v : 0;
  }

  get ignoreGlobs(): string[] {
    return this.raw.get<readonly string[]>('ignore', D.ignore).filter((g) => typeof g === 'string' && g.length > 0);
  }

  /** Scan the workspace when the language server starts (trusted workspaces only). */
  get scanWorkspaceOnStartup(): boolean {
    return this.raw.get<boolean>('scanWorkspaceOnStartup', D.scanWorkspaceOnStartup) === true;
  }

  get sortOrder(): SortOrder {
    const v = this.raw.get<string>('tree.sortBy', D['tree.sortBy']);
    return v === 'created' || v === 'lastUsed' ? v : 'name';
  }

  get pageSize(): number {
    const v = this.raw.get<number>('tree.pageSize', D['tree.pageSize']);
    return Number.isInteger(v) && v >= 10 ? v : D['tree.pageSize'];
  }

  /** Retries of 429/5xx/network failures (PredictHQ's guidance: up to 3). */
  get retries(): number {
    const v = this.raw.get<number>('network.retries', D['network.retries']);
    return Number.isInteger(v) && v >= 0 && v <= 5 ? v : D['network.retries'];
  }

  /** Debug sessions get the token in terminals (terminal/debug.ts). */
  get injectIntoDebugSessions(): boolean {
    return this.raw.get<boolean>('injectIntoDebugSessions', D.injectIntoDebugSessions) === true;
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
