// One rotation of a token at a time on this machine: a lock file next to the CLI config
// (docs/cli.md, "Rotate"). A second `rotate` of the same token refuses instead of creating a
// second replacement; a lock left by a process that no longer runs is taken over and said
// (the caller reports it, and resumes from the journal that process left: rotate-journal.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configDir } from './config';
import { CliError, ExitCode } from './exit-codes';

export function rotateLockFile(tokenId: string): string {
  return path.join(configDir(), `rotate-${tokenId}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface RotationLock {
  release(): void;
  /** The lock this one replaced: its process no longer runs (killed, crashed). */
  stale?: { pid: number | undefined; file: string };
}

/** Takes the lock for `tokenId`. Throws exit 1 when a running process holds it. */
export function lockRotation(tokenId: string): RotationLock {
  const file = rotateLockFile(tokenId);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let stale: RotationLock['stale'];
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { mode: 0o600, flag: 'wx' });
      return { release: () => rmSync(file, { force: true }), ...(stale && { stale }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    } catch {
      // Removed meanwhile: try again.
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new CliError(
        `Another rotation of ${tokenId} is running (process ${pid}); nothing was changed. ` +
          `Wait for it to finish. If no rotation is running, remove ${file} and try again.`,
        ExitCode.failed,
      );
    }
    if (attempt > 0) throw new CliError(`Could not take the rotation lock ${file}.`, ExitCode.failed);
    stale = { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, file };
    rmSync(file, { force: true }); // stale: its process is gone
  }
}
