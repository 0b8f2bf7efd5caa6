// Where the user's own tokens are written: the language server's known-token diagnostics
// (open documents, and every file after Scan Workspace) name the token by id in their data;
// this keeps uri -> token ids so the API Tokens view can say "in 3 files" under a token.
// Ids and URIs only: never a value.
import * as vscode from 'vscode';

export class TokenPlaces implements vscode.Disposable {
  private readonly byUri = new Map<string, ReadonlySet<string>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** From the diagnostics the server published for `uri` (their `data.tokenId` on known-token ones). */
  record(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const ids = new Set<string>();
    for (const d of diagnostics) {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const data = (d as vscode.Diagnostic & { data?: { tokenId?: unknown } }).data;
      if (code === 'phq/known-token' && typeof data?.tokenId === 'string') ids.add(data.tokenId);
    }
    const key = uri.toString();
    const before = this.byUri.get(key);
    if (ids.size === 0 && !before) return;
    if (before && before.size === ids.size && [...ids].every((i) => before.has(i))) return;
    if (ids.size === 0) this.byUri.delete(key);
    else this.byUri.set(key, ids);
    this.changed.fire();
  }

  /** The files (URIs) that hold token `tokenId`, sorted. */
  filesOf(tokenId: string): vscode.Uri[] {
    return [...this.byUri]
      .filter(([, ids]) => ids.has(tokenId))
      .map(([uri]) => vscode.Uri.parse(uri))
      .filter((u) => u.scheme === 'file' || u.scheme === 'vscode-notebook-cell')
      .sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
