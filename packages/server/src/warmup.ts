// Warms the detection engine up right after `initialize` was answered (docs/server.md,
// "Start-up"): V8 optimises the lexer and rule loops only after they ran for a while, and a
// cold first scan of a 5 MB file takes about three times as long as a warm one. A few hundred
// KB of representative code (no values), a small slice per turn of the event loop, and only
// until the first real work arrives (a document, a workspace batch): the client waits neither
// for `initialize` nor for its first diagnostics because of it.
import { freshScan } from './engine';

const SAMPLE = `
import requests, os
headers = {"Authorization": "Bearer $API_TOKEN"}
r = requests.get("https://api.predicthq.com/v1/events/", headers=headers, params={"limit": 1})
const res = await fetch(new URL('https://api.predicthq.com/v1/features/'), { headers: { Authorization: \`Bearer \${process.env.PHQ_API_TOKEN}\` } });
// a comment with 'quotes' and "strings" and {braces} [brackets] <angles>
export function f(x: number): string { return \`value \${x}\` + 'done' + "ok"; }
curl -H "Authorization: Bearer $API_TOKEN" "https://api.predicthq.com/v1/places/?q=x"
`;

const LANGUAGES = ['typescript', 'python', 'typescript', 'shellscript', 'typescript'];
/** Short slices (about 20 KB of code each): a message that arrives waits for one at most. */
const SLICES_PER_LANGUAGE = 5;

/** Starts warming up in slices; returns a function that stops it (called when real work arrives). */
export function warmUpLater(onError: (e: unknown) => void, budgetMs = 400): () => void {
  const text = SAMPLE.repeat(30);
  const started = Date.now();
  let i = 0;
  let stopped = false;
  const step = (): void => {
    if (stopped || i >= LANGUAGES.length * SLICES_PER_LANGUAGE || Date.now() - started > budgetMs) return;
    const languageId = LANGUAGES[Math.floor(i++ / SLICES_PER_LANGUAGE)]!;
    try {
      freshScan(text, { languageId, fileName: `warmup.${languageId}` });
    } catch (e) {
      onError(e);
      return;
    }
    setImmediate(step);
  };
  setImmediate(step);
  return () => (stopped = true);
}
