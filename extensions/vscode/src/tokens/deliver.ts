// Where a token value goes when the user asks: the clipboard (optionally cleared after N s
// if it still holds the value), the editor at the cursor, or a .env file that .gitignore
// covers. Nothing here logs the value.
import { chmod, stat, writeFile } from 'node:fs/promises';
import { IgnoreRules } from '@phq-tokens/files';
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

/**
 * Makes a local .env owner-only before a token goes in: a new file is created empty with
 * mode 600 (vscode.workspace.fs would create it with the umask's, often 644), an existing
 * one readable by group or others loses that access. Returns the mode it had when it was
 * changed. Not on Windows (no such bits) nor for remote file systems (no mode to set).
 */
async function makePrivate(envFile: vscode.Uri): Promise<number | undefined> {
  if (envFile.scheme !== 'file' || process.platform === 'win32') return undefined;
  try {
    await writeFile(envFile.fsPath, '', { mode: 0o600, flag: 'wx' });
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const was = (await stat(envFile.fsPath)).mode & 0o777;
  if ((was & 0o077) === 0) return undefined;
  await chmod(envFile.fsPath, (was & 0o700) | 0o600);
  return was;
}

/**
 * Sets VAR=value in <folder>/.env and makes sure <folder>/.gitignore covers .env; the .env
 * is owner-only (`tightenedFrom`: the mode it had when group or others could read it).
 */
export async function saveToEnv(
  folder: vscode.Uri,
  varName: string,
  value: string,
): Promise<{ envFile: vscode.Uri; gitignoreUpdated: boolean; tightenedFrom?: number }> {
  const envFile = vscode.Uri.joinPath(folder, '.env');
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
  const tightenedFrom = await makePrivate(envFile);
  const envText = (await readText(envFile)) ?? '';
  await vscode.workspace.fs.writeFile(envFile, Buffer.from(upsertEnvVar(envText, varName, value).text, 'utf8'));
  return { envFile, gitignoreUpdated, ...(tightenedFrom !== undefined && { tightenedFrom }) };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}
