// The rule for "which folder's .env" (pure, unit tested; src/tokens/envFolder.ts asks VS Code).

/** The folder when it is obvious; 'ask' when several could be meant; undefined when none is open. */
export function obviousFolder<F>(folders: readonly F[], activeFolder: F | undefined): F | 'ask' | undefined {
  if (activeFolder !== undefined) return activeFolder;
  if (folders.length <= 1) return folders[0];
  return 'ask';
}
