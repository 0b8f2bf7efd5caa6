// Runs git for the history view (reading a file at a commit): stdout as bytes, git's stderr as the error.
import { execFile } from 'node:child_process';

export function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) => {
      if (e) reject(new Error(stderr.toString().trim() || e.message));
      else resolve(stdout);
    });
  });
}
