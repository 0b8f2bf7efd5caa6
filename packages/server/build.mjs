// Bundles the language server into one file, dist/server.js: one esbuild context, fully
// bundled (no runtime node_modules), node platform, CommonJS. Prints the size, then a smoke
// check starts the bundle over stdio and expects an answer to `initialize`.
// `node build.mjs --watch` rebuilds on change (no smoke check).
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle, reportSize } from '../../scripts/esbuild-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, 'dist', 'server.js');
const watch = process.argv.includes('--watch');

const ctx = await esbuild.context({
  entryPoints: [path.join(here, 'src', 'main.ts')],
  outfile,
  ...nodeBundle,
  plugins: [reportSize('server', [outfile])],
});

/** Starts the bundle with --stdio, sends initialize, waits for its result (10 s at most). */
function smoke() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outfile, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('smoke: no initialize answer within 10 s'));
    }, 10_000);
    let buf = Buffer.alloc(0);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString('utf8'));
      clearTimeout(timer);
      if (msg.id !== 1 || !msg.result?.capabilities?.textDocumentSync) {
        child.kill();
        reject(new Error(`smoke: unexpected answer ${JSON.stringify(msg).slice(0, 200)}`));
        return;
      }
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
      child.stdin.end();
      resolve();
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}

if (watch) {
  await ctx.watch();
} else {
  await ctx.rebuild();
  await ctx.dispose();
  await smoke();
  console.log('server: smoke check passed (initialize over stdio)');
}
