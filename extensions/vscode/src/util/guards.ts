// Type guards for command arguments, which arrive as `unknown` (docs/conventions.md, "Commands"): from menus
// (a tree node), from the palette (nothing), from tests and other extensions (plain objects).
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stringProp(v: unknown, key: string): string | undefined {
  return isRecord(v) && typeof v[key] === 'string' ? v[key] : undefined;
}

export function stringArrayProp(v: unknown, key: string): string[] | undefined {
  if (!isRecord(v)) return undefined;
  const a = v[key];
  return Array.isArray(a) && a.every((s) => typeof s === 'string') ? a : undefined;
}

export function booleanProp(v: unknown, key: string): boolean | undefined {
  return isRecord(v) && typeof v[key] === 'boolean' ? v[key] : undefined;
}

export function positiveIntegerProp(v: unknown, key: string): number | undefined {
  const x = isRecord(v) ? v[key] : undefined;
  return typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : undefined;
}
