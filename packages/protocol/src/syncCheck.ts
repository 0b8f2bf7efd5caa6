// Whether a document change can go to the language server as the editor made it. The server's
// copy must always be the editor's text with every value redacted (redact.ts). A change that
// writes no value can still break that: an undo that restores the placeholder around a
// character the edit kept leaves the stand-in's character where the editor has the value's,
// and the server then reads "$ACCEBM_TOKEN". So the client checks the server's copy around
// every change against a fresh redaction and sends the whole document when they differ
// (docs/extension.md, "Document sync"). Pure, so it is unit tested.

import { changedWindow, type ChangeLike } from './changedWindow';
import { redactValues, type KnownValue } from './redact';

/**
 * Whether `synced` (the server's copy after the changes went through unchanged) is the
 * redaction of `text` (the editor's text after them). Only the text around the changes is
 * compared: elsewhere both are unchanged since the last check. A character's redaction
 * depends on the text up to twice the longest value on either side of it, so the compared
 * window is the changes widened by that, and it is redacted with that much context again.
 */
export function syncedMatches(
  e: { contentChanges: readonly ChangeLike[] },
  synced: string,
  text: string,
  values: readonly KnownValue[],
): boolean {
  if (synced.length !== text.length) return false;
  const reach = 2 * values.reduce((n, k) => Math.max(n, k.value.length), 0);
  const [lo, hi] = changedWindow(e, text.length, reach);
  const from = Math.max(0, lo - reach);
  const redacted = redactValues(text.slice(from, Math.min(text.length, hi + reach)), values);
  return redacted.slice(lo - from, hi - from) === synced.slice(lo, hi);
}
