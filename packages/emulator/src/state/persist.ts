// Persistence to one JSON file that is never half-written: each write goes to a temp file
// in the same directory, is fsynced, then renamed over the target (rename is atomic on one
// file system), and the directory is fsynced so the rename itself survives a crash.
// Writes are coalesced: while one is in flight, later changes are folded into the next.
import { closeSync, mkdirSync, openSync, fsyncSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot } from './types.js';

export class Persister {
  private dirty = false;
  private running: Promise<void> | undefined;
  private failure: unknown;
  private seq = 0;

  constructor(
    readonly file: string,
    private readonly snapshot: () => Snapshot,
  ) {}

  /** Reads the file if it exists; removes temp files left by a crash mid-write. */
  load(): Snapshot | undefined {
    const dir = path.dirname(this.file);
    mkdirSync(dir, { recursive: true });
    const prefix = `${path.basename(this.file)}.tmp-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix)) unlinkSync(path.join(dir, name));
    }
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    // A corrupt file is never silently replaced: that would destroy the user's state.
    const data = JSON.parse(text) as Snapshot;
    if (data?.version !== 1 || !Array.isArray(data.accounts)) {
      throw new Error(`${this.file} is not an emulator state file (version 1)`);
    }
    return data;
  }

  /** Schedules a write of the current state. */
  schedule(): void {
    this.dirty = true;
    this.running ??= this.drain();
  }

  /** Resolves when everything scheduled so far is on disk; rejects if a write failed. */
  async flush(): Promise<void> {
    await this.running;
    if (this.failure !== undefined) {
      const e = this.failure;
      this.failure = undefined;
      throw e;
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        try {
          await this.writeOnce(JSON.stringify(this.snapshot()));
        } catch (e) {
          this.failure = e;
        }
      }
    } finally {
      this.running = undefined;
    }
  }

  private async writeOnce(text: string): Promise<void> {
    const tmp = `${this.file}.tmp-${process.pid}-${++this.seq}`;
    const fh = await open(tmp, 'w', 0o600); // holds credentials: owner-only
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, this.file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    syncDir(path.dirname(this.file));
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  }
}
