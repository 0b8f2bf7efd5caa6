// Starts the bundled language server and keeps it told about the user's tokens: metadata,
// fingerprints of the values stored here (never the values) and workspace trust. Values
// are written by the client-side commands (commands/insertToken.ts) at insertion time.
import { fingerprint } from '@phq-tokens/detect/fingerprint'; // by file: the engine stays out of this bundle
import {
  DocumentText,
  TokensChanged,
  type DocumentTextResult,
  type TokenInfo,
  type TokensChangedParams,
} from '@phq-tokens/protocol';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type * as Lc from 'vscode-languageclient/node';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { Config } from '../config';
import type { Logs } from '../log';
import { serverFields } from '../tokens/localTokens';
import type { TokenPlaces } from '../tokens/places';
import type { TokenRepository } from '../tokens/repository';
import type { WorkspaceTokenChoice } from '../tokens/workspaceChoice';
import { ServerFailurePolicy } from './failurePolicy';
import { isIgnored } from './ignore';
import { RedactingSync } from './redactingSync';
import { traceChannel } from './traceChannel';
import type { ScanTransport } from './workspaceScan';

export class TokenLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** tokenId -> fingerprint of the value it was computed from (recomputed when a value is re-imported). */
  private readonly fingerprints = new Map<string, { value: string; fingerprint: string }>();
  /** Redacts every value stored on this machine from document sync (the values are never sent). */
  private readonly sync: RedactingSync;
  /** Updates run one after another so a resync never races a token list. */
  private queue: Promise<void> = Promise.resolve();
  private lc: typeof Lc | undefined;
  private readonly trace: ReturnType<typeof traceChannel>;
  /** Restart limit, logging and the one notification when the server fails (failurePolicy.ts). */
  private policy: ServerFailurePolicy | undefined;
  /** What was last sent in phq/tokensChanged, and how many times it changed (the workspace scan re-judges on a change). */
  private lastTokens = '';
  private tokensVersion = 0;
  /** Called after the server was told of a change of tokens (the workspace scan re-judges what it can affect). */
  onDidChangeTokens: (() => void) | undefined;
  /** Called after a document's close was sent (the workspace scan judges the file from disk again). */
  onDidCloseDocument: ((uri: vscode.Uri) => void) | undefined;

  /** Set by the extension: receives every published diagnostic list (ids only are kept). */
  places: TokenPlaces | undefined;

  constructor(
    private readonly serverModule: string,
    private readonly repo: TokenRepository,
    private readonly choice: WorkspaceTokenChoice,
    private readonly config: Config,
    private readonly logs: Logs,
  ) {
    this.trace = traceChannel(logs.server);
    this.sync = new RedactingSync(() => this.repo.secrets.known());
  }

  get state(): 'running' | 'stopped' | 'missing' {
    if (!existsSync(this.serverModule)) return 'missing';
    return this.client?.isRunning() ? 'running' : 'stopped';
  }

  /** For the tests: the server's process id, restarts so far and what the user was told. */
  get failures(): { pid: number | undefined; restarts: number; notice: string | undefined } {
    return {
      pid: this.client?.isRunning() ? this.client.serverProcess?.pid : undefined,
      restarts: this.policy?.restartCount ?? 0,
      notice: this.policy?.notice,
    };
  }

  async start(): Promise<void> {
    if (!existsSync(this.serverModule)) {
      this.logs.log.warn(
        `language server bundle not found at ${this.serverModule}; diagnostics and completions are off`,
      );
      return;
    }
    // Required here, not at load: activation does not wait for the client library.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose
    const lc = (this.lc = require('vscode-languageclient/node') as typeof Lc);
    const { LanguageClient, TransportKind } = lc;
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.ipc },
      debug: {
        module: this.serverModule,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6011'] },
      },
    };
    const server = this.logs.server;
    this.policy ??= new ServerFailurePolicy({
      actions: { error: lc.ErrorAction, close: lc.CloseAction },
      log: server,
      notify: (message) => void vscode.window.showErrorMessage(message, 'Show Logs').then((a) => a && server.show()),
    });
    this.policy.reset();
    const policy = this.policy;
    const clientOptions: LanguageClientOptions = {
      // Notebook cells are text documents of their own scheme: synced (and redacted) like files.
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell' }],
      // The server waits for phq/tokensChanged's trust before running the repository file's patterns.
      initializationOptions: { workspaceTrust: true },
      // The repository config file and its baseline: the server merges them into settings.
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{.phq-tokens.json,.phq-tokens-baseline.json}'),
      },
      outputChannel: this.logs.server,
      traceOutputChannel: this.trace,
      errorHandler: policy,
      initializationFailedHandler: (e) => policy.initializationFailed(e),
      middleware: {
        // Where the user's tokens are written, for the API Tokens view (tokens/places.ts).
        handleDiagnostics: (uri, diagnostics, next) => {
          this.places?.record(uri, diagnostics);
          next(uri, diagnostics);
        },
        // Ignored files (setting predicthqTokens.ignore) are never sent; the rest go redacted.
        didOpen: (doc, next) =>
          isIgnored(doc.uri, this.config.ignoreGlobs) ? Promise.resolve() : this.sync.didOpen(doc, next),
        didChange: (e, next) =>
          isIgnored(e.document.uri, this.config.ignoreGlobs) ? Promise.resolve() : this.sync.didChange(e, next),
        didClose: async (doc, next) => {
          if (isIgnored(doc.uri, this.config.ignoreGlobs)) return;
          await this.sync.didClose(doc, next);
          this.onDidCloseDocument?.(doc.uri); // after the close went out, so the server no longer holds it open
        },
      },
    };
    await this.loadValues(); // before the first didOpen
    this.client = new LanguageClient(
      'predicthqTokens',
      'PredictHQ Tokens Language Server',
      serverOptions,
      clientOptions,
    );
    const client = this.client;
    await client.start();
    this.disposables.push(
      // A server the library restarted (failurePolicy.ts) starts empty: tell it the tokens again.
      client.onDidChangeState((e) => {
        if (e.newState === lc.State.Running && this.client === client) void this.sendTokens();
      }),
      this.repo.onDidChange(() => void this.sendTokens()),
      this.choice.onDidChange(() => void this.sendTokens()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.sendTokens()),
    );
    await this.sendTokens();
  }

  /** Reads the stored values (SecretStorage) into memory for redaction; fingerprints for the server. */
  private async loadValues(): Promise<void> {
    await this.repo.secrets.warm(this.repo.list().map((d) => d.record.sessionId));
    for (const k of this.repo.secrets.known())
      if (this.fingerprints.get(k.tokenId)?.value !== k.value)
        this.fingerprints.set(k.tokenId, { value: k.value, fingerprint: fingerprint(k.value) });
  }

  /** Sends token metadata + fingerprints + trust, after redacting any open document a new value appears in. Safe to call often. */
  sendTokens(): Promise<void> {
    this.queue = this.queue
      .then(() => this.doSendTokens())
      .catch((e: unknown) => {
        this.logs.log.warn(`updating the language server failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    return this.queue;
  }

  private async doSendTokens(): Promise<void> {
    const client = this.client;
    const lc = this.lc;
    if (!client?.isRunning() || !lc) return;
    await this.loadValues();
    for (const r of this.sync.resync()) {
      const { range, text } = r.change;
      await client.sendNotification(lc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri: r.uri, version: r.version },
        contentChanges: [{ range: client.code2ProtocolConverter.asRange(range), text }],
      });
    }
    const tokens: TokenInfo[] = [];
    for (const d of this.repo.list())
      for (const t of d.tokens ?? []) {
        const fp = this.repo.isStored(d.record.sessionId, t.id)
          ? (this.fingerprints.get(t.id)?.fingerprint ?? null)
          : null;
        const local = serverFields(this.repo.localToken(d.record.sessionId, t.id));
        const length = fp !== null ? this.fingerprints.get(t.id)?.value.length : undefined;
        tokens.push({
          ...t,
          fingerprint: fp,
          valueAvailable: fp !== null,
          ...local,
          ...(length !== undefined && { valueLength: length }),
        });
      }
    // One catalog: every account sees the same scope families.
    const catalog = this.repo.list().find((d) => d.scopes && d.scopes.length > 0)?.scopes ?? [];
    const params: TokensChangedParams = {
      tokens,
      scopes: catalog,
      workspaceTrusted: vscode.workspace.isTrusted,
      chosenTokenId: this.choice.tokenId ?? null,
    };
    // By method name: the client library is its own bundle with its own copy of vscode-jsonrpc.
    await client.sendNotification(TokensChanged.method, params);
    // Ids, names, scopes and fingerprints only: never a value.
    const sent = JSON.stringify(params);
    if (sent !== this.lastTokens) {
      this.lastTokens = sent;
      this.tokensVersion++;
      this.onDidChangeTokens?.();
    }
    this.logs.log.debug(`sent ${tokens.length} tokens (metadata and fingerprints) to the language server`);
  }

  /** What the workspace scan sends through (lsp/workspaceScan.ts): by method name, like phq/tokensChanged. */
  get scanTransport(): ScanTransport {
    return {
      running: () => this.client?.isRunning() === true,
      request: async (method, params) => {
        if (!this.client?.isRunning()) throw new Error('the language server is not running');
        return this.client.sendRequest(method, params);
      },
      notify: async (method, params) => {
        if (this.client?.isRunning()) await this.client.sendNotification(method, params);
      },
      known: () => this.repo.secrets.known(),
      tokensVersion: () => this.tokensVersion,
    };
  }

  /** The server's copy of an open document (redacted text and version), for the sync tests. */
  async serverDocument(uri: vscode.Uri): Promise<DocumentTextResult> {
    if (!this.client?.isRunning()) return null;
    return this.client.sendRequest<DocumentTextResult>(DocumentText.method, { uri: uri.toString() });
  }

  async stop(): Promise<void> {
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
    if (this.client?.isRunning()) await this.client.stop();
    this.client = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.trace.dispose();
  }
}
