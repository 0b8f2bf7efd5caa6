// Accounts: metadata (no secrets) in globalState, management credentials in SecretStorage.
// A session id names one account at one API base URL. Two kinds: a management account
// (signed in with a management credential; tokens listed by the management API) and
// "tokens on this machine" (kind "local": tokens added from the WebApp, no credential,
// only PredictHQ's public API), one per API URL.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

export interface AccountRecord {
  sessionId: string;
  accountId: string;
  name: string;
  email: string;
  baseUrl: string;
  /** "local": tokens on this machine, no management credential. Absent: a management account. */
  kind?: 'local';
}

export const LOCAL_ACCOUNT_NAME = 'Tokens on this machine';

export const isLocal = (r: AccountRecord): boolean => r.kind === 'local';

/** The local account of an API URL: one per URL, so a token is always checked where it was added. */
export function localRecord(baseUrl: string): AccountRecord {
  return {
    sessionId: `local-${sessionIdFor(baseUrl, 'local')}`,
    accountId: 'local',
    name: LOCAL_ACCOUNT_NAME,
    email: '',
    baseUrl,
    kind: 'local',
  };
}

const INDEX_KEY = 'predicthqTokens.accounts';
const credentialKey = (sessionId: string) => `predicthqTokens.credential.${sessionId}`;

export function sessionIdFor(baseUrl: string, accountId: string): string {
  return createHash('sha256').update(`${baseUrl}\n${accountId}`).digest('hex').slice(0, 16);
}

function isRecord(v: unknown): v is AccountRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    ['sessionId', 'accountId', 'name', 'email', 'baseUrl'].every((k) => typeof r[k] === 'string') &&
    (r.kind === undefined || r.kind === 'local')
  );
}

export class AccountStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  list(): AccountRecord[] {
    const raw = this.state.get<unknown[]>(INDEX_KEY, []);
    return Array.isArray(raw) ? raw.filter(isRecord) : [];
  }

  get(sessionId: string): AccountRecord | undefined {
    return this.list().find((a) => a.sessionId === sessionId);
  }

  credential(sessionId: string): Thenable<string | undefined> {
    return this.secrets.get(credentialKey(sessionId));
  }

  /** The credential is stored before the index entry, so a listed account always has one. */
  async add(record: AccountRecord, credential: string): Promise<void> {
    await this.secrets.store(credentialKey(record.sessionId), credential);
    const others = this.list().filter((a) => a.sessionId !== record.sessionId);
    await this.state.update(INDEX_KEY, [...others, record]);
    this.changed.fire();
  }

  /** A local account has no credential: only its index entry. Idempotent. */
  async addLocal(record: AccountRecord): Promise<void> {
    if (this.get(record.sessionId)) return;
    await this.state.update(INDEX_KEY, [...this.list(), record]);
    this.changed.fire();
  }

  async remove(sessionId: string): Promise<AccountRecord | undefined> {
    const record = this.get(sessionId);
    await this.state.update(
      INDEX_KEY,
      this.list().filter((a) => a.sessionId !== sessionId),
    );
    await this.secrets.delete(credentialKey(sessionId));
    if (record) this.changed.fire();
    return record;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
