// Where a token value goes when the user asks: the clipboard (optionally cleared after N s
// if it still holds the value), the editor at the cursor, or a .env file that .gitignore
// covers. Nothing here logs the value.
import * as vscode from 'vscode';
import { addGitignoreEntry, gitignoreCovers, upsertEnvVar } from '../envFile';

export async function copyToClipboard(
  value: string,
  clearAfterSeconds: number,
  log: vscode.LogOutputChannel,
): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  if (clearAfterSeconds > 0) {
    const timer = setTimeout(() => {
      void (async () => {
        // Only clear what we put there: the user may have copied something else since.
        if ((await vscode.env.clipboard.readText()) === value) {
          await vscode.env.clipboard.writeText('');
          log.info('cleared the token from the clipboard');
        }
      })();
    }, clearAfterSeconds * 1000);
    timer.unref?.();
  }
}

export async function insertAtCursor(value: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  return editor.edit((b) => {
    for (const s of editor.selections) b.replace(s, value);
  });
}

/** Sets VAR=value in <folder>/.env and makes sure <folder>/.gitignore covers .env. */
export async function saveToEnv(
  folder: vscode.Uri,
  varName: string,
  value: string,
): Promise<{ envFile: vscode.Uri; gitignoreUpdated: boolean }> {
  const envFile = vscode.Uri.joinPath(folder, '.env');
  const gitignore = vscode.Uri.joinPath(folder, '.gitignore');
  // .gitignore first: the secret must never sit in a file git would pick up.
  const ignoreText = await readText(gitignore);
  let gitignoreUpdated = false;
  if (!gitignoreCovers(ignoreText ?? '', '.env')) {
    await vscode.workspace.fs.writeFile(gitignore, Buffer.from(addGitignoreEntry(ignoreText ?? '', '.env'), 'utf8'));
    gitignoreUpdated = true;
  }
  const envText = (await readText(envFile)) ?? '';
  await vscode.workspace.fs.writeFile(envFile, Buffer.from(upsertEnvVar(envText, varName, value).text, 'utf8'));
  return { envFile, gitignoreUpdated };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}
