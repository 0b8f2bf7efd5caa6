// Read-only hooks of "Use Token in Terminals" for the extension-host tests: what the status bar
// and the terminal environment collection say. Never a value: the collection is reported by
// variable name and the length of what it holds.
import type * as vscode from 'vscode';
import type { TerminalStatusItem } from './statusItem';
import type { TerminalToken, TerminalTokenState } from './terminalToken';

export interface TerminalTestingApi {
  terminalToken(): {
    state: TerminalTokenState | undefined;
    statusText: string;
    statusTooltip: string;
    /** The collection: variable -> length of its value, its description and persistence. */
    collection: { vars: Record<string, number>; description: string; persistent: boolean };
  };
  /** Resolves when pending changes (repository events, trust) are applied. */
  terminalSettled(): Promise<void>;
}

export function terminalTestingApi(
  terminal: TerminalToken,
  status: TerminalStatusItem,
  collection: vscode.GlobalEnvironmentVariableCollection,
): TerminalTestingApi {
  return {
    terminalToken: () => {
      const vars: Record<string, number> = {};
      collection.forEach((name, m) => (vars[name] = m.value.length));
      const d = collection.description;
      return {
        state: terminal.status,
        statusText: status.text,
        statusTooltip: status.tooltip,
        collection: {
          vars,
          description: typeof d === 'string' ? d : (d?.value ?? ''),
          persistent: collection.persistent,
        },
      };
    },
    terminalSettled: () => terminal.reconcile(),
  };
}
