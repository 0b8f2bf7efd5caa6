// Wires the handlers to a connection. Handlers stay small and delegate to pure functions
// (completion.ts, codeActions.ts, hover.ts, diagnostics.ts) that tests also call directly.
// Logging goes through connection.console only: stdout is the protocol.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import {
  DocumentText,
  FIX_ALL_KIND,
  ForgetFiles,
  JudgeFiles,
  JudgeOutputs,
  isJudgeOutputsParams,
  type JudgeOutputsResult,
  SETTINGS_SECTION,
  TokensChanged,
  isDocumentTextParams,
  WorkspaceSettingsChanged,
  isForgetFilesParams,
  isJudgeFilesParams,
  isTokensChangedParams,
  type JudgeFilesResult,
} from '@phq-tokens/protocol';
import { codeActions } from './codeActions';
import { completionItems, resolveCompletion } from './completion';
import { completionSite } from './completionContext';
import { gitStatus, IGNORE_FILE_GLOBS, ignoreFileChanged, watchIgnoreFiles } from './gitStatus';
import { judgeOutputs } from './notebookOutputs';
import { toDiagnostics } from './diagnostics';
import { DocState } from './documents';
import { hover } from './hover';
import { CellScanner, isCellUri, NotebookCells } from './notebookCells';
import { warmUpLater } from './warmup';
import { Publisher } from './publisher';
import { fileFamilies } from './scopeCheck';
import { DEFAULT_SETTINGS } from './settings';
import { SettingsSource } from './settingsSource';
import { EMPTY_TOKEN_STATE, tokenState, type TokenState } from './tokens';
import { judgeWorkspaceFile, WorkspaceDiagnostics } from './workspaceFiles';
// The release version, written once in the root package.json (docs/release.md).
import { version } from '../../../package.json';
import { RepoPolicy } from './repoPolicy';

export const TRIGGER_CHARACTERS = ['$', '{', '<', '[', '=', ':', ' ', '"', "'"];

