// Status bar: the signed-in account(s) and state; a click opens the API Tokens view.
import * as vscode from 'vscode';
import type { TokenRepository } from './tokens/repository';

export class TokenStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'predicthqTokens.status',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly subscription: vscode.Disposable;

  constructor(private readonly repo: TokenRepository) {
    this.item.name = 'PredictHQ Tokens';
    this.item.command = 'workbench.view.extension.predicthqTokens';
    this.subscription = repo.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  /** What the item shows now (for tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const accounts = this.repo.list();
    if (accounts.length === 0) {
      this.item.text = '$(key) PredictHQ: signed out';
      this.item.tooltip = 'Sign in to PredictHQ to manage API tokens';
      return;
    }
    const loading = accounts.some((a) => a.loading);
    const failed = accounts.some((a) => a.error !== undefined);
    const icon = loading ? '$(sync~spin)' : failed ? '$(warning)' : '$(key)';
    const first = accounts[0]!.record.name;
    const revoked = accounts.flatMap((a) =>
      (a.tokens ?? []).filter((t) => this.repo.localToken(a.record.sessionId, t.id)?.revokedAt),
    );
    this.item.text = `${revoked.length ? '$(error)' : icon} PredictHQ: ${first}${accounts.length > 1 ? ` +${accounts.length - 1}` : ''}${revoked.length ? ` · ${revoked.length} revoked` : ''}`;
    const count = accounts.reduce((n, a) => n + (a.tokens?.length ?? 0), 0);
    this.item.tooltip = `${accounts.map((a) => `${a.record.name} (${new URL(a.record.baseUrl).host})`).join('\n')}\n${count} tokens${failed ? '\nLoading failed: see the view' : ''}${revoked.length ? `\nRevoked (PredictHQ answered 401): ${revoked.map((t) => t.name).join(', ')}` : ''}`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
