// Where a token value goes when the user asks: the clipboard (optionally cleared after N s
// if it still holds the value), the editor at the cursor, or a .env file that .gitignore
// covers. Nothing here logs the value.
import { planEnvFile, writeEnvFile } from '@phq-tokens/core/envFile';
import { setEnvVar } from '@phq-tokens/detect/env-file';
import { IgnoreRules } from '@phq-tokens/files';
import * as vscode from 'vscode';
import { addGitignoreEntry, gitignoreCovers } from '../envFile';

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

/**
 * Sets VAR=value in <folder>/.env and makes sure <folder>/.gitignore covers .env. On disk the
 * write follows the policy the CLI follows too (core's envFile.ts): a symbolic link is written
 * through, a read-only file or a link to nothing is refused before anything changes, a new
 * file is mode 600 and one readable by others becomes owner-only (`tightenedFrom`: its mode).
 * Elsewhere (a remote file system: no links or modes to decide on) through workspace.fs.
 */
export async function saveToEnv(
  folder: vscode.Uri,
  varName: string,
  value: string,
): Promise<{ envFile: vscode.Uri; gitignoreUpdated: boolean; tightenedFrom?: number }> {
  const envFile = vscode.Uri.joinPath(folder, '.env');
  const onDisk = envFile.scheme === 'file';
  if (onDisk) planEnvFile(envFile.fsPath); // refuses (EnvFileRefused, naming the file) before any change
  const gitignore = vscode.Uri.joinPath(folder, '.gitignore');
  // .gitignore first: the secret must never sit in a file git would pick up.
  const ignoreText = await readText(gitignore);
  let gitignoreUpdated = false;
  // Local folders: git's own rules (every .gitignore up to the repository root, info/exclude),
  // the one answer the CLI and the language server give (@phq-tokens/files); other schemes:
  // the folder's .gitignore text.
  const covered =
    envFile.scheme === 'file' ? new IgnoreRules().ignored(envFile.fsPath) : gitignoreCovers(ignoreText ?? '', '.env');
  if (!covered) {
    await vscode.workspace.fs.writeFile(gitignore, Buffer.from(addGitignoreEntry(ignoreText ?? '', '.env'), 'utf8'));
    gitignoreUpdated = true;
  }
  if (onDisk) {
    const w = writeEnvFile(envFile.fsPath, (text) => setEnvVar(text ?? '', varName, value).text);
    return { envFile, gitignoreUpdated, ...(w.tightenedFrom !== undefined && { tightenedFrom: w.tightenedFrom }) };
  }
  const envText = (await readText(envFile)) ?? '';
  await vscode.workspace.fs.writeFile(envFile, Buffer.from(setEnvVar(envText, varName, value).text, 'utf8'));
  return { envFile, gitignoreUpdated };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}
