// Pure helpers for "Save to .env": check that a .gitignore covers the .env file (using
// `ignore`, which implements git's matching rules). The .env text edit itself is detect's
// setEnvVar, shared with the CLI.
import ignore from 'ignore';

/** Whether `relPath` (posix, relative to the .gitignore's folder) is ignored by that .gitignore text. */
export function gitignoreCovers(gitignoreText: string, relPath: string): boolean {
  return ignore().add(gitignoreText).ignores(relPath);
}

/** .gitignore text with an entry for `relPath` appended (keeps the file's line ending). */
export function addGitignoreEntry(gitignoreText: string, relPath: string): string {
  const eol = gitignoreText.includes('\r\n') ? '\r\n' : '\n';
  const sep = gitignoreText.length === 0 || gitignoreText.endsWith('\n') ? '' : eol;
  return `${gitignoreText}${sep}# secrets (added by PredictHQ Tokens)${eol}${relPath}${eol}`;
}
