// Token values never reach the language server, not even inside a document: before the
// client syncs text (didOpen, didChange), it replaces every known value with a stand-in of
// the same length. Offsets stay valid, and the server still recognises "one of your tokens"
// because it knows the stand-in of every token id (it is derived from the id alone).
// The stand-in is token-shaped (base64url) so the detection engine treats it like a value.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Token values are 43 base64url characters (docs/api/openapi.yaml). */
export const VALUE_LENGTH = 43;

/** Deterministic, id-derived, same length as the value; not a secret and not the value. */
export function valueStandIn(tokenId: string, length = VALUE_LENGTH): string {
  // FNV-1a seed, then xorshift32: stable across client and server, no crypto dependency.
  let h = 0x811c9dc5;
  for (let i = 0; i < tokenId.length; i++) {
    h ^= tokenId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += ALPHABET[x & 63];
  }
  return out;
}

export interface KnownValue {
  tokenId: string;
  value: string;
}

/** Replaces every occurrence of each known value with its stand-in (same length). */
export function redactValues(text: string, values: Iterable<KnownValue>): string {
  let out = text;
  for (const { tokenId, value } of values) {
    if (value.length === 0 || !out.includes(value)) continue;
    out = out.split(value).join(valueStandIn(tokenId, value.length));
  }
  return out;
}
