import type { Finding, ScanOptions } from './types';
import { Walker } from './engine';
import { scanBlock } from './engine';
import { initialState } from './lexer/types';
import { compileOptions } from './rules/context';

/** Every finding in `text`, in document order. Pure: same text and options, same findings. */
export function scan(text: string, options: ScanOptions): Finding[] {
  const ctx = compileOptions(options);
  const out: Finding[] = [];
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() });
  scanBlock(ctx, text, walker, 0, text.length, out, 0, false);
  return out;
}
