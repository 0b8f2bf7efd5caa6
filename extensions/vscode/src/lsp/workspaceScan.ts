// "Scan Workspace" (docs/extension.md, "Workspace diagnostics"): every file of the
// workspace judged without opening it. Files are listed with findFiles (files.exclude and the
// predicthqTokens.ignore globs as excludes) and, in a git work tree, only those git would
// carry (`git ls-files --cached --others --exclude-standard`, i.e. .gitignore honoured); each
// file is read here, redacted like document sync (protocol redact.ts) and sent in batches
// (phq/judgeFiles): the server never receives a stored value. Cancelling between batches
// leaves every file either judged by this scan or as it was. After a scan, a file watcher
// keeps the results current: a changed or created file is judged again, a deleted one cleared.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import {
  ForgetFiles,
  JudgeFiles,
  redactValues,
  type JudgeFilesResult,
  type KnownValue,
  type WorkspaceFile,
} from '@phq-tokens/protocol';
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { Logs } from '../log';

/** Files larger than this are passed over (as `phq-tokens scan` does by default). */
const MAX_BYTES = 1024 * 1024;
const BATCH_FILES = 100;
const BATCH_BYTES = 2 * 1024 * 1024;

export interface ScanResult {
  listed: number;
  judged: number;
  withDiagnostics: number;
  cancelled: boolean;
}

export interface ScanOptions {
  /** For tests: files per request (default 100). */
  batchSize?: number;
  /** For tests: cancel after this many batches were answered. */
  cancelAfterBatches?: number;
}

/** What the scan needs from the language client (lsp/client.ts). */
export interface ScanTransport {
  running(): boolean;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): Promise<void>;
  known(): readonly KnownValue[];
}

export class WorkspaceScan implements vscode.Disposable {
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Files in the last scan's scope (uri strings). */
  private scope = new Set<string>();
  private running: Promise<ScanResult> | undefined;

  constructor(
    private readonly transport: ScanTransport,
    private readonly config: Config,
    private readonly logs: Logs,
  ) {}

  get active(): boolean {
    return this.watcher !== undefined;
  }

  /** One scan at a time: a second call while one runs waits for it. */
  scan(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    cancel: vscode.CancellationToken,
    opts: ScanOptions = {},
  ): Promise<ScanResult> {
    this.running ??= this.doScan(progress, cancel, opts).finally(() => (this.running = undefined));
    return this.running;
  }

  private async doScan(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    cancel: vscode.CancellationToken,
    opts: ScanOptions,
  ): Promise<ScanResult> {
    const result: ScanResult = { listed: 0, judged: 0, withDiagnostics: 0, cancelled: false };
    if (!this.transport.running()) throw new Error('the language server is not running');
    this.watch();
    progress.report({ message: 'listing files' });
    const files = await this.listFiles(cancel);
    result.listed = files.length;
    const previous = this.scope;
    this.scope = new Set(files.map((u) => u.toString()));
    // Files that left the scope (now ignored or excluded) lose their workspace diagnostics.
    const left = [...previous].filter((u) => !this.scope.has(u));
    if (left.length) await this.transport.notify(ForgetFiles.method, { uris: left });
    const size = opts.batchSize ?? BATCH_FILES;
    let batch: WorkspaceFile[] = [];
    let bytes = 0;
    let done = 0;
    let batches = 0;
    const send = async () => {
      if (batch.length === 0) return;
      const r = (await this.transport.request(JudgeFiles.method, { files: batch })) as JudgeFilesResult;
      result.judged += r.judged;
      result.withDiagnostics += r.withDiagnostics;
      batches++;
      batch = [];
      bytes = 0;
      if (opts.cancelAfterBatches !== undefined && batches >= opts.cancelAfterBatches) result.cancelled = true;
    };
    for (const uri of files) {
      if (cancel.isCancellationRequested || result.cancelled) break;
      const f = await this.read(uri);
      done++;
      if (f) {
        batch.push(f);
        bytes += f.text.length;
      }
      if (batch.length >= size || bytes >= BATCH_BYTES) {
        await send();
        progress.report({ message: `${done} of ${files.length} files`, increment: (100 * done) / files.length });
      }
    }
    // A cancelled scan sends nothing more: the files not sent keep what they had.
    if (!cancel.isCancellationRequested && !result.cancelled) await send();
    result.cancelled ||= cancel.isCancellationRequested;
    this.logs.log.info(
      `workspace scan: ${result.listed} files listed, ${result.judged} judged, ${result.withDiagnostics} with problems${result.cancelled ? ' (cancelled)' : ''}`,
    );
    return result;
  }

