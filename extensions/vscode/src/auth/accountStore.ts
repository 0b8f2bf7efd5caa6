// Signed-in accounts: metadata (no secrets) in globalState, management credentials in
// SecretStorage. A session id names one account at one API base URL.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';

export interface AccountRecord {
  sessionId: string;
  accountId: string;
  name: string;
  email: string;
  baseUrl: string;
}

const INDEX_KEY = 'predicthqTokens.accounts';
const credentialKey = (sessionId: string) => `predicthqTokens.credential.${sessionId}`;

export function sessionIdFor(baseUrl: string, accountId: string): string {
  return createHash('sha256').update(`${baseUrl}\n${accountId}`).digest('hex').slice(0, 16);
}

function isRecord(v: unknown): v is AccountRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['sessionId', 'accountId', 'name', 'email', 'baseUrl'].every((k) => typeof r[k] === 'string');
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
