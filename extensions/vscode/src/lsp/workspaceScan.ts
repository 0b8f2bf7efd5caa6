// "Scan Workspace" (docs/extension.md, "Workspace diagnostics"): every file of the workspace
// judged without opening it, then kept current without scanning everything again. Listing
// (scanListing.ts) honours .gitignore, files.exclude and the ignore setting once per folder;
// files are read, redacted and judged in a pipeline (scanPipeline.ts): the server never
// receives a stored value. What a change can affect is judged again, and only that:
// - a file changed or created on disk: that file; deleted: cleared;
// - an ignore file, files.exclude or the ignore setting: the folders listed again, files that
//   left the scope cleared, files that joined it judged;
// - tokens added, removed, renamed, rotated or chosen: files with any finding (a token's name,
//   its scopes, whether it is known are in their messages; an API call needs the chosen
//   token's scopes), and files holding a value just added;
// - detection settings: every file in scope (a new placeholder pattern can flag any file),
//   read and judged again without listing.
// Cancel stops sending: each file is either judged by this scan or keeps what it had.
import { IgnoreRules, readTextFile } from '@phq-tokens/files';
import { DEFAULT_SETTINGS, ForgetFiles, WorkspaceSettingsChanged, type KnownValue } from '@phq-tokens/protocol';
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { Logs } from '../log';
import { ScanListing } from './scanListing';
import { judgeFiles, MAX_BYTES, type PipelineResult } from './scanPipeline';

const SOURCE = 'PredictHQ Tokens';
/** Changes on disk within this long are judged together (a checkout touches many files at once). */
const SETTLE_MS = 50;

export interface ScanResult {
  listed: number;
  /** Files judged: by this scan, or open in an editor (their documents are judged as they change). */
  judged: number;
  /** Files of the workspace folders with problems in the Problems panel once the scan ended. */
  withDiagnostics: number;
  cancelled: boolean;
  ms: number;
  /** Where the time went: listing, reading and redacting here, judging in the server, waiting for it. */
  timings: { listMs: number; readMs: number; serverMs: number; waitMs: number };
}

export interface ScanOptions {
  /** For tests: files per request. */
  batchSize?: number;
  /** For tests: stop (as Cancel does) after sending this many batches. */
  cancelAfterBatches?: number;
}

/** What the scan needs from the language client (lsp/client.ts). */
export interface ScanTransport {
  running(): boolean;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): Promise<void>;
  known(): readonly KnownValue[];
  /** Changes whenever what the server knows about tokens changed. */
  tokensVersion(): number;
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

