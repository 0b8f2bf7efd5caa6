// The baseline: findings a team has accepted for now, so that an existing repository can turn
// the hook and CI on before every old finding is fixed (docs/scan.md, "Adopting in an existing
// repository"). An entry is rule + path + the finding's own text, so it survives line moves
// and edits elsewhere in the file. A token finding's text is a keyed hash (HMAC-SHA256, the
// baseline's random salt as key) of the engine's fingerprint: the file holds no token value,
// no part of one (not even the masked form) and no plain fingerprint that could be matched
// against other lists.
import { createHmac, randomBytes } from 'node:crypto';
import schema from '../schema/phq-tokens-baseline.schema.json';
import { readConfigText, readJsonWithSchema } from './jsonFile';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_NAME = '.phq-tokens-baseline.json';

export interface BaselineEntry {
  rule: string;
  /** Relative to the project root (the folder of .phq-tokens.json), forward slashes. */
  path: string;
  text: string;
}

export interface Baseline {
  salt: string;
  entries: BaselineEntry[];
}

/** What a finding contributes to its entry (structurally a detect Finding). */
export interface FindingLike {
  ruleId: string;
  match: string;
  data: { fingerprint?: string };
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The same secret is `phq/known-token` where the scanner knows the user's tokens (the editor)
 * and `phq/hardcoded-token` where it does not (CI): one entry covers both.
 */
function ruleKey(ruleId: string): string {
  return ruleId === 'phq/known-token' ? 'phq/hardcoded-token' : ruleId;
}

/**
 * A finding's own text: the placeholder or variable name as written, or for a token a keyed
 * hash of its fingerprint. `fingerprint` overrides the finding's (the language server knows a
 * redacted known token by its id and passes the value's fingerprint from the token list).
 */
export function findingText(f: FindingLike, salt: string, fingerprint = f.data.fingerprint): string {
  if (fingerprint === undefined) return f.match;
  return 'hmac:' + createHmac('sha256', salt).update(fingerprint).digest('hex').slice(0, 32);
}

function key(rule: string, path: string, text: string): string {
  return `${ruleKey(rule)}\0${path}\0${text}`;
}

export function entryFor(f: FindingLike, path: string, salt: string, fingerprint?: string): BaselineEntry {
  return { rule: ruleKey(f.ruleId), path, text: findingText(f, salt, fingerprint ?? f.data.fingerprint) };
}

/** The file's text: entries sorted and unique, so a rewrite changes only what changed. */
export function formatBaseline(b: Baseline): string {
  const unique = new Map<string, BaselineEntry>();
  for (const e of b.entries) unique.set(key(e.rule, e.path, e.text), { rule: e.rule, path: e.path, text: e.text });
  const entries = [...unique.values()].sort(
    (x, y) => cmp(x.path, y.path) || cmp(x.rule, y.rule) || cmp(x.text, y.text),
  );
  return JSON.stringify({ version: BASELINE_VERSION, salt: b.salt, entries }, null, 2) + '\n';
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function parseBaseline(text: string, file: string): Baseline {
  const { value } = readJsonWithSchema<Baseline & { version: number }>(text, file, schema);
  return { salt: value.salt, entries: value.entries };
}

export function readBaseline(file: string): Baseline {
  return parseBaseline(readConfigText(file, 'cannot read the baseline'), file);
}

/** Matches findings against a baseline and remembers which entries were seen. */
export class BaselineMatcher {
  private readonly keys = new Map<string, BaselineEntry>();
  private readonly seen = new Set<string>();

  constructor(readonly baseline: Baseline) {
    for (const e of baseline.entries) this.keys.set(key(e.rule, e.path, e.text), e);
  }

  /** Whether the finding at `path` (relative to the project root) is in the baseline. */
  has(f: FindingLike, path: string, fingerprint?: string): boolean {
    const k = key(f.ruleId, path, findingText(f, this.baseline.salt, fingerprint ?? f.data.fingerprint));
    if (!this.keys.has(k)) return false;
    this.seen.add(k);
    return true;
  }

  /** Entries no finding matched, among those `inScope` says this scan looked at. */
  unmatched(inScope: (e: BaselineEntry) => boolean): BaselineEntry[] {
    return [...this.keys].filter(([k, e]) => !this.seen.has(k) && inScope(e)).map(([, e]) => e);
  }
}
