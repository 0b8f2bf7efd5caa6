// What every command receives: the extension's long-lived objects.
import type * as vscode from 'vscode';
import type { AccountStore } from '../auth/accountStore';
import type { PhqAuthProvider } from '../auth/provider';
import type { Config } from '../config';
import type { HistoryTreeProvider } from '../history/gitHistory';
import type { Logs } from '../log';
import type { WorkspaceScan } from '../lsp/workspaceScan';
import type { TerminalToken } from '../terminal/terminalToken';
import type { TokenRepository } from '../tokens/repository';
import type { WorkspaceTokenChoice } from '../tokens/workspaceChoice';
import type { TreeNode } from '../tree/nodes';
import type { TokenTreeProvider } from '../tree/provider';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  accounts: AccountStore;
  auth: PhqAuthProvider;
  repo: TokenRepository;
  choice: WorkspaceTokenChoice;
  tree: TokenTreeProvider;
  config: Config;
  logs: Logs;
  workspaceScan: WorkspaceScan;
  /** The "Token Leaks in Git History" view's data. */
  history: HistoryTreeProvider;
  /** "Use Token in Terminals": the token new terminals, tasks and opted-in debug sessions get. */
  terminal: TerminalToken;
  /** The API Tokens view's selected node (what its keyboard shortcuts act on). */
  selectedNode: () => TreeNode | undefined;
}

/** One command: async, arguments unknown until checked (docs/conventions.md, "Commands"). */
export type Command = (ctx: CommandContext, ...args: unknown[]) => Promise<unknown>;
