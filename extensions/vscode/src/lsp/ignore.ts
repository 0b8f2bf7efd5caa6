// Whether a document matches one of the user's ignore globs (setting predicthqTokens.ignore).
import * as vscode from 'vscode';

export function isIgnored(uri: vscode.Uri, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return false;
  return globs.some((g) => vscode.languages.match({ pattern: g }, doc) > 0);
}
