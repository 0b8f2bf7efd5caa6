// File names are bytes; most are UTF-8, some are not (a Latin-1 "café.py" from an old
// archive). Decoding such a name as UTF-8 turns its bad bytes into U+FFFD: the name then opens
// nothing (ENOENT) and two names can become one. A name is decoded the way Python's
// "surrogateescape" does it instead: each byte that is not part of valid UTF-8 becomes the
// lone surrogate U+DC80-U+DCFF, which no valid string holds. The string is lossless: it turns
// back into the same bytes to open the file, and quotePath prints those bytes in octal as git
// does ("caf\351.py").

const ESCAPED = /[\u{dc80}-\u{dcff}]/u;

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    // No overlong forms (E0 80..9F) and no UTF-16 surrogates (ED A0..BF).
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A name's bytes as a string; bytes that are not UTF-8 become U+DC80-U+DCFF. */
export function decodeName(bytes: Buffer): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += bytes.toString('utf8', from, i) + String.fromCharCode(0xdc00 + bytes[i]!);
    from = ++i;
  }
  return out + bytes.toString('utf8', from);
}

/** True when `name` holds a byte that is not UTF-8 (see decodeName). */
export const hasRawBytes = (name: string): boolean => ESCAPED.test(name);

/** The path to hand to `fs`: the string itself, or its original bytes when it holds escaped ones. */
export function fsPath(name: string): string | Buffer {
  if (!hasRawBytes(name)) return name;
  const parts: Buffer[] = [];
  for (const piece of name.split(/([\u{dc80}-\u{dcff}])/u)) {
    if (piece.length === 1 && ESCAPED.test(piece)) parts.push(Buffer.of(piece.charCodeAt(0) - 0xdc00));
    else parts.push(Buffer.from(piece, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** `encodeURI` for a name; a byte that is not UTF-8 is percent-encoded as itself (RFC 3986 allows any octet). */
export function encodeNameUri(name: string): string {
  if (!hasRawBytes(name)) return encodeURI(name);
  return name
    .split(/([\u{dc80}-\u{dcff}])/u)
    .map((piece) =>
      piece.length === 1 && ESCAPED.test(piece)
        ? `%${(piece.charCodeAt(0) - 0xdc00).toString(16).toUpperCase()}`
        : encodeURI(piece),
    )
    .join('');
}
