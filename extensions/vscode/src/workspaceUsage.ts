// "Does this workspace use the token?" for the delete confirmation: looks for the stored
// value in open documents and in workspace files (bounded, honouring the ignore globs).
import * as vscode from 'vscode';

const MAX_FILES = 2000;
const MAX_BYTES = 1024 * 1024;

export async function filesUsingValue(
  value: string,
  ignoreGlobs: string[],
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const hits = new Map<string, vscode.Uri>();
  for (const doc of vscode.workspace.textDocuments)
    if (doc.getText().includes(value)) hits.set(doc.uri.toString(), doc.uri);
  if (!vscode.workspace.workspaceFolders?.length) return [...hits.values()];
  const exclude = `{**/node_modules/**,**/.git/**${ignoreGlobs.map((g) => `,${g}`).join('')}}`;
  const files = await vscode.workspace.findFiles('**/*', exclude, MAX_FILES, token);
  for (const uri of files) {
    if (token?.isCancellationRequested || hits.has(uri.toString())) continue;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) continue;
      if (Buffer.from(await vscode.workspace.fs.readFile(uri)).includes(value)) hits.set(uri.toString(), uri);
    } catch {
      /* unreadable: skip */
    }
  }
  return [...hits.values()];
}
