// Runs the user's command with the token in its environment and passes its outcome through
// (docs/cli.md, "run"): stdio inherited, SIGINT / SIGTERM / SIGHUP / SIGQUIT sent to
// phq-tokens are forwarded to the command, and phq-tokens exits with the command's exit
// code, or 128 + the signal's number when a signal ended it (as a shell reports it).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/** The exit status a shell would report for this outcome. */
export function statusOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return 128 + (constants.signals[signal] ?? 0);
  return code ?? 1;
}

export class CommandNotFound extends Error {
  override readonly name = 'CommandNotFound';
}

/** Spawns `argv` with `env`; resolves to its exit status once it has ended. */
export function runChild(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin: 'inherit' | 'ignore',
): Promise<number> {
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new Error('No command to run.'));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: [stdin, 'inherit', 'inherit'] });
    // While the command runs, signals are for it: a terminal's Ctrl+C reaches both (same
    // process group); a signal sent to phq-tokens alone (kill, a supervisor) is passed on.
    const forward = (sig: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    };
    for (const s of FORWARDED) process.on(s, forward);
    const done = () => {
      for (const s of FORWARDED) process.off(s, forward);
    };
    child.once('error', (e: NodeJS.ErrnoException) => {
      done();
      reject(
        e.code === 'ENOENT'
          ? new CommandNotFound(`${file}: command not found.`)
          : e.code === 'EACCES'
            ? new CommandNotFound(`${file}: permission denied.`)
            : e,
      );
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(statusOf(code, signal));
    });
  });
}
