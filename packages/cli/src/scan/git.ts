// Talking to git for `scan --staged / --since / --history`: git itself is the parser of its
// object store (packs, deltas, alternates, partial clones), so we shell out to it rather than
// read .git with a library. Every output that carries paths is read with -z, as bytes.
import { spawn } from 'node:child_process';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { decodeName } from './raw-name';

/** A git command that failed; `stderr` is git's own message. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Runs git in `cwd` and resolves with its stdout (bytes); rejects with git's stderr on failure. */
export function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(err.trim() || `git ${args[0]} exited with ${code}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** NUL-separated output (-z) as strings; bytes of a name that are not UTF-8 are kept (raw-name.ts). */
export function splitZ(b: Buffer): string[] {
  const parts: string[] = [];
  for (let at = 0; at < b.length;) {
    const nul = b.indexOf(0, at);
    const end = nul < 0 ? b.length : nul;
    parts.push(decodeName(b.subarray(at, end)));
    at = end + 1;
  }
  return parts;
}

/** Exit 2 with a clear message when `cwd` is not inside a git repository. */
export async function requireRepo(cwd: string): Promise<{ shallow: boolean; bare: boolean }> {
  let out: string;
  try {
    out = (await git(cwd, ['rev-parse', '--is-shallow-repository', '--is-bare-repository'])).toString();
  } catch (e) {
    throw notARepo(cwd, e);
  }
  const [shallow, bare] = out.split('\n');
  return { shallow: shallow === 'true', bare: bare === 'true' };
}

export function notARepo(cwd: string, e: unknown): CliError {
  const why = e instanceof GitError && /not a git repository/i.test(e.message) ? '' : ` (${(e as Error).message})`;
  return new CliError(`Not a git repository: ${cwd}${why}. --staged, --since and --history need one.`, ExitCode.usage);
}

/** Resolves a revision to a commit id; a typo is a usage error, not "nothing changed". */
export async function resolveCommit(cwd: string, rev: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])).toString().trim();
  } catch {
    throw new CliError(`Unknown revision "${rev}" (not a commit in this repository).`, ExitCode.usage);
  }
}

export type BlobResult =
  | { kind: 'blob'; data: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'other' } // a commit or tree (rev-list --objects lists them too)
  | { kind: 'error'; message: string };

/**
 * Streams objects through one `git cat-file --batch`, calling `onObject` for each in order.
 * Contents over `maxBytes` are passed over, never held. If git dies on an object (a corrupt
 * loose object is fatal to cat-file), that object is reported as an error and a new cat-file
 * carries on with the next one, so one bad blob never ends the scan.
 */
export async function catObjects(
  cwd: string,
  oids: readonly string[],
  maxBytes: number,
  onObject: (index: number, r: BlobResult) => void,
): Promise<void> {
  let from = 0;
  while (from < oids.length) {
    const { done, stderr } = await catFrom(cwd, oids, from, maxBytes, onObject);
    if (done >= oids.length) return;
    const lastLine = stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'git cat-file failed';
    onObject(done, { kind: 'error', message: lastLine.replace(/^(fatal|error): /, '') });
    from = done + 1;
  }
}

/** One cat-file process from `from`; resolves with the index of the first object not answered. */
function catFrom(
  cwd: string,
  oids: readonly string[],
  from: number,
  maxBytes: number,
  onObject: (index: number, r: BlobResult) => void,
): Promise<{ done: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch', '--buffer'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let next = from;
    let stderr = '';
    let header = Buffer.alloc(0);
    // The object whose content is being read: where it goes and how much is still to come.
    let body: { size: number; got: number; data: Buffer | null; blob: boolean } | null = null;
    let trailer = false; // the "\n" after each content

    const finishBody = () => {
      const b = body!;
      onObject(
        next,
        !b.blob ? { kind: 'other' } : b.data ? { kind: 'blob', data: b.data } : { kind: 'too-large', size: b.size },
      );
      body = null;
      trailer = true;
      next++;
    };

    child.stdout.on('data', (chunk: Buffer) => {
      let at = 0;
      while (at < chunk.length) {
        if (trailer) {
          at++; // the newline after a content
          trailer = false;
          continue;
        }
        if (body) {
          const take = Math.min(body.size - body.got, chunk.length - at);
          if (body.data) chunk.copy(body.data, body.got, at, at + take);
          body.got += take;
          at += take;
          if (body.got === body.size) finishBody();
          continue;
        }
        const nl = chunk.indexOf(10, at);
        if (nl < 0) {
          header = Buffer.concat([header, chunk.subarray(at)]);
          return;
        }
        const line = Buffer.concat([header, chunk.subarray(at, nl)]).toString('latin1');
        header = Buffer.alloc(0);
        at = nl + 1;
        const [, type, sizeText] = line.split(' ');
        if (sizeText === undefined) {
          // "<oid> missing" (or ambiguous): git could not find it.
          onObject(next++, { kind: 'error', message: `object ${type ?? 'unreadable'}` });
          continue;
        }
        const size = Number(sizeText);
        const blob = type === 'blob';
        body = { size, got: 0, data: blob && size <= maxBytes ? Buffer.allocUnsafe(size) : null, blob };
        if (size === 0) finishBody();
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', () => resolve({ done: next, stderr }));
    child.stdin.on('error', () => undefined);
    // Write in slices so that a huge list does not become one huge string.
    const SLICE = 4096;
    let i = from;
    const pump = (): void => {
      while (i < oids.length) {
        const part = oids.slice(i, i + SLICE).join('\n') + '\n';
        i += SLICE;
        if (!child.stdin.write(part)) {
          child.stdin.once('drain', pump);
          return;
        }
      }
      child.stdin.end();
    };
    pump();
  });
}
