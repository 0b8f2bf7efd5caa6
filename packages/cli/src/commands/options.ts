// Options several commands share, and type guards for what commander hands over (unknown).
import type { Command } from 'commander';
import type { ConnectionFlags } from '../runtime/connection';

export function withApiUrl(cmd: Command): Command {
  return cmd.option(
    '--api-url <url>',
    'API base URL (default: $PHQ_API_URL, the login config, or https://api.predicthq.com)',
  );
}

export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print JSON to stdout instead of a table');
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

export function str(opts: unknown, key: string): string | undefined {
  const v = rec(opts)[key];
  return typeof v === 'string' ? v : undefined;
}

export function bool(opts: unknown, key: string): boolean {
  return rec(opts)[key] === true;
}

export function strList(opts: unknown, key: string): string[] | undefined {
  const v = rec(opts)[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

export function connection(opts: unknown): ConnectionFlags {
  return { apiUrl: str(opts, 'apiUrl') };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
