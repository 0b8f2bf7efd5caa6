// Plain aligned columns: readable in a terminal, greppable, no colour codes. A cell with a
// control, bidi or line-separator character (a token name can hold any) is quoted and escaped
// as file names are, so it cannot reorder or split the lines around it.
import { quotePath } from '../scan/quote-path';

const MAX_CELL = 48;

function cell(v: string): string {
  // Cut before escaping, so an escape is never cut in half.
  return quotePath(v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v);
}

export function table(headers: string[], rows: string[][]): string {
  const all = [headers, ...rows].map((r) => r.map(cell));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
