// Reads a file once, deciding on the way whether it is worth judging (the same decisions as
// `phq-tokens scan`: too large, binary). Synchronous on purpose: an open, a read and a close
// cost a few microseconds, where each asynchronous call costs a round through the thread
// pool; callers read in slices and yield between them.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeBytes } from './decode';

export type ReadResult = { text: string } | { skipped: 'binary' | 'too-large' | 'unreadable' };

const shared = Buffer.allocUnsafeSlow(1 << 20);

function fill(fd: number, buf: Buffer, got: number): number {
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export function readTextFile(abs: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return { skipped: 'unreadable' }; // deleted meanwhile, or no permission
  }
  try {
    let buf = shared;
    let got = fill(fd, buf, 0);
    if (got === buf.length) {
      const size = fstatSync(fd).size;
      if (size > maxBytes) return { skipped: 'too-large' };
      if (size > buf.length) {
        buf = Buffer.allocUnsafeSlow(size);
        shared.copy(buf, 0, 0, got);
        got = fill(fd, buf, got);
      }
    }
    if (got > maxBytes) return { skipped: 'too-large' };
    return decodeBytes(buf.subarray(0, got));
  } catch {
    return { skipped: 'unreadable' }; // a folder, a device
  } finally {
    closeSync(fd);
  }
}
