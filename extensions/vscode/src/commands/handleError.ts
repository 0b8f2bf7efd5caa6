// The one error wrapper around every command (docs/conventions.md, "Errors"): a clear message with
// "Show Logs", plus "Sign In" or "Retry" where they help. Cancellation is silent. The last
// error is kept so tests (and "Retry") can act on it without clicking a notification.
import * as vscode from 'vscode';
import { describeError, type ErrorAction, type ErrorView } from '../errors/describe';

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
      void this.show(view.message, view.actions, this.last.retry);
      return undefined;
    }
  }

  private async show(message: string, actions: ErrorAction[], retry: () => Promise<unknown>): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, ...actions);
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
