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
 * The shortest run of a value's characters that is redacted on its own. A value typed by hand
 * reaches the editor one character at a time, and a pasted value can be cut by an edit (part
 * of it deleted, the rest kept): any PARTIAL_MIN or more consecutive characters of a value,
 * wherever they come from in it, are replaced too, so at most PARTIAL_MIN - 1 consecutive
 * characters of a value (30 of its 258 bits) can reach the server in one place. Six base64url
 * characters match by chance once in 6.9e10 positions.
 */
export const PARTIAL_MIN = 6;

interface Span {
  start: number;
  end: number;
  tokenId: string;
  /** Offset in the value of the span's first character (0 for a whole value or its start). */
  at: number;
}

/**
 * Spans of `text` holding a value or a run of PARTIAL_MIN or more of its characters (typed
 * by hand, pasted in part, left after an edit cut the value), each with its token id and where
 * in the value it starts. A run found again at the same alignment inside a span is skipped.
 */
function valueSpans(text: string, values: Iterable<KnownValue>): Span[] {
  const spans: Span[] = [];
  for (const { tokenId, value } of values) {
    if (value.length === 0) continue;
    const k = Math.min(PARTIAL_MIN, value.length);
    // This value's spans by alignment (start - at): a run is skipped when a span of the same
    // alignment covers it. Looked up by alignment, not by scanning every span: a long run of
    // one character that a value repeats (aaaa…) matches at every offset of the text.
    const byAlign = new Map<number, Span[]>();
    for (let j = 0; j + k <= value.length; j++) {
      const piece = value.slice(j, j + k);
      for (let p = text.indexOf(piece); p >= 0; p = text.indexOf(piece, p + 1)) {
        const same = byAlign.get(p - j);
        if (same?.some((s) => s.start <= p && p < s.end)) continue;
        let n = k;
        while (j + n < value.length && text.charCodeAt(p + n) === value.charCodeAt(j + n)) n++;
        const span = { start: p, end: p + n, tokenId, at: j };
        if (same) same.push(span);
        else byAlign.set(p - j, [span]);
        spans.push(span);
      }
    }
  }
  return spans;
}

/**
 * Replaces every occurrence of each known value, and every run of at least PARTIAL_MIN of its
 * characters, with the same characters of its stand-in: offsets stay valid, and a run gets the
 * part of the stand-in at the same place in the value (typing on, or restoring a cut, stays
 * consistent).
 */
export function redactValues(text: string, values: Iterable<KnownValue>): string {
  const spans = valueSpans(text, values);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    const from = Math.max(s.start, pos);
    if (from >= s.end) continue; // inside a span already replaced
    // The stand-in is a prefix-consistent stream: its first n characters do not depend on n.
    const standIn = valueStandIn(s.tokenId, s.at + (s.end - s.start));
    out += text.slice(pos, from) + standIn.slice(s.at + (from - s.start));
    pos = s.end;
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
