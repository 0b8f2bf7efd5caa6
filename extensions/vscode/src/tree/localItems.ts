// Tree items of "Tokens on this machine": tokens added from the WebApp, whose scopes were
// probed over the public API (granted / unknown), when they were checked, and whether the
// last check said revoked.
import * as vscode from 'vscode';
import type { AccountData } from '../tokens/repository';
import { parseTokenName, type ScopeInfo, type TokenMeta } from '../core';
import { unknownOf, type LocalToken } from '../tokens/localTokens';
import { scopesSummary } from './labels';

export function localAccountItem(d: AccountData): vscode.TreeItem {
  const item = new vscode.TreeItem(d.record.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `account:${d.record.sessionId}`;
  const host = new URL(d.record.baseUrl).host;
  item.description = [host, d.tokens ? `${d.tokens.length} token${d.tokens.length === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' · ');
  item.tooltip = `Tokens you added from the PredictHQ WebApp, checked against ${d.record.baseUrl}.\nValues are kept in VS Code's secret storage on this machine.`;
  item.iconPath = new vscode.ThemeIcon('device-desktop');
  item.contextValue = 'account.local';
  return item;
}

const day = (iso: string) => iso.slice(0, 10);

export function localTokenItem(
  sessionId: string,
  t: TokenMeta,
  local: LocalToken,
  chosen: boolean,
  catalog: readonly ScopeInfo[] | undefined,
): vscode.TreeItem {
  const name = parseTokenName(t.name);
  const unknown = unknownOf(local);
  const item = new vscode.TreeItem(name.token, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `token:${sessionId}:${t.id}`;
  const scopes = local.revokedAt
    ? 'revoked'
    : local.toRevokeSince
      ? 'rotated: to revoke in the WebApp'
      : `${scopesSummary(t.scopes, catalog)}${unknown.length ? ` (+${unknown.length} unknown)` : ''}`;
  item.description = [name.client, scopes, chosen ? 'used in this workspace' : ''].filter(Boolean).join(' · ');
  item.iconPath = local.revokedAt
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
    : local.probe.subscriptionExpired
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('key');
  item.contextValue = local.revokedAt ? 'token.stored.local.revoked' : 'token.stored.local';
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMd(name.token)}**`);
  if (name.client) md.appendMarkdown(` — API client: ${escapeMd(name.client)}`);
  if (local.revokedAt)
    md.appendMarkdown(
      `\n\n$(error) **Revoked**: PredictHQ answered 401 on ${day(local.revokedAt)}. Forget it here, and replace it where it is used.`,
    );
  if (local.probe.subscriptionExpired)
    md.appendMarkdown('\n\n$(warning) The subscription has expired (402): calls fail until it is renewed.');
  md.appendMarkdown(`\n\nscopes: ${t.scopes.join(', ') || '(none)'}`);
  if (unknown.length) md.appendMarkdown(`\n\nunknown (the API did not answer the check): ${unknown.join(', ')}`);
  const inferred = local.probe.families.filter((f) => f.inferred && f.state === 'granted').map((f) => f.scope);
  if (inferred.length)
    md.appendMarkdown(
      `\n\n${inferred.join(', ')}: granted because the request passed the scope check and was refused only for missing parameters (likely, not documented by PredictHQ)`,
    );
  md.appendMarkdown(
    `\n\nadded ${day(local.addedAt)}, scopes last checked ${local.probe.checkedAt.replace('T', ' ').slice(0, 16)} UTC`,
  );
  md.appendMarkdown(
    '\n\n$(key) Value stored on this machine. Renaming and forgetting here do not change the token in the PredictHQ WebApp.',
  );
  item.tooltip = md;
  return item;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
