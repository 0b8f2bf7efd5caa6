#!/usr/bin/env node
// `npm run bench`: installs what it needs, then runs the detection benchmark (bench/run.mjs).
import path from 'node:path';
import { ensurePnpm, root, run } from './lib.mjs';

const pnpm = ensurePnpm();
pnpm(['install', '--reporter=append-only']);
run(process.execPath, [path.join(root, 'bench', 'run.mjs'), ...process.argv.slice(2)]);
