// Inline suppression: `phq-ignore` anywhere on a line silences that line, and
// `phq-ignore-next-line` the line below. Either may name rule ids or finding kinds
// (`phq-ignore phq/placeholder, hardcoded-token`); without names it silences everything.
// Plain text matching on purpose: it works the same in every comment syntax.

export type Suppression = true | ReadonlySet<string>;

const NAMES = /(?:phq\/[\w-]+|placeholder|hardcoded-token|known-token|browser-exposure|endpoint)\b/g;

function directive(lineText: string, nextLine: boolean): Suppression | null {
  let at = lineText.indexOf('phq-ignore');
  while (at >= 0) {
    const isNext = lineText.startsWith('-next-line', at + 10);
    if (isNext === nextLine) {
      const rest = lineText.slice(at + (isNext ? 20 : 10));
      const names = rest.match(NAMES);
      return names ? new Set(names) : true;
    }
    at = lineText.indexOf('phq-ignore', at + 10);
  }
  return null;
}

/** Suppression in force for the line text[ls, le), or null. Searches stay within the two lines. */
export function suppressionFor(text: string, ls: number, le: number): Suppression | null {
  const lineText = text.slice(ls, le);
  const same = lineText.includes('phq-ignore') ? directive(lineText, false) : null;
  let prev: Suppression | null = null;
  if (ls > 0) {
    const prevText = text.slice(text.lastIndexOf('\n', ls - 2) + 1, ls - 1);
    if (prevText.includes('phq-ignore-next-line')) prev = directive(prevText, true);
  }
  if (same === true || prev === true) return true;
  if (same && prev) return new Set([...same, ...prev]);
  return same ?? prev;
}

export function isSuppressed(s: Suppression | null, ruleId: string, kind: string): boolean {
  if (s === null) return false;
  return s === true || s.has(ruleId) || s.has(kind);
}
