// Starts the bundled language server and keeps it told about the user's tokens: metadata,
// fingerprints of the values stored here (never the values) and workspace trust. Values
// are written by the client-side commands (commands/insertToken.ts) at insertion time.
import { fingerprint } from '@phq-tokens/detect';
import { TokensChanged, type TokenInfo, type TokensChangedParams } from '@phq-tokens/protocol';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type * as Lc from 'vscode-languageclient/node';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { Config } from '../config';
import type { Logs } from '../log';
import type { TokenRepository } from '../tokens/repository';
import type { WorkspaceTokenChoice } from '../tokens/workspaceChoice';
import { isIgnored } from './ignore';

export class TokenLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** tokenId -> fingerprint, so values are read from SecretStorage once. */
  private readonly fingerprints = new Map<string, string>();

  constructor(
    private readonly serverModule: string,
    private readonly repo: TokenRepository,
    private readonly choice: WorkspaceTokenChoice,
    private readonly config: Config,
    private readonly logs: Logs,
  ) {}

  get state(): 'running' | 'stopped' | 'missing' {
    if (!existsSync(this.serverModule)) return 'missing';
    return this.client?.isRunning() ? 'running' : 'stopped';
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
    const { LanguageClient, TransportKind } = require('vscode-languageclient/node') as typeof Lc;
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.ipc },
      debug: {
        module: this.serverModule,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6011'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.logs.server,
      traceOutputChannel: this.logs.server,
      middleware: {
        // Ignored files (setting predicthqTokens.ignore) are never sent to the server.
        didOpen: (doc, next) => (isIgnored(doc.uri, this.config.ignoreGlobs) ? Promise.resolve() : next(doc)),
        didChange: (e, next) => (isIgnored(e.document.uri, this.config.ignoreGlobs) ? Promise.resolve() : next(e)),
        didClose: (doc, next) => (isIgnored(doc.uri, this.config.ignoreGlobs) ? Promise.resolve() : next(doc)),
      },
    };
    this.client = new LanguageClient(
      'predicthqTokens',
      'PredictHQ Tokens Language Server',
      serverOptions,
      clientOptions,
    );
    await this.client.start();
    this.disposables.push(
      this.repo.onDidChange(() => void this.sendTokens()),
      this.choice.onDidChange(() => void this.sendTokens()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.sendTokens()),
    );
    await this.sendTokens();
  }

  /** Sends the current token metadata + fingerprints + trust. Safe to call often. */
  async sendTokens(): Promise<void> {
    const client = this.client;
    if (!client?.isRunning()) return;
    const tokens: TokenInfo[] = [];
    for (const d of this.repo.list()) {
      for (const t of d.tokens ?? []) {
        const stored = this.repo.isStored(d.record.sessionId, t.id);
        let fp: string | null = null;
        if (stored) {
          fp = this.fingerprints.get(t.id) ?? null;
          if (!fp) {
            const value = await this.repo.value(d.record.sessionId, t.id);
            if (value) this.fingerprints.set(t.id, (fp = fingerprint(value)));
          }
        } else this.fingerprints.delete(t.id);
        tokens.push({ ...t, fingerprint: fp, valueAvailable: stored && fp !== null });
      }
    }
    // One catalog: every account sees the same scope families.
    const catalog = this.repo.list().find((d) => d.scopes && d.scopes.length > 0)?.scopes ?? [];
    const params: TokensChangedParams = {
      tokens,
      scopes: catalog,
      workspaceTrusted: vscode.workspace.isTrusted,
      chosenTokenId: this.choice.tokenId ?? null,
    };
    await client.sendNotification(TokensChanged.type, params);
    this.logs.log.debug(`sent ${tokens.length} tokens (metadata and fingerprints) to the language server`);
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
  }
}
