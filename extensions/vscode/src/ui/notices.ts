// Toasts whose words matter (what a rename changed, which folder a .env went to, a rate-limit
// wait): shown through here so the extension-host tests can read what the user was told.
// Only our own wording passes here, never a value.
import * as vscode from 'vscode';

const recent: string[] = [];

/** Records a message shown another way (a progress notification). */
export function remember(message: string): void {
  recent.push(message);
  if (recent.length > 50) recent.shift();
}

export function info<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  remember(message);
  return vscode.window.showInformationMessage(message, ...items);
}

export function warn<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  remember(message);
  return vscode.window.showWarningMessage(message, ...items);
}

export function error<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  remember(message);
  return vscode.window.showErrorMessage(message, ...items);
}

/** The last toasts shown through here, oldest first. */
export function recentNotices(): readonly string[] {
  return [...recent];
}
