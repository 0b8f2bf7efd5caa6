import type { Command } from 'commander';
import { validateTokenId, validateTokenName } from '@phq-tokens/core';
import { action, withClient } from '../runtime/action';
import { info, out } from '../runtime/io';
import { bool, connection, json, withApiUrl, withJson } from './options';
import { quoteName } from '../scan/quote-path';

export function register(program: Command): void {
  withJson(
    withApiUrl(
      program
        .command('rename')
        .description('Rename a token (its scopes and value do not change)')
        .argument('<id>', 'token id (tok_...)')
        .argument('<name>', 'new name (1..100 characters; "Client | Token" for a legacy-style name)'),
    ),
  ).action(
    action(async (ctx, id: unknown, name: unknown, opts: unknown) => {
      const tokenId = validateTokenId(id);
      const newName = validateTokenName(name);
      const token = await withClient(ctx, connection(opts), (c) => c.rename(tokenId, newName, { signal: ctx.signal }));
      if (bool(opts, 'json')) out(json(token));
      else info(`Renamed ${token.id} to ${quoteName(token.name)}.`);
    }),
  );
}
