// "Does this workspace use the token?": looks for the stored value in open documents and in
// workspace files, honouring the ignore globs. The delete confirmation asks with small limits
// (a hint); a rotation asks with large ones and is told when a limit was reached, since a file
// it never looked at would keep the old value after the revoke.
import * as vscode from 'vscode';

export interface UsageLimits {
  /** At most this many files are listed. */
  maxFiles: number;
  /** Larger files are not read. */
  maxBytes: number;
}

export interface UsageResult {
  uris: vscode.Uri[];
  /** Files that were not looked at: more than maxFiles, or larger than maxBytes. */
  notSearched: { overFileLimit: boolean; tooLarge: vscode.Uri[] };
}

const HINT: UsageLimits = { maxFiles: 2000, maxBytes: 1024 * 1024 };

export async function filesUsingValue(
  value: string,
  ignoreGlobs: string[],
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  return (await searchValue(value, ignoreGlobs, HINT, token)).uris;
}

export async function searchValue(
  value: string,
  ignoreGlobs: string[],
  limits: UsageLimits,
  token?: vscode.CancellationToken,
): Promise<UsageResult> {
  const hits = new Map<string, vscode.Uri>();
  const tooLarge: vscode.Uri[] = [];
  for (const doc of vscode.workspace.textDocuments)
    if (doc.getText().includes(value)) hits.set(doc.uri.toString(), doc.uri);
  if (!vscode.workspace.workspaceFolders?.length)
    return { uris: [...hits.values()], notSearched: { overFileLimit: false, tooLarge } };
  const exclude = `{**/node_modules/**,**/.git/**${ignoreGlobs.map((g) => `,${g}`).join('')}}`;
  const files = await vscode.workspace.findFiles('**/*', exclude, limits.maxFiles, token);
  for (const uri of files) {
    if (token?.isCancellationRequested) break;
    if (hits.has(uri.toString())) continue;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > limits.maxBytes) {
        tooLarge.push(uri);
        continue;
      }
      if (Buffer.from(await vscode.workspace.fs.readFile(uri)).includes(value)) hits.set(uri.toString(), uri);
    } catch {
      /* unreadable: skip */
    }
  }
  return { uris: [...hits.values()], notSearched: { overFileLimit: files.length >= limits.maxFiles, tooLarge } };
}
