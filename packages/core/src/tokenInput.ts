// A token value pasted by a person: trims what is safe to trim (surrounding whitespace,
// one pair of quotes, a copied "Bearer " prefix) and refuses the rest with a message that
// never repeats the value.

/** Longer than any bearer credential PredictHQ issues; a paste this long is something else. */
export const TOKEN_INPUT_MAX = 512;

export type CleanedToken = { ok: true; value: string } | { ok: false; message: string };

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '`': '`', '\u201c': '\u201d', '\u2018': '\u2019' };

export function cleanTokenInput(raw: string): CleanedToken {
  let v = raw.trim();
  const close = QUOTES[v[0] ?? ''];
  if (close && v.length >= 2 && v.endsWith(close)) v = v.slice(1, -1).trim();
  v = v.replace(/^(?:authorization:\s*)?bearer\s+/i, '');
  if (v.length === 0) return { ok: false, message: 'Paste the token value: the box is empty.' };
  if (v.length > TOKEN_INPUT_MAX)
    return {
      ok: false,
      message: `That is ${v.length} characters: too long to be a token value (at most ${TOKEN_INPUT_MAX}). Copy only the token.`,
    };
  if (/[\r\n]/.test(v)) return { ok: false, message: 'The value spans several lines: copy only the token.' };
  if (/\s/.test(v)) return { ok: false, message: 'The value contains spaces: copy only the token.' };
  if (!/^[\x21-\x7e]+$/.test(v))
    return { ok: false, message: 'The value contains characters a token never has: copy only the token.' };
  if (/^phqm_/.test(v))
    return {
      ok: false,
      message: 'This is a management credential, not an API token: use "Sign in with a Management Credential" for it.',
    };
  return { ok: true, value: v };
}
