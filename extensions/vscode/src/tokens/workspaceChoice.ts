// The token this workspace uses (the one its .env or environment holds), by id only, in
// workspaceState. The language server checks files that call the API through an env
// reference against this token's scopes (phq/missing-scope).
import * as vscode from 'vscode';

const KEY = 'predicthqTokens.workspaceToken';

export class WorkspaceTokenChoice implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get tokenId(): string | undefined {
    const v = this.state.get<unknown>(KEY);
    return typeof v === 'string' ? v : undefined;
  }

  async set(tokenId: string | undefined): Promise<void> {
    if (tokenId === this.tokenId) return;
    await this.state.update(KEY, tokenId);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
