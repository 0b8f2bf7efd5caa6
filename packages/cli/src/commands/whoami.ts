import type { Command } from 'commander';
import { action, withClient } from '../runtime/action';
import { out } from '../runtime/io';
import { bool, connection, json, withApiUrl, withJson } from './options';

export function register(program: Command): void {
  withJson(
    withApiUrl(program.command('whoami').description('Show the account the management credential belongs to')),
  ).action(
    action(async (ctx, opts: unknown) => {
      const account = await withClient(ctx, connection(opts), (c) => c.account({ signal: ctx.signal }));
      if (bool(opts, 'json')) out(json({ ...account, apiUrl: ctx.apiUrl }));
      else out(`${account.name} <${account.email}> (${account.id}) at ${ctx.apiUrl}`);
    }),
  );
}
