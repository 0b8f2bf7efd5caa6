// A real LSP client over the bundled server's stdio (vscode-languageserver-protocol/node),
// playing the editor: it answers workspace/configuration, keeps every publishDiagnostics,
// and can record every byte in both directions.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TokensChanged, type TokensChangedParams } from '@phq-tokens/protocol';
import { ensureBundle } from './bundle';

export interface SessionOptions {
  /** Settings answered for section predicthqTokens, per scope uri. */
  settings?: (uri: string | undefined) => unknown;
  record?: boolean;
  /** `initialize`'s initializationOptions (the extension sends `{ workspaceTrust: true }`). */
  initializationOptions?: unknown;
}

export class Session {
  readonly conn: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** Methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  /** Every byte sent to and received from the server, when recording. */
  readonly traffic: Buffer[] = [];
  settings: (uri: string | undefined) => unknown;
  initializeResult: InitializeResult | undefined;
  configRequests = 0;
  private waiters: Array<{
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }> = [];
  private exited: Promise<number | null>;

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    opts: SessionOptions,
  ) {
    this.settings = opts.settings ?? (() => ({}));
    const toServer = new PassThrough();
    toServer.pipe(child.stdin);
    if (opts.record) {
      toServer.on('data', (d: Buffer) => this.traffic.push(Buffer.from(d)));
      child.stdout.on('data', (d: Buffer) => this.traffic.push(Buffer.from(d)));
    }
    this.conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(toServer));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.conn.onRequest(ConfigurationRequest.type, (p) => {
      this.configRequests++;
      return p.items.map((i) => this.settings(i.scopeUri));
    });
    this.conn.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.conn.listen();
  }

  /** Resolves with the first publish (already received or future) for `uri` at `version`. */
  diagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Waits for the next publish for `uri` (strictly after this call). */
  nextDiagnostics(uri: string, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const already = this.published.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no new diagnostics for ${uri}`)), timeoutMs);
      this.waiters.push({
        test: (p) => p.uri === uri && this.published.indexOf(p) >= already,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async tokens(p: TokensChangedParams): Promise<void> {
    await this.conn.sendNotification(TokensChanged.type, p);
  }

  async settingsChanged(): Promise<void> {
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    }
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }
}

/** Server processes started by tests; see test/support/hooks.ts. */
const started = new Set<ChildProcessWithoutNullStreams>();

/**
 * Kills the server of every session a test left running: a test that fails before its
 * `stop()` would otherwise keep mocha waiting on the child process for ever.
 */
export function killLeftoverServers(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill();
  started.clear();
}

export async function startSession(opts: SessionOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [ensureBundle(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  started.add(child);
  child.stderr.on('data', () => undefined); // drain; the server never writes here in normal operation
  const s = new Session(child, opts);
  s.initializeResult = await s.conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    ...(opts.initializationOptions !== undefined && { initializationOptions: opts.initializationOptions }),
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
          disabledSupport: true,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      },
    },
  });
  await s.conn.sendNotification(InitializedNotification.type, {});
  return s;
}
