// The status bar item of "Use Token in Terminals": which token new terminals get (its name,
// never its value), or why they get none; a click offers Stop Using.
import * as vscode from 'vscode';
import type { TerminalToken } from './terminalToken';

export const TERMINAL_MENU_COMMAND = 'predicthqTokens.terminalTokenMenu';

export class TerminalStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'predicthqTokens.terminalToken',
    vscode.StatusBarAlignment.Left,
    9,
  );
  private readonly subscription: vscode.Disposable;
  private shown = false;

  constructor(private readonly terminal: TerminalToken) {
    this.item.name = 'PredictHQ Token in Terminals';
    this.item.command = TERMINAL_MENU_COMMAND;
    this.subscription = terminal.onDidChange(() => this.update());
    this.update();
  }

  get text(): string {
    return this.shown ? this.item.text : '';
  }

  get tooltip(): string {
    const t = this.item.tooltip;
    return typeof t === 'string' ? t : (t?.value ?? '');
  }

  update(): void {
    const s = this.terminal.status;
    if (!s) {
      this.item.hide();
      this.shown = false;
      return;
    }
    if (s.applied) {
      this.item.text = `$(terminal) ${s.varName}: ${s.name}`;
      this.item.tooltip = `New terminals get the PredictHQ token "${s.name}" in ${s.varName}. Existing terminals keep their environment until relaunched. Click to stop using it.`;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(shield) ${s.varName}: not in terminals`;
      this.item.tooltip = `"${s.name}" is not put into terminals: ${s.blocked ?? ''}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
