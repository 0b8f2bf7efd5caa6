// Running and timing the tools of a benchmark: wall time measured here, CPU and peak RSS
// from /usr/bin/time.
import { spawnSync } from 'node:child_process';

export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** Runs a command under /usr/bin/time: wall time (ms, measured here) and peak RSS (MiB). */
export function timed(cmd, args, cwd, env) {
  const t = performance.now();
  const r = sh('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', cmd, ...args], {
    cwd,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - t;
  const m = /PEAK_RSS_KB=(\d+) CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return {
    ms,
    rssMiB: m ? Number(m[1]) / 1024 : NaN,
    cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : NaN,
    stdout: r.stdout,
    stderr: r.stderr,
    status: r.status,
  };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
