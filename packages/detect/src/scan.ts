import type { Finding, ScanOptions } from './types';
import { normalizeBreaks, scanBlock, Walker } from './engine';
import { initialState } from './lexer/types';
import { compileOptions } from './rules/context';
import { reportFollowed } from './rules/follow';
import { compareFindings } from './rules/judge';

/** Every finding in `text`, in document order. Pure: same text and options, same findings. */
export function scan(text: string, options: ScanOptions): Finding[] {
  return scanWith(text, options, false);
}

/** `exhaustive` lexes every line instead of skipping those that cannot change the state (for tests). */
export function scanWith(raw: string, options: ScanOptions, exhaustive: boolean): Finding[] {
  return scanFollowing(raw, options, exhaustive).findings;
}

/** The findings, and whether any came from following a value to its sink (rules/follow.ts). */
export function scanFollowing(
  raw: string,
  options: ScanOptions,
  exhaustive = false,
): { findings: Finding[]; followed: boolean } {
  const text = normalizeBreaks(raw);
  const ctx = compileOptions(options);
  const out: Finding[] = [];
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() }, exhaustive);
  scanBlock(ctx, text, walker, 0, text.length, out, 0, false);
  if (ctx.follow) {
    const n = out.length;
    reportFollowed(ctx, text, out);
    if (out.length > n) out.sort(compareFindings);
  }
  return { findings: out, followed: ctx.follow !== undefined };
}
