// What every Node bundle of ours shares (CLI, emulator bin, language server): one esbuild
// context each, fully bundled CommonJS for Node 20, and its size printed after each build.
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';

export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/** An esbuild plugin: after a build without errors, prints `label: dist/x.js N KiB` (and chmods bins). */
export function reportSize(label, files, { executable = false } = {}) {
  return {
    name: 'report-size',
    setup(build) {
      build.onEnd((r) => {
        if (r.errors.length > 0) return;
        for (const f of files) {
          if (executable) chmodSync(f, 0o755);
          const rel = path.join(path.basename(path.dirname(f)), path.basename(f));
          console.log(`${label}: ${rel} ${(statSync(f).size / 1024).toFixed(1)} KiB`);
        }
      });
    },
  };
}
