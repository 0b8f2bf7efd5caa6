// Reads a file once, deciding on the way whether it is worth scanning.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';

export type ReadResult = { text: string } | { skipped: 'binary' | 'too-large' };

/** Like git: a NUL byte in the first 8000 bytes means binary. */
const SNIFF = 8000;

const shared = Buffer.allocUnsafeSlow(1 << 20);

export function readText(abs: string, maxBytes: number): ReadResult {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { skipped: 'too-large' };
    // One buffer, reused for every ordinary file: reading 100 MB must not allocate 100 MB.
    // A rare huge file gets its own, released after it (not kept for the rest of the run).
    const buf = size <= shared.length ? shared : Buffer.allocUnsafeSlow(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const data = buf.subarray(0, got);
    if (data.subarray(0, SNIFF).indexOf(0) >= 0) return { skipped: 'binary' };
    // ASCII decodes faster as latin1 (a plain copy) and gives the same string.
    if (isAscii(data)) return { text: data.toString('latin1') };
    const text = data.toString('utf8');
    // Editors do not count a byte-order mark as a column.
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } finally {
    closeSync(fd);
  }
}
