// Entry point of the `phq-tokens` bin (bundled to dist/cli.js by build.mjs): a small
// dispatcher. `scan` runs in CI and pre-commit hooks, so its start-up matters: it has its
// own bundle, dist/scan.js (scan-cli.ts), without the management commands' HTTP client
// (undici: ~1 MB of code, ~0.07 s and ~20 MB to load); everything else is dist/main.js
// (main-cli.ts). Keeping this file small matters too: Node holds a script's whole source.
import { createRequire } from 'node:module';
import path from 'node:path';

// A computed path, loaded by Node at run time (the sibling bundle). CommonJS `require`, not
// `import()`: Node's ESM loader alone costs ~40 ms and ~13 MB (measured).
const bundle = process.argv[2] === 'scan' ? 'scan.js' : 'main.js';
createRequire(__filename)(path.join(__dirname, bundle));
