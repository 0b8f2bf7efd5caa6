// "Scan Git History": the CLI's `scan --history` over a repository, its findings in
// a view of their own, each opening the file as it was at the commit that brought it.
// The scan runs in a child process: the CLI's bundle (dist/cli/, copied from @phq-tokens/cli
// by build.mjs) under the extension host's Node, `scan --history --format json`. Cancel kills
// it. The user's tokens are passed as fingerprints only (`--known-tokens`, a 0600 file in a
// private temporary folder, deleted afterwards). Findings carry masked matches, never values.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { git } from './git';
import { orderFindings } from './order';

export const HISTORY_VIEW_ID = 'predicthqTokens.gitHistory';
export const HISTORY_SCHEME = 'phq-git-history';

/** One finding of the history scan: metadata only (the match is masked by the engine). */
export interface HistoryFinding {
  /** The repository folder (absolute). */
  repo: string;
  /** Path in the repository, forward slashes, as the commit had it. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  kind: string;
  message: string;
  commit: string | undefined;
  date: string | undefined;
  author: string | undefined;
  inHead: boolean;
  /** For the user's own tokens (phq/known-token). */
  tokenId: string | undefined;
  tokenName: string | undefined;
}

export interface KnownTokenRef {
  id: string;
  name: string;
  fingerprint: string;
}

export interface HistoryScanResult {
  repo: string;
  findings: HistoryFinding[];
  blobs: number;
  cancelled: boolean;
}

type JsonFinding = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parses the CLI's JSON report into findings (defensive: the other side is another process). */
export function parseHistoryReport(
  repo: string,
  stdout: string,
  known: readonly KnownTokenRef[],
): { findings: HistoryFinding[]; blobs: number } {
  const report = JSON.parse(stdout) as { findings?: unknown; summary?: { git?: { blobs?: unknown } } };
  const list = Array.isArray(report.findings) ? (report.findings as JsonFinding[]) : [];
  const names = new Map(known.map((k) => [k.id, k.name]));
  const found = list
    .filter((f) => typeof f === 'object' && f !== null && str(f.file) !== undefined)
    .map((f): HistoryFinding => {
      const data = (typeof f.data === 'object' && f.data !== null ? f.data : {}) as Record<string, unknown>;
      const tokenId = f.kind === 'known-token' ? str(data.tokenId) : undefined;
      return {
        repo,
        file: str(f.file)!,
        line: typeof f.line === 'number' ? f.line : 1,
        column: typeof f.column === 'number' ? f.column : 1,
        ruleId: str(f.ruleId) ?? '',
        kind: str(f.kind) ?? '',
        message: str(f.message) ?? '',
        commit: str(f.commit),
        date: str(f.date),
        author: str(f.author),
        inHead: f.inHead === true,
        tokenId,
        tokenName: tokenId === undefined ? undefined : names.get(tokenId),
      };
    });
  const blobs = report.summary?.git?.blobs;
  const findings = orderFindings(found);
  return { findings, blobs: typeof blobs === 'number' ? blobs : 0 };
}

/** Runs `scan --history` on `repo` with the CLI bundle at `cli`; resolves `undefined` when cancelled. */
export async function runHistoryScan(
  cli: string,
  repo: string,
  known: readonly KnownTokenRef[],
  cancel: vscode.CancellationToken,
): Promise<{ findings: HistoryFinding[]; blobs: number } | undefined> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phq-history-'));
  try {
    const args = [cli, 'scan', '--history', '--format', 'json', '--fail-on', 'none'];
    if (known.length > 0) {
      const file = path.join(dir, 'known-tokens.json');
      await writeFile(file, JSON.stringify(known), { mode: 0o600 });
      args.push('--known-tokens', file);
    }
    if (cancel.isCancellationRequested) return undefined;
    const out = await new Promise<string | undefined>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
      });
      const chunks: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const sub = cancel.onCancellationRequested(() => child.kill());
      child.on('error', (e) => {
        sub.dispose();
        reject(e);
      });
      child.on('close', (code) => {
        sub.dispose();
        if (cancel.isCancellationRequested) return resolve(undefined);
        const stdout = Buffer.concat(chunks).toString('utf8');
        // 0: nothing at the threshold; 1: findings; 2: a usage problem or an unreadable blob
        // (the report is still printed then, when there is one).
        if ((code === 0 || code === 1 || code === 2) && stdout.trim().startsWith('{')) return resolve(stdout);
        reject(new Error(firstLine(err) || `the history scan exited with ${code}`));
      });
    });
    return out === undefined ? undefined : parseHistoryReport(repo, out, known);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('warning:')) ?? ''
  );
}

