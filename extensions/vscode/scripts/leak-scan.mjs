// The leak check after the run (docs/extension.md, "Tests in a real VS Code"): once code-server
// and Chromium have shut down and flushed everything (state databases, IndexedDB, storage
// folders, logs), every file they wrote is searched for the token values the suite used. The
// suite hands over only SHA-256 digests of the values (never a value); each run of token
// characters in a file is hashed window by window and compared.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** Local history and hot-exit backups are copies of workspace files the suite wrote values into on purpose. */
const EXCLUDED = /[\\/]User[\\/]History[\\/]|[\\/]Backups[\\/]|[\\/]extensions[\\/]/;
const RUN = /[A-Za-z0-9_-]+/g;

/**
 * Files under `roots` holding a value whose digest is in `digestsFile` (JSON: [{length, sha256}]).
 * Returns {scanned, hits: [relative path]}; undefined when the suite wrote no digests.
 */
export function scanForValues(roots, digestsFile) {
  if (!existsSync(digestsFile)) return undefined;
  const digests = JSON.parse(readFileSync(digestsFile, 'utf8'));
  const byLength = new Map();
  for (const d of digests) {
    if (!byLength.has(d.length)) byLength.set(d.length, new Set());
    byLength.get(d.length).add(d.sha256);
  }
  const lengths = [...byLength.keys()];
  const min = Math.min(...lengths);
  const hits = [];
  let scanned = 0;
  for (const root of roots)
    for (const f of existsSync(root) ? files(root) : []) {
      if (EXCLUDED.test(f) || statSync(f).size > 64 * 1024 * 1024) continue;
      scanned++;
      const text = readFileSync(f, 'latin1');
      let found = false;
      for (const m of text.matchAll(RUN)) {
        const run = m[0];
        if (run.length < min) continue;
        for (const len of lengths) {
          const want = byLength.get(len);
          for (let i = 0; i + len <= run.length && !found; i++)
            if (
              want.has(
                createHash('sha256')
                  .update(run.slice(i, i + len))
                  .digest('hex'),
              )
            )
              found = true;
        }
        if (found) break;
      }
      if (found) hits.push(path.relative(path.dirname(root), f));
    }
  return { scanned, hits };
}
