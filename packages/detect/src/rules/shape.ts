// "Does this value look like a real token?" Random-looking, long, and not one of the
// usual non-secret shapes (UUIDs, hex digests, package names, placeholders).

const TOKEN_CHARS = /^[A-Za-z0-9_\-.~+/]+=*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(?:0x)?[0-9a-f]+$/i;
const PLACEHOLDERISH =
  /your|example|placeholder|xxxx|changeme|change_me|redacted|dummy|sample|insert|replace|token|secret|<|>/i;
const WORDISH = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4})$/;

export const MIN_TOKEN_LENGTH = 20;
/** camelCase or PascalCase words of letters only. */
const IDENTIFIER = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+|[A-Z]{2,4}(?=[A-Z]|$))+$/;

function entropy(v: string): number {
  const counts = new Map<string, number>();
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function isLikelyToken(value: string): boolean {
  const v = value.replace(/=+$/, '');
  if (v.length < MIN_TOKEN_LENGTH || v.length > 512) return false;
  if (!TOKEN_CHARS.test(value)) return false;
  if (UUID.test(v) || HEX.test(v)) return false;
  if (PLACEHOLDERISH.test(v)) return false;
  const parts = v.split(/[-_./]/);
  if (parts.length >= 2 && parts.every((p) => p === '' || WORDISH.test(p))) return false; // my-package-name, some/file/path
  if (IDENTIFIER.test(v)) return false; // apiKeyAuthenticationPolicy: a name, not a token
  const classes = (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/\d/.test(v) ? 1 : 0);
  if (classes < 2) return false;
  return entropy(v) >= 3.5;
}

/** Token characters: [A-Za-z0-9_-.~+/]. */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/') TOKEN_CHAR[c.charCodeAt(0)] = 1;

/** Whether `lt` has a run of at least `n` token characters (a loop: several times faster than a regex). */
export function hasTokenRun(lt: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < lt.length; i++) {
    const c = lt.charCodeAt(i);
    if (c < 128 && TOKEN_CHAR[c] === 1) {
      if (++run >= n) return true;
    } else run = 0;
  }
  return false;
}
