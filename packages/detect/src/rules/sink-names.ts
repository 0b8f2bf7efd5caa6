// Whose token a name is, and whether a file is about PredictHQ: the sink model's view of
// names (sinks.ts). A name that says PredictHQ / PHQ is ours anywhere; a generic one (token,
// api_key, ACCESS_TOKEN) only in a file about PredictHQ; any other qualifier makes it someone
// else's (OPENAI_API_KEY, csrfToken, next_page_token).
import type { LineCtx } from './line';

const PHQ_WORD = /predicthq|(?<![a-z0-9])phq(?![a-z0-9])/i;
/** "predicthq" or the word "phq", at `i` (where "hq" was found), in any case. */
const PREDICT_AT = /predict/iy;
const PHQ_AT = /(?<![a-z0-9])p(?=hq(?![a-z0-9]))/iy;

/**
 * Whether the text mentions PredictHQ ("predicthq" or the word "phq", any case): then the
 * file is about it. Both end in "hq": its rare "q" is found with indexOf (memchr, as the
 * trigger search does), then the letters before it are verified. A case-insensitive regex
 * over the whole text cost ~50 ms per 100 MB, indexOf("hq") ~35 ms ("h" is frequent).
 */
export function mentionsPhq(text: string): boolean {
  for (const q of Q) {
    for (let i = text.indexOf(q, 2); i >= 0; i = text.indexOf(q, i + 1)) {
      if ((text.charCodeAt(i - 1) | 0x20) !== 104) continue; // h
      PREDICT_AT.lastIndex = i - 8;
      if (i >= 8 && PREDICT_AT.test(text)) return true;
      PHQ_AT.lastIndex = i - 2;
      if (PHQ_AT.test(text)) return true;
    }
  }
  return false;
}
const Q = ['q', 'Q'];

/** Whether the document is about PredictHQ (computed once per scan, over the whole text). */
export function aboutPhq(lc: LineCtx): boolean {
  return (lc.ctx.phqDoc ??= mentionsPhq(lc.text));
}

/** Words a generic token name may consist of; any other word qualifies it (someone else's token). */
const GENERIC = new Set([
  'api',
  'access',
  'auth',
  'bearer',
  'token',
  'tokens',
  'key',
  'apikey',
  'apitoken',
  'accesstoken',
  'authtoken',
  'oauth',
  'oauth2',
  'my',
  'your',
  'the',
  'default',
  'x',
  'value',
]);

/** 'phq', 'generic' or null for a name such as PHQ_API_TOKEN, access_token, self.api_key, predicthq.api.token. */
function classify(name: string): 'phq' | 'generic' | null {
  if (PHQ_WORD.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))) return 'phq';
  const last = name.slice(name.lastIndexOf('.') + 1).replace(/^[$@-]+/, '');
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-$]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  for (const w of words) if (!GENERIC.has(w)) return null;
  return words.some((w) => w.includes('token') || w.includes('key')) ? 'generic' : null;
}

const nameCache = new Map<string, 'phq' | 'generic' | null>();

/** 'phq', 'generic' or null for a name such as PHQ_API_TOKEN, access_token, self.api_key (names repeat: cached). */
export function nameClass(name: string): 'phq' | 'generic' | null {
  let c = nameCache.get(name);
  if (c === undefined) {
    if (nameCache.size > 5000) nameCache.clear();
    nameCache.set(name, (c = classify(name)));
  }
  return c;
}
