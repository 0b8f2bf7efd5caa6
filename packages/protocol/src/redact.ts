// Token values never reach the language server, not even inside a document: before the
// client syncs text (didOpen, didChange), it replaces every known value with a stand-in of
// the same length. Offsets stay valid, and the server still recognises "one of your tokens"
// because it knows the stand-in of every token id (it is derived from the id alone).
// The stand-in is token-shaped (base64url) so the detection engine treats it like a value.

import { changedWindow, type ChangeLike } from './changedWindow';

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

/**
 * The shortest start of a value that is redacted on its own. A value typed by hand reaches
 * the editor one character at a time: from this many characters on, the typed part is
 * replaced too, so at most PARTIAL_MIN - 1 characters of a value (30 of its 258 bits) can
 * ever reach the server. Six base64url characters match by chance once in 6.9e10 positions.
 */
export const PARTIAL_MIN = 6;

/**
 * Spans [start, end) of `text` holding a value or the first PARTIAL_MIN or more characters
 * of one (typed by hand, pasted in part), each with the id of the token it belongs to.
 */
function valueSpans(text: string, values: Iterable<KnownValue>): [number, number, string][] {
  const spans: [number, number, string][] = [];
  for (const { tokenId, value } of values) {
    if (value.length === 0) continue;
    const head = value.slice(0, Math.min(PARTIAL_MIN, value.length));
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      let n = head.length;
      while (n < value.length && text.charCodeAt(at + n) === value.charCodeAt(n)) n++;
      spans.push([at, at + n, tokenId]);
    }
  }
  return spans;
}

/**
 * Replaces every occurrence of each known value, and every start of one of at least
 * PARTIAL_MIN characters, with the same length of its stand-in: offsets stay valid.
 */
export function redactValues(text: string, values: Iterable<KnownValue>): string {
  const spans = valueSpans(text, values);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [start, end, tokenId] of spans) {
    const from = Math.max(start, pos);
    if (from >= end) continue; // inside a span already replaced
    out += text.slice(pos, from) + valueStandIn(tokenId, end - start).slice(from - start);
    pos = end;
  }
  return out + text.slice(pos);
}

/** Whether `text` holds a value or the start of one that redactValues would replace. */
export function carriesValue(text: string, values: Iterable<KnownValue>): boolean {
  return valueSpans(text, values).length > 0;
}

/**
 * Whether a document change can have brought a value (or the start of one) in: only the
 * text around the edits is searched, not the whole document on every keystroke (values
 * elsewhere were redacted when they came in). `text` is the document after the change.
 */
export function changeCarriesValue(
  e: { contentChanges: readonly ChangeLike[] },
  text: string,
  values: readonly KnownValue[],
): boolean {
  const longest = values.reduce((n, k) => Math.max(n, k.value.length), 0);
  const [lo, hi] = changedWindow(e, text.length, longest);
  return carriesValue(text.slice(lo, hi), values);
}
