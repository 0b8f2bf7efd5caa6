// Wires the pieces together. Activation is cheap: nothing waits on the network or the
// language server before activate() returns.
import * as vscode from 'vscode';
import { AccountStore } from './auth/accountStore';
import { autoSignIn, autoSignInTarget } from './auth/autoSignIn';
import { PhqAuthProvider, promptForSignIn } from './auth/provider';
import { ErrorReporter } from './commands/handleError';
import { registerCommands } from './commands/registry';
import { Config, RESTART_KEYS } from './config';
import { AUTH_PROVIDER_ID, ContextKeys, TREE_VIEW_ID } from './constants';
import { createLogs } from './log';
import { TokenLanguageClient } from './lsp/client';
import { NotebookOutputs } from './lsp/notebookOutputs';
import { WorkspaceScan } from './lsp/workspaceScan';
import {
  HISTORY_SCHEME,
  HISTORY_VIEW_ID,
  HistoryContentProvider,
  HistoryTreeProvider,
  type HistoryNode,
} from './history/gitHistory';
import { TokenStatusBar } from './statusBar';
import { TokenRepository } from './tokens/repository';
import { LocalTokenStore } from './tokens/localTokens';
import { TokenPlaces } from './tokens/places';
import { TokenSecrets } from './tokens/secrets';
import { WorkspaceTokenChoice } from './tokens/workspaceChoice';
import type { TreeNode } from './tree/nodes';
import { TokenTreeProvider } from './tree/provider';
import { testingApi, type TestingApi } from './testingApi';
import { registerDebugInjection } from './terminal/debug';
import { InjectionGate } from './terminal/gate';
import { TerminalStatusItem } from './terminal/statusItem';
import { TerminalToken } from './terminal/terminalToken';
import { terminalTestingApi, type TerminalTestingApi } from './terminal/testing';

export interface ExtensionApi {
  /** Wall time of activate() in ms, measured in the extension host. */
  activationMs: number;
  /** Wall time of evaluating dist/extension.js (first line to last), in ms. */
  bundleLoadMs: number | undefined;
  /** For tests and tooling only. Exposes metadata, never token values or credentials. */
  testing: TestingApi & TerminalTestingApi;
}

let languageClient: TokenLanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  const logs = createLogs();
  const config = new Config();
  const accounts = new AccountStore(context.globalState, context.secrets);
  const auth = new PhqAuthProvider(accounts, () => promptForSignIn(config.apiUrl), logs.log);
  const repo = new TokenRepository(
    accounts,
    new TokenSecrets(context.globalState, context.secrets),
    new LocalTokenStore(context.globalState),
    () => ({ retries: config.retries }),
    logs.log,
  );
  const choice = new WorkspaceTokenChoice(context.workspaceState);
  const places = new TokenPlaces();
  const tree = new TokenTreeProvider(repo, config, choice, places);
  const view = vscode.window.createTreeView<TreeNode>(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const errors = new ErrorReporter(logs.log);
  const statusBar = new TokenStatusBar(repo);
  languageClient = new TokenLanguageClient(context.asAbsolutePath('dist/server.js'), repo, choice, config, logs);
  const client = languageClient;
  client.places = places;
  const workspaceScan = new WorkspaceScan(client.scanTransport, config, logs);
  client.onDidCloseDocument = (uri) => void workspaceScan.rejudge(uri).catch(() => undefined);
  client.onDidChangeTokens = () => void workspaceScan.tokensChanged();
  const history = new HistoryTreeProvider();
  const historyView = vscode.window.createTreeView<HistoryNode>(HISTORY_VIEW_ID, { treeDataProvider: history });
  const terminal = new TerminalToken(
    context.environmentVariableCollection,
    repo,
    config,
    context.workspaceState,
    new InjectionGate(context.workspaceState),
    logs.log,
  );
  const terminalStatus = new TerminalStatusItem(terminal);
  const selectedNode = () => view.selection[0];
  const ctx = {
    extension: context,
    accounts,
    auth,
    repo,
    choice,
    tree,
    config,
    logs,
    workspaceScan,
    history,
    terminal,
    selectedNode,
  };

  // Context keys for `when` clauses, and the filter shown in the view's title.
  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', ContextKeys.signedIn, accounts.list().length > 0);
    view.description = tree.currentFilter ? `filter: ${tree.currentFilter.text}` : undefined;
  };

  context.subscriptions.push(
    logs.log,
    logs.server,
    accounts,
    auth,
    places,
    repo,
    choice,
    tree,
    view,
    statusBar,
    client,
    workspaceScan,
    history,
    historyView,
    vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, new HistoryContentProvider()),
    ...registerCommands(ctx, errors),
    terminal,
    terminalStatus,
    ...registerDebugInjection(terminal, config, context.globalState, logs.log),
    repo.onDidChange(updateContext),
    tree.onDidChangeTreeData(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_KEYS.some((k) => Config.affects(e, k))) void client.restart();
      if (Config.affects(e, 'tree') || Config.affects(e, 'ignore')) tree.refresh();
    }),
  );
  updateContext();
  // Load accounts and start the server after activation returns.
  void repo.syncAccounts().catch(() => undefined);
  autoSignIn(accounts);
  // Signed out: ask VS Code to offer "Sign in with PredictHQ" in the Accounts menu. Not when a
  // scripted sign-in is about to happen (the demo, the UI tests): the request would stay as a
  // "Grant access (1)" badge on the Accounts menu although the user is signed in.
  if (accounts.list().length === 0 && !autoSignInTarget(process.env, accounts))
    void vscode.authentication
      .getSession(AUTH_PROVIDER_ID, [], { createIfNone: false })
      .then(undefined, () => undefined);
  // Saved outputs of open notebooks, judged by the server from redacted text (lsp/notebookOutputs.ts).
  const transport = client.scanTransport;
  const outputs = new NotebookOutputs(transport.request, transport.known, logs.log);
  context.subscriptions.push(
    outputs,
    repo.onDidChange(() => void client.sendTokens().then(() => outputs.judgeAll())),
  );
  // setImmediate: loading the client library and spawning the server happen after activate() returns.
  setImmediate(() => {
    void client
      .start()
      .then(() => outputs.judgeAll())
      .then(() => {
        if (config.scanWorkspaceOnStartup && vscode.workspace.isTrusted && client.state === 'running')
          void vscode.commands.executeCommand('predicthqTokens.scanWorkspace', { silent: true });
      })
      .catch((e: unknown) =>
        logs.log.error(`language server failed to start: ${e instanceof Error ? e.message : String(e)}`),
      );
  });

  const end = performance.now();
  const activationMs = end - t0;
  const marks = globalThis as { __phqTokensLoadStart?: number; __phqTokensLoadEnd?: number };
  const bundleLoadMs =
    marks.__phqTokensLoadStart === undefined || marks.__phqTokensLoadEnd === undefined
      ? undefined
      : marks.__phqTokensLoadEnd - marks.__phqTokensLoadStart;
  logs.log.info(
    `activated in ${activationMs.toFixed(1)} ms; bundle evaluated in ${bundleLoadMs?.toFixed(1) ?? '?'} ms (extension host pid ${process.pid}, node ${process.version})`,
  );
  return {
    activationMs,
    bundleLoadMs,
    testing: {
      ...testingApi({
        repo,
        auth,
        statusBar,
        tree,
        view,
        history,
        errors,
        client,
        logUri: context.logUri,
        globalState: context.globalState,
      }),
      ...terminalTestingApi(terminal, terminalStatus, context.environmentVariableCollection),
    },
  };
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
