// The create-token quick input: step 1 name (validated as you type), step 2 scopes
// (multi-select, all selected by default, descriptions from the scope catalog).
import { validateTokenName, type ScopeInfo } from '../core';
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { tracked } from './inputBoxes';

export function askTokenName(opts: {
  title: string;
  value?: string;
  valueSelection?: [number, number];
  step?: number;
  totalSteps?: number;
}): Promise<string> {
  return new Promise((resolve, reject) => {
    const box = tracked(vscode.window.createInputBox());
    box.title = opts.title;
    box.step = opts.step;
    box.totalSteps = opts.totalSteps;
    box.value = opts.value ?? '';
    if (opts.valueSelection) box.valueSelection = opts.valueSelection;
    box.placeholder = 'e.g. Nightly export  (legacy style: "Client | Token")';
    box.prompt = 'Token name: up to 100 characters, at most one "|"';
    box.ignoreFocusOut = true;
    const validate = (v: string): string | undefined => {
      try {
        validateTokenName(v);
        return undefined;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    let done = false;
    box.onDidChangeValue((v) => (box.validationMessage = v ? validate(v) : undefined));
    box.onDidAccept(() => {
      const msg = validate(box.value);
      box.validationMessage = msg;
      if (msg) return;
      done = true;
      resolve(box.value.trim());
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      if (!done) reject(new CancelledError());
    });
    box.show();
  });
}

export function askScopes(catalog: readonly ScopeInfo[], preselected?: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    pick.title = 'Create PredictHQ token: scopes';
    pick.step = 2;
    pick.totalSteps = 2;
    pick.canSelectMany = true;
    pick.matchOnDetail = true;
    pick.placeholder = 'Choose the APIs this token may call (all are selected by default)';
    pick.ignoreFocusOut = true;
    pick.items = catalog.map((s) => ({
      id: s.id,
      label: s.label,
      description: s.pathPrefixes.join(', '),
      detail: s.description,
    }));
    const wanted = preselected && preselected.length > 0 ? new Set(preselected) : undefined;
    pick.selectedItems = pick.items.filter((i) => !wanted || wanted.has(i.id));
    let done = false;
    pick.onDidAccept(() => {
      if (pick.selectedItems.length === 0) {
        pick.placeholder = 'Choose at least one scope';
        return;
      }
      done = true;
      resolve(pick.selectedItems.map((i) => i.id));
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) reject(new CancelledError());
    });
    pick.show();
  });
}
