// One rotation of a token at a time on this machine: a lock file next to the CLI config
// (docs/cli.md, "Rotate"). A second `rotate` of the same token refuses instead of creating a
// second replacement; a lock left by a process that no longer runs is taken over.
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

/** Takes the lock for `tokenId`; returns the release function. Throws exit 1 when it is held. */
export function lockRotation(tokenId: string): () => void {
  const file = rotateLockFile(tokenId);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { mode: 0o600, flag: 'wx' });
      return () => rmSync(file, { force: true });
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
    rmSync(file, { force: true }); // stale: its process is gone
  }
}
