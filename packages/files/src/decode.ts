// Bytes to text, decided the same way for a file on disk, a git blob and a file the editor
// reads: UTF-16 with a byte-order mark, a NUL byte in the first 8000 bytes means binary (as
// git decides), ASCII as latin1 (a plain copy), a UTF-8 byte-order mark is not a column.
import { isAscii } from 'node:buffer';

export type Decoded = { text: string } | { skipped: 'binary' };

const SNIFF = 8000;

export function decodeBytes(data: Buffer): Decoded {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    const body = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
    if (data[0] === 0xfe) body.swap16();
    return { text: body.toString('utf16le') };
  }
  if (data.subarray(0, SNIFF).indexOf(0) >= 0) return { skipped: 'binary' };
  if (isAscii(data)) return { text: data.toString('latin1') };
  const text = data.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
