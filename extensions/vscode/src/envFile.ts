// Pure helpers for "Save to .env": set one variable in .env text, and check that a
// .gitignore covers the .env file (using `ignore`, which implements git's matching rules).
import ignore from 'ignore';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** Returns the new .env text with `name` set to `value` (replacing an existing assignment). */
export function upsertEnvVar(text: string, name: string, value: string): { text: string; replaced: boolean } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length ? text.split(/\r?\n/) : [];
  let replaced = false;
  const out = lines.map((l) => {
    const m = LINE.exec(l);
    if (m && m[1] === name && !replaced) {
      replaced = true;
      return `${name}=${value}`;
    }
    return l;
  });
  if (!replaced) {
    if (out.length && out[out.length - 1] === '') out.pop();
    out.push(`${name}=${value}`, '');
  }
  return { text: out.join(eol), replaced };
}

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
