// Bundles the CLI into one file, dist/cli.js (bin `phq-tokens`): one esbuild context,
// node platform, CommonJS, with a shebang. `node build.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, 'dist', 'cli.js');
const watch = process.argv.includes('--watch');

const ctx = await esbuild.context({
  entryPoints: [path.join(here, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  minify: false,
  legalComments: 'eof', // keep the bundled libraries' license notices
  // `node --` stops Node 20 from reading our `--env-file` option as its own (it exits 9
  // when the file does not exist yet): nodejs/node#54232, fixed only for args after `--`.
  banner: { js: '#!/usr/bin/env -S node --' },
  logLevel: 'warning',
  plugins: [
    {
      name: 'report-size',
      setup(build) {
        build.onEnd((r) => {
          if (r.errors.length > 0) return;
          chmodSync(outfile, 0o755);
          console.log(`cli: dist/cli.js ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
        });
      },
    },
  ],
});

if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
}
