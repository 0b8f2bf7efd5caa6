// PredictHQ as a VS Code authentication provider: accounts show in the Accounts menu, more
// than one can be signed in, each with its own API base URL. A session's accessToken is the
// account's management credential (kept in SecretStorage by AccountStore).
import { coreApi } from '../core';
import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL } from '../constants';
import { CancelledError } from '../errors/describe';
import { AccountStore, isLocal, sessionIdFor, type AccountRecord } from './accountStore';

export class PhqAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessionsChanged =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly store: AccountStore,
    private readonly prompt: (defaults?: { baseUrl?: string }) => Promise<{ baseUrl: string; credential: string }>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.registration = vscode.authentication.registerAuthenticationProvider(
      AUTH_PROVIDER_ID,
      AUTH_PROVIDER_LABEL,
      this,
      { supportsMultipleAccounts: true },
    );
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const out: vscode.AuthenticationSession[] = [];
    for (const a of this.store.list()) {
      if (isLocal(a)) continue; // no credential: not a VS Code authentication session
      const credential = await this.store.credential(a.sessionId);
      if (credential) out.push(toSession(a, credential));
    }
    return out;
  }

  /** Called by VS Code (Accounts menu, getSession with createIfNone). */
  async createSession(): Promise<vscode.AuthenticationSession> {
    const { baseUrl, credential } = await this.prompt();
    return this.signIn(baseUrl, credential);
  }

  /** Checks the credential against the API (GET /v1/account/) before keeping it. */
  async signIn(baseUrl: string, credential: string): Promise<vscode.AuthenticationSession> {
    const { normalizeBaseUrl, TokenApiClient } = coreApi();
    const url = normalizeBaseUrl(baseUrl);
    const client = new TokenApiClient({ baseUrl: url, credential: credential.trim(), retry: { retries: 1 } });
    try {
      const account = await client.account();
      const record: AccountRecord = {
        sessionId: sessionIdFor(url, account.id),
        accountId: account.id,
        name: account.name,
        email: account.email,
        baseUrl: url,
      };
      const existed = this.store.get(record.sessionId) !== undefined;
      await this.store.add(record, credential.trim());
      this.log.info(`signed in to ${url} as account ${account.id} (${account.name})`);
      const session = toSession(record, credential.trim());
      this.sessionsChanged.fire(
        existed ? { added: [], removed: [], changed: [session] } : { added: [session], removed: [], changed: [] },
      );
      return session;
    } finally {
      await client.close();
    }
  }

  async removeSession(sessionId: string): Promise<void> {
    const credential = await this.store.credential(sessionId);
    const record = await this.store.remove(sessionId);
    if (!record) return;
    this.log.info(`signed out of ${record.baseUrl} (account ${record.accountId})`);
    this.sessionsChanged.fire({ added: [], removed: [toSession(record, credential ?? '')], changed: [] });
  }

  dispose(): void {
    this.registration.dispose();
    this.sessionsChanged.dispose();
  }
}

function toSession(a: AccountRecord, credential: string): vscode.AuthenticationSession {
  return {
    id: a.sessionId,
    accessToken: credential,
    account: { id: a.sessionId, label: `${a.name} (${new URL(a.baseUrl).host})` },
    scopes: [],
  };
}

/** The interactive part of sign-in: API URL, then the credential (a password box). */
export async function promptForSignIn(defaultUrl: string): Promise<{ baseUrl: string; credential: string }> {
  const baseUrl = await vscode.window.showInputBox({
    title: 'Sign in to PredictHQ (1/2): API URL',
    value: defaultUrl,
    prompt: 'https://api.predicthq.com, or the local emulator (e.g. http://127.0.0.1:4010)',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        coreApi().normalizeBaseUrl(v.trim());
        return undefined;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  });
  if (baseUrl === undefined) throw new CancelledError();
  const credential = await vscode.window.showInputBox({
    title: 'Sign in to PredictHQ (2/2): management credential',
    prompt: 'Kept in VS Code SecretStorage, never in settings',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (/^[\x21-\x7e]+$/.test(v.trim()) ? undefined : 'Paste the credential (no spaces).'),
  });
  if (credential === undefined) throw new CancelledError();
  return { baseUrl: baseUrl.trim(), credential: credential.trim() };
}
