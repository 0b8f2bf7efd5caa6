// `phq-tokens keyring store [NAME] --stdin` / `keyring delete [NAME]`: a token in the OS
// keyring, for `run --keyring [NAME]` (docs/cli.md, "run"). The value only from stdin.
import type { Command } from 'commander';
import { cleanTokenInput } from '@phq-tokens/core';
import { action } from '../runtime/action';
import { CliError, ExitCode, UsageError } from '../runtime/exit-codes';
import { info, readStdin } from '../runtime/io';
import { KEYRING_SERVICE, deleteKeyring, storeKeyring } from '../run/keyring';
import { bool } from './options';

export function register(program: Command): void {
  const keyring = program.command('keyring').description('Keep a token in the OS keyring for "run --keyring"');
  keyring
    .command('store')
    .description('Store a token (from --stdin) in the OS keyring')
    .argument('[name]', 'the entry name', 'default')
    .option('--stdin', 'read the token value from stdin (required)')
    .action(
      action(async (_ctx, name: string, opts: unknown) => {
        if (!bool(opts, 'stdin')) throw new UsageError('Pipe the token with --stdin (never as an argument).');
        const cleaned = cleanTokenInput(await readStdin());
        if (!cleaned.ok) throw new UsageError(cleaned.message);
        await storeKeyring(name, cleaned.value);
        info(`stored token "${name}" in the OS keyring (service ${KEYRING_SERVICE})`);
      }),
    );
  keyring
    .command('delete')
    .description('Remove a token from the OS keyring')
    .argument('[name]', 'the entry name', 'default')
    .action(
      action(async (_ctx, name: string) => {
        if (!(await deleteKeyring(name)))
          throw new CliError(`The OS keyring has no token "${name}".`, ExitCode.notFound);
        info(`deleted token "${name}" from the OS keyring`);
      }),
    );
}
