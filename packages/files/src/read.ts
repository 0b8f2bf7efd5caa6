// Reads a file once, deciding on the way whether it is worth judging: too large, binary (the
// same decisions for `phq-tokens scan` and Scan Workspace). Synchronous on purpose: an open, a
// read and a close cost a few microseconds, where each asynchronous call costs a round
// through the thread pool; callers read in slices and yield between them.
import { closeSync, fstatSync, openSync, readSync, type PathLike } from 'node:fs';
import { decodeBytes } from './decode';

export type ReadResult = { text: string } | { skipped: 'binary' | 'too-large' };

const shared = Buffer.allocUnsafeSlow(1 << 20);

/** Reads from `got` until EOF or until `buf` is full; returns the bytes now in `buf`. */
function fill(fd: number, buf: Buffer, got: number): number {
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** The file's text or why it is passed over; throws what the file system throws (ENOENT, EACCES, EISDIR). */
export function readTextFileOrThrow(file: PathLike, maxBytes: number): ReadResult {
  const fd = openSync(file, 'r');
  try {
    // One buffer, reused for every ordinary file: reading 100 MB must not allocate 100 MB.
    // Read first, stat only a file that fills it: an fstat per file (a Stats object with
    // four Dates) cost ~20 ms over the 2,000-file benchmark tree.
    let buf = shared;
    let got = fill(fd, buf, 0);
    if (got === buf.length) {
      const size = fstatSync(fd).size;
      if (size > maxBytes) return { skipped: 'too-large' };
      // A rare huge file gets its own buffer, released after it (not kept for the rest of the run).
      if (size > buf.length) {
        buf = Buffer.allocUnsafeSlow(size);
        shared.copy(buf, 0, 0, got);
        got = fill(fd, buf, got);
      }
    }
    if (got > maxBytes) return { skipped: 'too-large' };
    return decodeBytes(buf.subarray(0, got));
  } finally {
    closeSync(fd);
  }
}

/** The same, with a file that cannot be read (deleted meanwhile, no permission, a folder) passed over. */
export function readTextFile(file: PathLike, maxBytes: number): ReadResult | { skipped: 'unreadable' } {
  try {
    return readTextFileOrThrow(file, maxBytes);
  } catch {
    return { skipped: 'unreadable' };
  }
}
