// Whether git would carry a file (@phq-tokens/files, the one answer for the whole product):
// decides how the server talks about a token written in that file: a known token in a file
// git ignores (a local .env) is a hint; anywhere git would commit it, an error. Reads only
// ignore files and `.git` entries, never the document. The rules are cached per folder and
// dropped when the client's watcher reports an ignore file or a .git changed
// (`watchIgnoreFiles`); a client that cannot watch for us gets them read again every 5 s.
import { fileURLToPath } from 'node:url';
import { IgnoreRules, type GitStatus } from '@phq-tokens/files';

export type { GitStatus };

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

/** The git status of a `file:` URI; other schemes (untitled, notebooks) have no repository. */
export function gitStatus(uri: string): GitStatus {
  if (!uri.startsWith('file:')) return 'no-repository';
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return 'no-repository';
  }
  return rules.status(file);
}
