// Fingerprints let front ends recognise a user's own token in a file without ever handing
// its value to the engine: the server hashes each token once, the engine hashes candidates.
import { createHash } from 'node:crypto';

/** Domain prefix: a fingerprint can never collide with a plain sha256 of the value. */
const DOMAIN = 'phq-token-v1\0';

/** `sha256:` + hex(sha256(domain prefix + value)). Stable across versions of the engine. */
export function fingerprint(value: string): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(DOMAIN + value, 'utf8')
      .digest('hex')
  );
}

/**
 * A secret shown to a human: enough to recognise it, never enough to use it.
 * Long values keep 4 leading and 2 trailing characters; short ones keep at most 2.
 */
export function maskSecret(value: string): string {
  if (value.length >= 16) return `${value.slice(0, 4)}${'*'.repeat(8)}${value.slice(-2)}`;
  if (value.length >= 8) return `${value.slice(0, 2)}${'*'.repeat(6)}`;
  return '*'.repeat(Math.max(value.length, 4));
}
