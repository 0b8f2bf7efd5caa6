import type { Command } from 'commander';
import { action } from '../runtime/action';
import { saveConfig } from '../runtime/config';
import { makeClient, resolveApiUrl } from '../runtime/connection';
import { UsageError } from '../runtime/exit-codes';
import { info, promptSecret, readStdin } from '../runtime/io';
import { connection, withApiUrl } from './options';

/**
 * Stores the API URL and a management credential after checking them with GET /v1/account/.
 * The credential comes from stdin or a hidden prompt, never from argv (shell history, ps).
 */
export function register(program: Command): void {
  withApiUrl(
    program
      .command('login')
      .description('Store a management credential (read from stdin, or a hidden prompt) for an API URL')
      .addHelpText('after', '\nExample:\n  printf %s "$CREDENTIAL" | phq-tokens login --api-url http://127.0.0.1:4010'),
  ).action(
    action(async (ctx, opts: unknown) => {
      ctx.apiUrl = resolveApiUrl(connection(opts));
      let credential: string;
      if (process.stdin.isTTY) credential = await promptSecret(`Management credential for ${ctx.apiUrl}: `);
      else credential = await readStdin();
      if (!credential) throw new UsageError('No credential given: pipe it on stdin or type it at the prompt.');
      const client = makeClient(ctx.apiUrl, credential);
      try {
        const account = await client.account({ signal: ctx.signal });
        const file = saveConfig({ apiUrl: ctx.apiUrl, credential });
        info(`Logged in to ${ctx.apiUrl} as ${account.name} <${account.email}>. Saved in ${file}.`);
      } finally {
        await client.close();
      }
    }),
  );
}
