// Thin TreeDataProvider: maps repository data to TreeItems. Tokens are filtered and sorted
// by pure functions and shown a page at a time ("Show more"), so thousands stay responsive.
import { isPhqError, parseTokenName, type TokenMeta } from '../core';
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { TokenRepository } from '../tokens/repository';
import type { WorkspaceTokenChoice } from '../tokens/workspaceChoice';
import { isLocal } from '../auth/accountStore';
import { unknownOf } from '../tokens/localTokens';
import type { TokenPlaces } from '../tokens/places';
import { scopesSummary } from './labels';
import { localAccountItem, localTokenItem } from './localItems';
import type { TreeNode } from './nodes';
import { filterTokens, sortTokens, type TokenFilter } from './sortFilter';

export class TokenTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: TokenFilter | undefined;
  private readonly shown = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly repo: TokenRepository,
    private readonly config: Config,
    private readonly choice: WorkspaceTokenChoice,
    private readonly places?: TokenPlaces,
  ) {
    this.subscriptions = [
      ...(places ? [places.onDidChange(() => this.changed.fire(undefined))] : []),
      repo.onDidChange(() => this.changed.fire(undefined)),
      choice.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  setFilter(filter: TokenFilter | undefined): void {
    this.filter = filter && (filter.text.trim() || filter.storedOnly) ? filter : undefined;
    this.shown.clear();
    this.changed.fire(undefined);
  }

  get currentFilter(): TokenFilter | undefined {
    return this.filter;
  }

  showMore(sessionId: string): void {
    this.shown.set(sessionId, (this.shown.get(sessionId) ?? this.config.pageSize) + this.config.pageSize);
    this.changed.fire(undefined);
  }

  /**
   * What TreeView.reveal needs to select a token (the view's keys act on the selection):
   * tokens and "show more" sit under their account; deeper nodes are never revealed.
   */
  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'token' || node.kind === 'more') return { kind: 'account', sessionId: node.sessionId };
    return undefined;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.repo.list().map((d) => ({ kind: 'account', sessionId: d.record.sessionId }));
    switch (node.kind) {
      case 'account':
        return this.accountChildren(node.sessionId);
      case 'token': {
        const local = this.repo.localToken(node.sessionId, node.token.id);
        const scopes: TreeNode[] = node.token.scopes.map((scope) => ({
          kind: 'scope',
          sessionId: node.sessionId,
          tokenId: node.token.id,
          scope,
        }));
        // Scopes a probe could not decide are listed as such, never as granted or missing.
        const unknown = local ? unknownOf(local) : [];
        // "In 3 files": where this token is written (open files, and every file after Scan Workspace).
        const files = this.places?.filesOf(node.token.id) ?? [];
        const where: TreeNode[] = files.length
          ? [{ kind: 'places', sessionId: node.sessionId, tokenId: node.token.id, count: files.length }]
          : [];
        return [
          ...where,
          ...scopes,
          ...unknown.map((scope): TreeNode => ({
            kind: 'scope',
            sessionId: node.sessionId,
            tokenId: node.token.id,
            scope,
            unknown: true,
          })),
        ];
      }
      case 'places':
        return (this.places?.filesOf(node.tokenId) ?? []).map((u) => ({
          kind: 'place',
          sessionId: node.sessionId,
          tokenId: node.tokenId,
          uri: u.toString(),
        }));
      case 'scope':
      case 'more':
      case 'message':
      case 'place':
        return [];
      default:
        return assertNever(node);
    }
  }

  private accountChildren(sessionId: string): TreeNode[] {
    const d = this.repo.get(sessionId);
    if (!d) return [];
    if (d.error !== undefined && !d.tokens) {
      const unauthorized = isPhqError(d.error) && d.error.kind === 'unauthorized';
      return [
        {
          kind: 'message',
          sessionId,
          icon: 'error',
          text: unauthorized ? 'Sign-in rejected: sign in again' : `Could not load tokens: ${errorText(d.error)}`,
          command: unauthorized ? 'predicthqTokens.signIn' : 'predicthqTokens.refresh',
        },
      ];
    }
    if (!d.tokens) return [{ kind: 'message', sessionId, icon: 'loading~spin', text: 'Loading tokens…' }];
    const stored = this.repo.secrets.storedIds(sessionId);
    const visible = sortTokens(
      filterTokens(d.tokens, this.filter, (id) => stored.has(id)),
      this.config.sortOrder,
    );
    if (visible.length === 0)
      return [
        {
          kind: 'message',
          sessionId,
          icon: 'info',
          text: this.filter ? 'No token matches the filter' : 'No tokens yet',
        },
      ];
    const limit = this.shown.get(sessionId) ?? this.config.pageSize;
    const nodes: TreeNode[] = visible.slice(0, limit).map((token) => ({ kind: 'token', sessionId, token }));
    if (visible.length > limit) nodes.push({ kind: 'more', sessionId, hidden: visible.length - limit });
    return nodes;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'account':
        return this.accountItem(node.sessionId);
      case 'token':
        return this.tokenItem(node.sessionId, node.token);
      case 'scope': {
        const info = this.repo.get(node.sessionId)?.scopes?.find((s) => s.id === node.scope);
        const item = new vscode.TreeItem(info?.label ?? node.scope, vscode.TreeItemCollapsibleState.None);
        item.description = node.unknown ? 'unknown: PredictHQ did not answer the check' : info?.pathPrefixes.join(', ');
        item.tooltip = info?.description;
        item.iconPath = new vscode.ThemeIcon(node.unknown ? 'question' : 'symbol-key');
        item.contextValue = 'scope';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show more (${node.hidden} more)`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'predicthqTokens.showMore', title: 'Show more', arguments: [node] };
        item.contextValue = 'more';
        return item;
      }
      case 'places': {
        const item = new vscode.TreeItem(
          `In ${node.count} file${node.count === 1 ? '' : 's'}`,
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.description = 'the token is written there';
        item.tooltip =
          'Files that hold this token (open files, and every file after Scan Workspace): read it from the environment instead, and rotate it if a file was shared.';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'places';
        return item;
      }
      case 'place': {
        const uri = vscode.Uri.parse(node.uri);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        item.description = vscode.workspace.asRelativePath(uri, false);
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        item.contextValue = 'place';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.command)
          item.command = { command: node.command, title: node.text, arguments: [{ sessionId: node.sessionId }] };
        item.contextValue = 'message';
        return item;
      }
      default:
        return assertNever(node);
    }
  }

  private accountItem(sessionId: string): vscode.TreeItem {
    const d = this.repo.get(sessionId);
    if (d && isLocal(d.record)) return localAccountItem(d);
    const item = new vscode.TreeItem(d?.record.name ?? 'Account', vscode.TreeItemCollapsibleState.Expanded);
    item.id = `account:${sessionId}`;
    const host = d ? new URL(d.record.baseUrl).host : '';
    const count = d?.tokens ? `${d.tokens.length} tokens` : '';
    item.description = [d?.record.email, host, count].filter(Boolean).join(' · ');
    item.tooltip = d ? `${d.record.name} <${d.record.email}>\n${d.record.baseUrl}` : undefined;
    item.iconPath = new vscode.ThemeIcon(d?.loading ? 'loading~spin' : 'organization');
    item.contextValue = 'account';
    return item;
  }

  private tokenItem(sessionId: string, t: TokenMeta): vscode.TreeItem {
    const local = this.repo.localToken(sessionId, t.id);
    if (local)
      return localTokenItem(sessionId, t, local, this.choice.tokenId === t.id, this.repo.get(sessionId)?.scopes);
    const name = parseTokenName(t.name);
    const stored = this.repo.isStored(sessionId, t.id);
    const catalog = this.repo.get(sessionId)?.scopes;
    const item = new vscode.TreeItem(name.token, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `token:${sessionId}:${t.id}`;
    const chosen = this.choice.tokenId === t.id;
    item.description = [name.client, scopesSummary(t.scopes, catalog), chosen ? 'used in this workspace' : '']
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(stored ? 'key' : 'circle-outline');
    item.contextValue = stored ? 'token.stored' : 'token';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMd(name.token)}**`);
    if (name.client) md.appendMarkdown(` — API client: ${escapeMd(name.client)}`);
    md.appendMarkdown(`\n\nid: \`${t.id}\`\n\nscopes: ${t.scopes.join(', ') || '(none)'}`);
    md.appendMarkdown(`\n\ncreated: ${t.createdAt}${t.lastUsedAt ? `, last used: ${t.lastUsedAt}` : ''}`);
    md.appendMarkdown(
      `\n\n$(${stored ? 'key' : 'circle-outline'}) ${stored ? 'Value stored on this machine' : 'Value not stored on this machine'}`,
    );
    item.tooltip = md;
    return item;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify(x)}`);
}
