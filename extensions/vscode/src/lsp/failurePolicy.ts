// What the language client does when the server fails, instead of the library's defaults
// (which show their own notifications, one per crash): as vscode-eslint does, restart a
// server that stopped, up to MAX_RESTARTS times in WINDOW_MS; log every failure to the
// server's output channel; and tell the user once, with "Show Logs", when it gives up or the
// server cannot start. A server stops, for example, on broken framing (packages/server
// exits 1 then; docs/server.md) or when it crashes or is killed.
import type * as Lc from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60_000;

export interface FailureLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface PolicyDeps {
  /** The client library's enums (it is loaded on first use, see client.ts). */
  actions: { error: typeof Lc.ErrorAction; close: typeof Lc.CloseAction };
  log: FailureLog;
  /** Shows an error with "Show Logs" (not awaited). */
  notify(message: string): void;
  now?: () => number;
}

export class ServerFailurePolicy implements Lc.ErrorHandler {
  private restarts: number[] = [];
  private told = false;
  /** What the user was told, if anything (for the tests). */
  notice: string | undefined;
  /** Restarts done so far (for the tests and the log). */
  restartCount = 0;

  constructor(private readonly deps: PolicyDeps) {}

  /** A message could not be read or written: keep going for 3, then stop the server (it restarts through closed()). */
  error(error: Error, _message: unknown, count: number | undefined): Lc.ErrorHandlerResult {
    const n = count ?? 1;
    this.deps.log.error(`language server connection error (${n} in a row): ${error.message}`);
    return { action: n <= 3 ? this.deps.actions.error.Continue : this.deps.actions.error.Shutdown, handled: true };
  }

  /** The server process ended without being asked to. */
  closed(): Lc.CloseHandlerResult {
    const now = (this.deps.now ?? Date.now)();
    this.restarts = this.restarts.filter((t) => now - t < WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length <= MAX_RESTARTS) {
      this.restartCount++;
      this.deps.log.warn(
        `language server stopped unexpectedly; restarting it (${this.restarts.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes)`,
      );
      return { action: this.deps.actions.close.Restart, handled: true };
    }
    this.deps.log.error(
      `language server stopped unexpectedly ${this.restarts.length} times in 3 minutes; not restarting it`,
    );
    this.tellOnce(
      `The PredictHQ Tokens language server stopped ${this.restarts.length} times in 3 minutes and was not restarted: ` +
        'placeholder and token diagnostics, completions and quick fixes are off. Reload the window to start it again.',
    );
    return { action: this.deps.actions.close.DoNotRestart, handled: true };
  }

  /** `initialize` failed: log it, tell the user once, do not retry (a retry would fail the same way). */
  initializationFailed(error: unknown): boolean {
    this.deps.log.error(
      `language server failed to initialize: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.tellOnce(
      'The PredictHQ Tokens language server could not start: placeholder and token diagnostics, completions and ' +
        'quick fixes are off.',
    );
    return false;
  }

  /** A start by the user (restart, reload) gets a fresh budget and may be told again. */
  reset(): void {
    this.restarts = [];
    this.told = false;
  }

  private tellOnce(message: string): void {
    if (this.told) return;
    this.told = true;
    this.notice = message;
    this.deps.notify(message);
  }
}
