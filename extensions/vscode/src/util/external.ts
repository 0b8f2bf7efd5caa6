// Opening the PredictHQ WebApp in the user's browser. One function so the extension-host
// tests can record what would open (they cannot drive a browser window) and go on.
import * as vscode from 'vscode';

let recorder: ((url: string) => void) | undefined;

export function openExternal(url: string): Thenable<boolean> {
  if (recorder) {
    recorder(url);
    return Promise.resolve(true);
  }
  return vscode.env.openExternal(vscode.Uri.parse(url));
}

/** Tests only: record URLs instead of opening them; returns the list and a restore function. */
export function recordOpenExternal(): { urls: string[]; restore: () => void } {
  const urls: string[] = [];
  recorder = (u) => urls.push(u);
  return { urls, restore: () => (recorder = undefined) };
}
