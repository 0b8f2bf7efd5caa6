// Seeded generator of the benchmark's 5 MB TypeScript file and its edit script.
// Same seed, same text, same edits. No token values: only placeholders, env references and
// endpoint URLs, like real client code.
import { prng } from '../prng.mjs';

const FAMILIES = ['events', 'features', 'places', 'broadcasts', 'forecasts'];

function block(i, rnd, phqEvery = 8) {
  const fam = FAMILIES[Math.floor(rnd() * FAMILIES.length)];
  const auth =
    i % 40 === 0 ? '"Bearer $API_TOKEN"' : i % 13 === 0 ? '`Bearer ${token}`' : '`Bearer ${process.env.PHQ_API_TOKEN}`';
  return `
/** Loads page ${i} of ${fam} for the dashboard. */
export async function load${fam[0].toUpperCase()}${fam.slice(1)}${i}(offset: number, limit = 50): Promise<Page<Item${i % 7}>> {
  const token = process.env.PHQ_API_TOKEN ?? '';
  const url = new URL('${i % phqEvery === 0 ? `https://api.predicthq.com/v1/${fam}/` : `https://internal.example.com/api/${fam}/${i}`}');
  url.searchParams.set('offset', String(offset));
  url.searchParams.set('limit', String(limit));
  const res = await fetch(url, { headers: { Authorization: ${auth}, Accept: 'application/json' } });
  if (res.status === 429) {
    await sleep(backoff(${i % 5}));
    return load${fam[0].toUpperCase()}${fam.slice(1)}${i}(offset, limit);
  }
  if (!res.ok) throw new ApiError(res.status, await res.text());
  const body = (await res.json()) as Page<Item${i % 7}>;
  for (const item of body.results) {
    cache.set(\`${fam}:\${item.id}\`, { ...item, fetchedAt: Date.now(), source: '${fam}-${i}' });
  }
  return body;
}

const config${i} = { retries: ${i % 4}, timeoutMs: ${1000 + (i % 10) * 250}, label: 'loader ${i}', tags: ['a', 'b', 'c'] };
`;
}

/**
 * About 1 block in `phqEvery` calls PredictHQ (the others call an internal API) and 1 in 40
 * carries a placeholder: a large client file, not a file made of PredictHQ calls.
 */
export function generateTs(seed = 20261128, targetBytes = 5 * 1024 * 1024, phqEvery = 8) {
  const rnd = prng(seed);
  const parts = [
    "import { ApiError, sleep, backoff, cache, type Page } from './support';\n",
    ...Array.from({ length: 7 }, (_, k) => `export interface Item${k} { id: string; title: string; rank: number }\n`),
  ];
  let size = parts.join('').length;
  for (let i = 0; size < targetBytes; i++) {
    const b = block(i, rnd, phqEvery);
    parts.push(b);
    size += b.length;
  }
  return parts.join('');
}

const PASTE = block(99999, () => 0.3);
const TYPED = 'abcdefghijklmnopqrstuvwxyz ();.=';

/**
 * The edit script: each entry turns the current text into LSP content changes. Kinds mix
 * typing, deleting, pasting a block, adding and removing placeholders, and multi-change edits.
 */
export function makeEdit(rnd, doc) {
  const int = (n) => Math.floor(rnd() * n);
  const text = doc.getText();
  const lineCount = doc.lineCount;
  const at = () => {
    const line = int(lineCount - 1);
    const len = doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 }) - 1;
    return { line, character: int(Math.max(1, len)) };
  };
  const r = rnd();
  if (r < 0.4) {
    const p = at();
    return { kind: 'type', changes: [{ range: { start: p, end: p }, text: TYPED[int(TYPED.length)] }] };
  }
  if (r < 0.55) {
    const p = at();
    return {
      kind: 'delete',
      changes: [{ range: { start: p, end: { line: p.line, character: p.character + 1 + int(8) } }, text: '' }],
    };
  }
  if (r < 0.65) {
    const p = { line: at().line, character: 0 };
    return {
      kind: 'add-placeholder',
      changes: [{ range: { start: p, end: p }, text: 'const h = { Authorization: "Bearer $API_TOKEN" };\n' }],
    };
  }
  if (r < 0.75) {
    // Replace a placeholder near a random point with the env reference, as a quick fix would.
    const from = doc.offsetAt(at());
    let i = text.indexOf('$API_TOKEN"', from);
    if (i < 0) i = text.indexOf('$API_TOKEN"');
    if (i >= 0)
      return {
        kind: 'fix-placeholder',
        changes: [
          { range: { start: doc.positionAt(i), end: doc.positionAt(i + 10) }, text: '${process.env.PHQ_API_TOKEN}' },
        ],
      };
  }
  if (r < 0.85) {
    const p = { line: at().line, character: 0 };
    return { kind: 'paste', changes: [{ range: { start: p, end: p }, text: PASTE }] };
  }
  if (r < 0.95) {
    const line = at().line;
    return {
      kind: 'delete-line',
      changes: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    };
  }
  // Several changes in one notification (a multi-cursor edit), bottom-up like editors send them.
  const lines = [at().line, at().line, at().line].sort((a, b) => b - a);
  return {
    kind: 'multi',
    changes: lines.map((line) => ({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      text: '// note\n',
    })),
  };
}
