// Which files Scan Workspace judges (docs/extension.md, "Workspace diagnostics"): per
// workspace folder, what .gitignore files leave (the one implementation, @phq-tokens/files),
// minus files.exclude and predicthqTokens.ignore, listed once per folder. Local folders are
// listed with Node's file system; a folder of another scheme (a remote or virtual file
// system Node cannot read) with findFiles.
import * as path from 'node:path';
import { globMatcher, listFiles, wouldList, type IgnoreRules, type PathMatcher } from '@phq-tokens/files';
import * as vscode from 'vscode';
import type { Config } from '../config';

export class ScanListing {
  constructor(
    private readonly config: Config,
    readonly rules: IgnoreRules,
  ) {}

  /** files.exclude (entries set to true) and the ignore setting, for one folder. */
  private excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
    const filesExclude =
      vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    const ignore = vscode.workspace
      .getConfiguration('predicthqTokens', folder.uri)
      .get<unknown[]>('ignore', this.config.ignoreGlobs);
    return [
      ...Object.keys(filesExclude).filter((k) => filesExclude[k] === true),
      ...(Array.isArray(ignore) ? ignore.filter((g): g is string => typeof g === 'string' && g !== '') : []),
    ];
  }

  private exclude(folder: vscode.WorkspaceFolder): PathMatcher {
    return globMatcher(this.excludeGlobs(folder));
  }

  /** Every file of every workspace folder that the scan judges. */
  async list(cancelled: () => boolean): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (cancelled()) break;
      if (folder.uri.scheme === 'file') {
        const rels = await listFiles(folder.uri.fsPath, {
          rules: this.rules,
          exclude: this.exclude(folder),
          cancelled,
        });
        for (const rel of rels) out.push(vscode.Uri.joinPath(folder.uri, rel));
      } else {
        // An exclude passed to findFiles replaces files.exclude, so it is merged in here.
        const globs = this.excludeGlobs(folder);
        const found = await vscode.workspace.findFiles(
          new vscode.RelativePattern(folder, '**/*'),
          globs.length ? `{${globs.join(',')}}` : null,
        );
        out.push(...found);
      }
    }
    return out;
  }

  /** Whether a file created after the listing would have been listed. */
  wouldList(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return false;
    const rel = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    return wouldList(folder.uri.fsPath, rel, { rules: this.rules, exclude: this.exclude(folder) });
  }
}
