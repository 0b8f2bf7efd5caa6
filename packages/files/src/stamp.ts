// A file's version as far as a cache needs it: modification time and size, or 'missing'.
// Equal stamps, same content for every practical purpose (a rewrite changes the time).
import { statSync } from 'node:fs';

export function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}
