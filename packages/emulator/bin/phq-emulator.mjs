#!/usr/bin/env node
// The package's bin: a committed file, so that pnpm can link it at install time (before the
// build); it runs the bundle the build makes.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundle = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('phq-emulator: not built yet; run "npm start" or "npm test" at the repository root first.\n');
  process.exit(1);
}
createRequire(import.meta.url)(bundle.pathname);
