// Bundles the CLI into dist/cli.js (bin `phq-tokens`, a dispatcher), dist/main.js and
// dist/scan.js (see src/cli.ts): one esbuild context,
// node platform, CommonJS, with a shebang. `node build.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle, reportSize } from '../../scripts/esbuild-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfiles = ['cli.js', 'main.js', 'scan.js'].map((f) => path.join(here, 'dist', f));
const watch = process.argv.includes('--watch');

const ctx = await esbuild.context({
  // cli.js is the bin, a dispatcher: `scan` -> scan.js (no API client), the rest -> main.js.
  entryPoints: {
    cli: path.join(here, 'src', 'cli.ts'),
    main: path.join(here, 'src', 'main-cli.ts'),
    scan: path.join(here, 'src', 'scan-cli.ts'),
  },
  outdir: path.join(here, 'dist'),
  ...nodeBundle,
  // Paths in the bundle's comments are relative to this folder whatever the caller's cwd, so
  // the committed copy of scan.js (bundled/, docs/release.md) is reproducible byte for byte.
  absWorkingDir: here,
  legalComments: 'eof', // keep the bundled libraries' license notices
  // A native binary (prebuilt, per platform): required from node_modules on first use (src/run/keyring.ts).
  external: ['@napi-rs/keyring'],
  // `node --` stops Node 20 from reading our `--env-file` option as its own (it exits 9
  // when the file does not exist yet): nodejs/node#54232, fixed only for args after `--`.
  // --max-semi-space-size=4 (MiB per young-generation half; Node 20's default here is 8):
  // a scan allocates one short-lived string per file, and the smaller young generation took
  // the peak RSS of the benchmark scan from ~97 to ~90 MiB at no measurable CPU cost.
  banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=4 --' },
  plugins: [
    {
      // core's modules only declare things: telling esbuild so lets `scan` import PhqError
      // (errors.ts) without evaluating the API client and undici (see src/scan-program.ts).
      name: 'core-side-effect-free',
      setup(build) {
        const coreDir = path.resolve(here, '..', 'core', 'src') + path.sep;
        build.onResolve({ filter: /.*/ }, async (args) => {
          if (args.pluginData?.skip) return undefined;
          const fromCore = args.importer.startsWith(coreDir) && args.path.startsWith('.');
          if (!fromCore && args.path !== '@phq-tokens/core') return undefined;
          const r = await build.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: { skip: true },
          });
          return r.errors.length > 0 ? undefined : { ...r, sideEffects: false };
        });
      },
    },
    reportSize('cli', outfiles, { executable: true }),
  ],
});

if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
}
