// Debug sessions get the token in terminals too, when the user opted in
// (predicthqTokens.injectIntoDebugSessions): a DebugConfigurationProvider for every type adds
// the variable to the launch configuration's `env` as it is resolved, in memory; launch.json is
// never written. The first Python or Node session started from a file that reads the variable
// gets a one-click offer to opt in (docs/extension.md, "Use a token without writing it").
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from '../config';
import { offerFor, withTokenEnv } from './debugEnv';
import type { TerminalToken } from './terminalToken';

const OFFERED_KEY = 'predicthqTokens.debug.offered';
export function registerDebugInjection(
  terminal: TerminalToken,
  config: Config,
  state: vscode.Memento,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const provider: vscode.DebugConfigurationProvider = {
    resolveDebugConfiguration: (_folder, dbg) => {
      const out = withTokenEnv(dbg, terminal.value(), config.injectIntoDebugSessions);
      if (out !== dbg) log.info(`debug session "${dbg.name}": ${terminal.value()?.varName} added to its environment`);
      return out;
    },
  };
  const offer = async (session: vscode.DebugSession) => {
    if (config.injectIntoDebugSessions || state.get(OFFERED_KEY) || !vscode.workspace.isTrusted) return;
    const program = session.configuration.program;
    const uri =
      typeof program === 'string' && path.isAbsolute(program)
        ? vscode.Uri.file(program)
        : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const varName = config.envVarName;
    if (!offerFor(session.type, text, varName)) return;
    await state.update(OFFERED_KEY, true);
    const active = terminal.status;
    const choice = await vscode.window.showInformationMessage(
      `${path.basename(uri.path)} reads ${varName}. Give debug sessions ${active ? `the token "${active.name}"` : 'a PredictHQ token'} in ${varName}, from the next launch? Nothing is written to launch.json.`,
      'Use in Debug Sessions',
    );
    if (choice !== 'Use in Debug Sessions') return;
    if (!active) await vscode.commands.executeCommand('predicthqTokens.useInTerminals');
    await config.setInjectIntoDebugSessions(true);
  };
  return [
    vscode.debug.registerDebugConfigurationProvider('*', provider),
    vscode.debug.onDidStartDebugSession((s) => void offer(s).catch(() => undefined)),
  ];
}
