// The input box this extension is showing, so the extension-host tests can type into it and
// read what a user would see (never the text of a password box). VS Code has no command to
// type into a quick input; everything else (validation, accept, hide) stays the real box's.
import type * as vscode from 'vscode';

let active: vscode.InputBox | undefined;

/** Registers `box` as the one on screen until it hides; returns it. */
export function tracked(box: vscode.InputBox): vscode.InputBox {
  active = box;
  box.onDidHide(() => {
    if (active === box) active = undefined;
  });
  return box;
}

export interface InputBoxView {
  title: string | undefined;
  password: boolean;
  /** Whether the box holds any text (for a password box, all a test may know). */
  hasValue: boolean;
  /** The text, for boxes that are not password boxes. */
  value: string | undefined;
}

export function activeInputBox(): InputBoxView | undefined {
  if (!active) return undefined;
  return {
    title: active.title,
    password: active.password,
    hasValue: active.value.length > 0,
    value: active.password ? undefined : active.value,
  };
}

/** Replaces the text of the box on screen, as typing or pasting would; false when none is shown. */
export function typeIntoInputBox(text: string): boolean {
  if (!active) return false;
  active.value = text;
  return true;
}
