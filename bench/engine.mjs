// The engine alone: scan() on a 5 MB file, and one-character edits through DocumentScanner.
// Run as a child process by run.mjs, with the engine bundled by esbuild (as the language
// server ships it). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, file] = process.argv.slice(2);
const { scan, DocumentScanner } = createRequire(import.meta.url)(bundle);
const text = readFileSync(file, 'latin1');
const opts = { languageId: 'javascript' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

let findings = 0;
const first = time(() => (findings = scan(text, opts).length));
const runs = Array.from({ length: 15 }, () => time(() => scan(text, opts)));
let ds;
const init = time(() => (ds = new DocumentScanner(text, opts)));
let seed = 7;
const rnd = (n) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const edits = Array.from({ length: 300 }, (_, i) => {
  const at = rnd(ds.text.length);
  return time(() => {
    ds.applyEdit(at, at, i % 2 ? 'x' : ' ');
    ds.findings();
  });
});
const sorted = [...edits].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    bytes: text.length,
    findings,
    firstMs: first,
    medianMs: median(runs),
    minMs: Math.min(...runs),
    docInitMs: init,
    editMedianMs: median(edits),
    editP95Ms: sorted[Math.floor(sorted.length * 0.95)],
    editMaxMs: sorted[sorted.length - 1],
  }),
);
