// Whether git would carry a file (@phq-tokens/files, the one answer for the whole product):
// decides how the server talks about a token written in that file: a known token in a file
// git ignores (a local .env) is a hint; anywhere git would commit it, an error. Reads only
// ignore files and `.git` entries, never the document. The rules are cached per folder and
// dropped when the client's watcher reports an ignore file or a .git changed
// (`watchIgnoreFiles`); a client that cannot watch for us gets them read again every 5 s.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStamp, IgnoreRules, type GitStatus as FileGitStatus } from '@phq-tokens/files';
import { notebookFileUri } from './notebookCells';

/** `unknown`: not a file (an untitled buffer), so nothing says where it will be saved. */
export type GitStatus = FileGitStatus | 'unknown';

/** What the client's file watcher reports for (registered by server.ts when the client can). */
export const IGNORE_FILE_GLOBS = ['**/.gitignore', '**/.git', '**/.git/info/exclude'];

let rules = new IgnoreRules({ maxAgeMs: 5_000 });

/** The client watches ignore files for us: cache until told. */
export function watchIgnoreFiles(): void {
  rules = new IgnoreRules();
}

/** An ignore file or a .git changed (a `file:` URI): what was read there is read again. */
export function ignoreFileChanged(uri: string): void {
  try {
    rules.invalidate(fileURLToPath(uri));
  } catch {
    rules.invalidate();
  }
}

/** Stamp of each judged file's own folder's .gitignore, as last seen ('missing': none). */
const folderStamps = new Map<string, string>();

/**
 * The .gitignore beside a file, checked on every call (one stat; gitStatus is asked only for
 * files with a finding of a token): the extension's Save to .env writes it and then the .env,
 * and the .env must be judged by the new rules at once, not after the watcher's event.
 */
function freshen(file: string): void {
  const dir = path.dirname(file);
  const stamp = fileStamp(path.join(dir, '.gitignore'));
  const before = folderStamps.get(dir);
  if (before !== undefined && before !== stamp) rules.invalidate(path.join(dir, '.gitignore'));
  folderStamps.set(dir, stamp);
}

/**
 * The git status of a `file:` URI, or of the notebook a `vscode-notebook-cell:` URI is a cell
 * of; other schemes (untitled) are `unknown`.
 */
export function gitStatus(uri: string): GitStatus {
  const fileUri = notebookFileUri(uri);
  if (!fileUri.startsWith('file:')) return 'unknown';
  let file: string;
  try {
    file = fileURLToPath(fileUri);
  } catch {
    return 'unknown';
  }
  freshen(file);
  return rules.status(file);
}
