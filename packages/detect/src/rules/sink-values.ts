// Whether a value written in a token sink can be a real token (sinks.ts): placeholder text,
// words, sequences, short or oddly made values cannot (dummy-token); the rest is a hardcoded
// token.
import { isLikelyToken } from './shape';

const INSTRUCTIONAL =
  /your|placeholder|replace|insert|enter|paste|put[_ -]?(?:here|in)|here|change[_-]?me|xxx|\*\*\*|todo|fixme|tbd|redacted|dummy|fake|sample|example|secret|token|api[_ -]?key|<|>|\[|\]|\{|\}/i;
const WORDY =
  /^(?:test(?:ing)?|demo|foo|bar|baz|abc|xyz|none|null|nil|undefined|n\/?a|empty|default|string|str|password|pass|key|token|mytoken|my-token|changeit|qwerty|asdf|admin|letmein)$/i;

function isSequence(v: string): boolean {
  let steps = 0;
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    if (d === 1 || d === 0 || d === -1) steps++;
  }
  return steps >= (v.length - 1) * 0.6;
}

/** Why `v` cannot be a real token, or '' when it can (then it is a hardcoded token). */
export function whyNotAToken(v: string): string {
  if (/^[<[{(].*[>\]})]$/.test(v)) return 'it is bracketed text, not a token';
  if (/\s/.test(v)) return 'it contains spaces';
  const long = v.length >= 32;
  if (!long || !isLikelyToken(v)) {
    if (INSTRUCTIONAL.test(v) || WORDY.test(v)) return 'it is placeholder text, not a token';
    if (isSequence(v)) return 'it is a sequence of characters, not a token';
  }
  if (v.length < 20)
    return `it is ${v.length} character${v.length === 1 ? '' : 's'} long (PredictHQ tokens are about 40)`;
  if (!/^[A-Za-z0-9_\-.~+/]+=*$/.test(v)) return 'it has characters a token never has';
  const distinct = new Set(v).size;
  if (distinct < 8) return 'it repeats a few characters, not a token';
  const parts = v.split(/[-_./]/);
  if (parts.length >= 2 && parts.every((p) => p === '' || /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4})$/.test(p)))
    return 'it is made of words, not a token';
  if (/^[A-Za-z]+$/.test(v) && /^[a-z]+(?:[A-Z][a-z]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(v))
    return 'it is an identifier, not a token';
  return '';
}

/** Placeholder-shaped text: a placeholder whatever the file (brackets, sigils, instructions naming a token or key). */
export function isPlaceholderShaped(v: string): boolean {
  return /^[<[{(].*(?:predicthq|phq|token).*[>\]})]$/i.test(v) && /\s|your|here|predicthq|phq/i.test(v);
}
