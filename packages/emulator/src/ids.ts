// Identifiers and secrets. Everything secret comes from crypto randomness at run time;
// nothing here is ever committed or derived from a fixed seed.
import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** n uniformly distributed base62 characters (rejection sampling keeps the distribution even). */
export function base62(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) {
      if (b >= 248) continue; // 248 = 4 * 62: larger bytes would bias the modulo
      out += BASE62[b % 62];
      if (out.length === n) break;
    }
  }
  return out;
}

export const newTokenId = (): string => `tok_${base62(20)}`;
export const newAccountId = (): string => `acc_${base62(12)}`;
export const newRequestId = (): string => `req_${base62(16)}`;
export const newFaultId = (): string => `flt_${base62(10)}`;

/** A token value: 32 random bytes, base64url, 43 characters (the contract's format). */
export const newTokenValue = (): string => randomBytes(32).toString('base64url');

/** A management credential; the prefix tells it apart from a token value at a glance. */
export const newManagementCredential = (): string => `phqm_${randomBytes(32).toString('base64url')}`;

/** Token values are stored only as this hash, like a real server would. */
export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('hex');
