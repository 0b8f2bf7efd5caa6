// Plain aligned columns: readable in a terminal, greppable, no colour codes.

const MAX_CELL = 48;

function cell(v: string): string {
  return v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v;
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
