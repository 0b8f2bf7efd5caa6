// Defence in depth: the contract says error messages never carry a token value, but a
// server (or proxy) may still echo one. Everything that goes into a PhqError message
// passes through here.

/** A token value: 43 chars of base64url (32 random bytes). */
const TOKEN_SHAPED = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]');
  return out.replace(TOKEN_SHAPED, '[redacted]');
}
