// Where the floor of `scan` is: the engine over the whole seeded tree held in memory (no
// I/O, no start-up), first pass (cold JIT) against later passes (warm), on one thread and
// split over two worker threads. Run as a child process by run.mjs with the engine bundle
// and the tree; prints one JSON line. Not a test: figures only.
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const PASSES = 3;

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The texts of every `parts`-th file from `part`, decoded as the CLI decodes them. */
function load(detect, tree, part, parts) {
  return files(tree)
    .filter((_, i) => i % parts === part)
    .map((f) => {
      const b = readFileSync(f);
      // As packages/cli/src/scan/read.ts decodes: latin1 for ASCII, else UTF-8 without a BOM.
      const utf8 = isAscii(b) ? null : b.toString('utf8');
      const text = utf8 === null ? b.toString('latin1') : utf8.replace(/^\uFEFF/, '');
      return { f, text, languageId: detect.languageFromFileName(path.basename(f)) ?? 'plaintext' };
    });
}

/** Milliseconds of each pass of scan() over `texts`. */
function passes(detect, texts) {
  const ms = [];
  for (let p = 0; p < PASSES; p++) {
    const t = performance.now();
    for (const x of texts) detect.scan(x.text, { languageId: x.languageId, fileName: x.f });
    ms.push(performance.now() - t);
  }
  return ms;
}

if (isMainThread) {
  const [bundle, tree] = process.argv.slice(2);
  const detect = createRequire(import.meta.url)(bundle);
  const oneThread = passes(detect, load(detect, tree, 0, 1));
  // Two threads, half the files each, started together once both have loaded their texts.
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const twoThreads = await Promise.all(
    [0, 1].map(
      (part) =>
        new Promise((resolve, reject) => {
          const w = new Worker(fileURLToPath(import.meta.url), {
            workerData: { bundle, tree, part, parts: 2, ready: ready.buffer },
          });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  console.log(JSON.stringify({ oneThread, twoThreads }));
} else {
  const { bundle, tree, part, parts, ready } = workerData;
  const detect = createRequire(import.meta.url)(bundle);
  const texts = load(detect, tree, part, parts);
  const flag = new Int32Array(ready);
  Atomics.add(flag, 0, 1);
  while (Atomics.load(flag, 0) < parts) Atomics.wait(flag, 0, Atomics.load(flag, 0), 5);
  parentPort.postMessage(passes(detect, texts));
}