  /** Judges one file again (changed on disk, or closed in the editor) if a scan put it in scope. */
  async rejudge(uri: vscode.Uri): Promise<void> {
    if (!this.active || !this.transport.running() || !this.scope.has(uri.toString())) return;
    const f = await this.read(uri);
    if (f) await this.transport.request(JudgeFiles.method, { files: [f] });
    else await this.transport.notify(ForgetFiles.method, { uris: [uri.toString()] });
  }

  private watch(): void {
    if (this.watcher) return;
    const w = (this.watcher = vscode.workspace.createFileSystemWatcher('**/*'));
    const onError = (e: unknown) =>
      this.logs.log.warn(`workspace scan: re-judging a file failed: ${e instanceof Error ? e.message : String(e)}`);
    this.disposables.push(
      w,
      w.onDidChange((u) => void this.rejudge(u).catch(onError)),
      w.onDidCreate((u) => void this.created(u).catch(onError)),
      w.onDidDelete((u) => {
        // A deleted folder arrives as one event: clear everything under it.
        const prefix = `${u.toString()}/`;
        const gone = [...this.scope].filter((s) => s === u.toString() || s.startsWith(prefix));
        gone.forEach((s) => this.scope.delete(s));
        if (gone.length && this.transport.running())
          void this.transport.notify(ForgetFiles.method, { uris: gone }).catch(onError);
      }),
    );
  }

  /** A new file joins the scope if the listing would have included it. */
  private async created(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return;
    const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, rel),
      this.excludeGlob(folder),
      1,
    );
    if (found.length === 0) return;
    if (await gitIgnores(folder.uri.fsPath, rel)) return;
    this.scope.add(uri.toString());
    await this.rejudge(uri);
  }

  private excludeGlob(folder: vscode.WorkspaceFolder): string | undefined {
    const filesExclude =
      vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    const globs = [...Object.keys(filesExclude).filter((k) => filesExclude[k] === true), ...this.config.ignoreGlobs];
    return globs.length ? `{${globs.join(',')}}` : undefined;
  }

  private async listFiles(cancel: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      // An exclude we pass replaces files.exclude, so it is merged in here.
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, '**/*'),
        this.excludeGlob(folder) ?? null,
        undefined,
        cancel,
      );
      const carried = await gitFiles(folder.uri.fsPath);
      for (const u of found) {
        if (/\.ipynb$/i.test(u.path)) continue; // judged per cell, once opened
        if (carried && !carried.has(path.relative(folder.uri.fsPath, u.fsPath).split(path.sep).join('/'))) continue;
        out.push(u);
      }
    }
    return out;
  }

  /** The file's redacted text, or undefined for a folder, a binary or large file, or one open in an editor. */
  private async read(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return undefined;
    let data: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_BYTES) return undefined;
      data = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // deleted meanwhile: the watcher clears it
    }
    const text = decode(Buffer.from(data));
    if (text === undefined) return undefined;
    return { uri: uri.toString(), text: redactValues(text, this.transport.known()) };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
    this.watcher = undefined;
  }
}

/** Bytes to text as `phq-tokens scan` decides (cli scan/decode.ts): NUL in the first 8000 bytes is binary. */
function decode(data: Buffer): string | undefined {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    const body = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
    if (data[0] === 0xfe) body.swap16();
    return body.toString('utf16le');
  }
  if (data.subarray(0, 8000).indexOf(0) >= 0) return undefined;
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

/** Paths (relative, `/`-separated) git would carry: tracked, or untracked and not ignored. Undefined outside a work tree. */
async function gitFiles(cwd: string): Promise<Set<string> | undefined> {
  const out = await git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return out === undefined ? undefined : new Set(out.split('\0').filter(Boolean));
}

async function gitIgnores(cwd: string, rel: string): Promise<boolean> {
  return (await git(cwd, ['check-ignore', '-q', '--', rel])) !== undefined;
}
