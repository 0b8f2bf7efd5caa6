// Which workspace folder's .env "Save to .env" writes: the folder of the active editor, or the
// only folder; in a multi-root workspace with no editor in a folder, nothing says which, so the
// user is asked (a silent choice once wrote alpha/.env while the user worked on beta).
import * as vscode from 'vscode';
import { CancelledError } from '../errors/describe';
import { obviousFolder } from './obviousFolder';

/** The folder to save into, asking when it is not obvious; undefined when no folder is open. */
export async function envFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const choice = obviousFolder(
    vscode.workspace.workspaceFolders ?? [],
    active && vscode.workspace.getWorkspaceFolder(active),
  );
  if (choice !== 'ask') return choice;
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: 'Save the token to the .env of which folder?',
    ignoreFocusOut: true,
  });
  if (!picked) throw new CancelledError();
  return picked;
}
