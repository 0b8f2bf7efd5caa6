// End-to-end harness: builds dist/cli.js once, starts the emulator in this process and
// spawns the bundle (asynchronously: a blocking spawn would also block the emulator).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';

export const pkgDir = path.resolve(__dirname, '..');
export const cliJs = path.join(pkgDir, 'dist', 'cli.js');

let built = false;

/** Builds dist/cli.js from the current sources, once per mocha process. */
export function buildCli(): void {
  if (built) return;
  built = true;
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: pkgDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  /** Called once the process is running (e.g. to send it SIGINT). */
  onSpawn?: (pid: number) => void;
}

export function tmp(prefix = 'phq-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A clean environment: no inherited PHQ_* variables, a private config home. */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PHQ_')) env[k] = v;
  const home = tmp('phq-home-');
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), FORCE_COLOR: '0' });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function run(args: string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // The bin itself, through its shebang, exactly as a user runs it.
    const child = spawn(cliJs, args, { cwd: o.cwd ?? tmp(), env: o.env ?? baseEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
    if (child.pid !== undefined) o.onSpawn?.(child.pid);
    // A command that exits before reading stdin closes the pipe: not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(o.input ?? '');
  });
}

/** Runs the CLI under a pseudo-terminal (util-linux `script`), feeding `input` as keystrokes. */
export function runInTty(args: string[], o: RunOptions & { input: string; prompt: RegExp }): Promise<RunResult> {
  const quoted = [cliJs, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], { cwd: o.cwd ?? tmp(), env: o.env ?? baseEnv() });
    let stdout = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Type only once the prompt is shown, as a person would (and after raw mode is on).
      if (!typed && o.prompt.test(stdout)) {
        typed = true;
        child.stdin.write(o.input);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr: '' });
    });
  });
}

export class CliHarness {
  emu!: RunningEmulator;

  async start(): Promise<void> {
    buildCli();
    this.emu = await startEmulator({ port: 0, quiet: true });
  }

  stop(): Promise<void> {
    return this.emu.close();
  }

  /** A fresh account; returns its management credential. */
  account(name = 'CLI Org'): string {
    return this.emu.state.createAccount(name).credential;
  }

  /** Environment for a command run against the emulator with the given credential. */
  env(credential: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
    return baseEnv({
      PHQ_API_URL: this.emu.url,
      PHQ_MANAGEMENT_TOKEN: credential,
      // Fast retries keep exit-code tests quick; the schedule itself is tested in core.
      PHQ_TOKENS_RETRY_BASE_MS: '5',
      PHQ_TOKENS_RETRY_JITTER_MS: '0',
      ...extra,
    });
  }
}
