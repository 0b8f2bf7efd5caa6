// Bundles the emulator bin into one file, dist/bin.js (bin `phq-emulator`): one esbuild
// context, node platform, CommonJS, fully bundled. Prints the size, then a smoke check
// starts the bundle, calls GET /v1/account/ with the printed credential and stops it
// with SIGTERM. `node build.mjs --watch` rebuilds on change (no smoke check).
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle, reportSize } from '../../scripts/esbuild-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, 'dist', 'bin.js');
const watch = process.argv.includes('--watch');

const ctx = await esbuild.context({
  entryPoints: [path.join(here, 'src', 'bin.ts')],
  outfile,
  ...nodeBundle,
  banner: { js: '#!/usr/bin/env node' },
  plugins: [reportSize('emulator', [outfile], { executable: true })],
});

/** Starts the bundle on an ephemeral port and expects the seeded account to answer. */
function smoke() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outfile, '--json', '--no-seed', '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('smoke: the emulator did not start within 10 s'));
    }, 10_000);
    let out = '';
    child.stdout.on('data', async (d) => {
      out += d;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      try {
        const { url, credential } = JSON.parse(out.split('\n')[0]);
        const res = await fetch(`${url}/v1/account/`, { headers: { authorization: `Bearer ${credential}` } });
        if (res.status !== 200) throw new Error(`smoke: GET /v1/account/ answered ${res.status}`);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`smoke: exit code ${code}`))));
        child.kill('SIGTERM');
      } catch (e) {
        child.kill('SIGKILL');
        reject(e);
      }
    });
    child.on('error', reject);
  });
}

if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
  await smoke();
  console.log('emulator: smoke check passed (GET /v1/account/, clean SIGTERM)');
}
