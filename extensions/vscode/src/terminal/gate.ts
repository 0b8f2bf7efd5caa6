// Whether a token may go into this window's processes (terminals, tasks, debug sessions), and
// if not, why, in words the UI shows (docs/extension.md, "Use a token without writing it").
// Untrusted workspaces get nothing. A remote or virtual workspace gets nothing until the user
// confirms it once for that place: the value then lives in processes on that machine, which
// others there may be able to inspect. The confirmation is remembered by place (remote name or folder scheme), never a value.
import * as vscode from 'vscode';

const CONFIRMED_KEY = 'predicthqTokens.terminal.confirmedPlaces';

/** Where this window's terminals run when that is not plainly this machine; undefined when local. */
export function remotePlace(): string | undefined {
  if (vscode.env.remoteName) return `remote:${vscode.env.remoteName}`;
  const virtual = (vscode.workspace.workspaceFolders ?? []).find(
    (f) => f.uri.scheme !== 'file' && f.uri.scheme !== 'vscode-remote',
  );
  return virtual ? `virtual:${virtual.uri.scheme}` : undefined;
}

export function describePlace(place: string): string {
  const [kind, name] = place.split(/:(.*)/s);
  return kind === 'remote' ? `the remote "${name}"` : `the virtual workspace (${name})`;
}

export class InjectionGate {
  constructor(private readonly state: vscode.Memento) {}

  /** Undefined when injecting is allowed; otherwise the reason, for the UI. */
  blocked(): string | undefined {
    if (!vscode.workspace.isTrusted)
      return 'This workspace is not trusted, so no token is put into its terminals, tasks or debug sessions. Trust the workspace (Manage Workspace Trust) to use one.';
    const place = remotePlace();
    if (place && !this.confirmed().includes(place))
      return `This window's terminals run on ${describePlace(place)}, which you have not confirmed for tokens. Run "Use Token in Terminals" and confirm to allow it.`;
    return undefined;
  }

  /** The place that still needs the user's yes, if any (trust aside). */
  needsConfirmation(): string | undefined {
    const place = remotePlace();
    return place && !this.confirmed().includes(place) ? place : undefined;
  }

  async confirm(place: string): Promise<void> {
    await this.state.update(CONFIRMED_KEY, [...new Set([...this.confirmed(), place])]);
  }

  private confirmed(): string[] {
    const v = this.state.get<unknown>(CONFIRMED_KEY, []);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }
}