export function startServer(connection: Connection): void {
  const docs = new Map<string, DocState>();
  const cells = new NotebookCells();
  /** A cell's findings depend on its notebook's other cells: re-judge them after a change. */
  const touchSiblings = (uri: string): void => {
    if (!isCellUri(uri)) return;
    for (const sibling of cells.siblings(uri)) {
      const s = docs.get(sibling);
      if (!s) continue;
      s.invalidate();
      publisher.schedule(s);
    }
  };
  let tokens: TokenState = EMPTY_TOKEN_STATE;
  let canPullConfig = false;
  let canRegisterConfig = false;
  let canWatchFiles = false;
  /** Stops the engine's warm-up: real work has arrived (warmup.ts). */
  let stopWarmUp = (): void => undefined;
  let disabledSupport = false;
  let labelDetailsSupport = false;
  const log = connection.console;
  /** Unopened files judged by a workspace scan (workspaceFiles.ts). */
  const workspace = new WorkspaceDiagnostics();
  /** The repository config file, merged into each document's settings (repoPolicy.ts). */
  const repo = new RepoPolicy((message) => {
    log.error(message);
    // A notification, not window/showMessageRequest: nothing waits for the user to close it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  });
  /** Whether the client has workspace trust (VS Code): the repository file's patterns then wait for it. */
  let clientHasTrust = false;
  const patternsTrusted = (): boolean => tokens.trusted === true || (!clientHasTrust && tokens.trusted !== false);
  const settingsSource = new SettingsSource({
    pull: (scopeUri) =>
      canPullConfig
        ? connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        : Promise.resolve(undefined),
    warn: (m) => log.warn(m),
  });

  const publisher = new Publisher(
    (state) => {
      if (state.closed || !state.settings) return; // settings arrive first; their arrival schedules a publish
      let findings;
      try {
        findings = state.findings();
      } catch (e) {
        log.error(`Detection failed on ${state.uri}, rescanning from scratch: ${errText(e)}`);
        state.rebuild();
        findings = state.findings();
      }
      const diagnostics = toDiagnostics(
        findings,
        state.doc,
        state.settings,
        state.languageId,
        tokens,
        state.diagnosticsCache,
        gitStatus(state.uri),
      );
      void connection.sendDiagnostics({ uri: state.uri, version: state.version, diagnostics });
    },
    (e) => log.error(`Publishing diagnostics failed: ${errText(e)}`),
  );

  async function pullSettings(state: DocState): Promise<void> {
    const seq = ++state.settingsSeq;
    const settings = await settingsSource.settingsFor(state.uri);
    if (state.closed || seq !== state.settingsSeq) return;
    state.settings = repo.apply(settings, state.uri, patternsTrusted());
    // Called with `void`: a throw here would be an unhandled rejection, which ends a Node process.
    guard(() => state.refreshOptions(tokens), `applying settings to ${state.uri}`);
    publisher.schedule(state);
  }

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = params.capabilities.workspace?.configuration === true;
    clientHasTrust =
      (params.initializationOptions as { workspaceTrust?: unknown } | undefined)?.workspaceTrust === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRegisterConfig = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    disabledSupport = params.capabilities.textDocument?.codeAction?.disabledSupport === true;
    labelDetailsSupport = params.capabilities.textDocument?.completion?.completionItem?.labelDetailsSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'predicthq-tokens-server', version },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfig)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    // The client's watcher tells us when an ignore file changes: the git rules stay cached until then.
    if (canWatchFiles)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: IGNORE_FILE_GLOBS.map((globPattern) => ({ globPattern })),
        })
        .then(
          () => watchIgnoreFiles(),
          (e: unknown) => log.warn(`Could not watch ignore files: ${errText(e)}`),
        );
    // After `initialize` was answered: the client does not wait for it (warmup.ts).
    stopWarmUp = warmUpLater((e) => log.error(`Failed warming up: ${errText(e)}`));
  });

  connection.onDidChangeConfiguration(() => {
    settingsSource.changed();
    for (const state of docs.values()) void pullSettings(state);
  });

  // One handler (a second would replace the first): the extension watches .phq-tokens.json and
  // the baseline (client.ts, fileEvents); we registered the ignore files and .git above.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    let policy = false;
    for (const c of changes) {
      if (/(?:^|\/)\.phq-tokens(?:-baseline)?\.json$/.test(c.uri)) policy = true;
      else ignoreFileChanged(c.uri);
    }
    if (policy) {
      repo.clear();
      for (const state of docs.values()) void pullSettings(state);
    } else for (const state of docs.values()) publisher.schedule(state); // "committed" or "ignored" may have changed
  });

  // Settings changed for files nobody opened (Scan Workspace re-judges them after this).
  connection.onNotification(WorkspaceSettingsChanged.method, () => settingsSource.changed());

  connection.onNotification(TokensChanged.type, (params: unknown) => {
    if (!isTokensChangedParams(params)) {
      log.warn(`Ignoring a malformed ${TokensChanged.method} notification.`);
      return;
    }
    const wasTrusted = patternsTrusted();
    tokens = tokenState(params);
    // Trust decides whether the repository file's patterns run: settings are merged again.
    if (wasTrusted !== patternsTrusted()) for (const state of docs.values()) void pullSettings(state);
    log.info(`Tokens: ${tokens.tokens.length}, scopes: ${tokens.scopes.length}, trusted: ${String(tokens.trusted)}`);
    for (const state of docs.values()) {
      guard(() => state.refreshOptions(tokens), `refreshing ${state.uri}`);
      publisher.schedule(state); // the scope check depends on tokens even when options do not change
    }
  });

  connection.onDidOpenTextDocument(({ textDocument: td }) => {
    stopWarmUp();
    guard(() => {
      const previous = docs.get(td.uri);
      if (previous) previous.closed = true;
      const cell = isCellUri(td.uri);
      workspace.handOver(td.uri); // the open document's diagnostics replace the workspace scan's
      const state = new DocState(
        td.uri,
        td.languageId,
        td.version,
        td.text,
        tokens,
        cell ? (text, options) => new CellScanner(text, options, () => cells.context(td.uri)) : undefined,
      );
      docs.set(td.uri, state);
      if (cell) {
        cells.add(td.uri, () => ({ text: state.doc.getText(), languageId: state.languageId }));
        touchSiblings(td.uri);
      }
      void pullSettings(state);
    }, `opening ${td.uri}`);
  });

  connection.onDidChangeTextDocument(({ textDocument: td, contentChanges }) => {
    const state = docs.get(td.uri);
    if (!state) {
      log.warn(`Change for a document that is not open: ${td.uri}`);
      return;
    }
    try {
      state.applyChanges(contentChanges, td.version);
    } catch (e) {
      log.error(`Incremental update failed on ${td.uri}, rescanning: ${errText(e)}`);
      guard(() => state.rebuild(), `rescanning ${td.uri}`);
    }
    publisher.schedule(state);
    touchSiblings(td.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: td }) => {
    const state = docs.get(td.uri);
    if (!state) return;
    state.closed = true;
    docs.delete(td.uri);
    if (isCellUri(td.uri)) {
      cells.remove(td.uri);
      touchSiblings(td.uri);
    }
    void connection.sendDiagnostics({ uri: td.uri, diagnostics: [] });
  });

  connection.onRequest(JudgeFiles.method, async (params: unknown): Promise<JudgeFilesResult> => {
    const result: JudgeFilesResult = { judged: 0, withDiagnostics: 0 };
    const flagged: string[] = [];
    const withFindings: string[] = [];
    if (!isJudgeFilesParams(params)) {
      log.warn(`Ignoring a malformed ${JudgeFiles.method} request.`);
      return result;
    }
    stopWarmUp();
    let ms = 0;
    for (const f of params.files) {
      if (docs.has(f.uri)) continue; // open: its own diagnostics rule
      const settings = await settingsSource.settingsFor(f.uri);
      const t0 = performance.now();
      const judged = guard(
        () => judgeWorkspaceFile(f.uri, f.languageId, f.text, repo.apply(settings, f.uri, patternsTrusted()), tokens),
        `judging ${f.uri}`,
      );
      ms += performance.now() - t0;
      if (!judged) continue;
      const { diagnostics } = judged;
      result.judged++;
      if (judged.findings > 0) withFindings.push(f.uri);
      if (diagnostics.length > 0) {
        result.withDiagnostics++;
        flagged.push(f.uri);
      }
      if (workspace.record(f.uri, diagnostics)) void connection.sendDiagnostics({ uri: f.uri, diagnostics });
    }
    return { ...result, flagged, withFindings, ms: Math.round(ms * 10) / 10 };
  });

  connection.onRequest(JudgeOutputs.method, async (params: unknown): Promise<JudgeOutputsResult> => {
    if (!isJudgeOutputsParams(params)) {
      log.warn(`Ignoring a malformed ${JudgeOutputs.method} request.`);
      return { cells: [] };
    }
    const first = params.cells[0]?.uri;
    const settings = first ? await settingsSource.settingsFor(first) : DEFAULT_SETTINGS;
    return guard(() => judgeOutputs(params, settings, tokens), 'judging notebook outputs') ?? { cells: [] };
  });

  connection.onNotification(ForgetFiles.method, (params: unknown) => {
    if (!isForgetFilesParams(params)) {
      log.warn(`Ignoring a malformed ${ForgetFiles.method} notification.`);
      return;
    }
    for (const uri of workspace.forget(params.uris.filter((u) => !docs.has(u))))
      void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // The text the server holds (redacted, as synced): the client's sync tests compare it with the editor's.
  connection.onRequest(DocumentText.method, (params: unknown) => {
    if (!isDocumentTextParams(params)) return null;
    const state = docs.get(params.uri);
    return state ? { version: state.version, text: state.doc.getText() } : null;
  });

  connection.onCompletion(
    ({ textDocument, position }) =>
      guard(() => {
        const state = docs.get(textDocument.uri);
        if (!state) return null;
        const { doc } = state;
        const lineStart = doc.offsetAt({ line: position.line, character: 0 });
        const lineText = doc.lineText(position.line);
        const findings = state.findings();
        const site = completionSite(
          lineText,
          Math.min(position.character, lineText.length),
          lineStart,
          findings,
          state.isDotenv,
        );
        if (!site) return null;
        return completionItems({
          uri: state.uri,
          line: position.line,
          lineText,
          site,
          languageId: state.languageId,
          isDotenv: state.isDotenv,
          settings: state.settings ?? DEFAULT_SETTINGS,
          tokens,
          families: fileFamilies(findings),
          labelDetailsSupport,
          doc,
          gitTracked: gitStatus(state.uri) === 'committed',
        });
      }, 'completion') ?? null,
  );

  connection.onCompletionResolve((item) => guard(() => resolveCompletion(item, tokens), 'resolve') ?? item);

  connection.onCodeAction(
    ({ textDocument, range, context }) =>
      guard(() => {
        const state = docs.get(textDocument.uri);
        if (!state) return null;
        const findings = state.findings();
        return codeActions({
          uri: state.uri,
          version: state.version,
          doc: state.doc,
          findings,
          range,
          only: context.only,
          contextDiagnostics: context.diagnostics,
          tokens,
          families: fileFamilies(findings),
          disabledSupport,
          gitTracked: gitStatus(state.uri) === 'committed',
        });
      }, 'code actions') ?? null,
  );

  connection.onHover(
    ({ textDocument, position }) =>
      guard(() => {
        const state = docs.get(textDocument.uri);
        if (!state) return null;
        return hover(state.findings(), state.doc.offsetAt(position), state.doc, tokens);
      }, 'hover') ?? null,
  );

  /** One failing handler must not take the server down: log and answer "nothing". */
  function guard<T>(fn: () => T, what: string): T | undefined {
    try {
      return fn();
    } catch (e) {
      log.error(`Failed ${what}: ${errText(e)}`);
      return undefined;
    }
  }

  connection.listen();
}

/** Error text for logs. Messages never include document text or token values: engine errors are about offsets and rules. */
function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
