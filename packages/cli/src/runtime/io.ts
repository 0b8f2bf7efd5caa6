// Terminal I/O. stdout carries only results (a secret only from `create`); everything a
// human reads goes to stderr, so `phq-tokens create ... > file` captures just the value.
import { createInterface } from 'node:readline/promises';
import { PhqError } from '@phq-tokens/core';

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function info(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Asks a yes/no question on the terminal; anything but y/yes is no. Ctrl-C cancels. */
export async function confirm(question: string, signal: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const ac = new AbortController();
  const abort = () => ac.abort();
  // On a terminal readline turns Ctrl-C into its own 'SIGINT' event, not the process signal.
  rl.on('SIGINT', abort);
  signal.addEventListener('abort', abort, { once: true });
  try {
    const answer = await rl.question(`${question} [y/N] `, { signal: ac.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (e) {
    if (ac.signal.aborted) throw new PhqError('cancelled', 'Cancelled.');
    throw e;
  } finally {
    signal.removeEventListener('abort', abort);
    rl.close();
  }
}

/** Reads a line without echoing it (raw mode), for secrets typed or pasted at a prompt. */
export function promptSecret(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value.trim());
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new PhqError('cancelled', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    // Raw mode first: keys typed as soon as the prompt shows must not be echoed.
    stdin.setRawMode(true);
    process.stderr.write(question);
    stdin.resume();
    stdin.on('data', onData);
  });
}
