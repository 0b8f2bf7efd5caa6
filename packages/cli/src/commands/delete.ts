import type { Command } from 'commander';
import { validateTokenId } from '@phq-tokens/core';
import { action, withClient } from '../runtime/action';
import { UsageError } from '../runtime/exit-codes';
import { confirm, info, isInteractive } from '../runtime/io';
import { bool, connection, withApiUrl } from './options';
import { quoteName } from '../scan/quote-path';

export function register(program: Command): void {
  withApiUrl(
    program
      .command('delete')
      .description('Delete a token: apps using it stop working at once (asks first unless --yes)')
      .argument('<id>', 'token id (tok_...)')
      .option('-y, --yes', 'do not ask for confirmation (required without a terminal)'),
  ).action(
    action(async (ctx, id: unknown, opts: unknown) => {
      const tokenId = validateTokenId(id);
      const yes = bool(opts, 'yes');
      if (!yes && !isInteractive())
        throw new UsageError('Refusing to delete without confirmation: no terminal to ask on. Pass --yes.');
      await withClient(ctx, connection(opts), async (c) => {
        let label = tokenId;
        if (!yes) {
          const token = await c.get(tokenId, { signal: ctx.signal });
          label = `${token.id} ${quoteName(token.name)}`;
          if (!(await confirm(`Delete token ${label}? Anything using it will get 401.`, ctx.signal))) {
            info('Not deleted.');
            return;
          }
        }
        await c.delete(tokenId, { signal: ctx.signal });
        info(`Deleted ${label}.`);
      });
    }),
  );
}
