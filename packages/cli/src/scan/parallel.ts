// Scanning is CPU-bound, so large scans also use a worker thread: both threads take the next
// file from one shared atomic counter (big files do not unbalance them) and the results
// are merged in walk order, so the output does not depend on timing. The worker runs this
// same bundle with the argument "scan" and is recognised by its workerData.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { WalkedFile } from './walk';

/** Below this many files a worker costs more (it loads the whole bundle) than it saves. */
export const PARALLEL_MIN_FILES = 200;

interface WorkerInput<Req> {
  kind: 'phq-scan-worker';
  files: WalkedFile[];
  req: Req;
  counter: SharedArrayBuffer;
}

/** Extra threads: one per spare core (at most 3) from 4 cores; PHQ_SCAN_WORKERS overrides (0 = none). */
function workerCount(files: number): number {
  const env = Number(process.env.PHQ_SCAN_WORKERS);
  if (process.env.PHQ_SCAN_WORKERS && Number.isInteger(env) && env >= 0) return Math.min(env, 8);
  // A worker loads the whole CLI bundle again (~0.15 s of CPU): on 2 cores, often shared in
  // CI, that was measured slower than one thread (docs/benchmarks.md), so only from 4 cores.
  const cores = availableParallelism();
  return files >= PARALLEL_MIN_FILES && cores >= 4 ? Math.min(cores - 1, 3) : 0;
}

export type Outcome<R> = [index: number, result: R];

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { kind?: unknown } | null)?.kind === 'phq-scan-worker';
}

/** Takes files off the shared counter until none are left. */
function drain<Req, R>(
  files: WalkedFile[],
  counter: Int32Array,
  req: Req,
  one: (f: WalkedFile, req: Req) => R,
): Outcome<R>[] {
  const out: Outcome<R>[] = [];
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
    out.push([i, one(files[i]!, req)]);
  return out;
}

/** In the worker: scan, post the results, done. */
export function runAsWorker<Req, R>(one: (f: WalkedFile, req: Req) => R): void {
  const input = workerData as WorkerInput<Req>;
  parentPort!.postMessage(drain(input.files, new Int32Array(input.counter), input.req, one));
}

/** Runs `one` over every file, on this thread and (for many files) a worker; results in file order. */
export async function scanAll<Req, R>(
  files: WalkedFile[],
  req: Req,
  one: (f: WalkedFile, req: Req) => R,
  script: string,
): Promise<R[]> {
  const counter = new SharedArrayBuffer(4);
  const workers: Promise<Outcome<R>[]>[] = [];
  const extra = workerCount(files.length);
  for (let w = 0; w < extra; w++) {
    const input: WorkerInput<Req> = { kind: 'phq-scan-worker', files, req, counter };
    workers.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(script, {
          workerData: input,
          argv: ['scan'],
          stdout: true,
          stderr: true, // A small young generation: each file becomes a short-lived string.
          resourceLimits: { maxYoungGenerationSizeMb: 4 },
        });
        worker.once('message', (m: Outcome<R>[]) => resolve(m));
        worker.once('error', reject);
        worker.once('exit', () => resolve([]));
      }),
    );
  }
  const results = new Array<R>(files.length);
  for (const [i, r] of drain(files, new Int32Array(counter), req, one)) results[i] = r;
  for (const part of await Promise.all(workers)) for (const [i, r] of part) results[i] = r;
  return results;
}
