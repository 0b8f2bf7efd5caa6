// Test helpers: token-shaped values are generated at run time (never committed), and
// `mark` finds the exact range of a snippet in a sample so tables stay readable.
import { randomBytes } from 'node:crypto';
import type { Finding } from '../src';

/** A token-shaped value (43 chars of base64url, like the real format), obviously fake. */
export function fakeToken(): string {
  return ('FAKE' + randomBytes(30).toString('base64url')).slice(0, 43);
}

export interface Expect {
  rule: string;
  line: number;
  start: number;
  end: number;
}

/**
 * Expected finding for the `nth` occurrence of `needle` in `text`. A needle "context|target"
 * finds the context and means the target right after it.
 */
export function at(text: string, needle: string, rule: string, nth = 0): Expect {
  const bar = needle.indexOf('|');
  if (bar > 0) {
    const e = at(text, needle.replace('|', ''), rule, nth);
    return { ...e, start: e.start + bar };
  }
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" not in sample`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  const start = idx - (before.lastIndexOf('\n') + 1);
  return { rule, line, start, end: start + needle.length };
}

export function summary(
  findings: Finding[],
  kinds: readonly string[] = ['placeholder', 'hardcoded-token', 'known-token', 'browser-exposure'],
): Expect[] {
  return findings
    .filter((f) => kinds.includes(f.kind))
    .map((f) => ({
      rule: f.ruleId,
      line: f.range.start.line,
      start: f.range.start.character,
      end: f.range.end.character,
    }));
}