export class WorkspaceScan implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rules = new IgnoreRules();
  private readonly listing: ScanListing;
  private watching = false;
  /** Files in scope (uri string -> uri). */
  private scope = new Map<string, vscode.Uri>();
  /** Files with any finding (what a change of tokens can affect). */
  private readonly withFindings = new Set<string>();
  /** One job at a time: scans and incremental updates never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  private running: Promise<ScanResult> | undefined;
  private readonly changed = new Set<string>();
  private settle: NodeJS.Timeout | undefined;
  private readonly waiting: (() => void)[] = [];
  private relisting: Promise<void> | undefined;
  private tokensSeen = -1;
  private valuesSeen = new Set<string>();
  /** Every value redacted so far this session (memory only, never logged or written). */
  private readonly redacted = new Map<string, KnownValue>();
  /** What the pipeline sends through: the client, with values removed since still redacted. */
  private readonly sending: ScanTransport;

  constructor(
    private readonly transport: ScanTransport,
    config: Config,
    private readonly logs: Logs,
  ) {
    this.listing = new ScanListing(config, this.rules);
    // A value forgotten, deleted or rotated away is no longer among the stored ones, and the
    // files holding it are judged again right after: it stays redacted for the session, so the
    // server does not receive it then (it sees a stand-in of a token it does not know).
    this.sending = {
      ...transport,
      known: () => {
        const now = transport.known();
        for (const k of now) this.redacted.set(k.value, k);
        const current = new Set(now.map((k) => k.value));
        const removed = [...this.redacted.values()].filter((k) => !current.has(k.value));
        return removed.length === 0 ? now : [...now, ...removed];
      },
    };
  }

  get active(): boolean {
    return this.watching;
  }

  /** One scan at a time: a second call while one runs waits for it. */
  scan(progress: Progress, cancel: vscode.CancellationToken, opts: ScanOptions = {}): Promise<ScanResult> {
    this.running ??= this.enqueue(() => this.doScan(progress, cancel, opts)).finally(() => (this.running = undefined));
    return this.running;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** An update nobody awaits: a failure is logged. */
  private background(what: string, job: () => Promise<void>): Promise<void> {
    return this.enqueue(job).catch((e: unknown) => this.warn(what, e));
  }

  private async doScan(progress: Progress, cancel: vscode.CancellationToken, opts: ScanOptions): Promise<ScanResult> {
    const t0 = performance.now();
    if (!this.transport.running()) throw new Error('the language server is not running');
    this.watch();
    this.noteTokens();
    const cancelled = () => cancel.isCancellationRequested;
    progress.report({ message: 'listing files' });
    const files = await this.listing.list(cancelled);
    const listMs = performance.now() - t0;
    const total = files.length;
    progress.report({ message: `0 of ${total} files` });
    let shown = 0;
    // A file opened after this point is skipped by the server (its document rules there).
    const open = this.openFiles();
    const r = await judgeFiles(files, this.sending, {
      cancelled,
      batchSize: opts.batchSize,
      maxBatches: opts.cancelAfterBatches,
      skip: (u) => open.has(u.toString()),
      progress: (done) => {
        const pct = total ? (100 * done) / total : 100;
        progress.report({ message: `${done} of ${total} files judged`, increment: pct - shown });
        shown = pct;
      },
    });
    const stopped = r.stopped || cancelled();
    const listed = new Map(files.map((u) => [u.toString(), u]));
    if (stopped) {
      // Nothing is cleared that was not judged: the scope grows by what this scan judged.
      for (const u of r.judged) this.scope.set(u, listed.get(u) ?? vscode.Uri.parse(u));
    } else {
      const left = [...this.scope.keys()].filter((u) => !listed.has(u));
      this.scope = listed;
      await this.forget(left);
    }
    this.record(r);
    const openListed = files.filter((u) => open.has(u.toString())).length;
    const result: ScanResult = {
      listed: total,
      judged: r.judged.length + (stopped ? 0 : openListed),
      withDiagnostics: this.filesWithProblems(),
      cancelled: stopped,
      ms: Math.round(performance.now() - t0),
      timings: {
        listMs: Math.round(listMs),
        readMs: Math.round(r.readMs),
        serverMs: Math.round(r.serverMs),
        waitMs: Math.round(r.waitMs),
      },
    };
    this.logs.log.info(
      `workspace scan: ${result.listed} files listed, ${result.judged} judged, ${result.withDiagnostics} with problems` +
        `${stopped ? ' (cancelled)' : ''} in ${(result.ms / 1000).toFixed(2)} s (listing ${(listMs / 1000).toFixed(2)} s, ` +
        `reading and redacting ${(r.readMs / 1000).toFixed(2)} s, judging in the server ${(r.serverMs / 1000).toFixed(2)} s, ` +
        `waiting for it ${(r.waitMs / 1000).toFixed(2)} s)`,
    );
    return result;
  }

  /** Files of the workspace folders with our diagnostics: what the Problems panel lists for us. */
  private filesWithProblems(): number {
    let n = 0;
    for (const [uri, ds] of vscode.languages.getDiagnostics())
      if (vscode.workspace.getWorkspaceFolder(uri) && ds.some((d) => d.source === SOURCE)) n++;
    return n;
  }

  /** Files open in an editor (text documents and notebooks): their documents are judged, not the files. */
  private openFiles(): Set<string> {
    return new Set(
      [...vscode.workspace.textDocuments, ...vscode.workspace.notebookDocuments].map((d) => d.uri.toString()),
    );
  }

  private record(r: PipelineResult): void {
    for (const u of r.judged) this.withFindings.delete(u);
    for (const u of r.dropped) this.withFindings.delete(u);
    for (const u of r.withFindings) this.withFindings.add(u);
  }

  private async forget(uris: string[]): Promise<void> {
    if (uris.length === 0) return;
    uris.forEach((u) => this.withFindings.delete(u));
    await this.transport.notify(ForgetFiles.method, { uris });
  }

  /** Judges these files of the scope again (not a listing). */
  private async judge(uris: Iterable<vscode.Uri>): Promise<void> {
    if (!this.transport.running()) return;
    const list = [...uris];
    if (list.length === 0) return;
    const open = this.openFiles();
    const r = await judgeFiles(list, this.sending, { cancelled: () => false, skip: (u) => open.has(u.toString()) });
    this.record(r);
  }

  /** Judges one file again (changed on disk, or closed in the editor) if it is in scope. */
  rejudge(uri: vscode.Uri): Promise<void> {
    if (!this.active || !this.scope.has(uri.toString())) return Promise.resolve();
    this.changed.add(uri.toString());
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    // A fixed window from the first change (not reset by later ones: a file written without
    // pause must not hold the others back).
    if (this.settle) return done;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      const uris = [...this.changed].map((u) => this.scope.get(u)).filter((u): u is vscode.Uri => !!u);
      const waiting = this.waiting.splice(0);
      this.changed.clear();
      void this.background('judging changed files', () => this.judge(uris)).then(() => waiting.forEach((w) => w()));
    }, SETTLE_MS);
    return done;
  }

  /** Lists again (ignore rules or excludes changed): files that left are cleared, files that joined judged. */
  private relist(): Promise<void> {
    // A burst of ignore-file events (a checkout, a new repository) lists once.
    if (this.relisting) return this.relisting;
    return (this.relisting = this.background('listing the workspace again', async () => {
      this.relisting = undefined; // a change from now on needs another listing
      const files = await this.listing.list(() => false);
      const listed = new Map(files.map((u) => [u.toString(), u]));
      const left = [...this.scope.keys()].filter((u) => !listed.has(u));
      const joined = files.filter((u) => !this.scope.has(u.toString()));
      this.scope = listed;
      await this.forget(left);
      await this.judge(joined);
      this.logs.log.info(`workspace scan: listed again, ${left.length} files left, ${joined.length} joined`);
    }));
  }

  /** Detection settings changed: every file in scope is judged again with them. */
  private settingsChanged(): Promise<void> {
    return this.background('judging files with new settings', async () => {
      if (!this.transport.running()) return;
      await this.transport.notify(WorkspaceSettingsChanged.method, undefined);
      await this.judge(this.scope.values());
      this.logs.log.info(`workspace scan: settings changed, ${this.scope.size} files judged again`);
    });
  }

  private noteTokens(): string[] {
    this.sending.known(); // learns the values stored now, to keep redacting them once removed
    this.tokensSeen = this.transport.tokensVersion();
    const values = new Set(this.transport.known().map((k) => k.value));
    const added = [...values].filter((v) => !this.valuesSeen.has(v));
    this.valuesSeen = values;
    return added;
  }

  /** Called after the server was told about tokens: judge again what that can change. */
  tokensChanged(): Promise<void> {
    if (!this.active || this.transport.tokensVersion() === this.tokensSeen) return Promise.resolve();
    return this.background('judging files after a change of tokens', async () => {
      if (this.transport.tokensVersion() === this.tokensSeen) return;
      const added = this.noteTokens();
      const targets = new Set(this.withFindings);
      // A value just added may sit in a file with no problem until now (not token-shaped where it is).
      let read = 0;
      if (added.length > 0)
        for (const [s, u] of this.scope) {
          if (targets.has(s) || u.scheme !== 'file') continue;
          if (++read % 200 === 0) await new Promise((r) => setImmediate(r)); // the extension host stays responsive
          const r = readTextFile(u.fsPath, MAX_BYTES);
          if ('text' in r && added.some((v) => r.text.includes(v))) targets.add(s);
        }
      await this.judge([...targets].map((s) => this.scope.get(s)).filter((u): u is vscode.Uri => !!u));
      this.logs.log.info(`workspace scan: tokens changed, ${targets.size} files judged again`);
    });
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    // What git's rules read: a .gitignore, .git/info/exclude, a .git appearing or going (not
    // the objects, index and locks git writes all the time).
    const ignoreFile = (u: vscode.Uri) => /(^|\/)(\.gitignore|\.git|\.git\/info\/exclude)$/.test(u.path);
    const rulesChanged = (u: vscode.Uri) => {
      this.rules.invalidate(u.fsPath);
      void this.relist();
    };
    this.disposables.push(
      w,
      w.onDidChange((u) => (ignoreFile(u) ? rulesChanged(u) : void this.rejudge(u))),
      w.onDidCreate((u) => {
        if (ignoreFile(u)) return rulesChanged(u);
        if (this.scope.has(u.toString()) || !this.listing.wouldList(u)) return;
        this.scope.set(u.toString(), u);
        void this.rejudge(u);
      }),
      w.onDidDelete((u) => {
        if (ignoreFile(u)) return rulesChanged(u);
        this.rules.invalidate(u.fsPath);
        // A deleted folder arrives as one event: clear everything under it.
        const prefix = `${u.toString()}/`;
        const gone = [...this.scope.keys()].filter((s) => s === u.toString() || s.startsWith(prefix));
        gone.forEach((s) => this.scope.delete(s));
        void this.forget(gone).catch((e: unknown) => this.warn('clearing deleted files', e));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('predicthqTokens.ignore'))
          void this.relist();
        else if (Object.keys(DEFAULT_SETTINGS).some((k) => e.affectsConfiguration(`predicthqTokens.${k}`)))
          void this.settingsChanged();
      }),
      // An open notebook's cells carry its findings; closed, the file on disk does again.
      vscode.workspace.onDidOpenNotebookDocument((nb) => {
        if (this.scope.has(nb.uri.toString()))
          void this.forget([nb.uri.toString()]).catch((e: unknown) => this.warn('handing a notebook over', e));
      }),
      vscode.workspace.onDidCloseNotebookDocument((nb) => void this.rejudge(nb.uri)),
    );
  }

  private warn(what: string, e: unknown): void {
    this.logs.log.warn(`workspace scan: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  dispose(): void {
    clearTimeout(this.settle);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
    this.watching = false;
  }
}
