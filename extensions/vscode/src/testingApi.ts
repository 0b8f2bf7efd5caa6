// Read-only hooks for the extension-host tests (and tooling such as the UI demo): what the
// tree shows, which values are stored, the last error, the language client's state. No
// method returns a token value or a credential.
import * as vscode from 'vscode';
import type { PhqAuthProvider } from './auth/provider';
import type { TokenStatusBar } from './statusBar';
import type { ErrorReporter } from './commands/handleError';
import type { TokenLanguageClient } from './lsp/client';
import type { TokenRepository } from './tokens/repository';
import type { TreeNode } from './tree/nodes';
import type { LocalToken } from './tokens/localTokens';
import { activeInputBox, typeIntoInputBox, type InputBoxView } from './ui/inputBoxes';
import { recordModals, type ModalQuestion } from './ui/modal';
import { recentNotices } from './ui/notices';
import { recordOpenExternal } from './util/external';
import { filesUsingValue } from './workspaceUsage';
import type { TokenTreeProvider } from './tree/provider';
import { historyUri, type HistoryFinding, type HistoryNode, type HistoryTreeProvider } from './history/gitHistory';

export interface TestingApi {
  /** Workspace files that contain the token's stored value (what Delete warns about), relative. */
  filesUsing(tokenId: string): Promise<string[]>;
  /** The status bar item's text. */
  statusBarText(): string;
  /** The auth provider's sessions (labels only). */
  sessions(): Promise<{ id: string; label: string }[]>;
  accounts(): {
    sessionId: string;
    name: string;
    baseUrl: string;
    tokenCount: number | undefined;
    error: string | undefined;
  }[];
  treeChildren(node?: TreeNode): TreeNode[];
  treeItem(node: TreeNode): vscode.TreeItem;
  isStored(tokenId: string): boolean;
  lastError(): { command: string; message: string; actions: string[] } | undefined;
  retryLastError(): Promise<unknown>;
  clearLastError(): void;
  languageClientState(): string;
  /** The language server's process id (while running), restarts by the failure policy, and what the user was told. */
  languageServerFailures(): { pid: number | undefined; restarts: number; notice: string | undefined };
  /** The language server's copy of an open document: its version and text (redacted: stand-ins, never a value). */
  serverDocument(uri: vscode.Uri): Promise<{ version: number; text: string } | null>;
  /** Resends token metadata to the server and resolves when sent. */
  syncLanguageServer(): Promise<void>;
  /** Everything this extension keeps in global state, as JSON (metadata only, by design). */
  globalStateJson(): string;
  /** Record the URLs the extension would open in a browser instead of opening them. */
  recordOpenExternal(): { urls: string[]; restore: () => void };
  /** Metadata of a token on this machine (probe, revoked), never its value. */
  localToken(tokenId: string): LocalToken | undefined;
  /** The "Token Leaks in Git History" view: its nodes and items, and each finding's metadata (masked, never a value). */
  historyNodes(): HistoryNode[];
  historyItem(node: HistoryNode): vscode.TreeItem;
  historyFindings(): HistoryFinding[];
  /** The URI a finding opens (the file at its commit). */
  historyUri(finding: HistoryFinding): vscode.Uri;
  /** The input box on screen (title, password, whether it holds text; the text only when not a password). */
  inputBox(): InputBoxView | undefined;
  /** Types `text` into the input box on screen, replacing what it holds (as a paste does). */
  typeIntoInputBox(text: string): boolean;
  /** Record modal questions and answer them with `answer` (e.g. the first button: Enter) instead of showing them. */
  recordModals(answer: (q: ModalQuestion) => string | undefined): { questions: ModalQuestion[]; restore: () => void };
  /** Selects and focuses a token in the API Tokens view, as a click does (what the view's keys act on). */
  selectToken(tokenId: string): Promise<void>;
  /** The last toasts shown through ui/notices (errors, renames, .env saves), oldest first. */
  recentNotices(): readonly string[];
  logUri: vscode.Uri;
}

export function testingApi(o: {
  repo: TokenRepository;
  auth: PhqAuthProvider;
  statusBar: TokenStatusBar;
  tree: TokenTreeProvider;
  view?: vscode.TreeView<TreeNode>;
  history: HistoryTreeProvider;
  errors: ErrorReporter;
  client: TokenLanguageClient;
  logUri: vscode.Uri;
  globalState: vscode.Memento;
}): TestingApi {
  return {
    filesUsing: async (tokenId) => {
      const ref = o.repo.find(tokenId);
      const value = ref && (await o.repo.value(ref.sessionId, tokenId));
      if (!value) return [];
      return (await filesUsingValue(value, [])).map((u) => vscode.workspace.asRelativePath(u)).sort();
    },
    statusBarText: () => o.statusBar.text,
    sessions: async () => (await o.auth.getSessions()).map((s) => ({ id: s.id, label: s.account.label })),
    accounts: () =>
      o.repo.list().map((a) => ({
        sessionId: a.record.sessionId,
        name: a.record.name,
        baseUrl: a.record.baseUrl,
        tokenCount: a.tokens?.length,
        error: a.error === undefined ? undefined : a.error instanceof Error ? a.error.message : String(a.error),
      })),
    treeChildren: (node) => o.tree.getChildren(node),
    treeItem: (node) => o.tree.getTreeItem(node),
    isStored: (tokenId) => {
      const ref = o.repo.find(tokenId);
      return ref ? o.repo.isStored(ref.sessionId, tokenId) : false;
    },
    lastError: () =>
      o.errors.last
        ? { command: o.errors.last.command, message: o.errors.last.message, actions: o.errors.last.actions }
        : undefined,
    retryLastError: () => o.errors.last?.retry() ?? Promise.resolve(undefined),
    clearLastError: () => {
      o.errors.last = undefined;
    },
    languageClientState: () => o.client.state,
    languageServerFailures: () => o.client.failures,
    syncLanguageServer: () => o.client.sendTokens(),
    serverDocument: (uri) => o.client.serverDocument(uri),
    recordOpenExternal,
    localToken: (tokenId) => {
      const ref = o.repo.find(tokenId);
      return ref ? o.repo.localToken(ref.sessionId, tokenId) : undefined;
    },
    globalStateJson: () =>
      JSON.stringify(Object.fromEntries(o.globalState.keys().map((k) => [k, o.globalState.get(k)]))),
    historyNodes: () => o.history.getChildren(),
    historyItem: (node) => o.history.getTreeItem(node),
    historyFindings: () => (o.history.result?.findings ?? []).map((f) => ({ ...f })),
    historyUri,
    inputBox: activeInputBox,
    typeIntoInputBox,
    recordModals,
    recentNotices,
    selectToken: async (tokenId) => {
      const ref = o.repo.find(tokenId);
      if (!ref || !o.view) throw new Error(`no token ${tokenId} in the view`);
      await o.view.reveal({ kind: 'token', sessionId: ref.sessionId, token: ref.token }, { select: true, focus: true });
    },
    logUri: o.logUri,
  };
}
