import type { Command } from 'commander';
import { action, withClient } from '../runtime/action';
import { out } from '../runtime/io';
import { table } from '../runtime/table';
import { bool, connection, json, withApiUrl, withJson } from './options';

export function register(program: Command): void {
  withJson(withApiUrl(program.command('scopes').description('List the scopes a token can be given'))).action(
    action(async (ctx, opts: unknown) => {
      const scopes = await withClient(ctx, connection(opts), (c) => c.scopes({ signal: ctx.signal }));
      if (bool(opts, 'json')) return out(json(scopes));
      out(
        table(
          ['SCOPE', 'LABEL', 'UNLOCKS'],
          scopes.map((s) => [s.id, s.label, s.pathPrefixes.join(' ')]),
        ),
      );
    }),
  );
}
