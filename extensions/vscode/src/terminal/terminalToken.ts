// "Use Token in Terminals": one token of the workspace goes into every new integrated terminal
// (and task) under the configured variable name, through the terminal environment API, never
// through a file (docs/extension.md, "Use a token without writing it"). The collection is not
// persistent, so VS Code keeps the value in memory only; the workspace remembers the token's
// id (workspaceState), and the value is read from SecretStorage again after a reload.
// The collection follows the token: deleting or forgetting it removes the variable, rotating
// it switches to the replacement, a new variable name moves it; each change makes VS Code
// show existing terminals the relaunch hint.
import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { TokenRepository } from '../tokens/repository';
import type { InjectionGate } from './gate';

const ACTIVE_KEY = 'predicthqTokens.terminal.tokenId';

export interface TerminalTokenState {
  tokenId: string;
  /** The token's name (the part before a legacy " | client"), for the UI. */
  name: string;
  varName: string;
  /** True when new terminals get the variable now. */
  applied: boolean;
  /** Why it is not applied (untrusted, remote not confirmed, value not stored, not loaded yet). */
  blocked: string | undefined;
}

export class TerminalToken implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** What the collection holds now (the value only in memory, as SecretStorage's cache does). */
  private applied: { tokenId: string; varName: string; value: string } | undefined;
  private current: TerminalTokenState | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly repo: TokenRepository,
    private readonly config: Config,
    private readonly state: vscode.Memento,
    readonly gate: InjectionGate,
    private readonly log: vscode.LogOutputChannel,
  ) {
    collection.persistent = false;
    // A collection persisted by an older version (or another window's state) never survives.
    collection.clear();
    this.disposables.push(
      repo.onDidChange(() => void this.reconcile()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reconcile()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reconcile()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('predicthqTokens.envVarName')) void this.reconcile();
      }),
    );
  }

  /** The token chosen for terminals (by id; it may not be applied: see `state`). */
  get tokenId(): string | undefined {
    const v = this.state.get<unknown>(ACTIVE_KEY);
    return typeof v === 'string' ? v : undefined;
  }

  /** What the status bar and the tests show. */
  get status(): TerminalTokenState | undefined {
    return this.current;
  }

  /** The value new terminals get, while applied (for the debug provider and the command variable). */
  value(): { value: string; varName: string; tokenId: string } | undefined {
    return this.applied && { ...this.applied };
  }

  async use(tokenId: string): Promise<TerminalTokenState | undefined> {
    await this.state.update(ACTIVE_KEY, tokenId);
    await this.reconcile();
    return this.current;
  }

  async stop(): Promise<void> {
    await this.state.update(ACTIVE_KEY, undefined);
    await this.reconcile();
  }

  /** Brings the collection in line with the chosen token, the repository and the gate. Serialized. */
  reconcile(): Promise<void> {
    this.queue = this.queue.then(
      () => this.doReconcile(),
      () => this.doReconcile(),
    );
    return this.queue.catch((e: unknown) =>
      this.log.error(`terminal token: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private async doReconcile(): Promise<void> {
    let id = this.tokenId;
    // A rotation names the replacement: follow it.
    for (let next = id && this.repo.replacementOf(id); id && next; next = this.repo.replacementOf(id)) {
      this.log.info(`terminal token ${id} was rotated; terminals now get ${next}`);
      id = next;
      await this.state.update(ACTIVE_KEY, id);
    }
    if (!id) return this.set(undefined, undefined);
    const ref = this.repo.find(id);
    if (!ref) {
      if (this.settled()) {
        // Deleted, or its account signed out: nothing to put into terminals any more.
        this.log.info(`terminal token ${id} is gone; removed from terminals`);
        await this.state.update(ACTIVE_KEY, undefined);
        return this.set(undefined, undefined);
      }
      return this.set(undefined, {
        tokenId: id,
        name: id,
        varName: this.config.envVarName,
        applied: false,
        blocked: 'The token list is still loading.',
      });
    }
    const name = parseTokenName(ref.token.name).token;
    const varName = this.config.envVarName;
    const value = await this.repo.value(ref.sessionId, id);
    if (!value) {
      // Forgotten on this machine: the value is gone, so is the variable.
      this.log.info(`terminal token ${id} has no value stored here any more; removed from terminals`);
      await this.state.update(ACTIVE_KEY, undefined);
      return this.set(undefined, undefined);
    }
    const blocked = this.gate.blocked();
    if (blocked) return this.set(undefined, { tokenId: id, name, varName, applied: false, blocked });
    return this.set({ tokenId: id, varName, value }, { tokenId: id, name, varName, applied: true, blocked: undefined });
  }

  /** True when every account's list has loaded, so a token not found is really gone. */
  private settled(): boolean {
    return this.repo.list().every((a) => a.tokens !== undefined && !a.loading);
  }

  private set(next: TerminalToken['applied'], state: TerminalTokenState | undefined): void {
    const prev = this.applied;
    const same = prev?.tokenId === next?.tokenId && prev?.varName === next?.varName && prev?.value === next?.value;
    if (!same) {
      // Only a real change touches the collection: each change shows existing terminals the relaunch hint.
      this.collection.clear();
      if (next && state) {
        this.collection.description = new vscode.MarkdownString(
          `PredictHQ token **${escapeMd(state.name)}** in \`${next.varName}\` (from VS Code's secret storage; never written to disk)`,
        );
        this.collection.replace(next.varName, next.value);
        this.log.info(`terminal token ${next.tokenId} in ${next.varName} for new terminals`);
      } else {
        this.collection.description = undefined;
        if (prev) this.log.info(`terminal token ${prev.tokenId} removed from new terminals`);
      }
      this.applied = next;
    }
    const before = JSON.stringify(this.current);
    this.current = state;
    if (!same || before !== JSON.stringify(state)) this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
