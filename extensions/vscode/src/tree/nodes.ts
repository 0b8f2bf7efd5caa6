// The kinds of node in the API Tokens tree, as a discriminated union (docs/conventions.md, "Views").
import type { TokenMeta } from '@phq-tokens/core';

export type TreeNode =
  | { kind: 'account'; sessionId: string }
  | { kind: 'token'; sessionId: string; token: TokenMeta }
  | { kind: 'scope'; sessionId: string; tokenId: string; scope: string; unknown?: boolean }
  | { kind: 'more'; sessionId: string; hidden: number }
  | { kind: 'places'; sessionId: string; tokenId: string; count: number }
  | { kind: 'place'; sessionId: string; tokenId: string; uri: string }
  | { kind: 'message'; sessionId: string; text: string; icon: string; command?: string };

export function isTreeNode(v: unknown): v is TreeNode {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Record<string, unknown>;
  return (
    typeof n.sessionId === 'string' &&
    (n.kind === 'account' ||
      n.kind === 'token' ||
      n.kind === 'scope' ||
      n.kind === 'more' ||
      n.kind === 'message' ||
      n.kind === 'places' ||
      n.kind === 'place')
  );
}
