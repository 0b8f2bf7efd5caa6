// "Use Token in Terminals" and its companions (docs/extension.md, "Use a token without writing it"):
// the token goes into new terminals through the terminal environment API, never into a file.
import { parseTokenName } from '../core';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { describePlace } from '../terminal/gate';
import type { TerminalTokenState } from '../terminal/terminalToken';
import { booleanProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickToken, requireValue } from './pick';

/** Puts a stored token into every new terminal of this window. Returns what the status bar shows (no value). */
export async function useInTerminals(ctx: CommandContext, arg?: unknown): Promise<TerminalTokenState | undefined> {
  if (!vscode.workspace.isTrusted) throw new Error(ctx.terminal.gate.blocked());
  const ref = await pickToken(ctx, arg, { storedOnly: true, title: 'Which token do new terminals get?' });
  await requireValue(ctx, ref);
  const place = ctx.terminal.gate.needsConfirmation();
  if (place && booleanProp(arg, 'confirmRemote') !== true) {
    const go = await vscode.window.showWarningMessage(
      `Put "${parseTokenName(ref.token.name).token}" into the terminals of ${describePlace(place)}?`,
      {
        modal: true,
        detail:
          'Every new terminal there gets the value in its environment: it lives in processes on that machine. Nothing is written to disk. Asked once for this remote.',
      },
      'Use There',
    );
    if (go !== 'Use There') throw new CancelledError();
  }
  if (place) await ctx.terminal.gate.confirm(place);
  const state = await ctx.terminal.use(ref.token.id);
  if (state?.applied)
    void vscode.window.setStatusBarMessage(
      `$(terminal) New terminals get "${state.name}" in ${state.varName}; relaunch open ones to get it`,
      5000,
    );
  return state;
}

export async function stopUsingInTerminals(ctx: CommandContext): Promise<boolean> {
  const had = ctx.terminal.status;
  await ctx.terminal.stop();
  if (had) void vscode.window.setStatusBarMessage(`$(terminal) New terminals no longer get ${had.varName}`, 4000);
  return true;
}

/** The status bar item's click: stop, switch, or open a terminal that has the token. */
export async function terminalTokenMenu(ctx: CommandContext): Promise<unknown> {
  const s = ctx.terminal.status;
  const items: (vscode.QuickPickItem & { run: () => Thenable<unknown> })[] = [
    {
      label: '$(debug-stop) Stop Using in Terminals',
      description: s ? `new terminals no longer get ${s.varName}` : undefined,
      run: () => stopUsingInTerminals(ctx),
    },
    { label: '$(key) Use Another Token…', run: () => useInTerminals(ctx) },
  ];
  if (s?.applied)
    items.push({
      label: '$(terminal) New Terminal',
      description: `with ${s.varName}`,
      run: () => vscode.commands.executeCommand('workbench.action.terminal.new'),
    });
  const picked = await vscode.window.showQuickPick(items, {
    title: s
      ? `${s.varName}: "${s.name}"${s.applied ? '' : ` (not in terminals: ${s.blocked ?? ''})`}`
      : 'Token in terminals',
  });
  if (!picked) throw new CancelledError();
  return picked.run();
}

/**
 * `${command:predicthqTokens.activeToken}` in launch.json and tasks.json `env` blocks: the value
 * of the token in terminals, resolved at launch (never written into the file); with none
 * chosen, the user picks a stored token for this launch.
 */
export async function activeToken(ctx: CommandContext): Promise<string> {
  const blocked = ctx.terminal.gate.blocked();
  if (blocked) throw new Error(blocked);
  const active = ctx.terminal.value();
  if (active) return active.value;
  const s = ctx.terminal.status;
  if (s) throw new Error(`"${s.name}" cannot be used now: ${s.blocked ?? 'its value is not available'}`);
  const ref = await pickToken(ctx, undefined, { storedOnly: true, title: 'Which token does this launch get?' });
  return requireValue(ctx, ref);
}

/**
 * After the environment-reference quick fix: the code now reads the variable, so offer (once per
 * workspace, without waiting) to put a token into the terminals where that code runs.
 */
export async function offerTerminalToken(ctx: CommandContext): Promise<boolean> {
  const key = 'predicthqTokens.terminal.offered';
  if (!vscode.workspace.isTrusted || ctx.terminal.tokenId || ctx.extension.workspaceState.get(key)) return false;
  const stored = ctx.repo.list().some((a) => (a.tokens ?? []).some((t) => ctx.repo.isStored(a.record.sessionId, t.id)));
  if (!stored) return false;
  await ctx.extension.workspaceState.update(key, true);
  void vscode.window
    .showInformationMessage(
      `The code now reads ${ctx.config.envVarName} from the environment. Give this workspace's terminals a token in ${ctx.config.envVarName}? Nothing is written to disk.`,
      'Use Token in Terminals…',
    )
    .then((c) => (c ? vscode.commands.executeCommand('predicthqTokens.useInTerminals') : undefined));
  return true;
}
