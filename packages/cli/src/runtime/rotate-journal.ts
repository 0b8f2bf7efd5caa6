// The rotation journal (docs/cli.md, "Rotate: a rotation that was killed"): before each
// network call, `rotate` records the step it is about to take, beside its lock. A rotation
// killed mid-way (kill -9, a crash, a closed laptop) leaves it behind, so the next `rotate`
// of the same token resumes: it sends the create again with the recorded Idempotency-Key,
// and the API answers with the token that create made instead of making a second one.
// Never a token value: ids, names, the key and file paths only.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { configDir } from './config';

export interface RotateJournal {
  version: 1;
  /** The process that wrote it. */
  pid: number;
  oldId: string;
  newName: string;
  scopes: string[];
  idempotencyKey: string;
  envVar: string;
  /** Absolute paths of the env files to write. */
  files: string[];
  /** The step about to run: the create, the file writes, the delete of the old token. */
  step: 'create' | 'write' | 'delete';
  /** Known once the create answered. */
  newId?: string;
  updatedAt: string;
}

export function rotateJournalFile(tokenId: string): string {
  return path.join(configDir(), `rotate-${tokenId}.journal.json`);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The journal a rotation of `tokenId` left, if any (one that cannot be read is none). */
export function readRotateJournal(tokenId: string): RotateJournal | undefined {
  let j: Partial<RotateJournal>;
  try {
    j = JSON.parse(readFileSync(rotateJournalFile(tokenId), 'utf8')) as Partial<RotateJournal>;
  } catch {
    return undefined;
  }
  const ok =
    j.version === 1 &&
    j.oldId === tokenId &&
    typeof j.newName === 'string' &&
    typeof j.idempotencyKey === 'string' &&
    typeof j.envVar === 'string' &&
    isStringArray(j.scopes) &&
    isStringArray(j.files) &&
    (j.step === 'create' || j.step === 'write' || j.step === 'delete');
  return ok ? (j as RotateJournal) : undefined;
}

/** Records the next step; written whole (temporary file + rename), mode 600, before the call it names. */
export function writeRotateJournal(j: Omit<RotateJournal, 'version' | 'pid' | 'updatedAt'>): void {
  const file = rotateJournalFile(j.oldId);
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const body: RotateJournal = { version: 1, pid: process.pid, ...j, updatedAt: new Date().toISOString() };
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

export function removeRotateJournal(tokenId: string): void {
  rmSync(rotateJournalFile(tokenId), { force: true });
}
