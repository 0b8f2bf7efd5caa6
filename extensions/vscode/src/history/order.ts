// The order of Scan Git History's findings, by what matters: tokens before placeholders, and
// first the token removed since but still in history (a leak people believe is fixed: it is in
// every clone until rotated), then tokens still in HEAD, other findings, placeholders last.
// Pure, unit tested; stable within a rank (the CLI's order: file, then line).

export interface Orderable {
  kind: string;
  inHead: boolean;
}

const TOKEN_KINDS = new Set(['known-token', 'hardcoded-token']);

function rank(f: Orderable): number {
  if (TOKEN_KINDS.has(f.kind)) return f.inHead ? 1 : 0;
  return f.kind === 'placeholder' ? 3 : 2;
}

export function orderFindings<T extends Orderable>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.f);
}
