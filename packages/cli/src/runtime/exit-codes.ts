// Exit codes scripts can rely on (docs/cli.md). One place maps every failure to one.
import { CommanderError } from 'commander';
import { PhqError } from '@phq-tokens/core';

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  unavailable: 5,
  cancelled: 130,
} as const;

/** A problem with how the command was called (missing input, no TTY to confirm...). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure that carries its own exit code and needs no further hint. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return ExitCode.usage;
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (!(e instanceof PhqError)) return ExitCode.failed;
  switch (e.kind) {
    case 'validation':
      return ExitCode.usage;
    case 'unauthorized':
    case 'forbidden':
      return ExitCode.auth;
    case 'not-found':
      return ExitCode.notFound;
    case 'rate-limited':
    case 'server':
    case 'network':
    case 'timeout':
      return ExitCode.unavailable;
    case 'cancelled':
      return ExitCode.cancelled;
    case 'payment-required':
    case 'conflict':
    case 'bad-response':
      return ExitCode.failed;
    default: {
      const never: never = e.kind;
      return never;
    }
  }
}
