import type { Command } from 'commander';
import { parseTokenName, type TokenMeta } from '@phq-tokens/core';
import { action, withClient } from '../runtime/action';
import { info, out } from '../runtime/io';
import { table } from '../runtime/table';
import { bool, connection, json, withApiUrl, withJson } from './options';

/** Legacy "Client | Token" names are shown as the token name plus its API client. */
function row(t: TokenMeta) {
  const { client, token } = parseTokenName(t.name);
  return { ...t, tokenName: token, client };
}

export function register(program: Command): void {
  withJson(withApiUrl(program.command('list').description('List the tokens of the account (all pages)'))).action(
    action(async (ctx, opts: unknown) => {
      const showProgress = Boolean(process.stderr.isTTY);
      const asJson = bool(opts, 'json');
      // When one of the two calls fails, stop the other (and its retries) at once.
      const sibling = new AbortController();
      const signal = AbortSignal.any([ctx.signal, sibling.signal]);
      const stopOther = (e: unknown) => {
        sibling.abort();
        throw e;
      };
      const [tokens, catalog] = await withClient(ctx, connection(opts), (c) =>
        Promise.all([
          c
            .listAll({
              signal,
              onProgress: showProgress
                ? (n, total) => process.stderr.write(`\rLoading tokens ${n}/${total}`)
                : undefined,
            })
            .catch(stopOther),
          // Only to print "all" instead of eleven scope ids in the table.
          asJson ? Promise.resolve([]) : c.scopes({ signal }).catch(stopOther),
        ]),
      );
      const allScopes = catalog.length;
      if (showProgress) process.stderr.write('\r\x1b[K');
      const rows = tokens.map(row);
      if (asJson) return out(json(rows));
      if (rows.length === 0) return info('No tokens.');
      out(
        table(
          ['ID', 'NAME', 'CLIENT', 'SCOPES', 'CREATED', 'LAST USED'],
          rows.map((r) => [
            r.id,
            r.tokenName,
            r.client ?? '-',
            allScopes > 0 && r.scopes.length === allScopes ? 'all' : r.scopes.join(','),
            r.createdAt.slice(0, 10),
            r.lastUsedAt ? r.lastUsedAt.slice(0, 16).replace('T', ' ') : 'never',
          ]),
        ),
      );
      info(`${rows.length} token${rows.length === 1 ? '' : 's'}`);
    }),
  );
}
