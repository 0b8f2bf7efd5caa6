// What the rename box selects: only the token part of a legacy "Client | Token" name, so
// typing replaces it and the client prefix stays unless the user edits it. Pure.
import { parseTokenName } from '../core';

export function renameSelection(name: string): [number, number] {
  const parsed = parseTokenName(name);
  if (parsed.client === null) return [0, name.length];
  const start = name.lastIndexOf(parsed.token);
  return [start < 0 ? 0 : start, name.length];
}
