// Reads, redacts and sends files to the language server for judging (phq/judgeFiles), with
// reading and judging overlapped: up to IN_FLIGHT batches are with the server while the next
// one is read (docs/extension.md, "Workspace diagnostics"). Local files are read with Node's
// file system, synchronously in slices (a few microseconds a file, where each asynchronous
// call costs a trip through the thread pool and, for workspace.fs, through the workbench),
// yielding to the event loop between batches. Every text is redacted exactly as document sync
// redacts (protocol redact.ts) before it leaves: the server never holds a stored value; a
// one-pass filter (valueFilter.ts) skips redaction for texts that cannot hold a piece of one.
// Memory stays bounded by the batches in flight, whatever the workspace's size.
import { decodeBytes, readTextFile } from '@phq-tokens/files';
import {
  ForgetFiles,
  JudgeFiles,
  redactValues,
  type JudgeFilesResult,
  type KnownValue,
  type WorkspaceFile,
} from '@phq-tokens/protocol';
import * as vscode from 'vscode';
import { valueFilter } from './valueFilter';
import type { ScanTransport } from './workspaceScan';

/** Files larger than this are passed over (as `phq-tokens scan` does by default). */
export const MAX_BYTES = 1024 * 1024;
const BATCH_FILES = 250;
const BATCH_BYTES = 1024 * 1024;
const IN_FLIGHT = 4;

export interface PipelineOptions {
  cancelled(): boolean;
  /** Files per request (tests pass 1). */
  batchSize?: number;
  /** Stop after sending this many batches (tests: a cancel at a known point). */
  maxBatches?: number;
  /** A file that is not read here (open in an editor: its document's diagnostics rule). */
  skip(uri: vscode.Uri): boolean;
  progress?(done: number): void;
}

export interface PipelineResult {
  /** Judged by the server in this run. */
  judged: string[];
  /** Of those, with diagnostics. */
  flagged: string[];
  /** Of those, with any finding (what a change of tokens can affect). */
  withFindings: string[];
  /** Passed over (too large, binary, gone): whatever they had is cleared. */
  dropped: string[];
  /** Stopped before every file was sent. */
  stopped: boolean;
  /** Time spent reading and redacting, waiting for the server, and judging in the server. */
  readMs: number;
  waitMs: number;
  serverMs: number;
}

type Read = { file: WorkspaceFile } | { dropped: true } | { skipped: true };

/** Redacts as document sync does; `may` (valueFilter.ts) passes over texts that hold no piece of a value. */
interface Redactor {
  known: readonly KnownValue[];
  may: ((text: string) => boolean) | undefined;
}

async function readOne(uri: vscode.Uri, r: Redactor): Promise<Read> {
  let text: string;
  if (uri.scheme === 'file') {
    const r = readTextFile(uri.fsPath, MAX_BYTES);
    if (!('text' in r)) return { dropped: true };
    text = r.text;
  } else {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_BYTES) return { dropped: true };
      const d = decodeBytes(Buffer.from(await vscode.workspace.fs.readFile(uri)));
      if (!('text' in d)) return { dropped: true };
      text = d.text;
    } catch {
      return { dropped: true };
    }
  }
  return { file: { uri: uri.toString(), text: r.may?.(text) ? redactValues(text, r.known) : text } };
}

function sameValues(a: readonly KnownValue[], b: readonly KnownValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v.tokenId === b[i]!.tokenId && v.value === b[i]!.value);
}

export async function judgeFiles(
  uris: readonly vscode.Uri[],
  transport: ScanTransport,
  o: PipelineOptions,
): Promise<PipelineResult> {
  const out: PipelineResult = {
    judged: [],
    flagged: [],
    withFindings: [],
    dropped: [],
    stopped: false,
    readMs: 0,
    serverMs: 0,
    waitMs: 0,
  };
  const size = o.batchSize ?? BATCH_FILES;
  let redactor: Redactor = { known: [], may: undefined };
  const pending: Promise<void>[] = [];
  let sent = 0;
  let done = 0;
  let failure: unknown;
  const send = (files: WorkspaceFile[], count: number): void => {
    sent++;
    const p = (transport.request(JudgeFiles.method, { files }) as Promise<JudgeFilesResult>).then((r) => {
      const flagged = new Set(r.flagged ?? []);
      // The server skips a file open in an editor meanwhile: judged there, not here.
      for (const f of files) if (!flagged.has(f.uri)) out.judged.push(f.uri);
      for (const u of flagged) {
        out.judged.push(u);
        out.flagged.push(u);
      }
      out.withFindings.push(...(r.withFindings ?? []));
      out.serverMs += r.ms ?? 0;
      done += count;
      o.progress?.(done);
    });
    pending.push(p.catch((e: unknown) => void (failure ??= e)));
  };
  let batch: WorkspaceFile[] = [];
  let bytes = 0;
  let count = 0;
  let i = 0;
  while (i < uris.length) {
    if (failure !== undefined || o.cancelled() || (o.maxBatches !== undefined && sent >= o.maxBatches)) {
      out.stopped = true;
      break;
    }
    const t0 = performance.now();
    // The values stored now (a token added meanwhile is redacted from the next file on: local
    // reads are synchronous, so nothing changes within a batch).
    const known = transport.known();
    if (!sameValues(known, redactor.known)) redactor = { known, may: valueFilter(known) };
    while (i < uris.length && batch.length < size && bytes < BATCH_BYTES) {
      const uri = uris[i++]!;
      count++;
      if (o.skip(uri)) continue;
      const r = await readOne(uri, redactor);
      if ('file' in r) {
        batch.push(r.file);
        bytes += r.file.text.length;
      } else if ('dropped' in r) out.dropped.push(uri.toString());
    }
    out.readMs += performance.now() - t0;
    if (batch.length > 0) send(batch, count);
    else {
      done += count;
      o.progress?.(done);
    }
    batch = [];
    bytes = 0;
    count = 0;
    const t1 = performance.now();
    // At most IN_FLIGHT batches with the server; otherwise give the event loop a turn.
    if (pending.length >= IN_FLIGHT) await pending.shift();
    else await new Promise((r) => setImmediate(r));
    out.waitMs += performance.now() - t1;
  }
  const t2 = performance.now();
  await Promise.all(pending);
  out.waitMs += performance.now() - t2;
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
  if (out.dropped.length > 0) await transport.notify(ForgetFiles.method, { uris: out.dropped });
  return out;
}
