// The emulator as a child process (its bin, built by `npm start`/`npm test`), in its own
// process group: the demo shows its request log, and the UI tests keep that log as an
// artifact and drive its faults over HTTP, the way a person or CI would.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../extensions/vscode/scripts/ensure-code-server.mjs';

export const emulatorBin = path.join(repoRoot, 'packages', 'emulator', 'dist', 'bin.js');

/**
 * @param {object} o
 * @param {number} [o.port]      default 0 (ephemeral)
 * @param {string} o.logFile     request log (stderr of the bin)
 * @param {boolean} [o.echo]     also copy the request log to our stderr (the demo)
 * @param {boolean} [o.publicOnly] like api.predicthq.com: public families only, seeded token values in `tokens`
 * @returns {Promise<{url: string, credential?: string, tokens?: {name: string, value: string, scopes: string[], state: string}[], pid: number, logFile: string, stop: () => Promise<void>}>}
 */
export async function startEmulatorProcess({ port = 0, logFile, echo = false, publicOnly = false }) {
  if (!existsSync(emulatorBin)) throw new Error(`${emulatorBin} is missing: build first (npm start / npm test do)`);
  const log = createWriteStream(logFile);
  // detached => own process group, so a Ctrl+C in the terminal reaches only our script,
  // which then stops each group exactly once.
  const args = [emulatorBin, '--port', String(port), '--json', ...(publicOnly ? ['--public-only'] : [])];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  if (echo) child.stderr.pipe(process.stderr);
  let exited = false;
  const gone = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);
  function kill(signal) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }

  const first = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before it started; see ${logFile}`)));
  });
  const { url, credential, tokens } = JSON.parse(first);

  async function stop() {
    process.off('exit', onExit);
    if (!exited) {
      kill('SIGTERM'); // the bin flushes and exits 0 on SIGTERM
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000).unref())]);
      kill('SIGKILL');
    }
    log.end();
  }
  return { url, credential, tokens, pid: child.pid, logFile, stop };
}

/** Fault control over the emulator's HTTP API (no credential needed). */
export function faultControl(url) {
  return {
    async inject(spec) {
      const res = await fetch(`${url}/_emulator/faults/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
      if (res.status !== 201) throw new Error(`fault not injected (${res.status}): ${await res.text()}`);
    },
    async clear() {
      const res = await fetch(`${url}/_emulator/faults/`, { method: 'DELETE' });
      if (!res.ok) throw new Error(`faults not cleared (${res.status})`);
    },
  };
}
