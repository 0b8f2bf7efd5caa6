// Which texts can hold (part of) a stored value, in one pass whatever the number of values:
// redactValues (protocol redact.ts) looks for every PARTIAL_MIN-character piece of every value
// with its own indexOf over the whole text, which over a large workspace with a few tokens
// stored costs seconds; most files hold no piece. Here every PARTIAL_MIN-gram of every value
// is hashed into a 16-million-bit table, and a text is scanned once with a rolling hash; a
// text with no hit cannot hold a piece and needs no redaction. A hit (a piece, or another
// run that shares its hash) sends the text through redactValues, which decides exactly.
import { PARTIAL_MIN, type KnownValue } from '@phq-tokens/protocol';

const BITS = 24;
const MASK = (1 << BITS) - 1;
const B = 0x01000193;

function powB(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p = Math.imul(p, B);
  return p;
}
const TOP = powB(PARTIAL_MIN - 1);

function hashAt(s: string, at: number, k: number): number {
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, B) + s.charCodeAt(at + i)) | 0;
  return h;
}

/** A test "may this text hold a piece of one of these values?"; undefined when there is no value. */
export function valueFilter(values: readonly KnownValue[]): ((text: string) => boolean) | undefined {
  const usable = values.filter((v) => v.value.length > 0);
  if (usable.length === 0) return undefined;
  // A value shorter than PARTIAL_MIN is redacted whole only: let redactValues see every text.
  if (usable.some((v) => v.value.length < PARTIAL_MIN)) return () => true;
  const table = new Uint8Array(1 << (BITS - 3));
  for (const { value } of usable)
    for (let j = 0; j + PARTIAL_MIN <= value.length; j++) {
      const h = hashAt(value, j, PARTIAL_MIN) & MASK;
      table[h >>> 3]! |= 1 << (h & 7);
    }
  return (text) => {
    const k = PARTIAL_MIN;
    if (text.length < k) return false;
    let h = hashAt(text, 0, k);
    for (let i = 0; ; i++) {
      const m = h & MASK;
      if (table[m >>> 3]! & (1 << (m & 7))) return true;
      if (i + k >= text.length) return false;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), TOP), B) + text.charCodeAt(i + k)) | 0;
    }
  };
}
