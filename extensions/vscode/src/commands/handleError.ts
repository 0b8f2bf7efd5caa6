// The one error wrapper around every command (docs/conventions.md, "Errors"): a clear message with
// "Show Logs", plus "Sign In" or "Retry" where they help. Cancellation is silent. The last
// error is kept so tests (and "Retry") can act on it without clicking a notification.
import * as vscode from 'vscode';
import { isPhqError } from '../core';
import { describeError, type ErrorAction, type ErrorView } from '../errors/describe';
import { error, remember } from '../ui/notices';

/** Waits longer than this are not counted down: the message says the time to try again at. */
const MAX_COUNTDOWN_MS = 60_000;

export interface ReportedError extends ErrorView {
  command: string;
  retry: () => Promise<unknown>;
}

export class ErrorReporter {
  last: ReportedError | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Runs `fn`; on failure shows the error (without waiting for the user) and resolves to undefined. */
  async run<T>(command: string, what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      const view = describeError(e, what);
      if (view.silent) return undefined;
      this.log.error(`${command}: ${view.message}${e instanceof Error && e.name ? ` [${e.name}]` : ''}`);
      this.last = { ...view, command, retry: () => this.run(command, what, fn) };
      const wait = isPhqError(e) && e.kind === 'rate-limited' ? e.retryAfterMs : undefined;
      if (wait && wait <= MAX_COUNTDOWN_MS) void this.countdown(view, what, wait, this.last.retry);
      else void this.show(view.message, view.actions, this.last.retry);
      return undefined;
    }
  }

  /**
   * A 429 that says how long to wait: a notification counts the seconds down and closes, then
   * the error with Retry replaces it, so no toast says "in 2 s" long after the 2 s.
   */
  private async countdown(view: ErrorView, what: string, ms: number, retry: () => Promise<unknown>): Promise<void> {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `PredictHQ asked to wait (429) before you ${what}` },
      async (progress) => {
        for (let left = Math.ceil(ms / 1000); left > 0; left--) {
          const text = `: you can retry in ${left} s.`;
          progress.report({ message: text });
          remember(`PredictHQ asked to wait (429) before you ${what}${text}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      },
    );
    const now = `Could not ${what}: PredictHQ was rate limiting this organization (429); the wait it asked for is over.`;
    await this.show(now, view.actions, retry);
  }

  private async show(message: string, actions: ErrorAction[], retry: () => Promise<unknown>): Promise<void> {
    const choice = await error(message, ...actions);
    switch (choice) {
      case 'Show Logs':
        this.log.show();
        break;
      case 'Retry':
        await retry();
        break;
      case 'Sign In':
        await vscode.commands.executeCommand('predicthqTokens.signIn');
        break;
      case undefined:
        break;
      default: {
        const never: never = choice;
        throw new Error(String(never));
      }
    }
  }
}
