// Which processes of a process group are still alive: how the demo and the UI suite prove
// that stopping leaves no orphans (code-server forks extension hosts and file watchers).
import { spawnSync } from 'node:child_process';

/** Live processes (pid, command) whose process group id is one of `pgids`. */
export function processesInGroups(pgids) {
  const wanted = new Set(pgids.map(Number));
  const r = spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/))
    .filter((m) => m && wanted.has(Number(m[2])) && !m[3].startsWith('Z'))
    .map((m) => ({ pid: Number(m[1]), command: m[4].slice(0, 120) }));
}