/** The URI of a file as it was at a commit: opened read-only through the content provider below. */
export function historyUri(f: Pick<HistoryFinding, 'repo' | 'file' | 'commit'>): vscode.Uri {
  const query = new URLSearchParams({ repo: f.repo, commit: f.commit ?? 'HEAD', path: f.file }).toString();
  // The path keeps the file name (and so the language) and the short commit for the tab title.
  return vscode.Uri.from({
    scheme: HISTORY_SCHEME,
    path: `/${(f.commit ?? 'HEAD').slice(0, 7)}/${f.file}`,
    query,
  });
}

/** `git show <commit>:<path>`: read-only documents (a content provider's documents cannot be saved). */
export class HistoryContentProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = new URLSearchParams(uri.query);
    const repo = q.get('repo');
    const commit = q.get('commit');
    const file = q.get('path');
    if (!repo || !commit || !file || !/^[0-9a-f]{4,64}$|^HEAD$/.test(commit)) throw new Error('not a history document');
    return (await git(repo, ['show', `${commit}:${file}`])).toString('utf8');
  }
}

export type HistoryNode = { kind: 'summary'; text: string } | { kind: 'finding'; finding: HistoryFinding };

/** The "Token Leaks in Git History" view: the last scan's findings, one node each. */
export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private last: HistoryScanResult | undefined;

  get result(): HistoryScanResult | undefined {
    return this.last;
  }

  set(result: HistoryScanResult): void {
    this.last = result;
    this.changed.fire(undefined);
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (node || !this.last) return [];
    if (this.last.findings.length === 0)
      return [
        {
          kind: 'summary',
          text: this.last.cancelled
            ? 'Scan cancelled.'
            : `No tokens or placeholders in ${this.last.blobs} file versions of history.`,
        },
      ];
    return this.last.findings.map((finding) => ({ kind: 'finding', finding }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'summary':
        return new vscode.TreeItem(node.text);
      case 'finding':
        return findingItem(node.finding);
      default: {
        const never: never = node;
        throw new Error(`unknown node ${String(never)}`);
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function describeCommit(f: HistoryFinding): string {
  if (!f.commit) return 'commit unknown';
  return `${f.commit.slice(0, 7)}, ${f.date?.slice(0, 10) ?? '?'}, ${f.author ?? '?'}`;
}

export function describeState(f: HistoryFinding): string {
  return f.inHead ? 'still in HEAD' : 'removed since, still in history';
}

function findingItem(f: HistoryFinding): vscode.TreeItem {
  const label = f.tokenName ? `${f.file}: your token "${f.tokenName}"` : `${f.file}:${f.line}`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  const hint = f.tokenName ? ' · rotate it: it stays in every clone' : '';
  item.description = `${f.ruleId} · ${describeCommit(f)} · ${describeState(f)}${hint}`;
  const lines = [
    `${f.file}:${f.line}:${f.column}  ${f.ruleId}`,
    f.message,
    `Added in ${describeCommit(f)}; ${describeState(f)}.`,
  ];
  if (f.kind === 'known-token' || f.kind === 'hardcoded-token')
    lines.push('Rotate it: it stays in every clone (deleting the line does not remove it from history).');
  item.tooltip = new vscode.MarkdownString(lines.map((l) => escapeMarkdown(l)).join('\n\n'));
  item.iconPath = new vscode.ThemeIcon(f.inHead ? 'warning' : 'history');
  item.contextValue = `historyFinding.${f.inHead ? 'inHead' : 'removed'}${f.tokenId ? '.known' : ''}`;
  if (f.commit)
    item.command = {
      command: 'vscode.open',
      title: 'Open the file at this commit',
      arguments: [historyUri(f), { preview: true, selection: new vscode.Range(f.line - 1, 0, f.line - 1, 0) }],
    };
  return item;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
